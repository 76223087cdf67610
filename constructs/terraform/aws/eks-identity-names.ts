/**
 * The AWS identities the Kubernetes side names before the AWS stacks create them (the Argo CD
 * cluster Secret's `awsAuthConfig.roleARN`, the `eks.amazonaws.com/role-arn` annotations), derived
 * from the environment's account and the cluster's name only, so the spec stores neither. Plain
 * data, no cdktf: the Kubernetes synth imports it without loading the providers.
 */

/** `arn:aws:iam::<account>:role/<name>` (path `/`). */
export function iamRoleArn(accountId: string, roleName: string): string {
  return `arn:aws:iam::${accountId}:role/${roleName}`;
}

/**
 * Name of Argo CD's IAM role for an EKS cluster, `argocd-<cluster>`, created by the cluster's stack
 * (argocd-access.ts): on the management cluster the IRSA role of Argo CD's controller and server;
 * on a workload cluster the role that IRSA role assumes (`awsAuthConfig.roleARN` of the cluster
 * Secret), cluster admin through an access entry.
 */
export function argocdRoleName(clusterName: string): string {
  return `argocd-${clusterName}`;
}

/** ARN of `argocdRoleName` in the environment's account. */
export function argocdRoleArn(accountId: string, clusterName: string): string {
  return iamRoleArn(accountId, argocdRoleName(clusterName));
}

/**
 * The account of an EKS cluster: the environment's AWS account (`clouds.aws.accountId`), which
 * holds its state, its CI roles and every resource of its stacks.
 * @throws Error naming the fix when the environment has no AWS account
 */
export function eksAccountId(clouds: { readonly aws?: { readonly accountId: string } }, clusterName: string): string {
  if (clouds.aws === undefined) throw new Error(`EKS cluster ${clusterName} needs the environment's AWS account (set clouds.aws: { accountId, region })`);
  return clouds.aws.accountId;
}
