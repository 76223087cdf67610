import { ApiObject, Chart, type ChartProps } from 'cdk8s';
import type { Construct } from 'constructs';
import type { IConfigMap } from 'kubernetes-models/v1/ConfigMap';
import { complianceReportStore, POLICY_REPORTER_WORKLOAD } from '../core/observability-contract';
import type { ClusterSpec } from '../kubernetes/cluster-spec';
import type { CloudAccounts } from '../terraform/cloud-accounts';
import { ComplianceReportJob, REPORT_SCRIPT_KEYS } from './compliance-report-job';
import { RENDER_SCRIPT } from './render-script';
import { reportPrefix } from './report-layout';
import { COLLECT_SCRIPT, NOTIFY_SCRIPT, UPLOAD_SCRIPT } from './report-scripts';

/** What the compliance report reads of an environment: its name, ownership and cloud accounts (the report stores). */
export interface ComplianceReportEnvironment {
  readonly name: string;
  readonly owner: string;
  readonly costCentre: string;
  readonly clouds: CloudAccounts;
}

export interface ComplianceReportChartProps extends ChartProps {
  readonly spec: ComplianceReportEnvironment;
  /** The cluster whose policy results are reported, and where the job runs. */
  readonly cluster: ClusterSpec;
}

/**
 * The compliance report of one cluster: the scripts ConfigMap and the six-hourly CronJob, in the
 * policy-reporter namespace (created by the config component, its ServiceAccount by the
 * policy-reporter chart). Synced to that cluster only (kubernetes-estate.ts): every cluster
 * reports its own policy results to the store of its own cloud.
 */
export class ComplianceReportChart extends Chart {
  readonly job: ComplianceReportJob;

  constructor(scope: Construct, id: string, props: ComplianceReportChartProps) {
    super(scope, id, props);
    const { spec, cluster } = props;
    const store = complianceReportStore(spec, cluster.cloud);
    if (store === undefined) {
      throw new Error(
        `${spec.name}: ${this.node.path}: cluster ${cluster.name} runs on ${cluster.cloud} but clouds.${cluster.cloud} is not declared, so there is no compliance report store (fix: declare clouds.${cluster.cloud} in environment ${spec.name})`,
      );
    }
    const configMap: IConfigMap = {
      apiVersion: 'v1',
      kind: 'ConfigMap',
      metadata: { name: 'compliance-report-scripts', namespace: POLICY_REPORTER_WORKLOAD.namespace },
      data: {
        [REPORT_SCRIPT_KEYS.collect]: COLLECT_SCRIPT,
        [REPORT_SCRIPT_KEYS.render]: RENDER_SCRIPT,
        [REPORT_SCRIPT_KEYS.upload]: UPLOAD_SCRIPT,
        [REPORT_SCRIPT_KEYS.notify]: NOTIFY_SCRIPT,
      },
    };
    const scripts = new ApiObject(this, 'scripts', configMap);
    this.job = new ComplianceReportJob(this, 'job', {
      environment: spec.name,
      cluster,
      store,
      prefix: reportPrefix(spec, cluster),
      scripts,
      podLabels: { owner: spec.owner, 'cost-centre': spec.costCentre, env: spec.name },
    });
  }
}
