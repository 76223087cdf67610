import type { IApplicationSet } from '@kubernetes-models/argo-cd/argoproj.io/v1alpha1/ApplicationSet';
import { Duration } from 'cdk8s';
import { parse } from 'yaml';
import { backupKeyAliasName, backupStore } from '../../constructs/core/backup-contract';
import { PLATFORM_ADDONS } from '../../constructs/platform/addon-catalog';
import { VELERO_ADDONS, VELERO_AWS_ADDON, VELERO_AZURE_ADDON, VELERO_GCP_ADDON } from '../../constructs/platform/addons/velero';
import { VELERO_PLUGIN_TAGS } from '../../constructs/platform/addons/velero-plugins';
import type { EksClusterSpec, EnvironmentSpec } from '../../environments/types';
import { field, manifestOf, manifestsOf, objectsOf, typed } from '../platform/render-environment';
import { eksCluster } from '../support/fixture-clusters';
import { fixtureEnvironment } from '../support/fixture-environment';

// An environment of all three clouds: the AKS management cluster and the GKE cluster of the
// development fixture, and an EKS cluster; each Velero add-on runs on exactly one of them.
const dev = fixtureEnvironment({ name: 'dev' });
const EKS: EksClusterSpec = eksCluster('mixed-eks-euw1', { region: 'eu-west-1' });
const MIXED: EnvironmentSpec = fixtureEnvironment({ name: 'dev', clusters: [...dev.clusters, EKS] });
const [AKS, GKE] = dev.clusters as [EnvironmentSpec['clusters'][number], EnvironmentSpec['clusters'][number]];

type Values = Record<string, unknown>;

/** A per-cluster value as the ApplicationSet renders it on a cloud with one cluster: that cluster's value alone. */
function valuesOf(addon: (typeof VELERO_ADDONS)[number], spec: EnvironmentSpec = MIXED): Values {
  return addon.values(spec) as Values;
}

function location(values: Values): Values {
  return (field(values, 'configuration.backupStorageLocation') as Values[])[0]!;
}

describe('the Velero add-ons', () => {
  it('install chart vmware-tanzu/velero at the environment pin, in namespace velero, one per cloud, from the catalog', () => {
    expect(VELERO_ADDONS.map((a) => [a.name, a.placement, a.namespace, a.versionKey, a.chart.chart, a.chart.repoUrl])).toEqual(
      (['aws', 'azure', 'gcp'] as const).map((cloud) => [`velero-${cloud}`, { cloud }, 'velero', 'velero', 'velero', 'https://vmware-tanzu.github.io/helm-charts']),
    );
    for (const addon of VELERO_ADDONS) expect(PLATFORM_ADDONS).toContain(addon);
    expect(VELERO_AWS_ADDON.crds.map((gk) => `${gk.kind}.${gk.group}`)).toEqual([
      'Backup.velero.io',
      'Restore.velero.io',
      'Schedule.velero.io',
      'BackupStorageLocation.velero.io',
      'VolumeSnapshotLocation.velero.io',
    ]);
  });

  it('renders one ApplicationSet per cloud the environment has clusters on, selecting that cloud’s cluster Secrets', () => {
    const objects = objectsOf(MIXED);
    for (const cloud of ['aws', 'azure', 'gcp']) {
      const set = typed<IApplicationSet>(manifestOf(objects, 'ApplicationSet', `velero-${cloud}`));
      expect(set.spec.generators).toEqual([{ clusters: { selector: { matchLabels: { 'gitops-cdk.io/env': 'dev', 'gitops-cdk.io/cloud': cloud } } } }]);
      expect(field(set, 'spec.template.spec.destination')).toEqual({ name: '{{.name}}', namespace: 'velero' });
      expect(field(set, 'spec.template.spec.source.targetRevision')).toBe(MIXED.charts.velero);
      // The values the ApplicationSet carries are the add-on's.
      const addon = VELERO_ADDONS.find((a) => a.name === `velero-${cloud}`)!;
      expect(parse(String(field(set, 'spec.template.spec.source.helm.values')))).toEqual(valuesOf(addon));
    }
    const awsOnly = objectsOf(fixtureEnvironment({ tier: 'staging' }));
    expect(
      manifestsOf(awsOnly, 'ApplicationSet')
        .filter((m) => m.metadata.name.startsWith('velero-'))
        .map((m) => m.metadata.name),
    ).toEqual(['velero-aws']);
  });

  it('has no values on a cloud without clusters: nothing is installed there, and no store is looked for', () => {
    expect(VELERO_AWS_ADDON.values(dev)).toEqual({});
  });

  it.each(VELERO_ADDONS.map((a) => [a.name, a] as const))('%s authenticates by workload identity only: no credentials Secret, the velero/velero ServiceAccount', (_n, addon) => {
    const values = valuesOf(addon);
    expect(field(values, 'credentials')).toEqual({ useSecret: false });
    expect(field(values, 'serviceAccount.server.name')).toBe('velero');
    expect(field(values, 'serviceAccount.server.create')).toBe(true);
    expect(field(values, 'fullnameOverride')).toBe('velero');
    expect(location(values)).not.toHaveProperty('credential');
    expect(JSON.stringify(values)).not.toMatch(/secretContents|existingSecret|credentialsFile/);
  });

  it.each(VELERO_ADDONS.map((a) => [a.name, a] as const))('%s leaves CRDs to Argo CD, runs no node agent and no snapshot location, and is scraped', (_n, addon) => {
    const values = valuesOf(addon);
    expect([field(values, 'upgradeCRDs'), field(values, 'deployNodeAgent'), field(values, 'snapshotsEnabled'), field(values, 'backupsEnabled')]).toEqual([
      false,
      false,
      false,
      true,
    ]);
    expect(field(values, 'metrics')).toEqual({ enabled: true, serviceMonitor: { enabled: true, autodetect: false } });
  });

  it.each(VELERO_ADDONS.map((a) => [a.name, a] as const))('%s runs restricted: non-root by uid, no privilege escalation, read-only root, no capabilities', (_n, addon) => {
    const values = valuesOf(addon);
    expect(field(values, 'podSecurityContext')).toEqual({ runAsNonRoot: true, runAsUser: 1002, runAsGroup: 1000, fsGroup: 1000, seccompProfile: { type: 'RuntimeDefault' } });
    const restricted = { allowPrivilegeEscalation: false, readOnlyRootFilesystem: true, capabilities: { drop: ['ALL'] } };
    expect(field(values, 'containerSecurityContext')).toEqual(restricted);
    const [plugin] = field(values, 'initContainers') as Values[];
    expect(plugin).toMatchObject({ securityContext: restricted, volumeMounts: [{ mountPath: '/target', name: 'plugins' }] });
    expect(field(values, 'resources.requests')).toEqual({ cpu: '500m', memory: '128Mi' });
  });
});

