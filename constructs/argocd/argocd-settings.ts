import { Construct } from 'constructs';
import type { DriftDetectionSpec } from '../../environments/types';
import { argoDuration } from './argo-duration';
import type { ArgoCdSso } from './argocd-sso';
import { argoCdConfigMap } from './config-map';

export interface ArgoCdSettingsProps {
  readonly driftDetection: DriftDetectionSpec;
  /**
   * Single sign-on: adds `url`, `oidc.config` and `admin.enabled` (see argocd-sso.ts).
   * @default - no SSO: the local `admin` is the only login
   */
  readonly sso?: ArgoCdSso;
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
  }
}
