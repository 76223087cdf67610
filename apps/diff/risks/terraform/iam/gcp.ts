import { isJsonObject } from '../../../canonical-json';
import type { JsonObject } from '../../../estate-unit';
import { stringAt, stringsAt } from '../terraform-body';
import type { IamType, Widening } from './types';

/** Basic roles, and roles that hand out access or identities (Google Cloud IAM: basic and privileged roles). */
const BROAD_ROLES = ['roles/owner', 'roles/editor', 'roles/iam.serviceAccountTokenCreator', 'roles/iam.serviceAccountKeyAdmin', 'roles/iam.securityAdmin'];
const PUBLIC_MEMBERS = ['allUsers', 'allAuthenticatedUsers'];
/** Roles that let their members act as the service account: sign in through workload identity federation, or mint its tokens. */
const IMPERSONATION_ROLES = ['roles/iam.workloadIdentityUser', 'roles/iam.serviceAccountTokenCreator'];

/** A basic or privileged role, or any `*Admin` / `*.admin` role. */
function isBroadRole(role: string | undefined): boolean {
  return role !== undefined && (BROAD_ROLES.includes(role) || /admin$/i.test(role));
}

/** A member that stands for many identities: the public, a whole domain, or a workload identity set (`principalSet://`). */
function isMemberSet(member: string): boolean {
  return PUBLIC_MEMBERS.includes(member) || member.startsWith('domain:') || member.startsWith('principalSet://');
}

function membersOf(body: JsonObject | undefined): string[] {
  return [...stringsAt(body, 'member'), ...stringsAt(body, 'members')];
}

/** google_*_iam_member and google_*_iam_binding: one role for one member (or a list of members), with an optional IAM condition. */
function memberWidenings(base: JsonObject | undefined, head: JsonObject | undefined): Widening[] {
  if (head === undefined) return [];
  const role = stringAt(head, 'role');
  const members = membersOf(head);
  const publicMembers = members.filter((member) => PUBLIC_MEMBERS.includes(member));
  if (base === undefined) {
    if (isBroadRole(role)) return [{ what: `${role} granted to ${members.join(', ')}`, path: 'role' }];
    return publicMembers.length > 0 ? [{ what: `${role} granted to ${publicMembers.join(', ')}`, path: 'member' }] : [];
  }
  const widenings: Widening[] = [];
  if (stringAt(base, 'role') !== role && isBroadRole(role)) widenings.push({ what: `role ${stringAt(base, 'role')} -> ${role}`, path: 'role' });
  const added = members.filter((member) => !membersOf(base).includes(member));
  const wider = added.filter(isMemberSet);
  if (wider.length > 0)
    widenings.push({
      what: `${role} now granted to ${wider.join(', ')} (was ${membersOf(base).join(', ')})`,
      path: 'member',
      trust: role !== undefined && IMPERSONATION_ROLES.includes(role),
    });
  if (stringAt(base, 'condition.expression') !== undefined && stringAt(head, 'condition.expression') === undefined)
    widenings.push({ what: `IAM condition removed (${stringAt(base, 'condition.expression')})`, path: 'condition' });
  return widenings;
}

/**
 * A workload identity pool provider trusts the tokens of an issuer that pass its attribute
 * condition (google/services/iambeta/resource_iam_workload_identity_pool_provider.go, generated from
 * magic-modules mmv1/products/iambeta/WorkloadIdentityPoolProvider.yaml). A condition kept as a
 * conjunct of the new one (`old && more`) only narrows.
 */
function poolProviderWidenings(base: JsonObject | undefined, head: JsonObject | undefined): Widening[] {
  if (base === undefined || head === undefined) return [];
  const widenings: Widening[] = [];
  const before = stringAt(base, 'attribute_condition');
  const after = stringAt(head, 'attribute_condition');
  if (before !== undefined && before !== after && !(after ?? '').includes(before))
    widenings.push({ what: `attribute_condition ${before} -> ${after ?? '(none: every token of the issuer)'}`, path: 'attribute_condition', trust: true });
  if (stringAt(base, 'oidc.issuer_uri') !== stringAt(head, 'oidc.issuer_uri'))
    widenings.push({ what: `issuer ${stringAt(base, 'oidc.issuer_uri')} -> ${stringAt(head, 'oidc.issuer_uri')}`, path: 'oidc[0].issuer_uri', trust: true });
  const audiences = stringsAt(head, 'oidc.allowed_audiences').filter((audience) => !stringsAt(base, 'oidc.allowed_audiences').includes(audience));
  if (audiences.length > 0) widenings.push({ what: `now accepts audiences ${audiences.join(', ')}`, path: 'oidc[0].allowed_audiences', trust: true });
  // attribute_mapping is a map attribute: its keys hold dots (`google.subject`), so it is read directly.
  const subject = (body: JsonObject): string | undefined => {
    const mapping = body.attribute_mapping;
    const value = isJsonObject(mapping) ? mapping['google.subject'] : undefined;
    return typeof value === 'string' ? value : undefined;
  };
  if (subject(base) !== subject(head)) widenings.push({ what: `google.subject mapping ${subject(base)} -> ${subject(head)}`, path: 'attribute_mapping', trust: true });
  return widenings;
}

/**
 * google_service_account_iam_member/_binding with an impersonation role: every member added or
 * swapped (another repository, branch or Kubernetes service account in the `principal://` subject)
 * may now act as the service account, as an AWS OIDC `:sub` or an Azure federated credential subject
 * would; a binding with the role newly given is the same.
 */
function impersonationWidenings(base: JsonObject | undefined, head: JsonObject | undefined): Widening[] {
  const widenings = memberWidenings(base, head);
  const role = stringAt(head, 'role');
  if (base === undefined || head === undefined || role === undefined || !IMPERSONATION_ROLES.includes(role)) return widenings;
  const added = membersOf(head).filter((member) => !membersOf(base).includes(member) && !isMemberSet(member));
  if (stringAt(base, 'role') !== role && !isBroadRole(role))
    widenings.push({ what: `role ${stringAt(base, 'role')} -> ${role}: ${membersOf(head).join(', ')} may act as the service account`, path: 'role', trust: true });
  else if (added.length > 0) widenings.push({ what: `${role} now granted to ${added.join(', ')} (was ${membersOf(base).join(', ') || '(none)'})`, path: 'member', trust: true });
  return widenings;
}

const MEMBER_TYPES = ['project', 'billing_account', 'billing_account', 'storage_bucket', 'kms_crypto_key', 'kms_key_ring', 'folder', 'organization'].flatMap((target) => [
  `google_${target}_iam_member`,
  `google_${target}_iam_binding`,
]);

/** GCP (hashicorp/terraform-provider-google v6.50.0: the google_*_iam_member/_binding resources share tpgiamresource's schema). */
export const GCP_IAM: readonly IamType[] = [
  ...MEMBER_TYPES.map((type): IamType => ({ block: 'resource', type, widenings: memberWidenings })),
  { block: 'resource', type: 'google_service_account_iam_member', widenings: impersonationWidenings },
  { block: 'resource', type: 'google_service_account_iam_binding', widenings: impersonationWidenings },
  { block: 'resource', type: 'google_iam_workload_identity_pool_provider', widenings: poolProviderWidenings },
];
