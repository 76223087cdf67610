import { argocdAutoPruneEnabled } from '../../../../apps/diff/risks/argocd/argocd-auto-prune-enabled';
import { findings, kubernetesChange } from '../../change-builders';

// Trimmed from dist/k8s/prod/root/application-prod-root.yaml.
function rootApplication(automated: object): object {
  return {
    apiVersion: 'argoproj.io/v1alpha1',
    kind: 'Application',
    metadata: { labels: { 'gitops-cdk.io/env': 'prod' }, name: 'prod-root', namespace: 'argocd' },
    spec: {
      destination: { namespace: 'argocd', server: 'https://kubernetes.default.svc' },
      project: 'platform',
      source: { path: 'dist/k8s/prod', repoURL: 'https://github.com/acme/platform-gitops.git', targetRevision: 'v2026.11.2' },
      syncPolicy: { automated, syncOptions: ['PruneLast=true'] },
    },
  };
}

// Trimmed from dist/k8s/prod/addons/applicationset-kyverno.yaml.
function kyvernoApplicationSet(automated: object): object {
  return {
    apiVersion: 'argoproj.io/v1alpha1',
    kind: 'ApplicationSet',
    metadata: { name: 'kyverno', namespace: 'argocd' },
    spec: {
      generators: [{ clusters: { selector: { matchLabels: { 'gitops-cdk.io/env': 'prod' } } } }],
      goTemplate: true,
      syncPolicy: { preserveResourcesOnDeletion: true },
      template: {
        metadata: { name: '{{.name}}-kyverno' },
        spec: {
          destination: { name: '{{.name}}', namespace: 'kyverno' },
          project: 'platform',
          source: { chart: 'kyverno', repoURL: 'https://kyverno.github.io/kyverno/', targetRevision: '3.9.1' },
          syncPolicy: { automated },
        },
      },
    },
  };
}

describe('argocd-auto-prune-enabled', () => {
  it('flags prune switched on for an Application in production (high), naming the field and the values', () => {
    const change = kubernetesChange(rootApplication({ prune: false, selfHeal: true }), rootApplication({ prune: true, selfHeal: true }));
    const [finding, ...rest] = findings(argocdAutoPruneEnabled, change, 'production');
    expect(rest).toEqual([]);
    expect(finding?.level).toBe('high');
    expect(finding?.path).toBe('spec.syncPolicy.automated.prune');
    expect(finding?.reason).toContain('Application argocd/prod-root');
    expect(finding?.reason).toContain('false -> true');
  });

  it("flags prune switched on in an ApplicationSet's template, low in staging", () => {
    const change = kubernetesChange(kyvernoApplicationSet({ prune: false, selfHeal: true }), kyvernoApplicationSet({ prune: true, selfHeal: true }), 'staging');
    const result = findings(argocdAutoPruneEnabled, change, 'staging');
    expect(result).toEqual([expect.objectContaining({ level: 'low', path: 'spec.template.spec.syncPolicy.automated.prune' })]);
    expect(result[0]?.reason).toContain('ApplicationSet argocd/kyverno');
  });

  it('flags an added Application that prunes in production', () => {
    const change = kubernetesChange(undefined, rootApplication({ prune: true, selfHeal: true }));
    const result = findings(argocdAutoPruneEnabled, change, 'production');
    expect(result).toEqual([expect.objectContaining({ level: 'high' })]);
    expect(result[0]?.reason).toContain('added with automated.prune true');
  });

  it('flags allowEmpty switched on where prune is on: medium in development, where pruning itself is expected', () => {
    const change = kubernetesChange(rootApplication({ prune: true, selfHeal: true }), rootApplication({ prune: true, selfHeal: true, allowEmpty: true }), 'dev');
    const result = findings(argocdAutoPruneEnabled, change, 'development');
    expect(result).toEqual([expect.objectContaining({ level: 'medium', path: 'spec.syncPolicy.automated.allowEmpty' })]);
    expect(result[0]?.reason).toContain('empty render');
  });

  it('does not flag prune switched on in development (dev auto-prunes by design)', () => {
    const change = kubernetesChange(rootApplication({ prune: false, selfHeal: true }), rootApplication({ prune: true, selfHeal: true }), 'dev');
    expect(findings(argocdAutoPruneEnabled, change, 'development')).toEqual([]);
  });

  it('does not flag a harmless change of the same policy (selfHeal) nor allowEmpty without prune, which Argo CD ignores', () => {
    const selfHeal = kubernetesChange(rootApplication({ prune: false, selfHeal: true }), rootApplication({ prune: false, selfHeal: false }));
    expect(findings(argocdAutoPruneEnabled, selfHeal, 'production')).toEqual([]);
    const allowEmpty = kubernetesChange(rootApplication({ prune: false, selfHeal: true }), rootApplication({ prune: false, selfHeal: true, allowEmpty: true }));
    expect(findings(argocdAutoPruneEnabled, allowEmpty, 'production')).toEqual([]);
  });

  it('flags prune switched on in a moved Application, and not a move that keeps prune on', () => {
    const renamed = (automated: object): object => {
      const application = rootApplication(automated) as { metadata: object };
      return { ...application, metadata: { ...application.metadata, name: 'prod-root-v2' } };
    };
    const switched = kubernetesChange(rootApplication({ prune: false }), renamed({ prune: true }));
    expect(switched.kind).toBe('moved');
    expect(findings(argocdAutoPruneEnabled, switched, 'production')).toEqual([expect.objectContaining({ level: 'high' })]);
    expect(findings(argocdAutoPruneEnabled, kubernetesChange(rootApplication({ prune: true }), renamed({ prune: true })), 'production')).toEqual([]);
  });

  it('does not flag prune switched off', () => {
    const change = kubernetesChange(kyvernoApplicationSet({ prune: true }), kyvernoApplicationSet({ prune: false }));
    expect(findings(argocdAutoPruneEnabled, change, 'production')).toEqual([]);
  });
});
