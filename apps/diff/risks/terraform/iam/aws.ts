import { isReference, show, stringAt, stringsAt } from '../terraform-body';
import { policyDocumentWidenings } from './aws-policy-document';
import type { IamType, Widening } from './types';

/**
 * A role's trust or a policy's permissions taken from another document (`assume_role_policy =
 * data.aws_iam_policy_document.ci-plan-trust.json` where it was `ci-apply-trust`): a rule sees one
 * block and cannot read the document it now points at, so any other source is for a reviewer to read.
 */
function isDocumentReference(value: string | undefined): boolean {
  return value !== undefined && /^\$\{data\.aws_iam_policy_document\.[^}]+\.json\}$/.test(value);
}

function documentSwitched(attribute: string, what: 'trust' | 'permissions'): IamType['widenings'] {
  return (base, head) => {
    const before = stringAt(base, attribute);
    const after = stringAt(head, attribute);
    if (base === undefined || head === undefined || before === after) return [];
    const widening = { path: attribute, trust: what === 'trust', reach: 'other document' } as const;
    // Neither side names a document (`jsonencode(...)` or JSON written in the block): the policy was edited in place.
    if (!isDocumentReference(before) && !isDocumentReference(after)) return [{ ...widening, what: `inline ${what} policy edited: review it` }];
    const source = (value: string | undefined): string => (value === undefined ? '(none)' : isReference(value) ? show(value) : 'an inline policy');
    const verb = what === 'trust' ? 'comes' : 'come';
    return [{ ...widening, what: `${what} now ${verb} from ${source(after)} (was ${source(before)}): review that document` }];
  };
}

/** AWS-managed policies that grant (nearly) everything, or everything on IAM: attaching one is an admin grant. */
function isAdminPolicy(arn: string | undefined): boolean {
  return arn !== undefined && /^arn:aws[a-z-]*:iam::aws:policy\/(AdministratorAccess|PowerUserAccess|IAMFullAccess|[A-Za-z]*FullAccess)$/.test(arn);
}

/** EKS access policies that make a principal administrator of the cluster (AWS EKS "access policy permissions"). */
function isClusterAdminAccessPolicy(arn: string | undefined): boolean {
  return arn !== undefined && /cluster-access-policy\/(AmazonEKSClusterAdminPolicy|AmazonEKSAdminPolicy)$/.test(arn);
}

/**
 * AWS (hashicorp/terraform-provider-aws 6.25.0): the estate writes every policy as an
 * `aws_iam_policy_document` data source (internal/service/iam/policy_document_data_source.go), roles
 * and policies reference its `.json`, so the document is where a grant or trust widens.
 */
export const AWS_IAM: readonly IamType[] = [
  { block: 'data', type: 'aws_iam_policy_document', widenings: policyDocumentWidenings },
  { block: 'resource', type: 'aws_iam_role_policy', widenings: documentSwitched('policy', 'permissions') },
  { block: 'resource', type: 'aws_iam_policy', widenings: documentSwitched('policy', 'permissions') },
  { block: 'resource', type: 'aws_kms_key', widenings: documentSwitched('policy', 'permissions') },
  // The storage rule reads the bucket policy's Denies in its document; a policy now taken from another document is read nowhere.
  { block: 'resource', type: 'aws_s3_bucket_policy', widenings: documentSwitched('policy', 'permissions') },
  {
    block: 'resource',
    type: 'aws_iam_role_policy_attachment',
    widenings: (base, head) => {
      const arn = stringAt(head, 'policy_arn');
      return isAdminPolicy(arn) && stringAt(base, 'policy_arn') !== arn
        ? [{ what: `AWS-managed ${arn} attached to ${stringAt(head, 'role') ?? 'a role'}`, path: 'policy_arn' }]
        : [];
    },
  },
  {
    block: 'resource',
    type: 'aws_iam_role',
    widenings: (base, head) => {
      const widenings: Widening[] = [...documentSwitched('assume_role_policy', 'trust')(base, head)];
      const boundary = stringAt(base, 'permissions_boundary');
      if (base !== undefined && head !== undefined && boundary !== undefined && stringAt(head, 'permissions_boundary') !== boundary)
        widenings.push({ what: `permissions boundary ${boundary} -> ${stringAt(head, 'permissions_boundary') ?? '(none)'}`, path: 'permissions_boundary' });
      return widenings;
    },
  },
  {
    block: 'resource',
    type: 'aws_iam_openid_connect_provider',
    widenings: (base, head) => {
      if (base === undefined || head === undefined) return [];
      const widenings: Widening[] = [];
      const audiences = stringsAt(head, 'client_id_list').filter((id) => !stringsAt(base, 'client_id_list').includes(id));
      if (audiences.length > 0) widenings.push({ what: `OIDC provider now accepts audiences ${audiences.join(', ')}`, path: 'client_id_list', trust: true });
      if (stringAt(base, 'url') !== stringAt(head, 'url'))
        widenings.push({ what: `OIDC provider issuer ${stringAt(base, 'url')} -> ${stringAt(head, 'url')}`, path: 'url', trust: true });
      return widenings;
    },
  },
  {
    block: 'resource',
    type: 'aws_eks_access_policy_association',
    widenings: (base, head) => {
      const widenings: Widening[] = [];
      const arn = stringAt(head, 'policy_arn');
      if (isClusterAdminAccessPolicy(arn) && stringAt(base, 'policy_arn') !== arn)
        widenings.push({ what: `EKS access policy ${arn} associated with ${stringAt(head, 'principal_arn') ?? 'a principal'}`, path: 'policy_arn' });
      if (base !== undefined && stringAt(base, 'access_scope.type') === 'namespace' && stringAt(head, 'access_scope.type') === 'cluster')
        widenings.push({ what: 'EKS access scope namespace -> cluster', path: 'access_scope[0].type' });
      return widenings;
    },
  },
];
