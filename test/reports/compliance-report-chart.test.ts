import type { IApplication } from '@kubernetes-models/argo-cd/argoproj.io/v1alpha1/Application';
import type { IAppProject } from '@kubernetes-models/argo-cd/argoproj.io/v1alpha1/AppProject';
import { ApiObject, App, Chart, Duration } from 'cdk8s';
import { CronJob, type ICronJob } from 'kubernetes-models/batch/v1/CronJob';
import { ConfigMap, type IConfigMap } from 'kubernetes-models/v1/ConfigMap';
import type { IContainer } from 'kubernetes-models/v1/Container';
import { targetRevision } from '../../constructs/argocd/gitops-source';
import { ComplianceReportChart } from '../../constructs/compliance-report/compliance-report-chart';
import { ComplianceReportJob } from '../../constructs/compliance-report/compliance-report-job';
import { RENDER_SCRIPT } from '../../constructs/compliance-report/render-script';
import { REPORT_IMAGES } from '../../constructs/compliance-report/report-images';
import { COLLECT_SCRIPT, NOTIFY_SCRIPT, UPLOAD_SCRIPT } from '../../constructs/compliance-report/report-scripts';
import { complianceReportStore } from '../../constructs/core/observability-contract';
import { DriftPolicy } from '../../constructs/drift/drift-policy';
import { namespaceSyncOptions } from '../../constructs/platform/platform-namespaces';
import type { KubeManifest } from '../../constructs/synth/kube-manifest';
import { renderChart } from '../../constructs/synth/render-chart';
import type { ClusterSpec, EnvironmentSpec } from '../../environments/types';
import { expectRestrictedContainer } from '../drift/restricted-container';
import { type ComponentObject, componentsOf, manifestOf, manifestsOf, typed } from '../platform/render-environment';
import { fixtureEstate } from '../support/fixture-environment';

const ENVIRONMENTS = fixtureEstate();

/** How Applications and the AppProject name a cluster: the management cluster by its in-cluster address. */
function destinationOf(cluster: { readonly name: string; readonly role: string }): { name: string } | { server: string } {
  return cluster.role === 'management' ? { server: 'https://kubernetes.default.svc' } : { name: cluster.name };
}

/** Every environment's objects, built once. */
const built = new Map(
  ENVIRONMENTS.map((spec) => {
    const components = componentsOf(spec);
    return [spec.name, { components, objects: components.flatMap((c) => renderChart(c.chart).map((o): ComponentObject => ({ ...o, component: c.id }))) }] as const;
  }),
);

function objectsOf(spec: EnvironmentSpec, component?: string): ComponentObject[] {
  const all = built.get(spec.name)!.objects;
  return component === undefined ? all : all.filter((o) => o.component === component);
}

const componentOf = (cluster: ClusterSpec) => `compliance-report-${cluster.name}`;

function cronJobOf(spec: EnvironmentSpec, cluster: ClusterSpec): ICronJob {
  return typed<ICronJob>(manifestOf(objectsOf(spec, componentOf(cluster)), 'CronJob', 'compliance-report'));
}

function podOf(cronJob: ICronJob) {
  return cronJob.spec!.jobTemplate.spec!.template;
}

function containersOf(cronJob: ICronJob): IContainer[] {
  const spec = podOf(cronJob).spec!;
  return [...(spec.initContainers ?? []), ...spec.containers];
}

function containerOf(cronJob: ICronJob, name: string): IContainer {
  return containersOf(cronJob).find((c) => c.name === name)!;
}

function envOf(container: IContainer): Record<string, string> {
  return Object.fromEntries((container.env ?? []).map((e) => [e.name, e.value ?? '']));
}

/** Every cluster of every environment, for per-cluster tables. */
const CLUSTERS = ENVIRONMENTS.flatMap((spec) => spec.clusters.map((cluster) => ({ env: spec.name, spec, cluster })));

