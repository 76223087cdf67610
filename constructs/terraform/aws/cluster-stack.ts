import { DataAwsIamPolicyDocument, type DataAwsIamPolicyDocumentStatement } from '@cdktf/provider-aws/lib/data-aws-iam-policy-document';
import { EksAddon } from '@cdktf/provider-aws/lib/eks-addon';
import { EksCluster } from '@cdktf/provider-aws/lib/eks-cluster';
import { EksNodeGroup } from '@cdktf/provider-aws/lib/eks-node-group';
import { IamOpenidConnectProvider } from '@cdktf/provider-aws/lib/iam-openid-connect-provider';
import { IamRole } from '@cdktf/provider-aws/lib/iam-role';
import { IamRolePolicy } from '@cdktf/provider-aws/lib/iam-role-policy';
import { IamRolePolicyAttachment } from '@cdktf/provider-aws/lib/iam-role-policy-attachment';
import { KmsAlias } from '@cdktf/provider-aws/lib/kms-alias';
import { KmsKey } from '@cdktf/provider-aws/lib/kms-key';
import type { Construct } from 'constructs';
import {
  CONTAINER_LOG_RETENTION_DAYS,
  containerLogGroupName,
  FLUENT_BIT_WORKLOAD,
  type IdentityWorkload,
  POLICY_REPORTER_WORKLOAD,
  TERRAFORM_DRIFT_WORKLOAD,
  workloadIdentityName,
} from '../../core/observability-contract';
import type { EksClusterSpec } from '../../kubernetes/cluster-spec';
import { clusterStackName } from '../stack-names';
import { publishOutputs } from '../stack-outputs';
import type { TerraformEnvironment } from '../terraform-environment';
import { ArgoCdClusterAccess, ArgoCdManagementRole, type IamRoleName } from './argocd-access';
import { ArgoCdNetworkPath } from './argocd-network-path';
import { AwsStack, addAwsProvider } from './aws-stack';
import { BreakGlassAccess } from './break-glass-access';
import { breakGlassRoleArn } from './break-glass-role';
import { ClusterAutoscalerIdentity } from './cluster-autoscaler-identity';
import { CLUSTER_OUTPUTS, clusterOutputDescriptions } from './cluster-outputs';
import { CONTROL_PLANE_LOG_TYPES, checkApiAccess } from './eks-api-access';
import { argocdRoleArn, argocdRoleName } from './eks-identity-names';
import { EncryptedLogGroup, logRetentionDays } from './encrypted-log-group';
import { type AwsFoundationStack, FOUNDATION_OUTPUTS } from './foundation-stack';
import { irsaTrustStatement } from './irsa-trust';
import { MANAGED_POLICY } from './managed-policies';
import { type AwsNetworkStack, NETWORK_OUTPUTS } from './network-stack';
import { terraformStateStatements } from './terraform-state-access';
import { VeleroIdentity } from './velero-identity';
import { VPC_CNI_CONFIGURATION } from './vpc-cni-configuration';

/** A Kubernetes service account: the one subject an IRSA role trusts. */
interface KubernetesWorkload {
  readonly namespace: string;
  readonly serviceAccount: string;
}

/** The one inline policy of a workload's IRSA role. */
interface WorkloadPolicy {
  /** Construct id suffix: `<workload>-role-<id>` and `<workload>-role-<id>-document`. */
  readonly id: string;
  /** Name of the inline policy in IAM. */
  readonly name: string;
  readonly statements: DataAwsIamPolicyDocumentStatement[];
}

