import { unless } from '../../../constructs/core/finding';
import { cloudProfile } from '../../../constructs/kubernetes/registered-cluster-profiles';
import type { SpecRule } from '../../../constructs/rules/spec-rule';
import { CLOUD_ORDER } from '../../../constructs/terraform/stack-names';
import type { Cloud, EnvironmentSpec } from '../../../environments/types';

const CLOUDS: readonly Cloud[] = CLOUD_ORDER;

function primaryRegion(spec: EnvironmentSpec, cloud: Cloud): string | undefined {
  return cloudProfile(cloud).accountRegion(spec.clouds);
}

/** Terraform state keeps old versions, and production copies it to a second region. */
export const specTerraformState: SpecRule<EnvironmentSpec> = {
  id: 'spec-terraform-state',
  engine: 'spec',
  level: 'error',
  title: 'Terraform state is versioned, and replicated in production',
  rationale:
    'Old state versions are the way back from a bad apply, and a replica in another region keeps the state through a regional outage; losing the state means re-importing every resource by hand.',
  controls: { soc2: ['A1.2', 'A1.3'], pciDss: [], iso27001: ['A.8.13', 'A.8.14'], gdpr: ['Art. 32'] },
  check: (spec) => {
    const days = spec.infrastructure.stateVersionRetentionDays;
    const replica = spec.infrastructure.stateReplica ?? {};
    return [
      ...unless(
        Number.isInteger(days) && days >= 30 && days <= 3650,
        'infrastructure.stateVersionRetentionDays',
        days,
        'old state versions are the way back from a bad apply: keep them between 30 days and 10 years',
        'set e.g. 90 (365 in production)',
      ),
      ...CLOUDS.flatMap((cloud) => {
        const primary = primaryRegion(spec, cloud);
        const copy = replica[cloud];
        if (primary === undefined) {
          return unless(
            copy === undefined,
            `infrastructure.stateReplica.${cloud}`,
            copy,
            `the environment has no ${cloud} account, so there is no ${cloud} state to replicate`,
            `remove stateReplica.${cloud}`,
          );
        }
        return [
          ...unless(
            copy === undefined || copy !== primary,
            `infrastructure.stateReplica.${cloud}`,
            copy,
            `the replica must be in another region than the state itself (${primary}): one regional outage would take both`,
            'pick a second region of the same jurisdiction',
          ),
          ...unless(
            spec.tier !== 'production' || copy !== undefined,
            `infrastructure.stateReplica.${cloud}`,
            copy,
            `production replicates its ${cloud} Terraform state to a second region: losing ${primary} must not lose the state`,
            `set stateReplica: { ${cloud}: '<second region>' }`,
          ),
        ];
      }),
    ];
  },
};
