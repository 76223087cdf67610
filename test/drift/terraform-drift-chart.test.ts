import type { IApplication } from '@kubernetes-models/argo-cd/argoproj.io/v1alpha1/Application';
import type { IAppProject } from '@kubernetes-models/argo-cd/argoproj.io/v1alpha1/AppProject';
import { ApiObject, App, Chart } from 'cdk8s';
import { CronJob, type ICronJob } from 'kubernetes-models/batch/v1/CronJob';
import { type INetworkPolicy, NetworkPolicy } from 'kubernetes-models/networking.k8s.io/v1/NetworkPolicy';
import { ConfigMap } from 'kubernetes-models/v1/ConfigMap';
import type { IContainer } from 'kubernetes-models/v1/Container';
import { Namespace } from 'kubernetes-models/v1/Namespace';
import { ServiceAccount } from 'kubernetes-models/v1/ServiceAccount';
import { terraformEnvironmentDir } from '../../apps/synth/dist-layout';
import { targetRevision } from '../../constructs/argocd/gitops-source';
import { driftCheckCluster } from '../../constructs/core/observability-contract';
import { driftCheckRunners } from '../../constructs/drift/drift-check-runners';
import { DriftCheckSchedule } from '../../constructs/drift/drift-check-schedule';
import { CHECK_SCRIPT, CLONE_SCRIPT } from '../../constructs/drift/drift-check-scripts';
import { DriftPolicy } from '../../constructs/drift/drift-policy';
import { TerraformDriftChart } from '../../constructs/drift/terraform-drift-chart';
import { TERRAFORM_IMAGE, TerraformDriftCheck } from '../../constructs/drift/terraform-drift-check';
import type { KubeManifest } from '../../constructs/synth/kube-manifest';
import { renderChart } from '../../constructs/synth/render-chart';
import { terraformStackNames } from '../../constructs/terraform/stack-names';
import type { ClusterSpec, EnvironmentSpec } from '../../environments/types';
import { type ComponentObject, componentsOf, manifestOf, manifestsOf, objectsOf as objectsOfSpec, typed } from '../platform/render-environment';
import { eksCluster } from '../support/fixture-clusters';
import { FIXTURE_AWS_ACCOUNT, FIXTURE_AZURE_SUBSCRIPTION, FIXTURE_AZURE_TENANT, FIXTURE_ORGANISATION, fixtureEnvironment, fixtureEstate } from '../support/fixture-environment';
import { expectRestrictedContainer } from './restricted-container';

const ENVIRONMENTS = fixtureEstate();

/** How Applications and the AppProject name a cluster: the management cluster by its in-cluster address. */
function destinationOf(cluster: { readonly name: string; readonly role: string }): { name: string } | { server: string } {
  return cluster.role === 'management' ? { server: 'https://kubernetes.default.svc' } : { name: cluster.name };
}

const byName = (name: string): EnvironmentSpec => ENVIRONMENTS.find((spec) => spec.name === name)!;

/** Every environment's components and objects, built once. */
const built = new Map(
  ENVIRONMENTS.map((spec) => {
    const components = componentsOf(spec);
    const objects: ComponentObject[] = components.flatMap((c) => renderChart(c.chart).map((o) => ({ ...o, component: c.id })));
    return [spec.name, { components, objects }] as const;
  }),
);

function objectsOf(spec: EnvironmentSpec, component?: string): ComponentObject[] {
  const all = built.get(spec.name)!.objects;
  return component === undefined ? all : all.filter((o) => o.component === component);
}

function cronJobsOf(spec: EnvironmentSpec, component?: string): ICronJob[] {
  return manifestsOf(objectsOf(spec, component), 'CronJob')
    .filter((m) => m.metadata.namespace === 'terraform-drift')
    .map((m) => typed<ICronJob>(m));
}

function podOf(cronJob: ICronJob): NonNullable<NonNullable<ICronJob['spec']>['jobTemplate']['spec']>['template'] {
  return cronJob.spec!.jobTemplate.spec!.template;
}

