export type { KubeResource, PolicyCase, PolicyDefinition, Severity } from '../constructs/kyverno/policy-definition';
export { CATALOG_RELEASES, LATEST_CATALOG_RELEASE, POLICY_REVISIONS, policiesAt } from './catalog';
