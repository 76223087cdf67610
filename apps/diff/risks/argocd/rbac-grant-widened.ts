import { canonicalJson } from '../../canonical-json';
import { type KubernetesUnit, unitLabel } from '../../estate-unit';
import { listAt } from '../json-values';
import { highInProduction, type RiskFinding, type RiskLevel, type RiskRule } from '../risk-rule';
import { argoCdRbacPolicy, isArgoCdRbacConfigMap, rbacPolicyWidenings } from './argocd-rbac-policy';
import { addedItems, shortList } from './kubernetes-objects';
import { addedPermissions, bindingRole, bindingSubjects, describePermissions, escalations, policyRules } from './kubernetes-rbac';

const RBAC_GROUP = 'rbac.authorization.k8s.io/';
const isRole = (unit: KubernetesUnit): boolean => unit.apiVersion.startsWith(RBAC_GROUP) && (unit.kind === 'Role' || unit.kind === 'ClusterRole');
const isBinding = (unit: KubernetesUnit): boolean => unit.apiVersion.startsWith(RBAC_GROUP) && (unit.kind === 'RoleBinding' || unit.kind === 'ClusterRoleBinding');

/** A new role grants nothing until bound; a new binding grants at once, and to cluster-admin everything. */
function addedUnitFindings(head: KubernetesUnit, level: RiskLevel): RiskFinding[] {
  const label = unitLabel(head);
  if (isRole(head)) {
    const permissions = addedPermissions([], policyRules(head.body));
    const risky = escalations(permissions);
    return [
      {
        level: 'low',
        reason: `${label}: new role grants ${shortList(describePermissions(permissions).split('; '), 3)}${risky.length > 0 ? ` (includes ${risky.join(', ')})` : ''}; nothing until bound`,
      },
    ];
  }
  if (isBinding(head)) {
    const role = bindingRole(head.body);
    const clusterAdmin = role === 'ClusterRole cluster-admin';
    return [
      {
        level: clusterAdmin ? level : 'low',
        reason: `${label}: new binding gives ${role} to ${shortList(bindingSubjects(head.body))}${clusterAdmin ? ': full control of the cluster' : ''}`,
      },
    ];
  }
  const policy = argoCdRbacPolicy(head.body);
  const grants = policy.lines.filter((line) => line.startsWith('p,')).length;
  const mappings = policy.lines.filter((line) => line.startsWith('g,')).length;
  return [{ level: 'low', reason: `${label}: new Argo CD RBAC policy: ${grants} grants, ${mappings} group mappings, policy.default "${policy.defaultRole}"` }];
}

function changedRoleFindings(base: KubernetesUnit, head: KubernetesUnit, level: RiskLevel): RiskFinding[] {
  const findings: RiskFinding[] = [];
  const permissions = addedPermissions(policyRules(base.body), policyRules(head.body));
  if (permissions.length > 0) {
    const risky = escalations(permissions);
    findings.push({
      level,
      reason: `${unitLabel(head)}: rules widened, + ${shortList(describePermissions(permissions).split('; '))}${risky.length > 0 ? ` (includes ${risky.join(', ')})` : ''}`,
      path: 'rules',
    });
  }
  // An aggregated ClusterRole takes the rules of every ClusterRole its selectors match (the controller fills its rules).
  const selectors = (unit: KubernetesUnit): string[] => listAt(unit.body, 'aggregationRule', 'clusterRoleSelectors').map(canonicalJson);
  const aggregated = addedItems(selectors(base), selectors(head));
  if (aggregated.length > 0) {
    findings.push({
      level,
      reason: `${unitLabel(head)}: aggregationRule selectors added ${aggregated.join(', ')}: it takes the rules of every ClusterRole they match`,
      path: 'aggregationRule',
    });
  }
  return findings;
}

function changedBindingFindings(base: KubernetesUnit, head: KubernetesUnit, level: RiskLevel): RiskFinding[] {
  const findings: RiskFinding[] = [];
  const label = unitLabel(head);
  const subjects = addedItems(bindingSubjects(base.body), bindingSubjects(head.body));
  if (subjects.length > 0) findings.push({ level, reason: `${label}: subjects added to ${bindingRole(head.body)}: ${shortList(subjects)}`, path: 'subjects' });
  const [roleBefore, roleAfter] = [bindingRole(base.body), bindingRole(head.body)];
  if (roleBefore !== roleAfter) {
    // roleRef is immutable: the API server rejects the update, so Argo CD must delete and re-create the binding (Replace=true).
    findings.push({
      level,
      reason: `${label}: roleRef ${roleBefore} -> ${roleAfter} for ${shortList(bindingSubjects(head.body))}; roleRef is immutable (the sync must replace the binding)`,
      path: 'roleRef',
    });
  }
  return findings;
}

export const rbacGrantWidened: RiskRule<'kubernetes'> = {
  id: 'rbac-grant-widened',
  engine: 'kubernetes',
  title: 'a Kubernetes RBAC role or binding, or the Argo CD RBAC policy, widened',
  check(change, context) {
    const head = change.head;
    if (head === undefined || !(isRole(head) || isBinding(head) || isArgoCdRbacConfigMap(head.body))) return [];
    const level = highInProduction(context.tier);
    const base = change.base;
    if (base === undefined) return addedUnitFindings(head, level);
    if (isRole(head)) return changedRoleFindings(base, head, level);
    if (isBinding(head)) return changedBindingFindings(base, head, level);
    return rbacPolicyWidenings(argoCdRbacPolicy(base.body), argoCdRbacPolicy(head.body)).map((widening) => ({
      level,
      reason: `${unitLabel(head)}: Argo CD RBAC widened in ${context.tier}: ${widening.what}`,
      path: widening.field,
    }));
  },
};
