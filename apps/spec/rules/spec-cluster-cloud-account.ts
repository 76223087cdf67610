import { finding } from '../../../constructs/core/finding';
import { clusterProfile } from '../../../constructs/kubernetes/registered-cluster-profiles';
import type { SpecRule } from '../../../constructs/rules/spec-rule';
import type { EnvironmentSpec } from '../../../environments/types';
import { accountMismatch } from './support/account-mismatch';
import { eachCluster } from './support/each-cluster';

/**
 * Every cluster lives in an account the environment declares under `clouds`, the one Terraform
 * manages. (The EKS account id copies are compared by spec-eks-account-identity.)
 */
export const specClusterCloudAccount: SpecRule<EnvironmentSpec> = {
  id: 'spec-cluster-cloud-account',
  engine: 'spec',
  level: 'error',
  title: 'Every cluster lives in an account the environment manages',
  rationale:
    'A cluster on a cloud without a declared account, or in another tenant or project than the one declared, lives outside the infrastructure Terraform manages and audits for the environment.',
  controls: { soc2: ['CC8.1'], pciDss: [], iso27001: ['A.8.9'], gdpr: [] },
  check: (spec) =>
    eachCluster(spec.clusters, (cluster, at) => {
      if (spec.clouds[cluster.cloud] === undefined) {
        return [
          finding(
            `${at}.cloud`,
            cluster.cloud,
            `the cluster runs on ${cluster.cloud} but clouds.${cluster.cloud} is not set: Terraform would manage no account for it`,
            `add clouds.${cluster.cloud} with the account of the cluster`,
          ),
        ];
      }
      // The account id the cluster copies, if its cloud has it copied (CloudClusterProfile.accountIdentity).
      const identity = clusterProfile(cluster).accountIdentity(cluster, spec.clouds);
      return identity === undefined ? [] : accountMismatch(at, identity.cloudField, identity.cluster, identity.account);
    }),
};
