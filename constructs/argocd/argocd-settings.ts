import { createHash } from 'node:crypto';
import { Construct } from 'constructs';
import type { DriftDetectionSpec } from '../drift/drift-detection-spec';
import { RequiredSecret } from '../secrets/required-secret';
import { argoDuration } from './argo-duration';
import type { ArgoCdSso } from './argocd-sso';
import { argoCdConfigMap } from './config-map';

/**
 * The reconciliation keys of `argocd-cm`: the drift detection interval and its jitter. Argo CD
 * reads them once, at start, from environment variables the chart fills from argocd-cm (argo-helm
 * charts/argo-cd/templates/argocd-application-controller/statefulset.yaml and
 * argocd-repo-server/deployment.yaml, `ARGOCD_RECONCILIATION_TIMEOUT` and
 * `ARGOCD_RECONCILIATION_JITTER` from `configMapKeyRef`, argo-cd-7.7.11 and 7.8.2): a change needs
 * a restart of the pods, see `reconciliationChecksum`.
 */
export function reconciliationSettings(driftDetection: DriftDetectionSpec): Record<string, string> {
  return {
    'timeout.reconciliation': argoDuration(driftDetection.interval),
    // Spread reconciliations of many apps over 10% of the interval instead of all at once.
    'timeout.reconciliation.jitter': `${Math.round(driftDetection.interval.toSeconds() / 10)}s`,
  };
}

/**
 * A digest of the reconciliation settings, for a pod annotation of the components that read them:
 * a changed interval changes the pod template, so the pods roll and read the new value. The chart's
 * own `checksum/cm` annotation cannot do it: it is rendered only when the chart creates argocd-cm
 * (`configs.cm.create`), and here argocd-cm comes from the argocd-config component.
 */
export function reconciliationChecksum(driftDetection: DriftDetectionSpec): string {
  const settings = reconciliationSettings(driftDetection);
  const canonical = JSON.stringify(
    Object.keys(settings)
      .sort()
      .map((key) => [key, settings[key]]),
  );
  return createHash('sha256').update(canonical).digest('hex');
}

export interface ArgoCdSettingsProps {
  readonly driftDetection: DriftDetectionSpec;
  /**
   * Single sign-on: adds `url`, `oidc.config` and `admin.enabled` (see argocd-sso.ts).
   * @default - no SSO: the local `admin` is the only login
   */
  readonly sso?: ArgoCdSso;
  /** The cluster Argo CD runs on, where the SSO client Secret must exist. */
  readonly cluster: string;
}

/**
 * `argocd-cm`: how often Argo CD compares Git with the clusters (drift detection interval, WS5's
 * two minutes) and the hardening every environment shares.
 */
export class ArgoCdSettings extends Construct {
  constructor(scope: Construct, id: string, props: ArgoCdSettingsProps) {
    super(scope, id);
    argoCdConfigMap(this, 'argocd-cm', {
      ...reconciliationSettings(props.driftDetection),
      // Annotation tracking: the rendered manifests carry their own `app.kubernetes.io/instance`.
      'application.resourceTrackingMethod': 'annotation',
      // Everyone logs in through SSO; no anonymous access and no shell into pods from the UI.
      'users.anonymous.enabled': 'false',
      'exec.enabled': 'false',
      ...props.sso?.argoCdSettings(),
    });
    if (props.sso !== undefined) {
      const { secretName, namespace, key } = props.sso.clientSecret;
      new RequiredSecret(this, 'oidc-client-secret', {
        name: secretName,
        namespace,
        keys: [
          {
            name: key,
            holds: 'client secret of the Argo CD application at the identity provider; the Secret must be labelled app.kubernetes.io/part-of: argocd or Argo CD never reads it',
          },
        ],
        reader: 'Argo CD server: $secret:key reference of oidc.config clientSecret in argocd-cm',
        clusters: [props.cluster],
      });
    }
  }
}
