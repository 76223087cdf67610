import { finding } from '../../../constructs/core/finding';
import { grafanaSsoProblems } from '../../../constructs/platform/addons/grafana-login';
import type { SpecRule } from '../../../constructs/rules/spec-rule';
import type { EnvironmentSpec } from '../../../environments/types';

const DNS_LABEL = /^[a-z0-9]([-a-z0-9]*[a-z0-9])?$/;

/** Grafana's SSO (`sso.grafana`): format rules with the construct (grafana-login.ts), for this spec's clusters. */
export const specGrafanaSso: SpecRule<EnvironmentSpec> = {
  id: 'spec-grafana-sso',
  engine: 'spec',
  level: 'error',
  title: "Grafana's single sign-on is well formed for every cluster",
  rationale:
    'Each cluster serves Grafana at its own https address with the OAuth endpoints of the provider: a missing or http address leaks tokens or leaves the dashboards without a login.',
  controls: { soc2: ['CC6.1'], pciDss: ['8.3.2'], iso27001: ['A.5.16', 'A.8.5'], gdpr: ['Art. 32'] },
  check: (spec) => {
    const grafana = spec.sso?.grafana;
    if (grafana === undefined || grafana === null) return [];
    // Cluster names the cluster checks refuse are reported there once, not again as a missing URL.
    const clusters = Array.isArray(spec.clusters) ? spec.clusters.map((cluster) => cluster.name).filter((name) => DNS_LABEL.test(name) && name.length <= 40) : [];
    return grafanaSsoProblems(grafana, clusters).map((problem) => finding(`sso.grafana.${problem.field}`, problem.value, problem.problem, problem.fix));
  },
};
