import type { Cloud } from '../../constructs/core/cloud';
import type { IdentityWorkload } from '../../constructs/core/observability-contract';
import type { CloudClusterProfile } from '../../constructs/kubernetes/cloud-cluster-profile';
import type { ClusterSpec } from '../../constructs/kubernetes/cluster-spec';
import { type ClusterProfilesByCloud, cloudProfile, clusterProfile, registeredClouds, registeredClusterProfiles } from '../../constructs/kubernetes/registered-cluster-profiles';
import { awsClusterProfile } from '../../constructs/terraform/aws/cluster-profile';
import { azureClusterProfile } from '../../constructs/terraform/azure/cluster-profile';
import { CLOUD_ORDER } from '../../constructs/terraform/stack-names';
import { aksCluster, eksCluster, gkeCluster } from '../support/fixture-clusters';
import { fixtureEnvironment } from '../support/fixture-environment';

const IDENTITY_WORKLOADS: readonly IdentityWorkload[] = ['terraform-drift', 'policy-reporter', 'fluent-bit'];

/** One workload cluster per cloud, and an environment holding them (with an account on each cloud). */
const CLUSTERS: Readonly<Record<Cloud, ClusterSpec>> = { aws: eksCluster('probe-eks'), azure: aksCluster('probe-aks'), gcp: gkeCluster('probe-gke') };
const ENVIRONMENT = fixtureEnvironment({ clusters: [{ ...CLUSTERS.aws, role: 'management' }, CLUSTERS.azure, CLUSTERS.gcp] });

describe('the cloud cluster profiles', () => {
  it('registers exactly one profile per cloud, under its own name, in apply order', () => {
    expect(registeredClusterProfiles().map((profile) => profile.cloud)).toEqual(CLOUD_ORDER);
    expect([...registeredClouds()].sort()).toEqual([...CLOUD_ORDER].sort());
    for (const cloud of CLOUD_ORDER) expect(cloudProfile(cloud).cloud).toBe(cloud);
  });

  it("says that only GKE's metadata server hands a pod Google credentials (argocd-k8s-auth gcp needs none mounted there)", () => {
    expect(
      registeredClusterProfiles()
        .filter((profile) => profile.servesGoogleCredentials)
        .map((profile) => profile.cloud),
    ).toEqual(['gcp']);
  });

  it('looks a cluster up by the cloud it runs on, and each profile claims only its own clusters', () => {
    for (const cloud of CLOUD_ORDER) {
      expect(clusterProfile(CLUSTERS[cloud]).cloud).toBe(cloud);
      for (const other of CLOUD_ORDER) expect(cloudProfile(cloud).isOnCloud(CLUSTERS[other])).toBe(other === cloud);
    }
  });

  describe.each(CLOUD_ORDER)('%s implements the contract', (cloud) => {
    const profile: CloudClusterProfile = cloudProfile(cloud);
    const cluster = CLUSTERS[cloud];

    it('binds the workloads it has identities for with one annotation key, and labels their pods with switches', () => {
      const annotations = IDENTITY_WORKLOADS.flatMap((workload) => profile.workloadIdentity(cluster, workload, ENVIRONMENT.clouds) ?? []);
      expect(annotations.length).toBeGreaterThan(0);
      expect(new Set(annotations.map((a) => a.key)).size).toBe(1);
      for (const a of annotations) expect(a.value).not.toBe('');
      for (const value of Object.values(profile.identityPodLabels)) expect(value).toBe('true');
    });

    it('tells Argo CD how to authenticate to a workload cluster, by an IAM role or an exec plugin, never a credential', () => {
      const auth = profile.argoCdAuth(cluster, { awsAccountId: ENVIRONMENT.clouds.aws?.accountId ?? '' });
      expect(auth.awsAuthConfig !== undefined || auth.execProviderConfig?.command === 'argocd-k8s-auth').toBe(true);
      expect(JSON.stringify(auth)).not.toMatch(/"(password|username|bearerToken|keyData|certData)"/);
    });

    it('sends Fluent Bit to its log service, matching the tail input', () => {
      const output = profile.logDestination(ENVIRONMENT, cluster);
      expect(output.kind).toBe('OUTPUT');
      expect(output.properties).toContainEqual(['Match', 'kube.*']);
    });

    it('places the report store on its own cloud, in the account region, and only with an account there', () => {
      const store = profile.reportStore(ENVIRONMENT);
      expect(store).toMatchObject({ cloud, region: profile.accountRegion(ENVIRONMENT.clouds) });
      expect(profile.storeProblem(store!)).toBeUndefined();
      expect(profile.storeUrl(store!)).toContain(store!.bucket);
      expect(profile.reportStore({ name: ENVIRONMENT.name, clouds: {} })).toBeUndefined();
      expect(profile.accountRegion({})).toBeUndefined();
    });

    it('accepts the fixture cluster of its cloud (ids and copied outputs in their formats)', () => {
      expect(profile.identityFindings(cluster, 'clusters[0]')).toEqual([]);
      expect(profile.stackOutputFindings(cluster, 'clusters[0]')).toEqual([]);
      expect(profile.productionRegionFindings(cluster, 'clusters[0]')).toEqual([]);
      const identity = profile.accountIdentity(cluster, ENVIRONMENT.clouds);
      if (identity !== undefined) expect(identity.cluster).toBe(identity.account);
    });

    it("refuses another cloud's cluster, naming the lookup to use", () => {
      const other = CLUSTERS[CLOUD_ORDER.find((c) => c !== cloud)!];
      expect(() => profile.logDestination(ENVIRONMENT, other)).toThrow(
        `cluster ${other.name} runs on ${other.cloud}, not ${cloud} (fix: look its profile up with clusterProfile(cluster))`,
      );
    });
  });

  it('refuses a cloud no profile is registered for, naming the files of the fix', () => {
    // @ts-expect-error: an unregistered cloud is not a Cloud, so the lookup does not compile.
    expect(() => cloudProfile('oracle')).toThrow(
      "no cluster profile is registered for cloud 'oracle' (fix: implement CloudClusterProfile in constructs/terraform/oracle/cluster-profile.ts and register it in constructs/kubernetes/registered-cluster-profiles.ts)",
    );
  });

  it('makes a missing registration, or a profile registered under another cloud, a compile error', () => {
    // @ts-expect-error: gcp is missing.
    const missing: ClusterProfilesByCloud = { aws: awsClusterProfile, azure: azureClusterProfile };
    // @ts-expect-error: the Azure profile is registered as gcp's.
    const misplaced: ClusterProfilesByCloud = { aws: awsClusterProfile, azure: azureClusterProfile, gcp: azureClusterProfile };
    expect([missing, misplaced]).toHaveLength(2);
  });
});
