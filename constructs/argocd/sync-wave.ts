/**
 * The order in which the root app applies its children (`argocd.argoproj.io/sync-wave`, lowest
 * first; 0 for objects without the annotation). Argo CD applies a wave only once the previous one
 * is applied and healthy; an ApplicationSet is healthy once it generated its Applications, not once
 * they synced (argoproj/argo-cd resource_customizations/argoproj.io/ApplicationSet/health.lua,
 * v2.13.2 and v2.14.2), and an Application has no health check at all there. So waves order what
 * is created first; what makes a fresh cluster converge is that objects of kinds whose CRD an
 * add-on installs skip their dry run while it is missing (constructs/argocd/skip-dry-run.ts) and
 * every Application retries long enough for it to arrive (constructs/argocd/sync-policy.ts).
 */
export const SYNC_WAVES = {
  /** AppProjects and cluster registrations: every Application names them. */
  registrations: -2,
  /** Add-ons whose CRDs other Applications' objects use. */
  crdProviders: -1,
  /** Everything else. */
  default: 0,
} as const;

export const SYNC_WAVE_ANNOTATION = 'argocd.argoproj.io/sync-wave';

/** The annotation placing an object in `wave`; none for the default wave. */
export function syncWaveAnnotations(wave: number): Record<string, string> {
  return wave === SYNC_WAVES.default ? {} : { [SYNC_WAVE_ANNOTATION]: String(wave) };
}
