import { ApiObject } from 'cdk8s';
import { Construct } from 'constructs';
import type { Cloud } from '../core/cloud';
import { TERRAFORM_DRIFT_WORKLOAD } from '../core/observability-contract';
import { envVars, type ScratchVolume, type ScriptContainer, scriptCronJob } from '../kubernetes/script-cron-job';
import { driftCheckCronJobName, MAX_CRONJOB_NAME } from './drift-check-contract';
import type { DriftCheckIdentity } from './drift-check-identity';
import type { DriftCheckSchedule } from './drift-check-schedule';
import type { CheckScriptVariable, CloneScriptVariable } from './drift-check-scripts';

/** Terraform of the drift checks: the version CI and the README use. */
export const TERRAFORM_VERSION = '1.11.4';

/**
 * HashiCorp's official image: the release binary on Alpine with git, openssh and CA certificates
 * (and busybox `sh` and `wget`, which the scripts use). Its entrypoint is `terraform`; the
 * containers override the command.
 */
export const TERRAFORM_IMAGE = `docker.io/hashicorp/terraform:${TERRAFORM_VERSION}`;

/** A Terraform root module of the environment (an entry of `terraformStackNames`). */
export interface TerraformStackRef {
  readonly name: string;
  readonly cloud: Cloud;
}

/** The keys of the scripts ConfigMap. */
export const SCRIPT_KEYS = { clone: 'clone.sh', check: 'check.sh' } as const;

export interface TerraformDriftCheckProps {
  /** Environment of the stack, for error messages. */
  readonly environment: string;
  readonly stack: TerraformStackRef;
  /** The stack's folder in the repository, which the check plans, e.g. `dist/terraform/prod/aws-foundation`. */
  readonly stackDir: string;
  readonly schedule: DriftCheckSchedule;
  /** Minutes into each period the check starts, to spread a cluster's checks. @default 0 */
  readonly offsetMinutes?: number;
  /** This repository and the revision the environment deploys. */
  readonly source: { readonly repoUrl: string; readonly revision: string };
  /** The ServiceAccount bound to the cloud identity. */
  readonly serviceAccount: ApiObject;
  /** The ConfigMap holding `clone.sh` and `check.sh` (SCRIPT_KEYS). */
  readonly scripts: ApiObject;
  readonly identity: DriftCheckIdentity;
  /** Base URL of the Pushgateway the verdict is pushed to. */
  readonly pushgatewayUrl: string;
  /** Ownership labels of the pods (owner, cost centre, environment). */
  readonly podLabels: Readonly<Record<string, string>>;
  /** @default TERRAFORM_IMAGE */
  readonly image?: string;
}

/** Writable scratch space: the root filesystem is read-only. */
const SCRATCH = {
  work: { path: '/drift/work', sizeLimit: '2Gi' }, // the clone and the providers `terraform init` downloads
  home: { path: '/drift/home', sizeLimit: '64Mi' },
  tmp: { path: '/tmp', sizeLimit: '1Gi' }, // provider archives before they are unpacked
} as const satisfies Record<string, ScratchVolume>;
type Scratch = keyof typeof SCRATCH;
/** Both steps mount all of it: the plan reads the clone, both use HOME and TMPDIR. */
const EVERY_SCRATCH: readonly Scratch[] = ['work', 'home', 'tmp'];
const REPO_DIR = `${SCRATCH.work.path}/repo`;

/** One retry covers a transient cloud API error; a second failure is real and alerts. */
const BACKOFF_LIMIT = 1;

/**
 * A CronJob that runs `terraform plan -detailed-exitcode` for one Terraform stack on the
 * environment's schedule and pushes the verdict to the Pushgateway: an init container fetches
 * this repository at the environment's revision, the main container plans the stack's folder
 * with the cluster's read-only cloud identity (scripts: drift-check-scripts.ts). Runs never
 * overlap: two plans of one stack at once would only race each other's pushes.
 */
export class TerraformDriftCheck extends Construct {
  readonly cronJob: ApiObject;

  constructor(scope: Construct, id: string, props: TerraformDriftCheckProps) {
    super(scope, id);
    const name = driftCheckCronJobName(props.stack.name);
    if (name.length > MAX_CRONJOB_NAME) {
      throw new Error(
        `${props.environment}: ${this.node.path}: stack ${props.stack.name} makes a CronJob name of ${name.length} characters; Kubernetes allows ${MAX_CRONJOB_NAME} (fix: shorten the cluster name in environment ${props.environment})`,
      );
    }
    const image = props.image ?? TERRAFORM_IMAGE;
    const { schedule } = props;
    const shared = { HOME: SCRATCH.home.path };
    const cloneEnv: Record<CloneScriptVariable, string> = { REPO_URL: props.source.repoUrl, REVISION: props.source.revision, REPO_DIR };
    const checkEnv: Record<CheckScriptVariable, string> = {
      STACK: props.stack.name,
      CLOUD: props.stack.cloud,
      STACK_DIR: `${REPO_DIR}/${props.stackDir}`,
      PUSHGATEWAY_URL: props.pushgatewayUrl,
    };

    const clone: ScriptContainer<Scratch> = {
      name: 'clone',
      image,
      script: SCRIPT_KEYS.clone,
      env: envVars({ ...cloneEnv, ...shared }),
      resources: { requests: { cpu: '50m', memory: '64Mi' }, limits: { cpu: '500m', memory: '256Mi' } },
      scratch: EVERY_SCRATCH,
    };
    const plan: ScriptContainer<Scratch> = {
      name: 'plan',
      image,
      script: SCRIPT_KEYS.check,
      env: [
        // TF_IN_AUTOMATION: no "run terraform apply next" hints; CHECKPOINT_DISABLE: no version check call home.
        ...envVars({ ...checkEnv, ...shared, TF_IN_AUTOMATION: '1', CHECKPOINT_DISABLE: '1' }),
        ...props.identity.env,
      ],
      // A provider plans in a few hundred MiB (the AWS provider is the largest); init is I/O bound.
      resources: { requests: { cpu: '250m', memory: '512Mi' }, limits: { cpu: '1', memory: '1536Mi' } },
      scratch: EVERY_SCRATCH,
    };
    const cronJob = scriptCronJob({
      name,
      namespace: TERRAFORM_DRIFT_WORKLOAD.namespace,
      app: 'terraform-drift',
      instance: props.stack.name,
      podLabels: { ...props.podLabels, ...props.identity.podLabels },
      schedule: schedule.cron(props.offsetMinutes ?? 0),
      startingDeadline: schedule.startingDeadline,
      jobDeadline: schedule.jobDeadline,
      backoffLimit: BACKOFF_LIMIT,
      // A failed plan is retried in a new pod: the clone is cheap, and the retry starts clean.
      restartPolicy: 'Never',
      // Bound to the cloud identity. No Kubernetes API calls, so no token of it is mounted: the
      // cloud tokens come from the identity webhooks' own volumes.
      serviceAccountName: props.serviceAccount.name,
      scripts: props.scripts,
      scratch: SCRATCH,
      initContainers: [clone],
      containers: [plan],
    });
    this.cronJob = new ApiObject(this, 'Resource', cronJob);
  }
}