function containersOf(cronJob: ICronJob): IContainer[] {
  const spec = podOf(cronJob).spec!;
  return [...(spec.initContainers ?? []), ...spec.containers];
}

function envOf(container: IContainer): Record<string, string> {
  return Object.fromEntries((container.env ?? []).map((e) => [e.name, e.value ?? '']));
}

const ALL = ENVIRONMENTS.map((spec) => [spec.name, spec] as const);

/** Where each environment's checks run and when: the folder per runner cluster, the cron per stack. */
const EXPECTED_SCHEDULES: Readonly<Record<string, Readonly<Record<string, Readonly<Record<string, string>>>>>> = {
  lab: {
    'terraform-drift-lab-aks-neu': { 'azure-foundation': '0 * * * *', 'azure-network-lab-aks-neu': '20 * * * *', 'azure-cluster-lab-aks-neu': '40 * * * *' },
    'terraform-drift-lab-gke-euw4': { 'gcp-foundation': '0 * * * *', 'gcp-network-lab-gke-euw4': '20 * * * *', 'gcp-cluster-lab-gke-euw4': '40 * * * *' },
  },
  stage: {
    'terraform-drift-stage-eks-euw2': {
      'aws-foundation': '*/30 * * * *',
      'aws-network-stage-eks-euw2': '10-59/30 * * * *',
      'aws-cluster-stage-eks-euw2': '20-59/30 * * * *',
    },
  },
  live: {
    'terraform-drift-live-eks-euw2': {
      'aws-foundation': '*/15 * * * *',
      'aws-network-live-eks-euw2': '3-59/15 * * * *',
      'aws-cluster-live-eks-euw2': '6-59/15 * * * *',
      'aws-network-live-eks-eun1': '9-59/15 * * * *',
      'aws-cluster-live-eks-eun1': '12-59/15 * * * *',
    },
  },
};