describe('the compliance-report CronJob', () => {
  it.each(ENVIRONMENTS)('runs once per cluster of $name, in its own single-cluster folder', (spec) => {
    const reports = built.get(spec.name)!.components.filter((c) => c.id.startsWith('compliance-report-'));
    expect(reports.map((c) => [c.id, c.scope])).toEqual(spec.clusters.map((cluster) => [componentOf(cluster), 'single-cluster']));
    const jobs = manifestsOf(objectsOf(spec), 'CronJob').filter((m) => m.metadata.name === 'compliance-report');
    expect(jobs).toHaveLength(spec.clusters.length);
  });

  it.each(CLUSTERS)('reports $cluster.name every six hours as policy-reporter, never twice at once, within deadlines', ({ spec, cluster }) => {
    const cronJob = cronJobOf(spec, cluster);
    expect(cronJob.metadata).toMatchObject({ name: 'compliance-report', namespace: 'policy-reporter' });
    expect(cronJob.spec).toMatchObject({
      schedule: '0 */6 * * *',
      timeZone: 'Etc/UTC',
      concurrencyPolicy: 'Forbid',
      startingDeadlineSeconds: 3600,
      successfulJobsHistoryLimit: 1,
      failedJobsHistoryLimit: 3,
      jobTemplate: { spec: { backoffLimit: 2, activeDeadlineSeconds: 1800 } },
    });
    const pod = podOf(cronJob).spec!;
    expect(pod.serviceAccountName).toBe('policy-reporter');
    // A failed step restarts in place, keeping the run's folder name.
    expect(pod.restartPolicy).toBe('OnFailure');
    expect([...pod.initContainers!, ...pod.containers].map((c) => [c.name, c.command])).toEqual([
      ['collect', ['/bin/sh', '/scripts/collect.sh']],
      ['render', ['python3', '-I', '-B', '/scripts/render.py']],
      ['upload', ['/bin/sh', '/scripts/upload.sh']],
      ['notify', ['/bin/sh', '/scripts/notify.sh']],
    ]);
  });

  it.each(CLUSTERS)('uploads from $cluster.name to the report store of its own cloud with that cloud CLI', ({ spec, cluster }) => {
    const store = complianceReportStore(spec, cluster.cloud)!;
    const upload = containerOf(cronJobOf(spec, cluster), 'upload');
    expect(upload.image).toBe(REPORT_IMAGES.upload[cluster.cloud]);
    const env = envOf(upload);
    expect(env).toMatchObject({ CLOUD: cluster.cloud, BUCKET: store.bucket });
    // The collect step names the run folder under the cluster's prefix; the upload step reads it from there.
    expect(envOf(containerOf(cronJobOf(spec, cluster), 'collect')).REPORT_PREFIX).toBe(`${spec.name}/${cluster.name}`);
    switch (cluster.cloud) {
      case 'aws':
        expect(env).toMatchObject({ STORE_URL: `s3://${store.bucket}`, AWS_REGION: store.region, SSE_KMS_KEY_ID: store.kmsKeyId });
        break;
      case 'gcp':
        expect(env.STORE_URL).toBe(`gs://${store.bucket}`);
        break;
      case 'azure':
        expect(env).toMatchObject({ CONTAINER: 'compliance-reports', STORE_URL: `https://${store.bucket}.blob.core.windows.net/compliance-reports` });
        break;
    }
    expect(env.CONTAINER === undefined).toBe(cluster.cloud !== 'azure');
    expect(env.SSE_KMS_KEY_ID === undefined).toBe(cluster.cloud !== 'aws');
    expect(envOf(containerOf(cronJobOf(spec, cluster), 'render'))).toMatchObject({ ENVIRONMENT: spec.name, CLUSTER: cluster.name, STORE_URL: env.STORE_URL });
  });

  it.each(CLUSTERS)('labels the $cluster.name pods for the Azure workload identity webhook only on AKS', ({ spec, cluster }) => {
    const labels = podOf(cronJobOf(spec, cluster)).metadata!.labels!;
    if (cluster.cloud === 'azure') expect(labels['azure.workload.identity/use']).toBe('true');
    else expect(labels).not.toHaveProperty(['azure.workload.identity/use']);
    // require-labels: ownership of every pod.
    expect(labels).toMatchObject({ owner: spec.owner, 'cost-centre': spec.costCentre, env: spec.name, 'app.kubernetes.io/name': 'compliance-report' });
  });

  it.each(CLUSTERS)('hardens every $cluster.name container: pinned image, non-root, read-only root, no capabilities, requests and limits', ({ spec, cluster }) => {
    const cronJob = cronJobOf(spec, cluster);
    const pod = podOf(cronJob).spec!;
    expect(pod.securityContext).toEqual({ runAsNonRoot: true, runAsUser: 65532, runAsGroup: 65532, fsGroup: 65532, seccompProfile: { type: 'RuntimeDefault' } });
    for (const container of containersOf(cronJob)) {
      expect(container.image).toMatch(/^[a-z0-9.-]+\/[a-z0-9./-]+:v?\d+\.\d+\.\d+(-[a-z0-9.]+)?$/);
      expectRestrictedContainer(container);
      // The places a step writes to are emptyDirs mounted into that step.
      const writable = container.volumeMounts!.filter((m) => pod.volumes!.find((v) => v.name === m.name)!.emptyDir !== undefined).map((m) => m.mountPath);
      const { HOME, TMPDIR, REPORT_DIR } = envOf(container);
      for (const dir of [HOME, TMPDIR, REPORT_DIR].filter((d) => d !== undefined)) expect([container.name, writable]).toEqual([container.name, expect.arrayContaining([dir])]);
    }
    // Writable only where emptyDirs are mounted; restricted Pod Security volume types only.
    expect(pod.volumes!.every((v) => [v.emptyDir, v.configMap, v.secret, v.projected].some((source) => source !== undefined))).toBe(true);
    expect(pod.volumes!.filter((v) => v.emptyDir !== undefined).map((v) => [v.name, v.emptyDir!.sizeLimit])).toEqual([
      ['report', '256Mi'],
      ['home', '256Mi'],
      ['tmp', '256Mi'],
    ]);
  });

  it.each(CLUSTERS)('gives the Kubernetes API token to the collect step of $cluster.name only', ({ spec, cluster }) => {
    const cronJob = cronJobOf(spec, cluster);
    expect(podOf(cronJob).spec!.automountServiceAccountToken).toBe(false);
    const withToken = containersOf(cronJob).filter((c) => c.volumeMounts!.some((m) => m.name === 'kube-api-access'));
    expect(withToken.map((c) => [c.name, c.volumeMounts!.find((m) => m.name === 'kube-api-access')!.mountPath])).toEqual([
      ['collect', '/var/run/secrets/kubernetes.io/serviceaccount'],
    ]);
    const projected = podOf(cronJob).spec!.volumes!.find((v) => v.name === 'kube-api-access')!.projected!;
    expect(projected.sources![0]).toEqual({ serviceAccountToken: { path: 'token', expirationSeconds: 600 } });
  });

  it.each(CLUSTERS)('reads the Slack webhook of $cluster.name from the policy-reporter Secret, optionally, in the notify step only', ({ spec, cluster }) => {
    const cronJob = cronJobOf(spec, cluster);
    const volume = podOf(cronJob).spec!.volumes!.find((v) => v.name === 'slack-webhook')!;
    expect(volume.secret).toEqual({ secretName: 'policy-reporter-slack', optional: true, items: [{ key: 'webhook', path: 'webhook' }] });
    const readers = containersOf(cronJob).filter((c) => c.volumeMounts!.some((m) => m.name === 'slack-webhook'));
    expect(readers.map((c) => c.name)).toEqual(['notify']);
    expect(envOf(containerOf(cronJob, 'notify')).SLACK_WEBHOOK_FILE).toBe('/secrets/slack/webhook');
    // The URL itself is never in Git.
    expect(JSON.stringify(objectsOf(spec, componentOf(cluster)))).not.toContain('hooks.slack.com');
  });

  it.each(CLUSTERS)('ships the four scripts of $cluster.name in a ConfigMap mounted read-only', ({ spec, cluster }) => {
    const configMap = typed<IConfigMap>(manifestOf(objectsOf(spec, componentOf(cluster)), 'ConfigMap', 'compliance-report-scripts'));
    expect(configMap.metadata?.namespace).toBe('policy-reporter');
    expect(configMap.data).toEqual({ 'collect.sh': COLLECT_SCRIPT, 'render.py': RENDER_SCRIPT, 'upload.sh': UPLOAD_SCRIPT, 'notify.sh': NOTIFY_SCRIPT });
    for (const container of containersOf(cronJobOf(spec, cluster))) {
      expect(container.volumeMounts).toContainEqual({ name: 'scripts', mountPath: '/scripts', readOnly: true });
    }
  });

  it.each(ENVIRONMENTS)('writes $name objects valid against the Kubernetes schemas (and the check can fail)', (spec) => {
    for (const cluster of spec.clusters) {
      const cronJob = manifestOf(objectsOf(spec, componentOf(cluster)), 'CronJob', 'compliance-report');
      expect(() => new CronJob(cronJob as unknown as ConstructorParameters<typeof CronJob>[0]).validate()).not.toThrow();
      const configMap = manifestOf(objectsOf(spec, componentOf(cluster)), 'ConfigMap', 'compliance-report-scripts');
      expect(() => new ConfigMap(configMap as unknown as ConstructorParameters<typeof ConfigMap>[0]).validate()).not.toThrow();
      const broken = { ...cronJob, spec: { ...(cronJob.spec as object), concurrencyPolicy: 'Never' } } as KubeManifest;
      expect(() => new CronJob(broken as unknown as ConstructorParameters<typeof CronJob>[0]).validate()).toThrow();
    }
  });
});

