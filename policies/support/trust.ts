import type { KeylessAttestor } from '../../constructs/kyverno/types';

/** The organisation's own registry, which mirrors and scans upstream images. */
export const PLATFORM_REGISTRY = 'registry.gitops-cdk.example/';

/** The organisation on GitHub: its repositories build and sign the images. */
export const GITHUB_ORGANISATION = 'gitops-cdk';

/** The organisation on GitHub Container Registry, where its release workflows push. */
export const ORGANISATION_GHCR = `ghcr.io/${GITHUB_ORGANISATION}/`;

/**
 * Registries tenant images may come from. Prefixes end in `/` so a look-alike host
 * (`registry.gitops-cdk.example.evil.com`) does not match. The catalog's policies and their test
 * cases derive every registry they name from these, so another organisation changes them here.
 */
export const TRUSTED_REGISTRIES: readonly string[] = [PLATFORM_REGISTRY, ORGANISATION_GHCR];

/**
 * Who may sign images: the organisation's GitHub Actions release workflows on the protected
 * branch, through Sigstore keyless signing (Fulcio certificate, Rekor transparency log).
 */
export const RELEASE_SIGNER: KeylessAttestor = {
  subject: `https://github.com/${GITHUB_ORGANISATION}/*/.github/workflows/release.yaml@refs/heads/main`,
  issuer: 'https://token.actions.githubusercontent.com',
  rekor: { url: 'https://rekor.sigstore.dev' },
};
