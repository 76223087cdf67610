import type { PolicyDefinition } from '../constructs/kyverno/policy-definition';
import { compliantContainer, pod } from './support/resources';
import { TENANT_PODS } from './support/scope';
import { ORGANISATION_GHCR, RELEASE_SIGNER, TRUSTED_REGISTRIES } from './support/trust';

const RULE = 'verify-release-signature';

/** A registry path proves nothing about who built the image; a Sigstore signature does. */
export const verifyImageSignatures: PolicyDefinition = {
  name: 'verify-image-signatures',
  title: 'Verify Image Signatures',
  category: 'Supply Chain',
  severity: 'critical',
  description:
    "Images from the platform's registries must carry a cosign keyless signature from the organisation's release workflow " +
    '(Fulcio certificate for the GitHub Actions identity, recorded in the Rekor transparency log), so an image pushed outside ' +
    'the release workflow, for example with leaked registry credentials, is refused. The admitted image is pinned to the ' +
    'verified digest, so what runs is what was verified even if the tag moves later.',
  release: '1.2.0',
  controls: {
    soc2: ['CC6.8', 'CC7.1', 'CC8.1'],
    pciDss: ['6.3.2', '6.5.1'],
    iso27001: ['A.8.19', 'A.8.25', 'A.8.32'],
    cisKubernetes: ['5.5.1'],
  },
  rules: [
    {
      type: 'verifyImages',
      name: RULE,
      ...TENANT_PODS,
      // Other registries are allowed-image-registries' concern: it refuses them before a signature matters.
      imageReferences: TRUSTED_REGISTRIES.map((prefix) => `${prefix}*`),
      keyless: RELEASE_SIGNER,
    },
  ],
  // No `pass` case: it needs an image really signed by the release workflow, and registry and Rekor access to check it.
  cases: [
    {
      description: "an image outside the trusted registries is not this rule's to verify (no network needed)",
      rule: RULE,
      expect: 'skip',
      resource: pod('untrusted-registry', { containers: [compliantContainer({ image: 'docker.io/library/busybox:1.36.1' })] }),
    },
    {
      // ghcr.io, not registry.gitops-cdk.example: that host never resolves, and Kyverno reports a network error as `error`, not `fail`.
      description: 'an unsigned image in a trusted registry (needs network access to ghcr.io; offline the CLI reports error)',
      rule: RULE,
      expect: 'fail',
      resource: pod('unsigned-image', { containers: [compliantContainer({ image: `${ORGANISATION_GHCR}unsigned-probe:0.0.1` })] }),
    },
  ],
};
