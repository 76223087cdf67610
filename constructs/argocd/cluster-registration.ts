import { ApiObject } from 'cdk8s';
import { Construct } from 'constructs';
import type { ISecret } from 'kubernetes-models/v1/Secret';
import type { ClusterSpec } from '../../environments/types';
import { AZURE_TOKEN_FILE } from './azure-token';
import { ARGOCD_NAMESPACE, CLUSTER_LABELS, IN_CLUSTER_SERVER } from './constants';

export interface ClusterRegistrationProps {
  readonly environment: string;
  readonly cluster: ClusterSpec;
  /**
   * GKE reached from outside GKE: the Google credential configuration `argocd-k8s-auth gcp` reads
   * (GOOGLE_APPLICATION_CREDENTIALS, see google-federation.ts).
   * @default - none: Application Default Credentials of the pod (GKE's metadata server)
   */
  readonly googleCredentialFile?: string;
}

/** The subset of Argo CD's cluster `config` JSON we write: identity, never a credential. */
interface ClusterConnectionConfig {
  readonly awsAuthConfig?: { readonly clusterName: string; readonly roleARN: string };
  readonly execProviderConfig?: {
    readonly command: string;
    readonly args: readonly string[];
    readonly env?: Readonly<Record<string, string>>;
    readonly apiVersion: string;
  };
  readonly tlsClientConfig: { readonly insecure: false; readonly caData?: string };
}

const EXEC_API_VERSION = 'client.authentication.k8s.io/v1beta1';

/**
 * Declares one cluster to Argo CD (a Secret labelled `argocd.argoproj.io/secret-type: cluster`).
 * Authentication is workload identity only: Argo CD's own service account assumes an IAM role
 * (EKS) or exchanges its projected token (AKS, GKE) at connection time, so no token, password or
 * key is ever committed. The management cluster is registered as `kubernetes.default.svc` so it
 * carries the same labels as the others and cluster generators select it like any other.
 */
export class ClusterRegistration extends Construct {
  /** Cluster name as Argo CD knows it; Application destinations use it. */
  readonly clusterName: string;
  readonly server: string;
  readonly labels: Readonly<Record<string, string>>;

  constructor(scope: Construct, id: string, props: ClusterRegistrationProps) {
    super(scope, id);
    const { cluster, environment } = props;
    this.clusterName = cluster.name;
    this.server = cluster.role === 'management' ? IN_CLUSTER_SERVER : cluster.apiServer;
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
        labels: { 'argocd.argoproj.io/secret-type': 'cluster', ...this.labels },
      },
      type: 'Opaque',
      stringData: {
        name: cluster.name,
        server: this.server,
        config: JSON.stringify(connectionConfig(cluster, props.googleCredentialFile)),
      },
    };
    new ApiObject(this, 'Resource', secret);
  }
}

function connectionConfig(cluster: ClusterSpec, googleCredentialFile: string | undefined): ClusterConnectionConfig {
  // In-cluster: Argo CD's service account token and the pod's CA are used; nothing to declare.
  if (cluster.role === 'management') return { tlsClientConfig: { insecure: false } };
  const tlsClientConfig = { insecure: false, caData: cluster.caData } as const;
  switch (cluster.cloud) {
    case 'aws':
      return {
        awsAuthConfig: { clusterName: cluster.name, roleARN: cluster.argocdRoleArn },
        tlsClientConfig,
      };
    case 'azure':
      return {
        execProviderConfig: {
          command: 'argocd-k8s-auth',
          args: ['azure'],
          env: {
            AAD_ENVIRONMENT_NAME: 'AzurePublicCloud',
            AAD_LOGIN_METHOD: 'workloadidentity',
            AZURE_AUTHORITY_HOST: 'https://login.microsoftonline.com/',
            AZURE_CLIENT_ID: cluster.argocdClientId,
            AZURE_FEDERATED_TOKEN_FILE: AZURE_TOKEN_FILE,
            AZURE_TENANT_ID: cluster.tenantId,
          },
          apiVersion: EXEC_API_VERSION,
        },
        tlsClientConfig,
      };
    case 'gcp':
      return {
        execProviderConfig: {
          command: 'argocd-k8s-auth',
          args: ['gcp'],
          ...(googleCredentialFile === undefined ? {} : { env: { GOOGLE_APPLICATION_CREDENTIALS: googleCredentialFile } }),
          apiVersion: EXEC_API_VERSION,
        },
        tlsClientConfig,
      };
  }
}
