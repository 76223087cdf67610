import { secretInventoryFindings } from '../../secrets/secrets-inventory';
import type { EstateRule } from './estate-rule';

/**
 * Every Secret a synthesized document reads is in dist/ or declared by a RequiredSecret, and every
 * declaration is read (constructs/secrets/secrets-inventory.ts holds the check).
 */
export const estateSecretsInventory: EstateRule = {
  id: 'estate-secrets-inventory',
  engine: 'estate',
  level: 'error',
  title: 'Every Secret a document reads is in dist/ or in the secrets inventory',
  rationale:
    'A reference to a Secret nothing creates and nobody is told to create fails on a fresh cluster, at the worst ' +
    'time; a declaration nothing reads lists a Secret nobody needs. The inventory is what operators create by hand.',
  controls: {
    soc2: ['CC6.1', 'CC7.1'],
    pciDss: ['8.6.2'],
    iso27001: ['A.5.9', 'A.5.17'],
    gdpr: [],
  },
  reads: ['kubernetes'],
  check(input) {
    return secretInventoryFindings(
      input.objects.map((o) => o.object),
      input.requiredSecrets,
    );
  },
};