describe.each(ALL)('%s', (_, spec) => {
  const runners = driftCheckRunners(spec);

  it('checks every Terraform stack exactly once, on the cluster of its cloud that runs the checks, on the environment schedule', () => {
    const scheduled = Object.fromEntries(
      runners.map((runner) => [runner.component, Object.fromEntries(cronJobsOf(spec, runner.component).map((cj) => [cj.metadata!.name!, cj.spec!.schedule]))]),
    );
    expect(scheduled).toEqual(EXPECTED_SCHEDULES[spec.name]);
    const checked = cronJobsOf(spec).map((cj) => cj.metadata!.name);
    expect(checked.sort()).toEqual(
      terraformStackNames(spec)
        .map((s) => s.name)
        .sort(),
    );
    for (const stack of terraformStackNames(spec)) {
      expect(runners.find((r) => r.stacks.some((s) => s.name === stack.name))?.cluster).toBe(driftCheckCluster(spec, stack.cloud));
    }
  });

  it('syncs each runner folder to its own cluster only, with an Application next to the other sync applications', () => {
    const applications = manifestsOf(objectsOf(spec, 'sync'), 'Application')
      .filter((m) => m.metadata.name.endsWith('-terraform-drift-sync'))
      .map((m) => typed<IApplication>(m));
    expect(applications.map((a) => ({ name: a.metadata.name, destination: a.spec.destination, path: a.spec.source?.path }))).toEqual(
      runners.map((runner) => ({
        name: `${runner.cluster.name}-terraform-drift-sync`,
        destination: { ...destinationOf(runner.cluster), namespace: 'terraform-drift' },
        path: `dist/k8s/${spec.name}/${runner.component}`,
      })),
    );
    for (const application of applications) {
      expect(application.spec.source).toMatchObject({ repoURL: spec.gitops.repoUrl, targetRevision: targetRevision(spec.gitops) });
      expect(application.spec.project).toBe('platform');
      // Observability content for the drift policy: its labels and its self-heal.
      expect(application.metadata.labels).toMatchObject(DriftPolicy.fromSpec(spec).applicationSettings('observability').labels);
      expect(application.spec.syncPolicy).toEqual(DriftPolicy.fromSpec(spec).applicationSettings('observability').syncPolicy.render({ createNamespace: true }));
    }
    const scopes = built
      .get(spec.name)!
      .components.filter((c) => c.id.startsWith('terraform-drift-'))
      .map((c) => [c.id, c.scope]);
    expect(scopes).toEqual(runners.map((r) => [r.component, 'single-cluster']));
  });

  it('lets the platform project deploy to the terraform-drift namespace of every runner (needs it in PLATFORM_NAMESPACES)', () => {
    const project = typed<IAppProject>(manifestOf(objectsOf(spec), 'AppProject', 'platform'));
    for (const runner of runners) expect(project.spec?.destinations).toContainEqual({ ...destinationOf(runner.cluster), namespace: 'terraform-drift' });
  });

  it('fetches the repository at the environment revision and plans the stack folder', () => {
    for (const cronJob of cronJobsOf(spec)) {
      const [clone, plan] = containersOf(cronJob) as [IContainer, IContainer];
      const stack = cronJob.metadata!.name!;
      expect(envOf(clone)).toMatchObject({ REPO_URL: spec.gitops.repoUrl, REVISION: targetRevision(spec.gitops), REPO_DIR: '/drift/work/repo' });
      expect(envOf(plan)).toMatchObject({
        STACK: stack,
        CLOUD: terraformStackNames(spec).find((s) => s.name === stack)!.cloud,
        STACK_DIR: `/drift/work/repo/dist/terraform/${spec.name}/${stack}`,
        PUSHGATEWAY_URL: 'http://prometheus-pushgateway.monitoring.svc:9091',
      });
      expect([clone.command, plan.command]).toEqual([
        ['/bin/sh', '/scripts/clone.sh'],
        ['/bin/sh', '/scripts/check.sh'],
      ]);
    }
  });

  it('ships the scripts in a ConfigMap the CronJobs mount', () => {
    for (const runner of runners) {
      const configMap = manifestOf(objectsOf(spec, runner.component), 'ConfigMap', 'terraform-drift-scripts');
      expect(configMap.data).toEqual({ 'clone.sh': CLONE_SCRIPT, 'check.sh': CHECK_SCRIPT });
      for (const cronJob of cronJobsOf(spec, runner.component)) {
        expect(podOf(cronJob).spec!.volumes).toContainEqual({ name: 'scripts', configMap: { name: 'terraform-drift-scripts' } });
      }
    }
  });

  it('never runs two plans of a stack at once, gives up on late starts and hung runs, retries once and keeps failed Jobs', () => {
    const minutes = spec.infrastructure.driftCheckIntervalMinutes;
    for (const cronJob of cronJobsOf(spec)) {
      expect(cronJob.spec).toMatchObject({
        concurrencyPolicy: 'Forbid',
        timeZone: 'Etc/UTC',
        startingDeadlineSeconds: Math.min(minutes * 30, 600),
        successfulJobsHistoryLimit: 1,
        failedJobsHistoryLimit: 3,
        jobTemplate: { spec: { backoffLimit: 1, activeDeadlineSeconds: Math.min(minutes, 30) * 60 } },
      });
      expect(podOf(cronJob).spec!.restartPolicy).toBe('Never');
    }
  });

  it('passes the policy catalog: ownership labels, pinned image, requests and limits, non-root, restricted security context', () => {
    for (const cronJob of cronJobsOf(spec)) {
      const pod = podOf(cronJob);
      // require-labels
      expect(pod.metadata?.labels).toMatchObject({ owner: spec.owner, 'cost-centre': spec.costCentre, env: spec.name });
      // require-run-as-non-root, pod-security-restricted
      expect(pod.spec!.securityContext).toMatchObject({ runAsNonRoot: true, runAsUser: 65532, seccompProfile: { type: 'RuntimeDefault' } });
      expect(pod.spec!.automountServiceAccountToken).toBe(false);
      expect(pod.spec!.volumes!.every((v) => v.emptyDir !== undefined || v.configMap !== undefined)).toBe(true);
      for (const container of containersOf(cronJob)) {
        // disallow-latest-tag: the Terraform release of CI and the README
        expect(container.image).toBe('docker.io/hashicorp/terraform:1.11.4');
        expectRestrictedContainer(container);
        // Writable only where the emptyDirs are mounted.
        expect(container.volumeMounts!.map((m) => m.mountPath).sort()).toEqual(['/drift/home', '/drift/work', '/scripts', '/tmp']);
      }
    }
  });

  it('enforces the restricted Pod Security Standard on the namespace', () => {
    for (const runner of runners) {
      expect(manifestOf(objectsOf(spec, runner.component), 'Namespace', 'terraform-drift').metadata.labels).toMatchObject({
        'pod-security.kubernetes.io/enforce': 'restricted',
      });
    }
  });

  it('runs the checks as a cdk8s-plus-28 ServiceAccount that mounts no token, names no secrets and carries only the identity annotations', () => {
    for (const runner of runners) {
      const objects = objectsOf(spec, runner.component);
      const account = manifestOf(objects, 'ServiceAccount', 'terraform-drift');
      expect(Object.keys(account).sort()).toEqual(['apiVersion', 'automountServiceAccountToken', 'kind', 'metadata']);
      expect(account).toMatchObject({ automountServiceAccountToken: false, metadata: { namespace: 'terraform-drift' } });
      expect(objects.find((o) => o.manifest.kind === 'ServiceAccount')!.constructPath).toMatch(/\/service-account\/Resource$/);
      for (const cronJob of cronJobsOf(spec, runner.component)) {
        expect(podOf(cronJob).spec!.serviceAccountName).toBe(account.metadata.name);
      }
    }
  });

  it("lets DNS out to any address: the one egress rule without `to` (why cdk8s-plus-28's NetworkPolicy is not used)", () => {
    for (const runner of runners) {
      const policy = typed<INetworkPolicy>(manifestOf(objectsOf(spec, runner.component), 'NetworkPolicy', 'terraform-drift'));
      expect(policy.spec!.egress!.filter((rule) => rule.to === undefined)).toEqual([
        {
          ports: [
            { protocol: 'UDP', port: 53 },
            { protocol: 'TCP', port: 53 },
          ],
        },
      ]);
    }
  });

  it('admits no traffic in, and lets out only DNS, the Pushgateway and HTTPS (and GKE metadata on GCP)', () => {
    for (const runner of runners) {
      const policy = typed<INetworkPolicy>(manifestOf(objectsOf(spec, runner.component), 'NetworkPolicy', 'terraform-drift'));
      expect(policy.spec).toMatchObject({ podSelector: {}, policyTypes: ['Ingress', 'Egress'] });
      expect(policy.spec!.ingress).toBeUndefined();
      const ports = policy.spec!.egress!.flatMap((rule) => (rule.ports ?? []).map((p) => `${p.protocol}/${p.port}`));
      const metadata = runner.cluster.cloud === 'gcp' ? ['TCP/80', 'TCP/988'] : [];
      expect(ports.sort()).toEqual(['TCP/443', 'TCP/53', 'TCP/9091', 'UDP/53', ...metadata].sort());
      expect(policy.spec!.egress).toContainEqual({
        to: [
          {
            namespaceSelector: { matchLabels: { 'kubernetes.io/metadata.name': 'monitoring' } },
            podSelector: { matchLabels: { 'app.kubernetes.io/name': 'prometheus-pushgateway' } },
          },
        ],
        ports: [{ protocol: 'TCP', port: 9091 }],
      });
    }
  });

  it('writes objects valid against the Kubernetes schemas', () => {
    const validators: Record<string, (m: KubeManifest) => void> = {
      CronJob: (m) => new CronJob(m as unknown as ConstructorParameters<typeof CronJob>[0]).validate(),
      ConfigMap: (m) => new ConfigMap(m as unknown as ConstructorParameters<typeof ConfigMap>[0]).validate(),
      Namespace: (m) => new Namespace(m as unknown as ConstructorParameters<typeof Namespace>[0]).validate(),
      ServiceAccount: (m) => new ServiceAccount(m as unknown as ConstructorParameters<typeof ServiceAccount>[0]).validate(),
      NetworkPolicy: (m) => new NetworkPolicy(m as unknown as ConstructorParameters<typeof NetworkPolicy>[0]).validate(),
    };
    for (const runner of runners) {
      for (const { manifest } of objectsOf(spec, runner.component)) {
        expect(() => validators[manifest.kind]!(manifest)).not.toThrow();
      }
    }
    const [cronJob] = manifestsOf(objectsOf(spec), 'CronJob');
    const broken = { ...cronJob!, spec: { ...(cronJob!.spec as object), concurrencyPolicy: 'Never' } } as KubeManifest;
    expect(() => validators.CronJob!(broken)).toThrow();
  });
});

