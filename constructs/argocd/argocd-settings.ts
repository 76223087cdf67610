import { Construct } from 'constructs';
import type { DriftDetectionSpec } from '../../environments/types';
import { argoDuration } from './argo-duration';
import type { ArgoCdSso } from './argocd-sso';
import { argoCdConfigMap } from './config-map';
import { RequiredSecret } from '../secrets/required-secret';

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
      'timeout.reconciliation': argoDuration(props.driftDetection.interval),
      // Spread reconciliations of many apps over 10% of the interval instead of all at once.
      'timeout.reconciliation.jitter': `${Math.round(props.driftDetection.interval.toSeconds() / 10)}s`,
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
        keys: [{ name: key, holds: 'client secret of the Argo CD application at the identity provider; the Secret must be labelled app.kubernetes.io/part-of: argocd or Argo CD never reads it' }],
        reader: 'Argo CD server: $secret:key reference of oidc.config clientSecret in argocd-cm',
        clusters: [props.cluster],
      });
    }
  }
}
