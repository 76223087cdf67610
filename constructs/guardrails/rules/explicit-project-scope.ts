import type { IAppProject } from '@kubernetes-models/argo-cd/argoproj.io/v1alpha1/AppProject';
import { showValue, type Violation } from '../violation';
import { ALL_TIERS, type Guardrail, violationAt } from '../guardrail';

type ProjectSpec = Partial<IAppProject['spec']>;

function hasWildcard(value: string | undefined): boolean {
  return value !== undefined && value.includes('*');
}

/** An AppProject lists its repositories and destinations; a wildcard makes it the default project. */
export const explicitProjectScope: Guardrail = {
  id: 'explicit-project-scope',
  description: 'AppProjects list explicit source repositories, destinations and cluster-scoped kinds, without wildcards.',
  tiers: ALL_TIERS,
  check(object, spec) {
    const { manifest } = object;
    if (manifest.kind !== 'AppProject' || !manifest.apiVersion.startsWith('argoproj.io/')) return [];
    const project = (manifest.spec ?? {}) as ProjectSpec;
    const violations: Violation[] = [];
    const repos = project.sourceRepos ?? [];
    if (repos.length === 0) {
      violations.push(
        violationAt(object, spec, this.id, {
          field: 'spec.sourceRepos',
          value: showValue(project.sourceRepos),
          problem: 'the project names no source repository',
          fix: 'list the Git and Helm repository URLs the project deploys from',
        }),
      );
    }
    repos.forEach((repo, i) => {
      if (hasWildcard(repo)) {
        violations.push(
          violationAt(object, spec, this.id, {
            field: `spec.sourceRepos[${i}]`,
            value: showValue(repo),
            problem: 'a wildcard source repository lets the project deploy from anywhere',
            fix: 'list each repository URL explicitly',
          }),
        );
      }
    });
    const destinations = project.destinations ?? [];
    if (destinations.length === 0) {
      violations.push(
        violationAt(object, spec, this.id, {
          field: 'spec.destinations',
          value: showValue(project.destinations),
          problem: 'the project names no destination',
          fix: 'list the clusters and namespaces the project deploys to',
        }),
      );
    }
    destinations.forEach((destination, i) => {
      for (const key of ['server', 'name', 'namespace'] as const) {
        if (hasWildcard(destination[key])) {
          violations.push(
            violationAt(object, spec, this.id, {
              field: `spec.destinations[${i}].${key}`,
              value: showValue(destination[key]),
              problem: 'a wildcard destination lets the project deploy to any cluster or namespace',
              fix: 'list each cluster and namespace explicitly',
            }),
          );
        }
      }
    });
    (project.clusterResourceWhitelist ?? []).forEach((groupKind, i) => {
      for (const key of ['group', 'kind'] as const) {
        if (hasWildcard(groupKind[key])) {
          violations.push(
            violationAt(object, spec, this.id, {
              field: `spec.clusterResourceWhitelist[${i}].${key}`,
              value: showValue(groupKind[key]),
              problem: 'a wildcard cluster resource lets the project manage any cluster-scoped kind (RBAC, webhooks, CRDs)',
              fix: 'list each cluster-scoped group and kind the project needs',
            }),
          );
        }
      }
    });
    return violations;
  },
};