export interface AwsClusterStackProps {
  readonly spec: TerraformEnvironment;
  readonly cluster: EksClusterSpec;
  /** The cluster's network stack, whose outputs this stack reads through its remote state. */
  readonly network: AwsNetworkStack;
  /** The environment's foundation: the state store the drift check reads, the report store. */
  readonly foundation: AwsFoundationStack;
  /**
   * The cluster stack of the environment's management cluster (where Argo CD runs), for a
   * workload cluster: its Argo CD role is the one principal this cluster's Argo CD role trusts.
   * @default - none; required for a workload cluster, ignored for the management cluster
   */
  readonly management?: AwsClusterStack;
  /**
   * The management cluster's network stack, for a private-only workload cluster: Argo CD reaches
   * it through a peering with that network (argocd-network-path.ts).
   * @default - none; required for a workload cluster with a private endpoint only
   */
  readonly managementNetwork?: AwsNetworkStack;
}

/**
 * One EKS cluster in the private subnets of its network stack:
 * - API endpoint: private access always; public access only when `apiAccess.privateEndpoint` is
 *   false, and then only from `apiAccess.allowedCidrs` (never 0.0.0.0/0, which is what EKS
 *   defaults to without a list);
 * - Kubernetes secrets envelope-encrypted with a dedicated KMS key (rotated);
 * - every control plane log type, into a log group created first with a retention and its own
 *   key (EKS would otherwise create one that never expires);
 * - authentication through access entries only (`API` mode, no `aws-auth` ConfigMap), with no
 *   implicit admin for whoever created the cluster;
 * - Argo CD's identity, `argocdRoleName` in the environment's account (argocd-access.ts): on the management
 *   cluster the IRSA role of Argo CD's service accounts, which reaches its own cluster in-cluster
 *   (no access entry); on a workload cluster the role Argo CD's registration names in
 *   `awsAuthConfig.roleARN`, assumable by the management role only, with the cluster's one
 *   cluster-admin access entry;
 * - workload identity through IRSA: the IAM OIDC provider of the cluster's issuer. IRSA, not the
 *   Pod Identity add-on: it needs no agent on the nodes, so the VPC CNI (which runs before any
 *   agent could) takes its rights from it, and the node role no longer carries the CNI's rights;
 * - three IRSA roles for observability (names from the observability contract): `terraform-drift`,
 *   which runs `terraform plan -lock=false` of every AWS stack of the environment with the CI plan
 *   role's rights minus the lock (`ReadOnlyAccess` and `terraformStateStatements`),
 *   `policy-reporter`, which may only put objects into the foundation's report bucket, encrypted
 *   with its key through S3, and `fluent-bit`, which may only create streams in and put events
 *   into the cluster's container log group;
 * - that container log group (`containerLogGroupName`), created here with its own key and the
 *   tier's `CONTAINER_LOG_RETENTION_DAYS`, so that Fluent Bit needs no right to create groups or
 *   set retention;
 * - one managed node group in the private subnets, `nodePool.machineType`, scaling between
 *   `minNodes` and `maxNodes` and starting at `minNodes`. The cluster-autoscaler add-on owns the
 *   desired size afterwards, through its IRSA role (`cluster-autoscaler-identity.ts`), so Terraform
 *   ignores `desired_size`: an apply never undoes a scale-up or scale-down.
 *
 * The cluster role has `AmazonEKSClusterPolicy` and use of the secrets key; the node role
 * `AmazonEKSWorkerNodePolicy` and `AmazonEC2ContainerRegistryPullOnly`. Production clusters are
 * protected from deletion.
 */
export class AwsClusterStack extends AwsStack {
  readonly cluster: EksCluster;
  readonly nodeGroup: EksNodeGroup;
  readonly oidcProvider: IamOpenidConnectProvider;
  /** IRSA role of the Terraform drift check (`TERRAFORM_DRIFT_WORKLOAD`). */
  readonly terraformDriftRole: IamRole;
  /** IRSA role of policy-reporter's report upload (`POLICY_REPORTER_WORKLOAD`). */
  readonly policyReporterRole: IamRole;
  /** IRSA role of the Velero server (`VELERO_WORKLOAD`): its prefix of the backup bucket. */
  readonly velero: VeleroIdentity;
  /** IRSA role of Fluent Bit's log shipping (`FLUENT_BIT_WORKLOAD`). */
  readonly fluentBitRole: IamRole;
  /** The log group Fluent Bit writes the cluster's container logs to. */
  readonly containerLogs: EncryptedLogGroup;
  /** Argo CD's role: its pods' IRSA role (management cluster) or the role it assumes (workload). */
  readonly argocdRole: IamRole;
  readonly clusterName: string;