describe('the cloud identity of the checks', () => {
  function serviceAccount(spec: EnvironmentSpec, cluster: string): KubeManifest {
    return manifestOf(objectsOf(spec, `terraform-drift-${cluster}`), 'ServiceAccount', 'terraform-drift');
  }

  it('assumes the IAM role of the cluster on AWS (IRSA)', () => {
    expect(serviceAccount(byName('live'), 'live-eks-euw2').metadata.annotations).toEqual({
      'eks.amazonaws.com/role-arn': `arn:aws:iam::${FIXTURE_AWS_ACCOUNT}:role/live-eks-euw2-terraform-drift`,
    });
    const staging = fixtureEnvironment({ tier: 'staging', clusters: [eksCluster('stage-eks-euw2')], clouds: { aws: { accountId: '444455556666', region: 'eu-west-2' } } });
    expect(manifestOf(objectsOfSpec(staging), 'ServiceAccount', 'terraform-drift').metadata.annotations).toEqual({
      'eks.amazonaws.com/role-arn': 'arn:aws:iam::444455556666:role/stage-eks-euw2-terraform-drift',
    });
  });

  it('uses the managed identity of the cluster on Azure, with the pod label and the ARM variables the provider reads', () => {
    const dev = byName('lab');
    const aks = dev.clusters.find((c) => c.cloud === 'azure')!;
    if (aks.cloud !== 'azure') throw new Error('the development fixture has an AKS cluster');
    expect(serviceAccount(dev, 'lab-aks-neu').metadata.annotations).toEqual({ 'azure.workload.identity/client-id': aks.workloadClientIds.terraformDrift });
    for (const cronJob of cronJobsOf(dev, 'terraform-drift-lab-aks-neu')) {
      expect(podOf(cronJob).metadata?.labels).toMatchObject({ 'azure.workload.identity/use': 'true' });
      const plan = containersOf(cronJob).find((c) => c.name === 'plan')!;
      expect(envOf(plan)).toMatchObject({
        ARM_USE_AKS_WORKLOAD_IDENTITY: 'true',
        ARM_TENANT_ID: FIXTURE_AZURE_TENANT,
        ARM_CLIENT_ID: aks.workloadClientIds.terraformDrift,
        ARM_SUBSCRIPTION_ID: FIXTURE_AZURE_SUBSCRIPTION,
      });
    }
  });

  it('impersonates the Google service account of the cluster on GCP (GKE workload identity)', () => {
    expect(serviceAccount(byName('lab'), 'lab-gke-euw4').metadata.annotations).toEqual({
      'iam.gke.io/gcp-service-account': `terraform-drift-lab-gke-euw4@${FIXTURE_ORGANISATION}-platform.iam.gserviceaccount.com`,
    });
  });

  it('labels and configures no Azure identity outside Azure', () => {
    for (const cronJob of cronJobsOf(byName('live'))) {
      expect(Object.keys(podOf(cronJob).metadata?.labels ?? {})).not.toContain('azure.workload.identity/use');
      expect(Object.keys(envOf(containersOf(cronJob).find((c) => c.name === 'plan')!)).filter((name) => name.startsWith('ARM_'))).toEqual([]);
    }
  });
});

