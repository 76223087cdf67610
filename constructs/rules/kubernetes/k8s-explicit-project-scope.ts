import type { IAppProject } from '@kubernetes-models/argo-cd/argoproj.io/v1alpha1/AppProject';
import { type Finding, finding } from '../../core/finding';
import type { KubernetesRule } from '../types';

type ProjectSpec = Partial<IAppProject['spec']>;

/** One list of an AppProject that must be explicit: its entries, and the fields that name things. */
interface ScopeList {
  readonly field: string;
  /** Each entry as a map of the fields to check (a repository URL is its own single field). */
  readonly entries: readonly Readonly<Record<string, string | undefined>>[] | undefined;
  /** Whether an empty list is refused too (an empty allow list of cluster kinds is the safe one). */
  readonly required: boolean;
  readonly empty: Pick<Finding, 'problem' | 'fix'>;
  readonly wildcard: Pick<Finding, 'problem' | 'fix'>;
}

function scopeLists(project: ProjectSpec): ScopeList[] {
  return [
    {
      field: 'spec.sourceRepos',
      entries: project.sourceRepos?.map((repo) => ({ '': repo })),
      required: true,
      empty: { problem: 'the project names no source repository', fix: 'list the Git and Helm repository URLs the project deploys from' },
      wildcard: { problem: 'a wildcard source repository lets the project deploy from anywhere', fix: 'list each repository URL explicitly' },
    },
    {
      field: 'spec.destinations',
      entries: project.destinations?.map((d) => ({ server: d.server, name: d.name, namespace: d.namespace })),
      required: true,
      empty: { problem: 'the project names no destination', fix: 'list the clusters and namespaces the project deploys to' },
      wildcard: {
        problem: 'a wildcard destination lets the project deploy to any cluster or namespace',
        fix: 'list each cluster and namespace explicitly',
      },
    },
    {
      field: 'spec.clusterResourceWhitelist',
      entries: project.clusterResourceWhitelist?.map((gk) => ({ group: gk.group, kind: gk.kind })),
      required: false,
      empty: { problem: '', fix: '' },
      wildcard: {
        problem: 'a wildcard cluster resource lets the project manage any cluster-scoped kind (RBAC, webhooks, CRDs)',
        fix: 'list each cluster-scoped group and kind the project needs',
      },
    },
  ];
}

/** An AppProject lists its repositories and destinations; a wildcard makes it the default project. */
export const k8sExplicitProjectScope: KubernetesRule = {
  id: 'k8s-explicit-project-scope',
  engine: 'kubernetes',
  level: 'error',
  title: 'AppProjects list their repositories, destinations and cluster-scoped kinds without wildcards',
  rationale:
    'An AppProject is the boundary of what a team may deploy, from where and to where. A wildcard source, ' +
    'destination or cluster-scoped kind removes that boundary and makes the project the default one.',
  controls: {
    soc2: ['CC6.1', 'CC6.3'],
    pciDss: ['7.2.1'],
    iso27001: ['A.5.15', 'A.8.2'],
    gdpr: ['Art. 25'],
  },
  objectTypes: ['argoproj.io/v1alpha1/AppProject'],
  check(manifest) {
    const project = (manifest.spec ?? {}) as ProjectSpec;
    const findings: Finding[] = [];
    for (const list of scopeLists(project)) {
      const entries = list.entries ?? [];
      if (list.required && entries.length === 0) findings.push(finding(list.field, list.entries, list.empty.problem, list.empty.fix));
      entries.forEach((entry, i) => {
        for (const [key, value] of Object.entries(entry)) {
          if (value === undefined || !value.includes('*')) continue;
          const field = key === '' ? `${list.field}[${i}]` : `${list.field}[${i}].${key}`;
          findings.push(finding(field, value, list.wildcard.problem, list.wildcard.fix));
        }
      });
    }
    return findings;
  },
};
