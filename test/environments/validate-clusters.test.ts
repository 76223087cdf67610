import type { EnvironmentSpec } from '../../environments/types';
import { cluster, expectRejected, withCluster } from './spec-expectations';
import { dev, prod, staging } from './tier-fixtures';

describe('the spec rules', () => {
  describe('clusters', () => {
    it('rejects an environment without clusters', () => {
      expectRejected({ ...staging, clusters: [] }, 'clusters', {
        value: [],
        fix: "add a cluster with role: 'management'",
      });
    });

    it('rejects an environment without a management cluster', () => {
      const spec = withCluster(prod, 0, { ...cluster(prod, 0, 'aws'), role: 'workload' });
      expectRejected(spec, 'clusters[].role', {
        value: ['workload', 'workload'],
        fix: "set role: 'management' on the cluster that should run Argo CD",
        problem: /found 0/,
      });
    });

    it('rejects an environment with two management clusters', () => {
      const spec = withCluster(prod, 1, { ...cluster(prod, 1, 'aws'), role: 'management' });
      expectRejected(spec, 'clusters[].role', {
        value: ['management', 'management'],
        fix: /set role: 'workload' on the others/,
      });
    });

    it('rejects two clusters with the same name in one environment', () => {
      const taken = prod.clusters[0]!.name;
      const spec = withCluster(prod, 1, { ...cluster(prod, 1, 'aws'), name: taken });
      expectRejected(spec, 'clusters[1].name', { value: taken, fix: /distinct name/ });
    });

    it.each(['Prod-EKS', 'prod.eks', 'c'.repeat(41)])('rejects the cluster name %s, which is not a DNS label of at most 40 characters', (name) => {
      const spec = withCluster(staging, 0, { ...cluster(staging, 0, 'aws'), name });
      expectRejected(spec, 'clusters[0].name', { value: name, fix: /rename it/ });
    });

    it.each(['http://api.example.com', 'api.example.com:443', 'https://'])('rejects the API server %s, which is not an https:// URL', (apiServer) => {
      const spec = withCluster(staging, 0, { ...cluster(staging, 0, 'aws'), apiServer });
      expectRejected(spec, 'clusters[0].apiServer', { value: apiServer, fix: /https:\/\//, problem: /without TLS/ });
    });

    it.each([
      ['not base64', 'not base64!'],
      ['base64 of something other than a certificate', Buffer.from('hello').toString('base64')],
      ['a raw PEM instead of its base64', '-----BEGIN CERTIFICATE-----'],
    ])('rejects caData that is %s', (_what, caData) => {
      const spec = withCluster(staging, 0, { ...cluster(staging, 0, 'aws'), caData });
      expectRejected(spec, 'clusters[0].caData', { value: caData, fix: /certificate-authority data/ });
    });

    it.each([
      ['aws', staging, 0, 'westeurope', "'eu-west-1'"],
      ['aws', staging, 0, 'eu-west1', "'eu-west-1'"],
      ['azure', dev, 0, 'West Europe', "'westeurope'"],
      ['gcp', dev, 1, 'europe-west-1', "'europe-west1'"],
    ] as const)('rejects a %s cluster in region %s, spelled for another cloud', (_cloud, spec, index, region, example) => {
      const broken = withCluster(spec, index, { ...spec.clusters[index]!, region });
      expectRejected(broken, `clusters[${index}].region`, { value: region, fix: new RegExp(example) });
    });

    it('rejects an AWS account id that is not 12 digits (the account of every EKS cluster and its Argo CD role)', () => {
      const accountId = '21098765432';
      const spec: EnvironmentSpec = { ...staging, clouds: { aws: { accountId, region: 'eu-west-1' } } };
      expectRejected(spec, 'clouds.aws.accountId', { value: accountId, fix: /aws sts get-caller-identity/ });
    });

    it('rejects an Azure tenant id that is not a GUID', () => {
      const tenantId = 'acme.onmicrosoft.com';
      const subscription = dev.clouds.azure!;
      const spec: EnvironmentSpec = {
        ...withCluster(dev, 0, { ...cluster(dev, 0, 'azure'), tenantId }),
        clouds: { ...dev.clouds, azure: { ...subscription, tenantId } },
      };
      expectRejected(spec, 'clusters[0].tenantId', { value: tenantId, fix: /copy the GUID/ });
    });

    it('rejects an Argo CD client id that is not a GUID', () => {
      const spec = withCluster(dev, 0, { ...cluster(dev, 0, 'azure'), argocdClientId: 'argocd' });
      expectRejected(spec, 'clusters[0].argocdClientId', { value: 'argocd', fix: /copy the GUID/ });
    });

    it.each(['Acme-Platform', 'acme', 'acme-platform-', '1acme-platform', 'a'.repeat(31)])('rejects the GCP project id %s', (projectId) => {
      const spec: EnvironmentSpec = {
        ...withCluster(dev, 1, { ...cluster(dev, 1, 'gcp'), projectId }),
        clouds: { ...dev.clouds, gcp: { ...dev.clouds.gcp!, projectId } },
      };
      expectRejected(spec, 'clusters[1].projectId', { value: projectId, fix: /gcloud projects list/ });
    });

    it('rejects a cluster label key that Kubernetes refuses', () => {
      const spec = withCluster(dev, 1, { ...cluster(dev, 1, 'gcp'), labels: { 'bad key!': 'x' } });
      expectRejected(spec, 'clusters[1].labels', { value: 'bad key!', fix: /rename the key/ });
    });

    it('rejects a cluster label value that Kubernetes refuses', () => {
      const spec = withCluster(dev, 1, { ...cluster(dev, 1, 'gcp'), labels: { 'gitops-cdk.io/zone': 'eu west' } });
      expectRejected(spec, 'clusters[1].labels["gitops-cdk.io/zone"]', { value: 'eu west', fix: /letters, digits/ });
    });

    it('rejects a cluster on a cloud the environment declares no account for', () => {
      const spec: EnvironmentSpec = { ...dev, clouds: { azure: dev.clouds.azure! } };
      expectRejected(spec, 'clusters[1].cloud', {
        value: 'gcp',
        fix: 'add clouds.gcp with the account of the cluster',
      });
    });

    it.each([
      [
        'azure',
        {
          ...dev,
          clouds: { ...dev.clouds, azure: { ...dev.clouds.azure!, tenantId: '00000000-0000-0000-0000-000000000000' } },
        },
        'clusters[0].tenantId',
        cluster(dev, 0, 'azure').tenantId,
      ],
      [
        'gcp',
        { ...dev, clouds: { ...dev.clouds, gcp: { ...dev.clouds.gcp!, projectId: `${cluster(dev, 1, 'gcp').projectId}-other` } } },
        'clusters[1].projectId',
        cluster(dev, 1, 'gcp').projectId,
      ],
    ] as const)('rejects a %s cluster in another account than clouds declares', (cloud, spec, field, value) => {
      expectRejected(spec, field, {
        value,
        fix: new RegExp(`make the cluster and clouds\\.${cloud}\\.`),
        problem: /differs from clouds/,
      });
    });
  });
});
