import { retryWindowSeconds } from '../../../constructs/argocd/sync-policy';
import { type Finding, unless } from '../../../constructs/core/finding';
import { durationMillis, showDuration } from '../../../constructs/core/go-duration';
import type { SpecRule } from '../../../constructs/rules/spec-rule';
import type { EnvironmentSpec, SyncSpec } from '../../../environments/types';
import { NO_CONTROLS } from './support/controls';

const MAX_RETRY_LIMIT = 10;
const MAX_BACKOFF_FACTOR = 10;
const MAX_BACKOFF_MS = 60 * 60 * 1000;

/**
 * A fresh cluster installs its CRDs and namespaces while the Applications that need them fail and
 * retry (constructs/argocd/sync-wave.ts); kube-prometheus-stack or Kyverno on new nodes can take
 * several minutes each. After the last retry Argo CD never auto-syncs the same revision again, and
 * prod's revision is a pinned tag: the retries must outlast a slow first install.
 */
const FIRST_INSTALL_MINUTES = 30;

function retryLimitFindings(sync: SyncSpec): Finding[] {
  return unless(
    Number.isInteger(sync.retryLimit) && sync.retryLimit >= 1 && sync.retryLimit <= MAX_RETRY_LIMIT,
    'sync.retryLimit',
    sync.retryLimit,
    `must be an integer from 1 to ${MAX_RETRY_LIMIT}: retries are bounded so a failing sync alerts instead of looping as a remediation loop`,
    'set sync.retryLimit: 10',
  );
}

/** Each row is one bound of the backoff; together they keep retries spaced and finite. */
function backoffFindings({ retryBackoff: b }: SyncSpec): Finding[] {
  return [
    ...unless(
      Number.isFinite(b.factor) && b.factor >= 1 && b.factor <= MAX_BACKOFF_FACTOR,
      'sync.retryBackoff.factor',
      b.factor,
      `must be from 1 to ${MAX_BACKOFF_FACTOR}: below 1 retries speed up, above ${MAX_BACKOFF_FACTOR} the second retry already waits for the maximum`,
      'set sync.retryBackoff.factor: 2',
    ),
    ...unless(
      durationMillis(b.initial) > 0,
      'sync.retryBackoff.initial',
      showDuration(b.initial),
      'must be greater than zero: retries without delay hammer the API server',
      'set sync.retryBackoff.initial: Duration.seconds(10)',
    ),
    ...unless(
      durationMillis(b.initial) <= durationMillis(b.max),
      'sync.retryBackoff.initial',
      showDuration(b.initial),
      'must not exceed sync.retryBackoff.max: the first retry would already wait longer than the cap',
      'lower sync.retryBackoff.initial or raise sync.retryBackoff.max',
    ),
    ...unless(
      durationMillis(b.max) <= MAX_BACKOFF_MS,
      'sync.retryBackoff.max',
      showDuration(b.max),
      'must be at most 1 hour: a longer wait hides a failed sync for longer than anyone notices',
      'set sync.retryBackoff.max: Duration.minutes(5)',
    ),
  ];
}

function retryWindowFindings({ retryLimit, retryBackoff }: SyncSpec): Finding[] {
  const window = retryWindowSeconds(retryLimit, {
    initialSeconds: durationMillis(retryBackoff.initial) / 1000,
    factor: retryBackoff.factor,
    maxSeconds: durationMillis(retryBackoff.max) / 1000,
  });
  return unless(
    window >= FIRST_INSTALL_MINUTES * 60,
    'sync.retryLimit',
    retryLimit,
    `retries with this backoff stop after ${Math.round(window)}s; a fresh cluster needs ${FIRST_INSTALL_MINUTES} minutes to install the CRDs and namespaces ` +
      'other Applications use, and Argo CD never retries the same revision after the last attempt',
    'set sync.retryLimit: 10 (with backoff 10s x 2 up to 5m: 30 minutes)',
  );
}

/** Sync retries are bounded, spaced, and last long enough for a fresh cluster's first install. */
export const specSyncRetry: SpecRule<EnvironmentSpec> = {
  id: 'spec-sync-retry',
  engine: 'spec',
  level: 'error',
  title: 'Sync retries are bounded, spaced and outlast a first install',
  rationale:
    'Unbounded or undelayed retries hammer the API server and hide a failing sync; retries that stop too early leave a new cluster half installed, because Argo CD never retries the same revision again.',
  controls: NO_CONTROLS,
  check: ({ sync }) => {
    const own = [...retryLimitFindings(sync), ...backoffFindings(sync)];
    // The window is only meaningful once the limit and backoff themselves are valid.
    return own.length > 0 ? own : retryWindowFindings(sync);
  },
};
