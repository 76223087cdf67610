import { existsSync, readFileSync } from 'node:fs';
import { engineVersionOf } from '../../../apps/verify/engine-crds';
// Reads the example estate on purpose: its subject is what the estate pins (fixture specs would prove nothing here).
import { ENVIRONMENTS } from '../../../environments';

// test/engines judges the AnalysisTemplates' conditions with the Argo Rollouts of every environment's
// chart pin: a pin that moves without its engines/argo-rollouts-<version> module fails here, in the fast
// test run, not only in CI's engine tests.
describe.each(ENVIRONMENTS.map((spec) => [spec.name, spec] as const))('%s', (_name, spec) => {
  it("judges analysis conditions with an engines/argo-rollouts-<version> module at its chart's Argo Rollouts version", () => {
    const version = engineVersionOf('argoRollouts', spec.charts.argoRollouts);
    const module = `engines/argo-rollouts-${version}`;
    expect(existsSync(`${module}/cmd/evaluate-condition/main.go`)).toBe(true);
    const goMod = readFileSync(`${module}/go.mod`, 'utf8');
    expect(/^\s*github\.com\/argoproj\/argo-rollouts (v\S+)/m.exec(goMod)?.[1]).toBe(version);
    expect(goMod).toContain(`tool gitops-cdk/${module}/cmd/evaluate-condition`);
  });
});
