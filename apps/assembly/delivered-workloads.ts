import type { Construct } from 'constructs';
import type { AppProject } from '../../constructs/argocd/app-project';
import type { ClusterRegistration } from '../../constructs/argocd/cluster-registration';
import { WorkloadSync, workloadsProject } from '../../constructs/delivery/delivery-sync';
import { WorkloadChart, workloadComponent } from '../../constructs/delivery/workload-chart';
import type { DriftPolicy } from '../../constructs/drift/drift-policy';
import type { EnvironmentSpec } from '../../environments/types';
import { k8sComponentDir } from '../synth/dist-layout';
import type { KubernetesComponent } from './kubernetes-estate';

/** The workloads AppProject, in the projects chart, when the environment delivers workloads (none otherwise). */
export function deliveryProjects(spec: EnvironmentSpec, projectsChart: Construct, registrations: readonly ClusterRegistration[]): AppProject[] {
  if ((spec.delivery?.workloads ?? []).length === 0) return [];
  return [workloadsProject(projectsChart, spec, registrations)];
}

export interface DeliveredWorkloadsProps {
  /** The environment's construct (`<env>`), where each workload's chart goes. */
  readonly scope: Construct;
  readonly spec: EnvironmentSpec;
  readonly labels: Record<string, string>;
  /** The sync chart: each workload's ApplicationSet (or Applications) goes beside the other syncs. */
  readonly sync: Construct;
  /** deliveryProjects(): the workloads project, if any. */
  readonly projects: readonly AppProject[];
  readonly registrations: readonly ClusterRegistration[];
  readonly drift: DriftPolicy;
}

/**
 * One component per delivered workload (`dist/k8s/<env>/workload-<name>/`), synced to its clusters
 * by its own ApplicationSet. The workload's analysis joins the WorkloadChart (constructs/delivery/workload-chart.ts).
 */
export function deliveredWorkloadComponents(props: DeliveredWorkloadsProps): KubernetesComponent[] {
  const { spec } = props;
  const project = props.projects[0];
  if (project === undefined) return [];
  return (spec.delivery?.workloads ?? []).map((workload): KubernetesComponent => {
    const component = workloadComponent(workload);
    const chart = new WorkloadChart(props.scope, component, {
      labels: props.labels,
      tier: spec.tier,
      workload,
      ownership: { environment: spec.name, owner: spec.owner, costCentre: spec.costCentre },
    });
    new WorkloadSync(props.sync, component, {
      environment: spec,
      workload,
      path: k8sComponentDir(spec.name, component),
      project,
      drift: props.drift,
      registrations: props.registrations,
    });
    return { id: component, scope: 'single-cluster', chart };
  });
}
