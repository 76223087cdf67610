import type { TerraformStack } from 'cdktf';
import type { Construct } from 'constructs';
import type { Cloud } from '../core/cloud';
import type { ClusterSpec } from '../kubernetes/cluster-spec';
import { awsEstate } from './aws/estate';
import { azureEstate } from './azure/estate';
import { type CloudEstate, planCloudStacks } from './cloud-estate';
import { gcpEstate } from './gcp/estate';
import type { StackBuildHook, TerraformStackPlan } from './stack-entry';
import { CLOUD_ORDER } from './stack-names';
import type { TerraformEnvironment } from './terraform-environment';

/** A cloud as the assembly sees it: its stacks for an environment, whatever their classes. */
export interface RegisteredCloud {
  readonly cloud: Cloud;
  /** The stacks of the cloud for the environment, planned and built on demand (`planCloudStacks`). */
  planStacks(scope: Construct, environment: TerraformEnvironment, stackId: (name: string) => string, hook?: StackBuildHook): TerraformStackPlan[];
}

function register<K extends ClusterSpec, F extends TerraformStack, N extends TerraformStack, C extends TerraformStack>(estate: CloudEstate<K, F, N, C>): RegisteredCloud {
  return { cloud: estate.cloud, planStacks: (scope, environment, stackId, hook) => planCloudStacks(estate, scope, environment, stackId, hook) };
}

/**
 * The one registration of the clouds the library builds stacks for. Adding a cloud is its folder
 * (constructs/terraform/<cloud>/, with an `estate.ts` implementing `CloudEstate` and a
 * `cluster-profile.ts` implementing the Kubernetes side's `CloudClusterProfile`, registered in
 * constructs/kubernetes/registered-cluster-profiles.ts), its name in `Cloud` and `CLOUD_ORDER`,
 * and its entry here (the type makes a missing entry a compile error).
 */
const ESTATES: { readonly [C in Cloud]: RegisteredCloud } = {
  aws: register(awsEstate),
  azure: register(azureEstate),
  gcp: register(gcpEstate),
};

/** The registered clouds in apply order. */
export const REGISTERED_CLOUDS: readonly RegisteredCloud[] = CLOUD_ORDER.map((cloud) => ESTATES[cloud]);