  constructor(scope: Construct, id: string, props: AwsClusterStackProps) {
    const { spec, cluster, network, foundation } = props;
    super(scope, id, { spec, stackName: clusterStackName('aws', cluster.name), region: cluster.region });
    this.clusterName = cluster.name;
    checkApiAccess(`${spec.name}: ${this.stackName}`, cluster.apiAccess);
    const argocdRole: IamRoleName = { name: argocdRoleName(cluster.name), path: '/' };
    if (cluster.role === 'workload' && props.management === undefined) {
      throw new Error(
        `${spec.name}: ${this.stackName}: workload cluster ${cluster.name} needs the management cluster's stack (props.management), ` +
          'whose Argo CD role is the only principal its Argo CD role trusts',
      );
    }

    const net = this.readStack('network', network, NETWORK_OUTPUTS);
    const base = this.readStack('foundation', foundation, FOUNDATION_OUTPUTS);

    const secretsKey = new KmsKey(this, 'secrets-key', {
      description: `Envelope encryption of the Kubernetes secrets of ${cluster.name}`,
      enableKeyRotation: true,
      deletionWindowInDays: 30,
    });
    new KmsAlias(this, 'secrets-key-alias', { name: `alias/${cluster.name}-eks-secrets`, targetKeyId: secretsKey.keyId });

    const logs = new EncryptedLogGroup(this, 'control-plane-logs', {
      // The name EKS writes to; created here first so that it has a retention and a key.
      logGroupName: `/aws/eks/${cluster.name}/cluster`,
      retentionDays: logRetentionDays(spec.tier),
      accountId: this.account.accountId,
      region: cluster.region,
      description: `the control plane logs of ${cluster.name}`,
    });

    const clusterRole = this.serviceRole('cluster-role', `${cluster.name}-cluster`, 'eks.amazonaws.com', `EKS control plane of ${cluster.name}`);
    const clusterPolicy = new IamRolePolicyAttachment(this, 'cluster-role-eks', { role: clusterRole.name, policyArn: MANAGED_POLICY.eksClusterPolicy });
    const keyUse = new IamRolePolicy(this, 'cluster-role-secrets-key', {
      name: 'secrets-key',
      role: clusterRole.id,
      policy: this.document('cluster-role-secrets-key-document', [
        { effect: 'Allow', actions: ['kms:Encrypt', 'kms:Decrypt', 'kms:ListGrants', 'kms:DescribeKey'], resources: [secretsKey.arn] },
      ]),
    });

    const { privateEndpoint, allowedCidrs } = cluster.apiAccess;
    this.cluster = new EksCluster(this, 'cluster', {
      name: cluster.name,
      version: cluster.kubernetesVersion,
      roleArn: clusterRole.arn,
      vpcConfig: {
        subnetIds: net.private_subnet_ids,
        endpointPrivateAccess: true,
        endpointPublicAccess: !privateEndpoint,
        publicAccessCidrs: privateEndpoint ? undefined : [...allowedCidrs],
      },
      encryptionConfig: { resources: ['secrets'], provider: { keyArn: secretsKey.arn } },
      enabledClusterLogTypes: [...CONTROL_PLANE_LOG_TYPES],
      // Access entries only; the creator (the CI apply role) gets no hidden cluster-admin. Both
      // settings are fixed at creation: changing them replaces the cluster.
      accessConfig: { authenticationMode: 'API', bootstrapClusterCreatorAdminPermissions: false },
      deletionProtection: spec.tier === 'production',
      // The role's rights must outlive the cluster on destroy; the log group must exist first.
      dependsOn: [clusterPolicy, keyUse, logs.logGroup],
    });
    const issuer = this.cluster.identity.get(0).oidc.get(0).issuer;

    this.oidcProvider = new IamOpenidConnectProvider(this, 'irsa-oidc', { url: issuer, clientIdList: ['sts.amazonaws.com'] });
    const vpcCniRole = this.serviceAccountRole('vpc-cni-role', `${cluster.name}-aws-node`, issuer, { namespace: 'kube-system', serviceAccount: 'aws-node' });
    const vpcCniPolicy = new IamRolePolicyAttachment(this, 'vpc-cni-role-cni', { role: vpcCniRole.name, policyArn: MANAGED_POLICY.eksCniPolicy });
    const vpcCni = new EksAddon(this, 'vpc-cni', {
      clusterName: this.cluster.name,
      addonName: 'vpc-cni',
      serviceAccountRoleArn: vpcCniRole.arn,
      // Adopts the self-managed CNI EKS bootstraps; the declared configuration wins afterwards.
      resolveConflictsOnCreate: 'OVERWRITE',
      resolveConflictsOnUpdate: 'OVERWRITE',
      // Turns on NetworkPolicy enforcement (issue 16; see vpc-cni-configuration.ts).
      configurationValues: JSON.stringify(VPC_CNI_CONFIGURATION),
      dependsOn: [vpcCniPolicy],
    });

    const nodeRole = this.serviceRole('node-role', `${cluster.name}-node`, 'ec2.amazonaws.com', `EKS nodes of ${cluster.name}`);
    const nodePolicies = [
      new IamRolePolicyAttachment(this, 'node-role-worker', { role: nodeRole.name, policyArn: MANAGED_POLICY.eksWorkerNodePolicy }),
      new IamRolePolicyAttachment(this, 'node-role-ecr', { role: nodeRole.name, policyArn: MANAGED_POLICY.ecrPullOnly }),
    ];
    const { nodePool } = cluster;
    this.nodeGroup = new EksNodeGroup(this, 'nodes', {
      clusterName: this.cluster.name,
      // A prefix, so that a replacement (new machine type) can be created before the old group goes.
      nodeGroupNamePrefix: `${cluster.name}-`,
      nodeRoleArn: nodeRole.arn,
      subnetIds: net.private_subnet_ids,
      instanceTypes: [nodePool.machineType],
      scalingConfig: { minSize: nodePool.minNodes, maxSize: nodePool.maxNodes, desiredSize: nodePool.minNodes },
      updateConfig: { maxUnavailable: 1 },
      // The cluster-autoscaler owns the desired size; min and max stay Terraform's (hashicorp/terraform-provider-aws
      // website/docs/r/eks_node_group.html.markdown, "Ignoring Changes to Desired Size").
      lifecycle: { createBeforeDestroy: true, ignoreChanges: ['scaling_config[0].desired_size'] },
      // Nodes need their role's rights to join and the CNI to become ready.
      dependsOn: [...nodePolicies, vpcCni],
    });
    new ClusterAutoscalerIdentity(this, 'cluster-autoscaler', {
      clusterName: cluster.name,
      accountId: this.account.accountId,
      region: cluster.region,
      oidcProviderArn: this.oidcProvider.arn,
      issuer,
    });

    // Management: Argo CD's own role (IRSA). Workload: the role Argo CD assumes from there, with
    // the access entry; the management cluster is reached in-cluster and gets no entry.
    this.argocdRole =
      cluster.role === 'management' || props.management === undefined
        ? new ArgoCdManagementRole(this, 'argocd', {
            clusterName: cluster.name,
            role: argocdRole,
            oidcProviderArn: this.oidcProvider.arn,
            issuer,
            workloadRoleArns: spec.clusters.flatMap((c) => (c.cloud === 'aws' && c.role === 'workload' ? [argocdRoleArn(this.account.accountId, c.name)] : [])),
          }).role
        : new ArgoCdClusterAccess(this, 'argocd', {
            clusterName: this.cluster.name,
            role: argocdRole,
            managementRoleArn: this.readStack('management-cluster', props.management, CLUSTER_OUTPUTS).argocd_role_arn,
            description: `Argo CD (on ${props.management.clusterName}) managing ${cluster.name}`,
          }).role;

    const managementCluster = props.management === undefined ? undefined : spec.clusters.find((c): c is EksClusterSpec => c.cloud === 'aws' && c.role === 'management');
    if (cluster.role === 'workload' && cluster.apiAccess.privateEndpoint && managementCluster !== undefined) {
      if (props.managementNetwork === undefined) {
        throw new Error(
          `${spec.name}: ${this.stackName}: ${cluster.name} has a private endpoint only and needs the management cluster's network stack (props.managementNetwork) for Argo CD's path to it`,
        );
      }
      const path = (outputs: { vpc_id: string; private_subnet_ids: string[]; private_route_table_ids: string[] }) => ({
        vpcId: outputs.vpc_id,
        privateSubnetIds: outputs.private_subnet_ids,
        privateRouteTableIds: outputs.private_route_table_ids,
      });
      new ArgoCdNetworkPath(this, 'argocd-path', {
        cluster,
        management: managementCluster,
        own: path(net),
        managementNetwork: path(this.readStack('management-network', props.managementNetwork, NETWORK_OUTPUTS)),
        managementProvider: addAwsProvider(this, 'management-region', { spec, region: managementCluster.region, alias: 'management' }),
        clusterSecurityGroupId: this.cluster.vpcConfig.clusterSecurityGroupId,
        clusterEndpoint: this.cluster.endpoint,
      });
    }

    this.terraformDriftRole = this.workloadRole(cluster, issuer, 'terraform-drift', TERRAFORM_DRIFT_WORKLOAD, {
      id: 'state',
      name: 'terraform-state',
      statements: terraformStateStatements({ bucketArn: base.state_bucket_arn, keyArn: base.state_key_arn }, 'no-lock'),
    });
    const drift = this.terraformDriftRole;
    new IamRolePolicyAttachment(this, 'terraform-drift-role-read-only', { role: drift.name, policyArn: MANAGED_POLICY.readOnlyAccess });

    this.policyReporterRole = this.workloadRole(cluster, issuer, 'policy-reporter', POLICY_REPORTER_WORKLOAD, {
      id: 'reports',
      name: 'upload-compliance-reports',
      statements: [
        // Upload only: no read, list or delete; a replaced report stays as a version.
        { sid: 'UploadReports', effect: 'Allow', actions: ['s3:PutObject'], resources: [`${base.report_bucket_arn}/*`] },
        {
          // SSE-KMS uploads need a data key from the bucket's key; a multipart upload (the CLI's
          // choice above 8 MB) also decrypts it to finish. Only through S3 in the bucket's region.
          sid: 'EncryptReportsThroughS3',
          effect: 'Allow',
          actions: ['kms:GenerateDataKey', 'kms:Encrypt', 'kms:Decrypt'],
          resources: [base.report_key_arn],
          condition: [{ test: 'StringEquals', variable: 'kms:ViaService', values: [`s3.${this.account.region}.amazonaws.com`] }],
        },
      ],
    });
    const reporter = this.policyReporterRole;
    this.velero = new VeleroIdentity(this, 'velero', {
      cluster,
      oidcProviderArn: this.oidcProvider.arn,
      issuer,
      bucketArn: base.backup_bucket_arn,
      keyArn: base.backup_key_arn,
      bucketRegion: this.account.region,
    });

    this.containerLogs = new EncryptedLogGroup(this, 'container-logs', {
      logGroupName: containerLogGroupName(spec, cluster),
      retentionDays: CONTAINER_LOG_RETENTION_DAYS[spec.tier],
      accountId: this.account.accountId,
      region: cluster.region,
      description: `the container logs of ${cluster.name} (shipped by Fluent Bit)`,
    });
    this.fluentBitRole = this.workloadRole(cluster, issuer, 'fluent-bit', FLUENT_BIT_WORKLOAD, {
      id: 'logs',
      name: 'write-container-logs',
      statements: [
        {
          // Streams and events of this group only: no CreateLogGroup or PutRetentionPolicy (the
          // group, its key and retention are ours), no reads. IAM names the group `<arn>:*` for
          // these actions and its streams `<arn>:log-stream:<name>`; the provider's arn has no `:*`.
          sid: 'WriteContainerLogs',
          effect: 'Allow',
          actions: ['logs:CreateLogStream', 'logs:PutLogEvents', 'logs:DescribeLogStreams'],
          resources: [`${this.containerLogs.logGroup.arn}:*`],
        },
      ],
    });

    // Human emergency access, production only (infrastructure.breakGlass): its own entry, apart
    // from Argo CD's; the role is the foundation's (BreakGlassRole).
    if (spec.infrastructure.breakGlass !== undefined) {
      new BreakGlassAccess(this, 'break-glass', { clusterName: this.cluster.name, roleArn: breakGlassRoleArn(spec.name, this.account.accountId) });
    }

    publishOutputs(
      this,
      CLUSTER_OUTPUTS,
      {
        cluster_name: this.cluster.name,
        endpoint: this.cluster.endpoint,
        certificate_authority_data: this.cluster.certificateAuthority.get(0).data,
        oidc_issuer_url: issuer,
        oidc_provider_arn: this.oidcProvider.arn,
        argocd_role_arn: this.argocdRole.arn,
        terraform_drift_role_arn: drift.arn,
        policy_reporter_role_arn: reporter.arn,
        fluent_bit_role_arn: this.fluentBitRole.arn,
        velero_role_arn: this.velero.role.arn,
      },
      clusterOutputDescriptions(cluster.role, containerLogGroupName(spec, cluster)),
    );
  }

