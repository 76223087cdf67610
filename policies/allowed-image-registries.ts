import type { PolicyDefinition } from '../constructs/kyverno/policy-definition';
import type { Pattern } from '../constructs/kyverno/types';
import { compliantContainer, compliantInitContainer, pod } from './support/resources';
import { TENANT_PODS } from './support/scope';
import { ORGANISATION_GHCR, PLATFORM_REGISTRY, TRUSTED_REGISTRIES } from './support/trust';

/**
 * Kyverno's `a | b` alternatives: the image must match one of the trusted prefixes. The prefixes
 * end in `/`, so a look-alike host such as `registry.gitops-cdk.example.evil.com` does not match.
 */
const TRUSTED_IMAGE_PATTERN = TRUSTED_REGISTRIES.map((prefix) => `${prefix}*`).join(' | ');

const FROM_TRUSTED_REGISTRY: Pattern = { image: TRUSTED_IMAGE_PATTERN };

/** Only images the platform's registry has mirrored and scanned run in tenant namespaces. */
export const allowedImageRegistries: PolicyDefinition = {
  name: 'allowed-image-registries',
  title: 'Allowed Image Registries',
  category: 'Supply Chain',
  severity: 'high',
  description:
    'Container images must come from the platform registries, which mirror, scan and sign upstream images. An image pulled ' +
    'straight from a public registry has not been scanned and can change or disappear under the same tag.',
  release: '1.0.0',
  controls: {
    soc2: ['CC6.8', 'CC7.1'],
    pciDss: ['6.3.2', '6.3.3'],
    iso27001: ['A.8.7', 'A.8.19'],
    cisKubernetes: ['5.5.1'],
  },
  rules: [
    {
      type: 'validate',
      name: 'validate-registries',
      ...TENANT_PODS,
      message: `Images must come from a trusted registry (${TRUSTED_REGISTRIES.join(', ')}). Mirror the image there and reference the mirrored copy.`,
      // Init and ephemeral containers run with the pod's privileges too, so they are held to the same registries.
      check: {
        pattern: {
          spec: {
            containers: [FROM_TRUSTED_REGISTRY],
            '=(initContainers)': [FROM_TRUSTED_REGISTRY],
            '=(ephemeralContainers)': [FROM_TRUSTED_REGISTRY],
          },
        },
      },
    },
  ],
  cases: [
    { description: 'an image from the platform registry', rule: 'validate-registries', expect: 'pass', resource: pod('platform-registry') },
    {
      description: 'an image from the organisation on GitHub Container Registry',
      rule: 'validate-registries',
      expect: 'pass',
      resource: pod('ghcr-organisation', { containers: [compliantContainer({ image: `${ORGANISATION_GHCR}api:1.4.2` })] }),
    },
    {
      description: 'an image from Docker Hub',
      rule: 'validate-registries',
      expect: 'fail',
      resource: pod('docker-hub', { containers: [compliantContainer({ image: 'docker.io/library/nginx:1.27.3' })] }),
    },
    {
      description: 'an image without a registry defaults to Docker Hub',
      rule: 'validate-registries',
      expect: 'fail',
      resource: pod('implicit-docker-hub', { containers: [compliantContainer({ image: 'nginx:1.27.3' })] }),
    },
    {
      description: 'a look-alike host that starts with the trusted registry name',
      rule: 'validate-registries',
      expect: 'fail',
      resource: pod('look-alike-registry', { containers: [compliantContainer({ image: `${PLATFORM_REGISTRY.replace(/\/$/, '')}.evil.com/team-a/api:1.4.2` })] }),
    },
    {
      description: 'another organisation on GitHub Container Registry',
      rule: 'validate-registries',
      expect: 'fail',
      resource: pod('ghcr-other-organisation', { containers: [compliantContainer({ image: 'ghcr.io/someone-else/api:1.4.2' })] }),
    },
    {
      description: 'an init container from an untrusted registry',
      rule: 'validate-registries',
      expect: 'fail',
      resource: pod('untrusted-init-container', {
        initContainers: [compliantInitContainer({ name: 'init', image: 'docker.io/library/busybox:1.36.1' })],
      }),
    },
  ],
};
