import type * as dashboard from '@grafana/grafana-foundation-sdk/dashboard';
import { ApiObject } from 'cdk8s';
import { Construct } from 'constructs';
import type { IConfigMap } from 'kubernetes-models/v1/ConfigMap';
import { MONITORING_NAMESPACE } from '../prometheus-rules';

/**
 * The label kube-prometheus-stack's Grafana sidecar loads dashboards from: the chart's defaults
 * `grafana.sidecar.dashboards.label: grafana_dashboard`, `labelValue: "1"`, `searchNamespace: ALL`
 * (kube-prometheus-stack values.yaml). The ConfigMaps live in Grafana's own namespace as well.
 */
export const GRAFANA_DASHBOARD_LABEL: Readonly<Record<string, string>> = { grafana_dashboard: '1' };

/**
 * Dashboard uids are DNS labels here (Grafana allows 40 letters, digits, `-` and `_`), so the
 * ConfigMap's name can be derived from the uid.
 */
const UID_PATTERN = /^[a-z0-9]([a-z0-9-]{0,38}[a-z0-9])?$/;

/**
 * Argo CD applies the observability content client-side: the whole object is copied into the
 * `last-applied-configuration` annotation, and all annotations of an object share 256 KiB. A
 * dashboard above this size would fail to sync; split it instead.
 */
export const MAX_DASHBOARD_BYTES = 200 * 1024;

export interface DashboardConfigMapProps {
  /** The dashboard model (Grafana's JSON model, as the foundation SDK builds it). */
  readonly dashboard: dashboard.Dashboard;
}

/** One Grafana dashboard as a ConfigMap the Grafana sidecar of kube-prometheus-stack provisions. */
export class DashboardConfigMap extends Construct {
  readonly uid: string;
  /** The dashboard JSON exactly as Grafana reads it from the `<uid>.json` key. */
  readonly json: string;
  readonly resource: ApiObject;

  constructor(scope: Construct, id: string, props: DashboardConfigMapProps) {
    super(scope, id);
    const uid = props.dashboard.uid ?? '';
    if (!UID_PATTERN.test(uid)) {
      throw new Error(`${this.node.path}: dashboard uid is "${uid}"; use 1-40 lower-case letters, digits and '-' (e.g. 'gitops-cdk-drift')`);
    }
    this.uid = uid;
    this.json = `${JSON.stringify(props.dashboard, null, 2)}\n`;
    const bytes = Buffer.byteLength(this.json, 'utf8');
    if (bytes > MAX_DASHBOARD_BYTES) {
      throw new Error(`${this.node.path}: dashboard ${uid} is ${bytes} bytes of JSON; Argo CD's client-side apply allows ${MAX_DASHBOARD_BYTES} (split it into two dashboards)`);
    }
    const configMap: IConfigMap = {
      apiVersion: 'v1',
      kind: 'ConfigMap',
      metadata: { name: `${uid}-dashboard`, namespace: MONITORING_NAMESPACE, labels: { ...GRAFANA_DASHBOARD_LABEL } },
      // The sidecar writes each key as a file; Grafana's file provider reads the `.json` ones.
      data: { [`${uid}.json`]: this.json },
    };
    this.resource = new ApiObject(this, 'Resource', configMap);
  }
}
