import type { Cloud } from '../core/cloud';
import { awsClusterProfile } from '../terraform/aws/cluster-profile';
import { azureClusterProfile } from '../terraform/azure/cluster-profile';
import { gcpClusterProfile } from '../terraform/gcp/cluster-profile';
import { CLOUD_ORDER } from '../terraform/stack-names';
import type { CloudClusterProfile } from './cloud-cluster-profile';
import type { ClusterSpec } from './cluster-spec';

/** Each cloud's profile, typed by its own ClusterSpec variant. */
export type ClusterProfilesByCloud = { readonly [C in Cloud]: CloudClusterProfile<Extract<ClusterSpec, { readonly cloud: C }>> };

/**
 * The one registration of the clouds the Kubernetes side knows. Adding a cloud is its folder
 * (constructs/terraform/<cloud>/, with a `cluster-profile.ts` implementing CloudClusterProfile),
 * its name in `Cloud`, its ClusterSpec variant, and its entry here: the type makes a missing entry,
 * or a profile registered under another cloud's name, a compile error. Built on first use, not at
 * load: the profiles import modules that look profiles up.
 */
function clusterProfiles(): ClusterProfilesByCloud {
  return { aws: awsClusterProfile, azure: azureClusterProfile, gcp: gcpClusterProfile };
}

let registered: Partial<Record<Cloud, CloudClusterProfile>> | undefined;

/** `profile` for any cluster: each method refuses a cluster of another cloud instead of misreading it. */
function forAnyCluster<K extends ClusterSpec>(profile: CloudClusterProfile<K>): CloudClusterProfile {
  const own = (cluster: ClusterSpec): K => {
    if (!profile.isOnCloud(cluster))
      throw new Error(`cluster ${cluster.name} runs on ${cluster.cloud}, not ${profile.cloud} (fix: look its profile up with clusterProfile(cluster))`);
    return cluster;
  };
  return {
    cloud: profile.cloud,
    isOnCloud: (cluster): cluster is ClusterSpec => profile.isOnCloud(cluster),
    workloadIdentity: (cluster, workload, clouds) => profile.workloadIdentity(own(cluster), workload, clouds),
    identityPodLabels: profile.identityPodLabels,
    driftCheckEnv: (cluster, environment) => profile.driftCheckEnv(own(cluster), environment),
    identityEgress: profile.identityEgress,
    argoCdAuth: (cluster, context) => profile.argoCdAuth(own(cluster), context),
    argoCdServiceAccountAnnotations: (management, clouds) => profile.argoCdServiceAccountAnnotations(own(management), clouds),
    argoCdMounts: (environment) => profile.argoCdMounts(environment),
    servesGoogleCredentials: profile.servesGoogleCredentials,
    logDestination: (environment, cluster) => profile.logDestination(environment, own(cluster)),
    logCredentials: profile.logCredentials,
    reportStore: (environment) => profile.reportStore(environment),
    backupStore: (environment) => profile.backupStore(environment),
    storeUrl: (store) => profile.storeUrl(store),
    uploadEnv: (store) => profile.uploadEnv(store),
    storeProblem: (store) => profile.storeProblem(store),
    accountRegion: (clouds) => profile.accountRegion(clouds),
    accountIdentity: (cluster, clouds) => profile.accountIdentity(own(cluster), clouds),
    identityFindings: (cluster, at) => profile.identityFindings(own(cluster), at),
    productionRegionFindings: (cluster, at) => profile.productionRegionFindings(own(cluster), at),
    stackOutputFindings: (cluster, at) => profile.stackOutputFindings(own(cluster), at),
    recordedOidcIssuer: (cluster) => profile.recordedOidcIssuer(own(cluster)),
    recordedEgressIp: (cluster) => profile.recordedEgressIp(own(cluster)),
    identityPoolProject: (cluster) => profile.identityPoolProject(own(cluster)),
  };
}

function profileOf<C extends Cloud>(profiles: ClusterProfilesByCloud, cloud: C): CloudClusterProfile {
  return forAnyCluster(profiles[cloud]);
}

/**
 * The profile of `cloud`.
 * @throws Error naming the fix when no profile is registered for it (a value from outside the types)
 */
export function cloudProfile(cloud: Cloud): CloudClusterProfile {
  if (registered === undefined) {
    const profiles = clusterProfiles();
    // Every registered cloud, whether or not CLOUD_ORDER lists it yet (the test compares the two).
    const clouds = Object.keys(profiles) as Cloud[];
    registered = Object.fromEntries(clouds.map((c) => [c, profileOf(profiles, c)]));
  }
  const profile = registered[cloud];
  if (profile === undefined) {
    throw new Error(
      `no cluster profile is registered for cloud '${String(cloud)}' (fix: implement CloudClusterProfile in constructs/terraform/${String(cloud)}/cluster-profile.ts and register it in constructs/kubernetes/registered-cluster-profiles.ts)`,
    );
  }
  return profile;
}

/** The profile of the cloud `cluster` runs on. */
export function clusterProfile(cluster: ClusterSpec): CloudClusterProfile {
  return cloudProfile(cluster.cloud);
}

/** The clouds with a registered profile, in registration order. */
export function registeredClouds(): readonly Cloud[] {
  return Object.keys(clusterProfiles()) as Cloud[];
}

/** Every registered cloud's profile, in apply order (CLOUD_ORDER). */
export function registeredClusterProfiles(): readonly CloudClusterProfile[] {
  return CLOUD_ORDER.map(cloudProfile);
}
