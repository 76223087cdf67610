import { parse } from 'yaml';
import type { HelmValues } from '../../constructs/argocd/application-source';
import { containerLogGroupName, gcpWorkloadServiceAccountId, POLICY_REPORTER_WORKLOAD, workloadIdentityName } from '../../constructs/core/observability-contract';
import { toYaml } from '../../constructs/core/yaml-text';
import { alertmanagerConfig } from '../../constructs/monitoring/alertmanager-config';
import { PLATFORM_ADDONS } from '../../constructs/platform/addon-catalog';
import { FLUENT_BIT_ADDON } from '../../constructs/platform/addons/fluent-bit';
import { KUBE_PROMETHEUS_STACK_ADDON } from '../../constructs/platform/addons/kube-prometheus-stack';
import { perClusterValue } from '../../constructs/platform/addons/per-cluster-value';
import type { PlatformAddon } from '../../constructs/platform/addons/platform-addon';
import { POLICY_REPORTER_ADDON } from '../../constructs/platform/addons/policy-reporter';
import { POLICY_REPORTER_SECRETS } from '../../constructs/platform/addons/policy-reporter-notifications';
import { TEMPO_ADDON } from '../../constructs/platform/addons/tempo';
import { AZURE_LOGS_SECRET } from '../../constructs/terraform/azure/cluster-profile';
import type { ClusterSpec, EnvironmentSpec } from '../../environments/types';
import { fixtureEstate } from '../support/fixture-environment';

const ENVIRONMENTS = fixtureEstate();

// Each add-on's values are rendered the way the cluster receives them: written as YAML text, run
// through the ApplicationSet's Go template for one cluster (a small evaluator of the subset the
// add-ons use: `{{.name}}` and if / else if chains on `eq .name`), then parsed back. So a test also
// proves the per-cluster text is valid YAML after templating.

