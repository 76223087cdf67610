import { unless } from '../../../constructs/core/finding';
import { isLabelValue } from '../../../constructs/core/kubernetes-names';
import type { SpecRule } from '../../../constructs/rules/spec-rule';
import type { EnvironmentSpec } from '../../../environments/types';

/** Both are stamped on every object and cloud resource as label/tag values. */
const OWNERSHIP_FIELDS = ['owner', 'costCentre'] as const;

export const specOwnershipLabels: SpecRule<EnvironmentSpec> = {
  id: 'spec-ownership-labels',
  engine: 'spec',
  level: 'error',
  title: 'Every environment names its owner and cost centre',
  rationale:
    'Owner and cost centre are labelled on every object and tagged on every cloud resource: they make the inventory say who is responsible for each asset and who pays for it.',
  controls: { soc2: ['CC6.1'], pciDss: ['12.5.1'], iso27001: ['A.5.9'], gdpr: [] },
  check: (spec) =>
    OWNERSHIP_FIELDS.flatMap((field) =>
      unless(
        isLabelValue(spec[field]) && spec[field] !== '',
        field,
        spec[field],
        `${field} must be a non-empty Kubernetes label value (at most 63 letters, digits, '-', '_', '.', alphanumeric at both ends): it is labelled on every object and tagged on every cloud resource`,
        `set ${field} to a value like 'platform-team'`,
      ),
    ),
};
