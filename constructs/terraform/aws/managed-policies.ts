/**
 * AWS-managed IAM and EKS access policies the AWS stacks attach, by ARN. AWS maintains them as
 * its services change; one list here so that a reviewer sees every broad grant of the estate.
 * The partition is `aws`: every region this estate uses is in it.
 */
export const MANAGED_POLICY = {
  /** Read every resource's configuration: what `terraform plan` needs to refresh. */
  readOnlyAccess: 'arn:aws:iam::aws:policy/ReadOnlyAccess',
  /** The EKS control plane's own rights (ENIs, load balancers of the cluster). */
  eksClusterPolicy: 'arn:aws:iam::aws:policy/AmazonEKSClusterPolicy',
  /** What a worker node needs to join its cluster (describe cluster, EC2 metadata). */
  eksWorkerNodePolicy: 'arn:aws:iam::aws:policy/AmazonEKSWorkerNodePolicy',
  /** Pulls container images from ECR; narrower than `AmazonEC2ContainerRegistryReadOnly`. */
  ecrPullOnly: 'arn:aws:iam::aws:policy/AmazonEC2ContainerRegistryPullOnly',
  /** The VPC CNI's ENI and IP management; given to its service account only, not to nodes. */
  eksCniPolicy: 'arn:aws:iam::aws:policy/AmazonEKS_CNI_Policy',
} as const;

/** EKS access policies (cluster RBAC granted through access entries). */
export const EKS_ACCESS_POLICY = {
  /** `cluster-admin`: Argo CD creates namespaces, CRDs and cluster-scoped objects. */
  clusterAdmin: 'arn:aws:eks::aws:cluster-access-policy/AmazonEKSClusterAdminPolicy',
} as const;