describe('TerraformDriftChart', () => {
  const dev = byName('lab');
  const aks = dev.clusters.find((c) => c.cloud === 'azure')!;
  const chart = (spec: EnvironmentSpec, cluster: ClusterSpec, stacks = terraformStackNames(spec).filter((s) => s.cloud === cluster.cloud)): TerraformDriftChart =>
    new TerraformDriftChart(new App(), `terraform-drift-${cluster.name}`, { spec, cluster, stacks, terraformDir: terraformEnvironmentDir(spec.name) });

  it('uses the official Terraform image by default', () => {
    expect(TERRAFORM_IMAGE).toBe('docker.io/hashicorp/terraform:1.11.4');
    expect(chart(dev, aks).checks).toHaveLength(3);
  });

  it('starts a check at the top of the period unless it is given an offset', () => {
    const scope = new Chart(new App(), 'checks');
    const account = new ApiObject(scope, 'account', { apiVersion: 'v1', kind: 'ServiceAccount', metadata: { name: 'terraform-drift' } });
    const check = new TerraformDriftCheck(scope, 'aws-foundation', {
      environment: 'prod',
      stack: { name: 'aws-foundation', cloud: 'aws' },
      stackDir: 'dist/terraform/live/aws-foundation',
      schedule: DriftCheckSchedule.fromSpec(byName('live')),
      source: { repoUrl: 'https://git.example.com/platform.git', revision: 'v1.0.0' },
      serviceAccount: account,
      scripts: account,
      identity: { serviceAccountAnnotations: {}, podLabels: {}, env: [] },
      pushgatewayUrl: 'http://pushgateway:9091',
      podLabels: {},
    });
    expect(typed<ICronJob>(check.cronJob.toJson() as KubeManifest).spec!.schedule).toBe('*/15 * * * *');
  });

  it('rejects an interval cron cannot repeat evenly, naming the environment, the chart, the field, the value and the fix', () => {
    const spec = { ...dev, infrastructure: { ...dev.infrastructure, driftCheckIntervalMinutes: 45 } };
    expect(() => chart(spec, aks)).toThrow(/^lab: terraform-drift-lab-aks-neu: infrastructure\.driftCheckIntervalMinutes is 45; .* \(fix: set e\.g\. 15/);
  });

  it("rejects stacks of another cloud: the cluster's identity cannot plan them", () => {
    expect(() => chart(dev, aks, terraformStackNames(dev))).toThrow(
      /^lab: terraform-drift-lab-aks-neu: stacks gcp-foundation, gcp-network-lab-gke-euw4, gcp-cluster-lab-gke-euw4 are not on azure;/,
    );
  });

  it('rejects a stack whose CronJob name would exceed 52 characters', () => {
    const long = { ...aks, name: 'lab-aks-northeurope-platform-primary-001' };
    const spec = { ...dev, clusters: [long, ...dev.clusters.filter((c) => c !== aks)] };
    expect(() => chart(spec, long)).toThrow(
      /^lab: terraform-drift-lab-aks-northeurope-platform-primary-001\/azure-network-lab-aks-northeurope-platform-primary-001: stack .* makes a CronJob name of 54 characters; Kubernetes allows 52/,
    );
  });
});

describe('driftCheckRunners', () => {
  it('checks nothing of a cloud account without a cluster there: no identity could plan it', () => {
    const dev = byName('lab');
    const azureOnly = { ...dev, clusters: dev.clusters.filter((c) => c.cloud === 'azure') };
    expect(driftCheckRunners(azureOnly).map((r) => [r.cluster.name, r.stacks.map((s) => s.name)])).toEqual([
      ['lab-aks-neu', ['azure-foundation', 'azure-network-lab-aks-neu', 'azure-cluster-lab-aks-neu']],
    ]);
  });

  it("runs a cloud's checks on its management cluster, else on its first cluster", () => {
    expect(driftCheckRunners(byName('live')).map((r) => r.cluster.name)).toEqual(['live-eks-euw2']);
    expect(driftCheckRunners(byName('lab')).map((r) => r.cluster.name)).toEqual(['lab-aks-neu', 'lab-gke-euw4']);
    const workloadFirst = fixtureEnvironment({ tier: 'production', clusters: [eksCluster('live-eks-eun1'), eksCluster('live-eks-euw2', { role: 'management' })] });
    expect(driftCheckRunners(workloadFirst).map((r) => r.cluster.name)).toEqual(['live-eks-euw2']);
  });
});
