import { matchKinds } from '../constructs/kyverno/match-resources';
import type { PolicyDefinition } from '../constructs/kyverno/policy-definition';
import { application } from './support/resources';

const RULE = 'no-default-project';

/**
 * Argo CD's `default` AppProject allows any source repository, any destination cluster and
 * namespace, and every resource kind: an Application in it escapes the limits of its team's project.
 */
export const argocdApplicationsNoDefaultProject: PolicyDefinition = {
  name: 'argocd-applications-no-default-project',
  title: 'Argo CD Applications Must Not Use the Default Project',
  category: 'Argo',
  severity: 'high',
  description:
    "Argo CD Applications must name their team's AppProject, not `default`. The default project permits every source " +
    'repository, every destination and every resource kind, including cluster-scoped ones, so an Application in it can deploy ' +
    "anything anywhere with Argo CD's own privileges; team projects restrict each team to its repositories and namespaces.",
  release: '1.1.0',
  // Applications exist only where Argo CD runs; elsewhere Kyverno cannot resolve the kind.
  placement: 'management-cluster',
  controls: {
    soc2: ['CC6.1', 'CC6.3', 'CC8.1'],
    pciDss: ['7.2.1', '7.2.2'],
    iso27001: ['A.5.15', 'A.8.2'],
    cisKubernetes: [],
  },
  rules: [
    {
      type: 'validate',
      name: RULE,
      // Group and version too: other CRDs are also called Application (e.g. app.k8s.io).
      match: matchKinds('argoproj.io/v1alpha1/Application'),
      // No platform-namespace exclusion: Applications live in the argocd namespace, which it would exempt.
      message:
        "Argo CD Applications must not use the default AppProject: set spec.project to your team's AppProject (the one that " +
        'lists your repositories and destination namespaces).',
      check: { pattern: { spec: { project: '!default' } } },
    },
  ],
  cases: [
    { description: "an Application in its team's project", rule: RULE, expect: 'pass', resource: application('team-a-api', 'team-a') },
    { description: 'an Application in the default project', rule: RULE, expect: 'fail', resource: application('team-a-default', 'default') },
  ],
};
