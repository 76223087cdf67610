import { finding, matches, unless } from '../../../constructs/core/finding';
import type { SpecRule } from '../../../constructs/rules/spec-rule';
import type { EnvironmentSpec } from '../../../environments/types';

const ACCESS_FIELDS = ['readOnlyGroups', 'deployerGroups', 'emergencyGroups'] as const;
/** Groups are written into Argo CD's Casbin CSV policy: a comma splits the line, whitespace breaks matching. */
const GROUP_NAME = /^[^\s,]+$/;

/** Every role (read-only, deployer, break-glass) is bound to at least one well-formed SSO group. */
export const specAccessGroups: SpecRule<EnvironmentSpec> = {
  id: 'spec-access-groups',
  engine: 'spec',
  level: 'error',
  title: 'Every Argo CD role is bound to SSO groups',
  rationale:
    'Access is granted to SSO groups by role: an empty role leaves nobody able to act (and no break-glass in an emergency), and a malformed group name splits the Casbin policy line it is written into.',
  controls: { soc2: ['CC6.1', 'CC6.3'], pciDss: ['7.2.1', '7.2.2'], iso27001: ['A.5.15', 'A.5.18'], gdpr: ['Art. 32'] },
  check: (spec) =>
    ACCESS_FIELDS.flatMap((field) => {
      const groups = spec.access[field];
      if (groups.length === 0) {
        return [
          finding(
            `access.${field}`,
            groups,
            'must list at least one SSO group: an empty role leaves nobody able to act in the environment (and no break-glass for emergencies)',
            `add the SSO group, e.g. access.${field}: ['platform-oncall']`,
          ),
        ];
      }
      return groups.flatMap((group, index) =>
        unless(
          matches(group, GROUP_NAME),
          `access.${field}[${index}]`,
          group,
          'must be a non-empty group name without commas or whitespace: it is written into the Casbin CSV policy, where a comma splits the rule',
          'use the exact SSO group name, e.g. platform-engineers',
        ),
      );
    }),
};
