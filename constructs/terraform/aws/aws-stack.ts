import { AwsProvider } from '@cdktf/provider-aws/lib/provider';
import type { TerraformRemoteState } from 'cdktf';
import type { Construct } from 'constructs';
import type { AwsAccount } from '../cloud-accounts';
import { ReadableNamesStack } from '../readable-names-stack';
import { type OutputShape, type OutputValues, readOutputs } from '../stack-outputs';
import { standardTags } from '../tags';
import type { TerraformEnvironment } from '../terraform-environment';
import { PermissionsBoundaryAspect, workloadBoundaryArn } from './permissions-boundary';
import { addS3StateBackend, awsRemoteState } from './s3-state-backend';

export interface AwsStackProps {
  readonly spec: TerraformEnvironment;
  /**
   * Stable name of the stack (`aws-foundation`, `aws-network-<cluster>`...): the dist folder and
   * the state object key. Not the construct id, which the CLI app prefixes with the environment.
   */
  readonly stackName: string;
  /** Region of the stack's default provider. */
  readonly region: string;
}

/**
 * One Terraform root module of an AWS environment. What every AWS stack shares, in one place:
 * - the default provider, pinned to the environment's account and tagged with `standardTags`;
 * - the S3 backend in the environment's state store (`addS3StateBackend`);
 * - the environment's permissions boundary on every IAM role (`PermissionsBoundaryAspect`);
 * - typed reads of other AWS stacks' outputs through their remote state (`readStack`);
 * - readable resource addresses: a resource's name is its construct path below the stack joined
 *   with `-` (`log-bucket`, `ci-plan-role`), not cdktf's default `log_bucket_1A2B3C4D` hash, so that
 *   reviewers can read the synthesized diff. A construct with id `Default` adds nothing to the
 *   name. Two paths that would join to the same name throw.
 */
export abstract class AwsStack extends ReadableNamesStack {
  readonly spec: TerraformEnvironment;
  readonly stackName: string;
  /** The environment's AWS account (`spec.clouds.aws`): holds the state and every resource. */
  readonly account: AwsAccount;
  readonly provider: AwsProvider;
  /** Gives every IAM role of the stack the environment's permissions boundary (`permissions-boundary.ts`). */
  readonly permissionsBoundary: PermissionsBoundaryAspect;

  constructor(scope: Construct, id: string, props: AwsStackProps) {
    super(scope, id, `${props.spec.name}: ${props.stackName}`);
    const { spec, stackName, region } = props;
    const account = spec.clouds.aws;
    if (account === undefined) {
      throw new Error(`${spec.name}: ${stackName}: spec.clouds.aws is not set; an AWS stack needs the environment's AWS account (set clouds.aws: { accountId, region })`);
    }
    this.spec = spec;
    this.stackName = stackName;
    this.account = account;
    this.provider = addAwsProvider(this, 'aws', { spec, region });
    addS3StateBackend(this, { organisationPrefix: spec.infrastructure.organisationPrefix, environment: spec.name, account, stackName });
    this.permissionsBoundary = PermissionsBoundaryAspect.addTo(this, workloadBoundaryArn(spec.name, account.accountId));
  }

  /**
   * The outputs `producer` publishes with `shape`, as references to its remote state: the only way
   * one AWS stack consumes another's values. `producer` is one of the stacks this one was given (`ClusterStackInputs`), so `addCloudStacks` lists it in this stack's `dependsOn`.
   */
  protected readStack<S extends OutputShape>(id: string, producer: AwsStack, shape: S): OutputValues<S> {
    const remote: TerraformRemoteState = awsRemoteState(this, id, {
      organisationPrefix: this.spec.infrastructure.organisationPrefix,
      environment: this.spec.name,
      account: this.account,
      stackName: producer.stackName,
    });
    return readOutputs(remote, shape);
  }
}

export interface AwsProviderOptions {
  readonly spec: TerraformEnvironment;
  readonly region: string;
  /** Provider alias, for resources in a second region. @default - the default provider */
  readonly alias?: string;
}

/**
 * An AWS provider of the environment: refuses any account but `spec.clouds.aws`, and tags every
 * resource with `standardTags(spec)` through `default_tags`, so a resource added later cannot
 * forget them.
 */
export function addAwsProvider(scope: Construct, id: string, options: AwsProviderOptions): AwsProvider {
  const account = options.spec.clouds.aws;
  if (account === undefined) throw new Error(`${options.spec.name}: an AWS provider needs spec.clouds.aws`);
  return new AwsProvider(scope, id, {
    region: options.region,
    alias: options.alias,
    allowedAccountIds: [account.accountId],
    defaultTags: [{ tags: standardTags(options.spec) }],
  });
}
