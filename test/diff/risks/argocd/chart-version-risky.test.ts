import { compareChartVersions, exactChartVersion } from '../../../../apps/diff/risks/argocd/chart-version';
import { chartVersionRisky } from '../../../../apps/diff/risks/argocd/chart-version-risky';
import { findings, kubernetesChange } from '../../change-builders';

// Trimmed from dist/k8s/prod/addons/application-argo-cd.yaml.
function argoCdApplication(targetRevision: string, replicas = 1): object {
  return {
    apiVersion: 'argoproj.io/v1alpha1',
    kind: 'Application',
    metadata: { name: 'argo-cd', namespace: 'argocd' },
    spec: {
      destination: { namespace: 'argocd', server: 'https://kubernetes.default.svc' },
      project: 'platform',
      source: { chart: 'argo-cd', helm: { values: `controller:\n  replicas: ${replicas}\n` }, repoURL: 'https://argoproj.github.io/argo-helm', targetRevision },
    },
  };
}

// Trimmed from dist/k8s/prod/addons/applicationset-kyverno.yaml, with a second (values) source as a multi-source Application has.
function kyvernoApplicationSet(targetRevision: string): object {
  return {
    apiVersion: 'argoproj.io/v1alpha1',
    kind: 'ApplicationSet',
    metadata: { name: 'kyverno', namespace: 'argocd' },
    spec: {
      generators: [{ clusters: { selector: { matchLabels: { 'gitops-cdk.io/env': 'prod' } } } }],
      template: {
        metadata: { name: '{{.name}}-kyverno' },
        spec: {
          destination: { name: '{{.name}}', namespace: 'kyverno' },
          project: 'platform',
          sources: [
            { path: 'values', ref: 'values', repoURL: 'https://github.com/acme/platform-gitops.git', targetRevision: 'v2026.11.2' },
            { chart: 'kyverno', repoURL: 'https://kyverno.github.io/kyverno/', targetRevision },
          ],
        },
      },
    },
  };
}

describe('chart version comparison', () => {
  it('reads revisions as Masterminds semver does and orders them by SemVer precedence', () => {
    expect(exactChartVersion('v1.2')).toEqual({ major: 1, minor: 2, patch: 0, prerelease: [] });
    expect(exactChartVersion('^1.2.0')).toBeUndefined();
    expect(exactChartVersion('1.2.x')).toBeUndefined();
    const order = ['1.0.0-alpha', '1.0.0-alpha.1', '1.0.0-alpha.beta', '1.0.0-beta.2', '1.0.0-beta.11', '1.0.0-rc.1', '1.0.0', '1.0.1', '1.10.0', '2.0.0'];
    const versions = order.map((v) => exactChartVersion(v));
    for (let i = 1; i < versions.length; i++) {
      const [a, b] = [versions[i - 1], versions[i]];
      if (a === undefined || b === undefined) throw new Error('every listed revision is a version');
      expect([order[i - 1], compareChartVersions(a, b)]).toEqual([order[i - 1], -1]);
      expect(compareChartVersions(b, a)).toBe(1);
    }
  });
});

describe('chart-version-risky', () => {
  it('flags a downgrade in production as high, naming the chart and both versions', () => {
    const result = findings(chartVersionRisky, kubernetesChange(argoCdApplication('7.7.11'), argoCdApplication('7.7.9')), 'production');
    expect(result).toEqual([expect.objectContaining({ level: 'high', path: 'spec.source.targetRevision' })]);
    expect(result[0]?.reason).toContain('Application argocd/argo-cd: chart argo-cd targetRevision 7.7.11 -> 7.7.9: downgraded');
  });

  it('flags a major move of a chart in an ApplicationSet source list, medium outside production', () => {
    const result = findings(chartVersionRisky, kubernetesChange(kyvernoApplicationSet('3.9.1'), kyvernoApplicationSet('4.0.0'), 'staging'), 'staging');
    expect(result).toEqual([expect.objectContaining({ level: 'medium', path: 'spec.template.spec.sources[1].targetRevision' })]);
    expect(result[0]?.reason).toContain('moved a major version (3 -> 4');
  });

  it('flags a revision that becomes a range as unpinned (high in production)', () => {
    const result = findings(chartVersionRisky, kubernetesChange(argoCdApplication('7.7.11'), argoCdApplication('^7.7.0')), 'production');
    expect(result).toEqual([expect.objectContaining({ level: 'high' })]);
    expect(result[0]?.reason).toContain('7.7.11 -> ^7.7.0: not an exact version');
  });

  it('flags an added Application whose chart is unpinned, and a revision emptied', () => {
    const result = findings(chartVersionRisky, kubernetesChange(undefined, argoCdApplication('*')), 'production');
    expect(result[0]?.reason).toContain('added at *');
    const emptied = findings(chartVersionRisky, kubernetesChange(argoCdApplication('7.7.11'), argoCdApplication('')), 'production');
    expect(emptied[0]?.reason).toContain('7.7.11 -> (empty): Argo CD cannot resolve');
  });

  it('does not flag a minor or patch upgrade, nor a pre-release promoted to its release', () => {
    expect(findings(chartVersionRisky, kubernetesChange(argoCdApplication('7.7.11'), argoCdApplication('7.8.2')), 'production')).toEqual([]);
    expect(findings(chartVersionRisky, kubernetesChange(kyvernoApplicationSet('3.9.1-rc.2'), kyvernoApplicationSet('3.9.1')), 'production')).toEqual([]);
  });

  it('does not flag a change of the same Application that leaves the chart version (values only), nor an added Application with an exact version', () => {
    expect(findings(chartVersionRisky, kubernetesChange(argoCdApplication('7.7.11', 1), argoCdApplication('7.7.11', 2)), 'production')).toEqual([]);
    expect(findings(chartVersionRisky, kubernetesChange(undefined, argoCdApplication('7.7.11')), 'production')).toEqual([]);
  });
});