describe('the compliance-report sync applications', () => {
  it.each(ENVIRONMENTS)('sync each $name cluster folder to that cluster only, in policy-reporter, as observability content', (spec) => {
    const drift = DriftPolicy.fromSpec(spec);
    const applications = manifestsOf(objectsOf(spec, 'sync'), 'Application')
      .filter((m) => m.metadata.name.endsWith('-compliance-report-sync'))
      .map((m) => typed<IApplication>(m));
    expect(applications.map((a) => ({ name: a.metadata.name, destination: a.spec.destination, path: a.spec.source?.path }))).toEqual(
      spec.clusters.map((cluster) => ({
        name: `${cluster.name}-compliance-report-sync`,
        destination: { ...destinationOf(cluster), namespace: 'policy-reporter' },
        path: `dist/k8s/${spec.name}/${componentOf(cluster)}`,
      })),
    );
    for (const application of applications) {
      expect(application.spec.source).toMatchObject({ repoURL: spec.gitops.repoUrl, targetRevision: targetRevision(spec.gitops) });
      expect(application.spec.project).toBe('platform');
      expect(application.metadata.labels).toMatchObject(drift.applicationSettings('observability').labels);
      expect(application.spec.syncPolicy).toEqual(
        drift.applicationSettings('observability').syncPolicy.render({ createNamespace: true, ...namespaceSyncOptions('policy-reporter') }),
      );
    }
  });

  it.each(ENVIRONMENTS)('may deploy to policy-reporter on every $name cluster (an add-on namespace of the platform project)', (spec) => {
    const project = typed<IAppProject>(manifestOf(objectsOf(spec), 'AppProject', 'platform'));
    for (const cluster of spec.clusters) expect(project.spec?.destinations).toContainEqual({ ...destinationOf(cluster), namespace: 'policy-reporter' });
  });
});

