import { parse } from 'yaml';
import { kyvernoFailOpen } from '../../../../apps/diff/risks/kyverno/kyverno-fail-open';
import { findings, kubernetesChange } from '../../change-builders';
import { type Document, prodDisallowLatestTag, stagingRequireLabels, withAnnotation, withFields } from './kyverno-fixtures';

const FAIL_OPEN_REASON = 'policies.gitops-cdk.io/fail-open-reason';

/** dist/k8s/prod/addons/applicationset-kyverno.yaml, trimmed: the kyverno chart with its Helm values. */
const prodKyvernoApplicationSet = (): Document =>
  parse(`
apiVersion: argoproj.io/v1alpha1
kind: ApplicationSet
metadata:
  labels:
    gitops-cdk.io/env: prod
  name: kyverno
  namespace: argocd
spec:
  generators:
    - clusters:
        selector:
          matchLabels:
            gitops-cdk.io/env: prod
  template:
    metadata:
      name: "{{.name}}-kyverno"
    spec:
      destination:
        name: "{{.name}}"
        namespace: kyverno
      project: platform
      source:
        chart: kyverno
        helm:
          values: |
            admissionController:
              replicas: 3
            features:
              policyExceptions:
                enabled: true
                namespace: kyverno
        repoURL: https://kyverno.github.io/kyverno/
        targetRevision: 3.9.1
`) as Document;

describe('kyverno-fail-open', () => {
  it('flags a production policy moved from Fail to Ignore as high, noting that no fail-open reason is recorded', () => {
    const base = prodDisallowLatestTag();
    const head = withFields(base, { 'spec.webhookConfiguration.failurePolicy': 'Ignore' });
    expect(findings(kyvernoFailOpen, kubernetesChange(base, head, 'prod'), 'production')).toEqual([
      {
        level: 'high',
        reason:
          'ClusterPolicy disallow-latest-tag: failurePolicy Fail -> Ignore: when Kyverno errors or times out, requests are admitted unchecked; no policies.gitops-cdk.io/fail-open-reason recorded',
        path: 'spec.webhookConfiguration.failurePolicy',
      },
    ]);
  });

  it('flags a staging policy from the default (absent: Fail) to the deprecated spec.failurePolicy Ignore as medium, quoting the recorded reason', () => {
    const base = withFields(stagingRequireLabels(), { 'spec.webhookConfiguration': undefined });
    const head = withFields(base, { 'spec.failurePolicy': 'Ignore' });
    const found = findings(kyvernoFailOpen, kubernetesChange(base, head, 'staging'), 'staging');
    expect(found).toHaveLength(1);
    expect(found[0]).toMatchObject({ level: 'medium', path: 'spec.failurePolicy' });
    expect(found[0]?.reason).toContain('recorded reason: "non-production tier: a Kyverno outage must not block deployments');
  });

  it('flags a policy added to production that fails open (medium), but not one added to staging, where failing open is the norm', () => {
    const added = withAnnotation(withFields(prodDisallowLatestTag(), { 'spec.webhookConfiguration.failurePolicy': 'Ignore' }), FAIL_OPEN_REASON, 'vendor webhook flaps');
    expect(findings(kyvernoFailOpen, kubernetesChange(undefined, added, 'prod'), 'production')).toEqual([
      { level: 'medium', reason: expect.stringContaining('added with failurePolicy Ignore in production'), path: 'spec.webhookConfiguration.failurePolicy' },
    ]);
    expect(findings(kyvernoFailOpen, kubernetesChange(undefined, stagingRequireLabels(), 'staging'), 'staging')).toEqual([]);
  });

  it('flags the kyverno chart forcing every policy to Ignore (features.forceFailurePolicyIgnore)', () => {
    const base = prodKyvernoApplicationSet();
    const values = 'admissionController:\n  replicas: 3\nfeatures:\n  forceFailurePolicyIgnore:\n    enabled: true\n';
    const head = withFields(base, { 'spec.template.spec.source.helm.values': values });
    expect(findings(kyvernoFailOpen, kubernetesChange(base, head, 'prod'), 'production')).toEqual([
      {
        level: 'high',
        reason: expect.stringContaining('ApplicationSet argocd/kyverno: kyverno chart features.forceFailurePolicyIgnore.enabled -> true'),
        path: 'spec.template.spec.source.helm.values.features.forceFailurePolicyIgnore.enabled',
      },
    ]);
  });

  it('does not flag a policy moved from Ignore to Fail, a policy already failing open changed elsewhere, or other chart values', () => {
    const open = withFields(prodDisallowLatestTag(), { 'spec.webhookConfiguration.failurePolicy': 'Ignore' });
    expect(findings(kyvernoFailOpen, kubernetesChange(open, prodDisallowLatestTag(), 'prod'), 'production')).toEqual([]);
    const base = stagingRequireLabels();
    expect(findings(kyvernoFailOpen, kubernetesChange(base, withFields(base, { 'spec.background': false }), 'staging'), 'staging')).toEqual([]);
    const chart = prodKyvernoApplicationSet();
    const replicas = withFields(chart, { 'spec.template.spec.source.helm.values': 'admissionController:\n  replicas: 5\n' });
    expect(findings(kyvernoFailOpen, kubernetesChange(chart, replicas, 'prod'), 'production')).toEqual([]);
  });
});
