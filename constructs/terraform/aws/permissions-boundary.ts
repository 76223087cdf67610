import { DataAwsIamPolicyDocument } from '@cdktf/provider-aws/lib/data-aws-iam-policy-document';
import { IamPolicy } from '@cdktf/provider-aws/lib/iam-policy';
import { IamRole } from '@cdktf/provider-aws/lib/iam-role';
import { Aspects, type IAspect } from 'cdktf';
import { Construct, type IConstruct } from 'constructs';

/**
 * The permissions boundary of every IAM role the AWS stacks create (issue 11, item 15): the CI
 * apply role may create and change roles only when they carry it (`iam:PermissionsBoundary`
 * condition, see CiIdentities), so a role made by CI can never hold more than this, whatever
 * policies CI attaches to it. A boundary grants nothing by itself (IAM API reference,
 * PutRolePermissionsBoundary: "Policies used as permissions boundaries do not provide permissions");
 * effective rights are the intersection of the role's policies and the boundary.
 */

/**
 * The services the estate's roles use: the EKS control plane (AmazonEKSClusterPolicy: EC2, ELB,
 * Auto Scaling, KMS grants), nodes (ECR pulls, EKS), the VPC CNI (EC2), flow logs and Fluent Bit
 * (CloudWatch Logs), the state replication and report uploads (S3, KMS), the drift check's read-only
 * refresh of every resource the stacks manage (S3, KMS, EC2, EKS, Logs, IAM reads, Budgets, Route 53
 * Resolver).
 */
export const BOUNDARY_SERVICES = ['s3', 'kms', 'ec2', 'eks', 'logs', 'ecr', 'elasticloadbalancing', 'autoscaling', 'cloudwatch', 'sts', 'budgets', 'route53resolver'] as const;

/** Name of the boundary policy of an environment, e.g. `prod-workload-boundary`. */
export function workloadBoundaryName(environment: string): string {
  return `${environment}-workload-boundary`;
}

/** Its ARN, known before it exists: the stacks applied after the foundation name it by this. */
export function workloadBoundaryArn(environment: string, accountId: string): string {
  return `arn:aws:iam::${accountId}:policy/${workloadBoundaryName(environment)}`;
}

export interface WorkloadBoundaryProps {
  readonly environment: string;
}

/** The boundary policy itself, created once per environment by the foundation. */
export class WorkloadBoundary extends Construct {
  readonly policy: IamPolicy;

  constructor(scope: Construct, id: string, props: WorkloadBoundaryProps) {
    super(scope, id);
    const document = new DataAwsIamPolicyDocument(this, 'document', {
      statement: [
        { sid: 'EstateServices', effect: 'Allow', actions: BOUNDARY_SERVICES.map((service) => `${service}:*`), resources: ['*'] },
        // IAM: reads (the drift check's refresh) and the service-linked roles EKS and ELB create.
        { sid: 'IamReadAndServiceLinkedRoles', effect: 'Allow', actions: ['iam:Get*', 'iam:List*', 'iam:CreateServiceLinkedRole'], resources: ['*'] },
      ],
    });
    this.policy = new IamPolicy(this, 'policy', {
      name: workloadBoundaryName(props.environment),
      description: `Permissions boundary of every IAM role the Terraform stacks of ${props.environment} create`,
      policy: document.json,
    });
  }
}

const exempt = new WeakSet<IamRole>();

/** Leaves `role` without the boundary: the CI roles, which an administrator creates at bootstrap. */
export function exemptFromBoundary(role: IamRole): void {
  exempt.add(role);
}

/**
 * Sets the boundary on every IAM role of a stack that sets none itself: a role added later cannot
 * forget it (CI could not create it without). `arn` may be changed until synth (`use`), so that the
 * foundation's own roles reference the policy it creates (and are created after it).
 */
export class PermissionsBoundaryAspect implements IAspect {
  constructor(private arn: string) {}

  /** Adds the aspect to `scope` (a stack). */
  static addTo(scope: IConstruct, arn: string): PermissionsBoundaryAspect {
    const aspect = new PermissionsBoundaryAspect(arn);
    Aspects.of(scope).add(aspect);
    return aspect;
  }

  /** Names the boundary by this value (a reference to the policy) instead. */
  use(arn: string): void {
    this.arn = arn;
  }

  visit(node: IConstruct): void {
    if (node instanceof IamRole && !exempt.has(node) && node.permissionsBoundaryInput === undefined) {
      node.permissionsBoundary = this.arn;
    }
  }
}
