import { GoogleProvider } from '@cdktf/provider-google/lib/provider';
import type { Construct } from 'constructs';
import type { GcpProject } from '../cloud-accounts';
import { ReadableNamesStack } from '../readable-names-stack';
import { type OutputShape, type OutputValues, readOutputs } from '../stack-outputs';
import { standardTags } from '../tags';
import type { TerraformEnvironment } from '../terraform-environment';
import { addGcsStateBackend, type GcpStateStore, gcpRemoteState, gcpStateStore } from './gcs-state-backend';

export interface GcpStackProps {
  readonly spec: TerraformEnvironment;
  /**
   * Stable name of the stack (`gcp-foundation`, `gcp-network-<cluster>`...): the dist folder and
   * the state prefix. Not the construct id, which the CLI app prefixes with the environment.
   */
  readonly stackName: string;
  /**
   * Region of the stack's default provider.
   * @default - the region of `spec.clouds.gcp`
   */
  readonly region?: string;
}

/**
 * One Terraform root module of a GCP environment. What every GCP stack shares, in one place:
 * - the default provider, pinned to the environment's project and labelling every resource with
 *   `standardTags(spec)` through `default_labels`;
 * - the GCS backend in the environment's state bucket (`addGcsStateBackend`);
 * - typed reads of other GCP stacks' outputs through their remote state (`readStack`);
 * - readable resource addresses: a resource's name is its construct path below the stack joined
 *   with `-` (`ci-plan`, `state-bucket`), not cdktf's default hashed name, so that reviewers can
 *   read the synthesized diff. Two paths that would join to the same name throw.
 */
export abstract class GcpStack extends ReadableNamesStack {
  readonly spec: TerraformEnvironment;
  readonly stackName: string;
  /** The environment's project (`spec.clouds.gcp`): holds the state and every resource. */
  readonly project: GcpProject;
  readonly store: GcpStateStore;
  readonly provider: GoogleProvider;

  constructor(scope: Construct, id: string, props: GcpStackProps) {
    super(scope, id, `${props.spec.name}: ${props.stackName}`);
    const { spec, stackName } = props;
    this.spec = spec;
    this.stackName = stackName;
    this.store = gcpStateStore(spec);
    this.project = this.store.project;
    this.provider = addGoogleProvider(this, 'google', { spec, region: props.region ?? this.project.region });
    addGcsStateBackend(this, { store: this.store, stackName });
  }

  /**
   * The outputs `producer` publishes with `shape`, as references to its remote state: the only way
   * one GCP stack consumes another's values. `producer` is one of the stacks this one was given (`ClusterStackInputs`), so `addCloudStacks` lists it in this stack's `dependsOn`.
   */
  protected readStack<S extends OutputShape>(id: string, producer: GcpStack, shape: S): OutputValues<S> {
    return readOutputs(gcpRemoteState(this, id, { store: this.store, stackName: producer.stackName }), shape);
  }
}

export interface GoogleProviderOptions {
  readonly spec: TerraformEnvironment;
  readonly region: string;
  /** Provider alias, for resources that need other provider settings. @default - the default provider */
  readonly alias?: string;
  /**
   * Bill API quota to the project instead of the caller's identity (`user_project_override` with
   * `billing_project`). Some APIs (Billing Budgets) refuse calls without a quota project.
   * @default false
   */
  readonly quotaProject?: boolean;
}

/**
 * A Google provider of the environment: pinned to the project of `spec.clouds.gcp` and labelling
 * every labelled resource with `standardTags(spec)` through `default_labels`, so that a resource
 * added later cannot forget them. Resources without a `labels` argument (IAM bindings, service
 * accounts, key rings, budgets) cannot carry labels on GCP at all.
 */
export function addGoogleProvider(scope: Construct, id: string, options: GoogleProviderOptions): GoogleProvider {
  const { spec } = options;
  const project = gcpStateStore(spec).project;
  const quota = options.quotaProject ?? false;
  const provider = new GoogleProvider(scope, id, {
    project: project.projectId,
    region: options.region,
    alias: options.alias,
    userProjectOverride: quota ? true : undefined,
    billingProject: quota ? project.projectId : undefined,
  });
  // Not `defaultLabels`: cdktf snake-cases every key of a provider's configuration (except `tags`),
  // which would turn the label `cost-centre` into `cost_centre`. Overrides are written verbatim.
  provider.addOverride('default_labels', standardTags(spec));
  return provider;
}