/** Evaluates `{{.name}}`, `{{ "{{" }}` and `{{ if eq .name `x` }}…{{ else if eq .name `y` }}…{{ end }}` for `cluster`. */
function renderGoTemplate(text: string, cluster: string): string {
  const frames: { emitting: boolean; taken: boolean }[] = [];
  const emitting = () => frames.every((frame) => frame.emitting);
  let out = '';
  for (const part of text.split(/(\{\{.*?\}\})/s)) {
    const action = /^\{\{\s*(.*?)\s*\}\}$/s.exec(part)?.[1];
    if (action === undefined) {
      if (emitting()) out += part;
      continue;
    }
    const condition = /^(if|else if) eq \.name `([^`]*)`$/.exec(action);
    const frame = frames[frames.length - 1];
    if (action === '.name') {
      if (emitting()) out += cluster;
    } else if (action === '"{{"') {
      if (emitting()) out += '{{';
    } else if (condition?.[1] === 'if') {
      const matches = condition[2] === cluster;
      frames.push({ emitting: matches, taken: matches });
    } else if (condition?.[1] === 'else if' && frame !== undefined) {
      const matches = !frame.taken && condition[2] === cluster;
      frame.emitting = matches;
      frame.taken ||= matches;
    } else if (action === 'end' && frame !== undefined) {
      frames.pop();
    } else {
      throw new Error(`template action {{ ${action} }} is not one the add-ons are expected to use`);
    }
  }
  if (frames.length > 0) throw new Error('unterminated {{ if }}');
  return out;
}

/** The values `addon` hands the chart on `cluster` of `spec`, as Helm receives them. */
function valuesOn(addon: PlatformAddon, spec: EnvironmentSpec, cluster: ClusterSpec): Record<string, unknown> {
  return parse(renderGoTemplate(toYaml(addon.values(spec)), cluster.name)) as Record<string, unknown>;
}

/** A nested value of parsed values, read through `unknown`; the expectations narrow it. */
function at(values: unknown, path: string): unknown {
  return path.split('.').reduce<unknown>((value, key) => {
    if (typeof value !== 'object' || value === null) return undefined;
    return (value as Record<string, unknown>)[key];
  }, values);
}

/** Every cluster of every environment, for per-cluster tables. */
const CLUSTERS = ENVIRONMENTS.flatMap((spec) => spec.clusters.map((cluster) => ({ env: spec.name, spec, cluster })));

/** Fluent Bit classic-format text as [section kind, properties] pairs. */
function fluentBitSections(text: string): { kind: string; properties: [string, string][] }[] {
  return text
    .split(/\n\s*\n/)
    .map((block) => block.trim())
    .filter((block) => block !== '')
    .map((block) => {
      const [header = '', ...lines] = block.split('\n');
      const properties = lines.map((line): [string, string] => {
        const [key = '', ...rest] = line.trim().split(' ');
        return [key, rest.join(' ')];
      });
      return { kind: header.replace(/[[\]]/g, ''), properties };
    });
}

function property(section: { properties: [string, string][] }, key: string): string | undefined {
  return section.properties.find(([k]) => k === key)?.[1];
}

/** Key paths and values of every string leaf of `values`. */
function stringLeaves(values: unknown, path = ''): [string, string][] {
  if (typeof values === 'string') return [[path, values]];
  if (typeof values !== 'object' || values === null) return [];
  return Object.entries(values as Record<string, unknown>).flatMap(([key, child]) => stringLeaves(child, path === '' ? key : `${path}.${key}`));
}

describe('policy-reporter', () => {
  it.each(ENVIRONMENTS)('configures no $name object-store target and no e-mail reports: the compliance-report CronJob makes the reports', (spec) => {
    // policy-reporter 3.0's S3/GCS targets push one JSON object per result (no scheduled report, no
    // Azure Blob, GCS only with a key) and its HTML reports need SMTP; constructs/compliance-report replaces them.
    const values = POLICY_REPORTER_ADDON.values(spec);
    expect(Object.keys(at(values, 'target') as object)).toEqual(['slack']);
    expect(at(values, 'emailReports')).toBeUndefined();
  });

  it.each(CLUSTERS)('posts serious violations on $cluster.name to the $env Slack channel through a referenced webhook, once each', ({ spec, cluster }) => {
    expect(at(valuesOn(POLICY_REPORTER_ADDON, spec, cluster), 'target.slack')).toEqual({
      channel: spec.notifications.slackChannel,
      secretRef: POLICY_REPORTER_SECRETS.slack,
      minimumSeverity: 'high',
      skipExistingOnStartup: true,
      customFields: { env: spec.name, cluster: cluster.name },
    });
  });

  it.each(CLUSTERS)('maps the ServiceAccount on $cluster.name to the cloud identity Terraform creates for it', ({ spec, cluster }) => {
    const values = valuesOn(POLICY_REPORTER_ADDON, spec, cluster);
    expect(at(values, 'serviceAccount.name')).toBe(POLICY_REPORTER_WORKLOAD.serviceAccount);
    expect(POLICY_REPORTER_ADDON.namespace).toBe(POLICY_REPORTER_WORKLOAD.namespace);
    const annotations = at(values, 'serviceAccount.annotations') as Record<string, string>;
    const granted = Object.fromEntries(Object.entries(annotations).filter(([, value]) => value !== ''));
    switch (cluster.cloud) {
      case 'aws':
        expect(Object.values(at(values, 'podLabels') as Record<string, string>)).not.toContain('true');
        expect(granted).toEqual({
          'eks.amazonaws.com/role-arn': `arn:aws:iam::${spec.clouds.aws!.accountId}:role/${workloadIdentityName(cluster, 'policy-reporter')}`,
        });
        break;
      case 'azure':
        expect(granted).toEqual({ 'azure.workload.identity/client-id': cluster.workloadClientIds.policyReporter });
        expect(at(values, 'podLabels')).toEqual({ 'azure.workload.identity/use': 'true' });
        break;
      case 'gcp':
        expect(granted).toEqual({
          'iam.gke.io/gcp-service-account': `${gcpWorkloadServiceAccountId(cluster, 'policy-reporter')}@${cluster.projectId}.iam.gserviceaccount.com`,
        });
        expect(Object.values(at(values, 'podLabels') as Record<string, string>)).not.toContain('true');
        break;
    }
  });

  it.each(ENVIRONMENTS)('exposes $name policy results as metrics with the severity label, scraped through a ServiceMonitor', (spec) => {
    const values = POLICY_REPORTER_ADDON.values(spec);
    // Mode `detailed` keeps policy, rule, severity and status on policy_report_result.
    expect(at(values, 'metrics')).toEqual({ enabled: true, mode: 'detailed' });
    expect(at(values, 'monitoring.enabled')).toBe(true);
  });
});

describe('per-cluster values', () => {
  const dev = ENVIRONMENTS.find((spec) => spec.tier === 'development')!;

  it('writes a value that is the same on every cluster without a template', () => {
    expect(perClusterValue(dev, 'x/y', () => 'same')).toBe('same');
  });

  it('switches on the cluster name where clusters differ, leaving out empty values', () => {
    const value = perClusterValue(dev, 'x/y', (cluster) => (cluster.cloud === 'gcp' ? 'g' : ''));
    expect(dev.clusters.map((cluster) => renderGoTemplate(value, cluster.name))).toEqual(['', 'g']);
  });

  it('rejects a value holding template delimiters, naming the environment, field and cluster', () => {
    expect(() => perClusterValue(dev, 'fluent-bit/config.outputs', () => '{{ .oops }}')).toThrow(
      /^lab\/addons\/fluent-bit\/config\.outputs: the value for cluster\(s\) lab-aks-neu, lab-gke-euw4 contains/,
    );
  });
});

describe('Fluent Bit', () => {
  it.each(CLUSTERS)('tails container logs on $cluster.name through the kubernetes filter', ({ spec, cluster }) => {
    const values = valuesOn(FLUENT_BIT_ADDON, spec, cluster);
    const [input] = fluentBitSections(at(values, 'config.inputs') as string);
    expect(input).toMatchObject({ kind: 'INPUT' });
    expect(property(input!, 'Name')).toBe('tail');
    expect(property(input!, 'Path')).toBe('/var/log/containers/*.log');
    const filters = fluentBitSections(at(values, 'config.filters') as string);
    expect(filters.map((f) => property(f, 'Name'))).toEqual(['kubernetes', 'modify']);
  });

  it.each(CLUSTERS)('adds env $env and cluster $cluster.name to every record', ({ spec, cluster }) => {
    const modify = fluentBitSections(at(valuesOn(FLUENT_BIT_ADDON, spec, cluster), 'config.filters') as string)[1]!;
    const set = modify.properties.filter(([key]) => key === 'Set').map(([, value]) => value);
    expect(set).toEqual([`env ${spec.name}`, `cluster ${cluster.name}`]);
  });

  it.each(CLUSTERS)('ships the logs of $cluster.name to the log service of its cloud', ({ spec, cluster }) => {
    const values = valuesOn(FLUENT_BIT_ADDON, spec, cluster);
    const outputs = fluentBitSections(at(values, 'config.outputs') as string);
    expect(outputs).toHaveLength(1);
    const output = outputs[0]!;
    const annotations = at(values, 'serviceAccount.annotations') as Record<string, string>;
    switch (cluster.cloud) {
      case 'aws':
        expect(Object.fromEntries(output.properties)).toMatchObject({
          Name: 'cloudwatch_logs',
          region: cluster.region,
          log_group_name: containerLogGroupName(spec, cluster),
          // Terraform creates the group with its key and retention; the role cannot create one.
          auto_create_group: 'false',
        });
        expect(property(output, 'log_retention_days')).toBeUndefined();
        expect(annotations['eks.amazonaws.com/role-arn']).toBe(`arn:aws:iam::${spec.clouds.aws!.accountId}:role/${workloadIdentityName(cluster, 'fluent-bit')}`);
        break;
      case 'gcp':
        expect(Object.fromEntries(output.properties)).toMatchObject({
          Name: 'stackdriver',
          resource: 'k8s_container',
          k8s_cluster_name: cluster.name,
          k8s_cluster_location: cluster.region,
        });
        expect(annotations['iam.gke.io/gcp-service-account']).toBe(`${gcpWorkloadServiceAccountId(cluster, 'fluent-bit')}@${cluster.projectId}.iam.gserviceaccount.com`);
        break;
      case 'azure':
        expect(Object.fromEntries(output.properties)).toMatchObject({ Name: 'azure_logs_ingestion', tenant_id: cluster.tenantId });
        expect(at(values, 'envFrom')).toEqual([{ secretRef: { name: AZURE_LOGS_SECRET, optional: true } }]);
        break;
    }
  });

  it.each(ENVIRONMENTS)('keeps the $name Fluent Bit ServiceMonitor on', (spec) => {
    expect(at(FLUENT_BIT_ADDON.values(spec), 'serviceMonitor.enabled')).toBe(true);
  });
});

describe('every add-on the ApplicationSets template', () => {
  // The cluster generator renders the values text as a Go template: a value meant literally
  // (another engine's own template) must be escaped, or the set fails on every cluster.
  const templated = PLATFORM_ADDONS.filter((addon) => addon.placement === 'every-cluster');
  it.each(CLUSTERS)('renders on $cluster.name with no template action but the cluster switches', ({ spec, cluster }) => {
    for (const addon of templated) expect(() => valuesOn(addon, spec, cluster)).not.toThrow();
    expect(templated.length).toBeGreaterThan(5);
  });
});

describe('kube-prometheus-stack', () => {
  it.each(ENVIRONMENTS.flatMap((spec) => spec.clusters.map((cluster) => [spec.name, cluster.name, spec, cluster] as const)))(
    "%s/%s: Alertmanager receives its own message templates, untouched by the ApplicationSet's template",
    (_env, _cluster, spec, cluster) => {
      const values = valuesOn(KUBE_PROMETHEUS_STACK_ADDON, spec, cluster);
      expect(at(values, 'alertmanager.config')).toEqual(JSON.parse(JSON.stringify(alertmanagerConfig(spec))));
      expect(at(values, 'prometheus.prometheusSpec.externalLabels')).toEqual({ cluster: cluster.name, env: spec.name });
    },
  );
});

describe('Tempo', () => {
  const retentionOf = (spec: EnvironmentSpec) => at(TEMPO_ADDON.values(spec), 'tempo.retention');

  it('keeps traces two days in development, a week in staging and two weeks in production', () => {
    expect(Object.fromEntries(ENVIRONMENTS.map((spec) => [spec.tier, retentionOf(spec)]))).toEqual({
      development: '48h',
      staging: '168h',
      production: '336h',
    });
  });

  it.each(ENVIRONMENTS)('receives OTLP over gRPC and HTTP in $name and keeps the Jaeger receivers the chart templates read', (spec) => {
    // tempo 1.18.1 templates/_ports.tpl dereferences tempo.receivers.jaeger.protocols.*: a null
    // there fails the render (grafana/helm-charts#3495), so jaeger keeps the chart's default.
    const receivers = at(TEMPO_ADDON.values(spec), 'tempo.receivers');
    expect(receivers).not.toHaveProperty('jaeger');
    expect(receivers).toEqual({
      opencensus: null,
      otlp: { protocols: { grpc: { endpoint: '0.0.0.0:4317' }, http: { endpoint: '0.0.0.0:4318' } } },
    });
  });

  it.each(ENVIRONMENTS)('runs the $name single binary with resources, a volume and a ServiceMonitor', (spec) => {
    const values = TEMPO_ADDON.values(spec);
    expect(at(values, 'tempo.resources.requests')).toEqual({ cpu: expect.any(String), memory: expect.any(String) });
    expect(at(values, 'tempo.resources.limits.memory')).toEqual(expect.any(String));
    expect(at(values, 'persistence.enabled')).toBe(true);
    expect(at(values, 'serviceMonitor.enabled')).toBe(true);
  });
});

describe('all three add-ons', () => {
  const ADDONS = [POLICY_REPORTER_ADDON, FLUENT_BIT_ADDON, TEMPO_ADDON];
  /** Keys whose value would be a credential if it were written inline. */
  const CREDENTIAL_KEY = /(password|secret|token|webhook|accesskey|credentials|apikey)$/i;
  /** Values that are credentials whatever their key. */
  const CREDENTIAL_VALUE = /hooks\.slack\.com|-----BEGIN|AKIA[0-9A-Z]{16}/;
  /** Keys whose value names a Secret the chart reads at run time, not the secret itself. */
  const SECRET_REFERENCE = /secretRef$/;
  const KNOWN_SECRETS = new Set<string>(Object.values(POLICY_REPORTER_SECRETS));

  it.each(CLUSTERS)('keeps every credential out of the values on $cluster.name', ({ spec, cluster }) => {
    for (const addon of ADDONS) {
      const leaves = stringLeaves(valuesOn(addon, spec, cluster));
      const references = leaves.filter(([path]) => SECRET_REFERENCE.test(path));
      const inline = leaves.filter(([path, value]) => (CREDENTIAL_KEY.test(path) && !SECRET_REFERENCE.test(path) && value !== '') || CREDENTIAL_VALUE.test(value));
      expect({ addon: addon.name, inline }).toEqual({ addon: addon.name, inline: [] });
      for (const [path, name] of references) expect({ path, known: KNOWN_SECRETS.has(name) }).toEqual({ path, known: true });
    }
  });

  it('fails the credential check on an inline Slack webhook (the check can fail)', () => {
    const leaves = stringLeaves({ target: { slack: { webhook: 'https://hooks.slack.com/services/T0/B0/x' } } });
    expect(leaves.filter(([path, value]) => CREDENTIAL_KEY.test(path) || CREDENTIAL_VALUE.test(value))).toHaveLength(1);
  });

  it.each(ENVIRONMENTS)('pins exact chart versions in $name', (spec) => {
    for (const addon of ADDONS) expect(spec.charts[addon.versionKey]).toMatch(/^\d+\.\d+\.\d+$/);
  });

  it('gives every value a type Helm reads (no undefined leaves)', () => {
    const undefinedLeaves = (values: HelmValues): boolean => JSON.stringify(values) !== JSON.stringify(parse(toYaml(values)));
    for (const spec of ENVIRONMENTS) for (const addon of ADDONS) expect(undefinedLeaves(addon.values(spec))).toBe(false);
  });
});