describe('ComplianceReportChart', () => {
  const dev = ENVIRONMENTS.find((spec) => spec.tier === 'development')!;
  const aks = dev.clusters.find((c) => c.cloud === 'azure')!;

  it('rejects a cluster on a cloud the environment declares no account for, naming the field and the fix', () => {
    const { azure: _azure, ...clouds } = dev.clouds;
    const spec = { ...dev, clouds };
    expect(() => new ComplianceReportChart(new App(), `compliance-report-${aks.name}`, { spec, cluster: aks })).toThrow(
      /^lab: compliance-report-lab-aks-neu: cluster lab-aks-neu runs on azure but clouds\.azure is not declared, .* \(fix: declare clouds\.azure in environment lab\)$/,
    );
  });
});

describe('ComplianceReportJob', () => {
  const dev = ENVIRONMENTS.find((spec) => spec.tier === 'development')!;
  const [aks, gke] = [dev.clusters.find((c) => c.cloud === 'azure')!, dev.clusters.find((c) => c.cloud === 'gcp')!];
  const job = (cluster: ClusterSpec, options: { interval?: Duration; store?: ReturnType<typeof complianceReportStore> } = {}) => {
    const scope = new Chart(new App(), 'reports');
    const scripts = new ApiObject(scope, 'scripts', { apiVersion: 'v1', kind: 'ConfigMap', metadata: { name: 'scripts' } });
    return new ComplianceReportJob(scope, 'job', {
      environment: 'dev',
      cluster,
      store: options.store ?? complianceReportStore(dev, cluster.cloud)!,
      prefix: `dev/${cluster.name}`,
      scripts,
      podLabels: {},
      ...(options.interval !== undefined ? { interval: options.interval } : {}),
    });
  };
  const scheduleOf = (j: ComplianceReportJob) => typed<ICronJob>(j.cronJob.toJson() as KubeManifest).spec!.schedule;

  it('reports every six hours by default, or at the interval it is given', () => {
    expect(scheduleOf(job(gke))).toBe('0 */6 * * *');
    expect(scheduleOf(job(gke, { interval: Duration.hours(12) }))).toBe('0 */12 * * *');
  });

  it('uses the pinned images by default', () => {
    const cronJob = typed<ICronJob>(job(gke).cronJob.toJson() as KubeManifest);
    expect(containersOf(cronJob).map((c) => c.image)).toEqual([REPORT_IMAGES.kubectl, REPORT_IMAGES.python, REPORT_IMAGES.upload.gcp, REPORT_IMAGES.curl]);
  });

  it("rejects a store on another cloud than the cluster's: its identity cannot write there", () => {
    expect(() => job(aks, { store: complianceReportStore(dev, 'gcp') })).toThrow(
      /^dev: reports\/job: the report store is on gcp, cluster lab-aks-neu on azure; .* \(fix: pass complianceReportStore\(spec, 'azure'\)\)$/,
    );
  });

  it('rejects an Azure store without a container', () => {
    const store = { ...complianceReportStore(dev, 'azure')!, container: undefined };
    expect(() => job(aks, { store })).toThrow(/^dev: reports\/job: the Azure report store labreports\w+ names no container/);
  });
});
