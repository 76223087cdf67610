import { ENVIRONMENTS } from '../../environments';
import { renderChart } from '../../constructs/synth/render-chart';
import { componentsOf } from './render-environment';

// Golden files, one per environment and component. Each value in them is asserted on as
// behaviour in environment-knobs.test.ts and schemas.test.ts; a snapshot change must be explained
// by a change of one of those tests or of the spec, never refreshed alone with `-u`.

const cases = ENVIRONMENTS.flatMap((spec) => componentsOf(spec).map((component) => [`${spec.name}/${component.id}`, component] as const));

it('covers every component of every environment', () => {
  expect(cases.map(([name]) => name)).toEqual(
    ENVIRONMENTS.flatMap((spec) => {
      // policies-management: the policies on Argo CD's kinds, synced to the management cluster only.
      const shared = ['projects', 'argocd-config', 'clusters', 'addons', 'sync', 'root', 'policies', 'observability', 'config', 'policies-management'];
      // Per cluster: the Terraform drift checks of each cloud's runner, the compliance report on every cluster.
      const runners = { dev: ['dev-aks-weu', 'dev-gke-euw1'], staging: ['staging-eks-euw1'], prod: ['prod-eks-euw1'] }[spec.name] ?? [];
      const perCluster = [...runners.map((c) => `terraform-drift-${c}`), ...spec.clusters.map((c) => `compliance-report-${c.name}`)];
      return [...shared, ...perCluster].map((id) => `${spec.name}/${id}`);
    }),
  );
});

it.each(cases)('%s matches its snapshot', (_, component) => {
  expect(renderChart(component.chart).map((object) => object.manifest)).toMatchSnapshot();
});
