import { stringify } from 'yaml';
import { findSecretReferences } from '../../constructs/secrets/secret-references';
import type { KubeManifest, RenderedObject } from '../../constructs/synth/kube-manifest';

const rendered = (constructPath: string, manifest: Record<string, unknown>): RenderedObject => ({ constructPath, manifest: manifest as KubeManifest });

/** `namespace/name[:key] @ field` of every reference, sorted: what the tests compare. */
const refs = (objects: RenderedObject[]): string[] =>
  findSecretReferences(objects)
    .map((r) => `${r.namespace}/${r.name}${r.key === undefined ? '' : `:${r.key}`} @ ${r.field}`)
    .sort();

const podSpec = {
  imagePullSecrets: [{ name: 'registry' }],
  containers: [
    {
      name: 'app',
      env: [
        { name: 'TOKEN', valueFrom: { secretKeyRef: { name: 'api', key: 'token' } } },
        { name: 'PLAIN', value: 'x' },
      ],
      envFrom: [{ secretRef: { name: 'bulk', optional: true } }, { configMapRef: { name: 'not-a-secret' } }],
    },
  ],
  volumes: [
    {
      name: 'one',
      secret: {
        secretName: 'files',
        items: [
          { key: 'a', path: 'a' },
          { key: 'b', path: 'b' },
        ],
      },
    },
    { name: 'all', secret: { secretName: 'whole' } },
    { name: 'projected', projected: { sources: [{ secret: { name: 'proj', items: [{ key: 'ca', path: 'ca' }] } }, { configMap: { name: 'cm' } }] } },
  ],
};

describe('findSecretReferences', () => {
  it('finds every way a pod spec reads a Secret, at any depth, in the object namespace', () => {
    const cronJob = rendered('env/job', {
      apiVersion: 'batch/v1',
      kind: 'CronJob',
      metadata: { name: 'job', namespace: 'work' },
      spec: { jobTemplate: { spec: { template: { spec: podSpec } } } },
    });
    const at = 'spec.jobTemplate.spec.template.spec';
    expect(refs([cronJob])).toEqual(
      [
        `work/registry @ ${at}.imagePullSecrets[0]`,
        `work/api:token @ ${at}.containers[0].env[0].valueFrom.secretKeyRef`,
        `work/bulk @ ${at}.containers[0].envFrom[0].secretRef`,
        `work/files:a @ ${at}.volumes[0].secret`,
        `work/files:b @ ${at}.volumes[0].secret`,
        `work/whole @ ${at}.volumes[1].secret`,
        `work/proj:ca @ ${at}.volumes[2].projected.sources[0].secret`,
      ].sort(),
    );
  });

  it("reads the Helm values of Applications and ApplicationSets in the destination's namespace, with the charts' conventions", () => {
    const values = {
      alertmanager: {
        alertmanagerSpec: { secrets: ['keys'] },
        config: { receivers: [{ name: 'slack', slack_configs: [{ api_url_file: '/etc/alertmanager/secrets/keys/slack-url' }] }] },
      },
      target: { slack: { secretRef: 'hook' } },
      grafana: { admin: { existingSecret: 'grafana-admin' } },
      extra: { envFrom: [{ secretRef: { name: 'env' } }] },
      notASecret: { secrets: ['ignored: only prometheus-operator specs list Secrets by name'] },
    };
    const appSet = rendered('env/addons/x', {
      apiVersion: 'argoproj.io/v1alpha1',
      kind: 'ApplicationSet',
      metadata: { name: 'x', namespace: 'argocd' },
      spec: { template: { spec: { destination: { name: '{{.name}}', namespace: 'monitoring' }, source: { chart: 'x', helm: { values: stringify(values) } } } } },
    });
    const v = 'spec.template.spec.source.helm.values:';
    expect(refs([appSet])).toEqual(
      [
        `monitoring/keys @ ${v} alertmanager.alertmanagerSpec.secrets[0]`,
        `monitoring/keys:slack-url @ ${v} alertmanager.config.receivers[0].slack_configs[0].api_url_file`,
        `monitoring/hook @ ${v} target.slack.secretRef`,
        `monitoring/grafana-admin @ ${v} grafana.admin.existingSecret`,
        `monitoring/env @ ${v} extra.envFrom[0].secretRef`,
      ].sort(),
    );
    const app = rendered('env/addons/y', {
      apiVersion: 'argoproj.io/v1alpha1',
      kind: 'Application',
      metadata: { name: 'y', namespace: 'argocd' },
      spec: { destination: { namespace: 'tools' }, source: { chart: 'y', helm: { valuesObject: { existingSecret: 'creds' } } } },
    });
    expect(refs([app])).toEqual(['tools/creds @ spec.source.helm.valuesObject.existingSecret']);
  });

  it("finds the $keys of argocd-notifications-cm's services in argocd-notifications-secret, not the templates' text", () => {
    const cm = rendered('env/argocd-config/notifications', {
      apiVersion: 'v1',
      kind: 'ConfigMap',
      metadata: { name: 'argocd-notifications-cm', namespace: 'argocd' },
      data: {
        'service.slack': 'token: $slack-token\n',
        'service.pagerdutyv2': 'serviceKeys:\n  svc: $pagerduty-key-svc\n',
        'template.x': 'message: costs $5 {{.app.metadata.name}}\n',
      },
    });
    expect(refs([cm])).toEqual([
      'argocd/argocd-notifications-secret:pagerduty-key-svc @ data.service.pagerdutyv2',
      'argocd/argocd-notifications-secret:slack-token @ data.service.slack',
    ]);
  });

  it('finds argocd-cm references: $key in argocd-secret, $secret:key in that Secret, inside YAML settings too', () => {
    const cm = rendered('env/argocd-config/settings', {
      apiVersion: 'v1',
      kind: 'ConfigMap',
      metadata: { name: 'argocd-cm', namespace: 'argocd' },
      data: {
        url: 'https://argocd.example',
        'oidc.config': 'name: SSO\nclientID: argocd\nclientSecret: $argocd-oidc:clientSecret\n',
        'dex.config': 'connectors:\n  - config:\n      clientSecret: $dex.github.clientSecret\n',
      },
    });
    expect(refs([cm])).toEqual([
      'argocd/argocd-oidc:clientSecret @ data.oidc.config.clientSecret',
      'argocd/argocd-secret:dex.github.clientSecret @ data.dex.config.connectors[0].config.clientSecret',
    ]);
  });

  it('finds nothing in objects that read no Secret', () => {
    const cm = rendered('env/x', { apiVersion: 'v1', kind: 'ConfigMap', metadata: { name: 'plain', namespace: 'x' }, data: { a: '$not-argo-cd' } });
    const deployment = rendered('env/y', {
      apiVersion: 'apps/v1',
      kind: 'Deployment',
      metadata: { name: 'y', namespace: 'y' },
      spec: { template: { spec: { containers: [{ name: 'c' }] } } },
    });
    expect(refs([cm, deployment])).toEqual([]);
  });
});
