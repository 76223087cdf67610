import { ApiObject } from 'cdk8s';
import { Construct } from 'constructs';
import type { ISecret } from 'kubernetes-models/v1/Secret';
import type { ArgoCdClusterAuth } from '../kubernetes/cloud-cluster-profile';
import type { ClusterSpec } from '../kubernetes/cluster-spec';
import { CLUSTER_LABELS } from '../kubernetes/gitops-cdk-labels';
import { clusterProfile } from '../kubernetes/registered-cluster-profiles';
import { ARGOCD_NAMESPACE, IN_CLUSTER_SERVER } from './constants';
import { SYNC_WAVES, syncWaveAnnotations } from './sync-wave';

export interface ClusterRegistrationProps {
  readonly environment: string;
  readonly cluster: ClusterSpec;
  /**
   * GKE reached from outside GKE: the Google credential configuration `argocd-k8s-auth gcp` reads
   * (GOOGLE_APPLICATION_CREDENTIALS, see terraform/gcp/argocd-google-federation.ts).
   * @default - none: Application Default Credentials of the pod (GKE's metadata server)
   */
  readonly googleCredentialFile?: string;
  /**
   * The environment's AWS account (`clouds.aws.accountId`), which holds an EKS cluster and the
   * role Argo CD assumes to reach it (`argocdRoleArn`).
   * @default - none; required for an EKS workload cluster
   */
  readonly awsAccountId?: string;
}

/** The subset of Argo CD's cluster `config` JSON we write: identity (each cloud's `argoCdAuth`), never a credential. */
interface ClusterConnectionConfig extends ArgoCdClusterAuth {
  readonly tlsClientConfig: { readonly insecure: false; readonly caData?: string };
}

/** How an Application names its destination cluster: by API server address or by name, never both. */
export type ClusterDestination = { readonly server: string; readonly name?: never } | { readonly name: string; readonly server?: never };

/**
 * Declares one cluster to Argo CD (a Secret labelled `argocd.argoproj.io/secret-type: cluster`).
 * Authentication is workload identity only: Argo CD's own service account assumes an IAM role
 * (EKS) or exchanges its projected token (AKS, GKE) at connection time, so no token, password or
 * key is ever committed. The management cluster is registered as `kubernetes.default.svc` so it
 * carries the same labels as the others and cluster generators select it like any other.
 */
export class ClusterRegistration extends Construct {
  /** Cluster name as Argo CD knows it once this registration is synced. */
  readonly clusterName: string;
  readonly server: string;
  /**
   * What Applications and the AppProject name as the destination. The management cluster is
   * named by its address, `https://kubernetes.default.svc`: until the root app has synced this
   * registration, Argo CD calls that cluster `in-cluster`, and a destination by the spec's name
   * resolves to nothing (argoproj/argo-cd util/argo/argo.go `ValidateDestination` and
   * util/db/cluster.go `GetClusterServersByName`, v2.13.2 and v2.14.2), so the root app could
   * never sync the registration that would give the name. By address it resolves before and after.
   * The others are named: they exist for Argo CD only through their registration.
   */
  readonly destination: ClusterDestination;
  readonly labels: Readonly<Record<string, string>>;

  constructor(scope: Construct, id: string, props: ClusterRegistrationProps) {
    super(scope, id);
    const { cluster, environment } = props;
    this.clusterName = cluster.name;
    this.server = cluster.role === 'management' ? IN_CLUSTER_SERVER : cluster.apiServer;
    this.destination = cluster.role === 'management' ? { server: IN_CLUSTER_SERVER } : { name: cluster.name };
    this.labels = {
      ...cluster.labels,
      [CLUSTER_LABELS.env]: environment,
      [CLUSTER_LABELS.cloud]: cluster.cloud,
      [CLUSTER_LABELS.region]: cluster.region,
      [CLUSTER_LABELS.role]: cluster.role,
    };

    const secret: ISecret = {
      apiVersion: 'v1',
      kind: 'Secret',
      metadata: {
        name: `cluster-${cluster.name}`,
        namespace: ARGOCD_NAMESPACE,
        // Before the Applications that deploy to the cluster.
        annotations: syncWaveAnnotations(SYNC_WAVES.registrations),
        labels: { 'argocd.argoproj.io/secret-type': 'cluster', ...this.labels },
      },
      type: 'Opaque',
      stringData: {
        name: cluster.name,
        server: this.server,
        config: JSON.stringify(connectionConfig(cluster, props.googleCredentialFile, props.awsAccountId)),
      },
    };
    new ApiObject(this, 'Resource', secret);
  }
}

function connectionConfig(cluster: ClusterSpec, googleCredentialFile: string | undefined, awsAccountId: string | undefined): ClusterConnectionConfig {
  // In-cluster: Argo CD's service account token and the pod's CA are used; nothing to declare.
  if (cluster.role === 'management') return { tlsClientConfig: { insecure: false } };
  const context = { ...(googleCredentialFile === undefined ? {} : { googleCredentialFile }), ...(awsAccountId === undefined ? {} : { awsAccountId }) };
  return { ...clusterProfile(cluster).argoCdAuth(cluster, context), tlsClientConfig: { insecure: false, caData: cluster.caData } };
}