describe('per cloud', () => {
  it('runs each cloud’s plugin at the release paired with the chart pin', () => {
    const images = VELERO_ADDONS.map((a) => (field(valuesOf(a), 'initContainers') as Values[])[0]!.image);
    const tag = VELERO_PLUGIN_TAGS[MIXED.charts.velero];
    expect(images).toEqual([
      `docker.io/velero/velero-plugin-for-aws:${tag}`,
      `docker.io/velero/velero-plugin-for-microsoft-azure:${tag}`,
      `docker.io/velero/velero-plugin-for-gcp:${tag}`,
    ]);
  });

  it('refuses a chart pin without a plugin release, naming the table to extend', () => {
    const unknown = { ...MIXED, charts: { ...MIXED.charts, velero: '99.0.0' } };
    expect(() => VELERO_GCP_ADDON.values(unknown)).toThrow(/^dev\/addons\/velero: chart velero 99\.0\.0 has no plugin release listed \(fix: .*VELERO_PLUGIN_TAGS/);
  });

  it('writes to the environment’s S3 store under the cluster’s prefix with SSE-KMS, as the EKS cluster’s IRSA role', () => {
    const values = valuesOf(VELERO_AWS_ADDON);
    const store = backupStore(MIXED, 'aws')!;
    expect(location(values)).toEqual({
      name: 'default',
      provider: 'aws',
      bucket: store.bucket,
      prefix: EKS.name,
      default: true,
      accessMode: 'ReadWrite',
      config: { region: store.region, kmsKeyId: store.kmsKeyId },
    });
    expect(store.kmsKeyId).toContain(backupKeyAliasName('dev'));
    const annotations = field(values, 'serviceAccount.server.annotations') as Values;
    expect(Object.keys(annotations)).toEqual(['eks.amazonaws.com/role-arn']);
    expect(annotations['eks.amazonaws.com/role-arn']).toMatch(new RegExp(`^arn:aws:iam::\\d{12}:role/${EKS.name}-velero$`));
    expect(field(values, 'podLabels')).toEqual({});
  });

  it('writes to the environment’s blob container with Entra ID (no account keys), as the AKS cluster’s managed identity', () => {
    const values = valuesOf(VELERO_AZURE_ADDON);
    const store = backupStore(MIXED, 'azure')!;
    expect(location(values)).toMatchObject({ provider: 'azure', bucket: store.container, prefix: AKS.name });
    expect(location(values).config).toEqual({
      useAAD: 'true',
      storageAccount: store.bucket,
      storageAccountURI: `https://${store.bucket}.blob.core.windows.net`,
      resourceGroup: store.resourceGroup,
      subscriptionId: MIXED.clouds.azure!.subscriptionId,
    });
    expect(field(values, 'serviceAccount.server.annotations')).toEqual({ 'azure.workload.identity/client-id': expect.stringMatching(/-00000000f1f1$/) });
    expect(field(values, 'podLabels')).toEqual({ 'azure.workload.identity/use': 'true' });
  });

  it('writes to the environment’s GCS bucket as the GKE cluster’s Google service account, which also signs download URLs', () => {
    const values = valuesOf(VELERO_GCP_ADDON);
    const account = (field(values, 'serviceAccount.server.annotations') as Values)['iam.gke.io/gcp-service-account'];
    expect(account).toMatch(new RegExp(`^velero-${GKE.name}@.+\\.iam\\.gserviceaccount\\.com$`));
    expect(location(values)).toMatchObject({ provider: 'gcp', bucket: backupStore(MIXED, 'gcp')!.bucket, prefix: GKE.name, config: { serviceAccount: account } });
  });

  it('switches the prefix per cluster when a cloud has several clusters', () => {
    const live = fixtureEnvironment({ tier: 'production' });
    const branches = live.clusters.map((c, i) => `{{ ${i === 0 ? 'if' : 'else if'} eq .name \`${c.name}\` }}${c.name}`).join('');
    expect(live.clusters).toHaveLength(2);
    expect(location(valuesOf(VELERO_AWS_ADDON, live)).prefix).toBe(`${branches}{{ end }}`);
  });
});

describe('the schedules', () => {
  it('render one Schedule per spec schedule: cron, ttl from retention, namespaces, the only location, backups kept past their Schedule', () => {
    const spec: EnvironmentSpec = {
      ...MIXED,
      backup: {
        ...MIXED.backup,
        rpo: Duration.hours(2),
        schedules: [
          { name: 'hourly', cron: '0 * * * *', retention: Duration.days(2), includedNamespaces: ['payments', 'orders'] },
          { name: 'daily', cron: '30 2 * * *', retention: Duration.days(30), excludedNamespaces: ['kube-node-lease'] },
        ],
      },
    };
    const common = { useOwnerReferencesInBackup: false };
    const template = { storageLocation: 'default', includeClusterResources: true, snapshotVolumes: false };
    expect(field(valuesOf(VELERO_GCP_ADDON, spec), 'schedules')).toEqual({
      hourly: { ...common, schedule: '0 * * * *', template: { ...template, ttl: '48h', includedNamespaces: ['payments', 'orders'] } },
      daily: { ...common, schedule: '30 2 * * *', template: { ...template, ttl: '720h', includedNamespaces: ['*'], excludedNamespaces: ['kube-node-lease'] } },
    });
  });

  it('pause, with the location read-only, on the clusters being restored only (and run otherwise)', () => {
    const restoring = { ...MIXED, backup: { ...MIXED.backup, restoringClusters: [GKE.name] } };
    // dev-style: AKS and GKE on two add-ons; GKE's is paused, AKS's is not.
    const gcp = valuesOf(VELERO_GCP_ADDON, restoring);
    expect(Object.values(field(gcp, 'schedules') as Record<string, Values>).map((s) => s.paused)).toEqual(['true']);
    expect(location(gcp).accessMode).toBe('ReadOnly');
    const azure = valuesOf(VELERO_AZURE_ADDON, restoring);
    expect(Object.values(field(azure, 'schedules') as Record<string, Values>).map((s) => s.paused)).toEqual([undefined]);
    expect(location(azure).accessMode).toBe('ReadWrite');
    const normal = valuesOf(VELERO_AWS_ADDON);
    expect(Object.values(field(normal, 'schedules') as Record<string, Values>).map((s) => s.paused)).toEqual([undefined]);
    expect(location(normal).accessMode).toBe('ReadWrite');
  });

  it('pause one of two clusters of a cloud by a per-cluster value the ApplicationSet resolves', () => {
    const second = { ...EKS, name: `${EKS.name}-2`, networkCidr: '10.99.0.0/16' };
    const spec = { ...MIXED, clusters: [...MIXED.clusters, second], backup: { ...MIXED.backup, restoringClusters: [second.name] } };
    const values = valuesOf(VELERO_AWS_ADDON, spec);
    expect(Object.values(field(values, 'schedules') as Record<string, Values>).map((s) => s.paused)).toEqual([`{{ if eq .name \`${second.name}\` }}true{{ end }}`]);
    expect(location(values).accessMode).toBe(`{{ if eq .name \`${EKS.name}\` }}ReadWrite{{ else if eq .name \`${second.name}\` }}ReadOnly{{ end }}`);
  });

  it('refuse a backup spec the rules refuse, naming environment, field and fix', () => {
    const broken = { ...MIXED, backup: { ...MIXED.backup, schedules: [{ name: 'daily', cron: '0 3 * *', retention: Duration.days(7) }] } };
    expect(() => VELERO_GCP_ADDON.values(broken)).toThrow(/^dev: backup\.schedules\[0\]\.cron is "0 3 \* \*"; is not a five-field numeric cron/);
  });
});
