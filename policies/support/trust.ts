import type { KeylessAttestor } from '../../constructs/kyverno/types';

/**
 * Registries tenant images may come from: the platform's own registry, which mirrors and scans
 * upstream images. Prefixes end in `/` so `registry.gitops-cdk.example.evil.com` does not match.
 */
export const TRUSTED_REGISTRIES: readonly string[] = ['registry.gitops-cdk.example/', 'ghcr.io/gitops-cdk/'];

/**
 * Who may sign images: the organisation's GitHub Actions release workflows on the protected
 * branch, through Sigstore keyless signing (Fulcio certificate, Rekor transparency log).
 */
export const RELEASE_SIGNER: KeylessAttestor = {
  subject: 'https://github.com/gitops-cdk/*/.github/workflows/release.yaml@refs/heads/main',
  issuer: 'https://token.actions.githubusercontent.com',
  rekor: { url: 'https://rekor.sigstore.dev' },
};