  /** A role an AWS service assumes (EKS control plane, EC2 nodes). */
  private serviceRole(id: string, name: string, service: string, purpose: string): IamRole {
    // EKS passes session tags when it assumes its role; EC2 does not.
    const actions = service === 'eks.amazonaws.com' ? ['sts:AssumeRole', 'sts:TagSession'] : ['sts:AssumeRole'];
    const trust = this.document(`${id}-trust`, [{ effect: 'Allow', principals: [{ type: 'Service', identifiers: [service] }], actions }]);
    return new IamRole(this, id, { name, description: purpose, assumeRolePolicy: trust });
  }

  /** An IRSA role: assumable only by one service account of this cluster, through its OIDC provider. */
  private serviceAccountRole(id: string, name: string, issuer: string, workload: KubernetesWorkload): IamRole {
    const trust = this.document(`${id}-trust`, [irsaTrustStatement(this.oidcProvider.arn, issuer, [workload])]);
    const { namespace, serviceAccount } = workload;
    return new IamRole(this, id, { name, description: `Service account ${namespace}/${serviceAccount} of ${this.clusterName} (IRSA)`, assumeRolePolicy: trust });
  }

  /**
   * The IRSA role of an observability workload, named by the contract (`workloadIdentityName`) and
   * trusted by `serviceAccount` alone, with one inline policy. Construct ids: `<workload>-role`,
   * `<workload>-role-<policy.id>`, `<workload>-role-<policy.id>-document`.
   */
  private workloadRole(cluster: EksClusterSpec, issuer: string, workload: IdentityWorkload, serviceAccount: KubernetesWorkload, policy: WorkloadPolicy): IamRole {
    const id = `${workload}-role`;
    const role = this.serviceAccountRole(id, workloadIdentityName(cluster, workload), issuer, serviceAccount);
    new IamRolePolicy(this, `${id}-${policy.id}`, { name: policy.name, role: role.id, policy: this.document(`${id}-${policy.id}-document`, policy.statements) });
    return role;
  }

  private document(id: string, statement: DataAwsIamPolicyDocumentStatement[]): string {
    return new DataAwsIamPolicyDocument(this, id, { statement }).json;
  }
}
