import { type TerraformUnit, unitLabel } from '../../estate-unit';
import { highInProduction, type RiskFinding, type RiskRule } from '../risk-rule';
import { statefulReason } from './resources';
import { protectedType } from './storage';
import { type ProtectedType, type Reading, reading, type StorageProtection } from './storage/types';
import { storageLevel, storagePurpose } from './storage-purpose';

/** A protection as one side configures it: `kept` when the side leaves an Optional+Computed value undeclared. */
function readingOf(protection: StorageProtection, table: ProtectedType, unit: TerraformUnit | undefined): Reading | 'kept' | 'not compared' {
  if (table.block === 'backend') {
    // A stack without a backend keeps its state on the local disk of whoever applies; another backend type has none of these settings.
    if (unit === undefined) return reading(0, 'no backend (a stack kept without one keeps its state on local disk)');
    if (unit.type !== table.type) return reading(0, `backend "${unit.type}"`);
  }
  if (unit === undefined) return protection.absent ?? reading(0, 'removed');
  return protection.read(unit.body) ?? protection.undeclared;
}

/**
 * Encryption, versioning, public-access blocks, TLS-only, locking, retention or replication
 * weakened on the storage that keeps Terraform state or compliance reports (storage-purpose.ts),
 * including the backend settings of every stack. Each protected block type and what it protects is
 * in the per-cloud tables (storage/*.ts). A protective resource removed counts (its deletion resets
 * the bucket); a storage resource itself removed is terraform-resource-destroyed's (its data goes, not
 * only a protection).
 */
export const terraformStorageWeakened: RiskRule<'terraform'> = {
  id: 'terraform-storage-weakened',
  engine: 'terraform',
  title: 'encryption, versioning, public access (blocks, firewall entries), TLS-only, locking, retention or deletion protection weakened on Terraform state or report storage',
  check(change, context) {
    const { base, head } = change;
    const reference = base ?? head;
    if (reference === undefined) return [];
    const table = protectedType(reference);
    const purpose = storagePurpose(reference);
    if (table === undefined || purpose === undefined) return [];
    if (change.kind === 'removed' && statefulReason(reference) !== undefined) return [];
    const level = storageLevel(purpose, context.tier);
    const label = unitLabel(reference);
    const findings: RiskFinding[] = [];
    const lost: string[] = [];
    for (const protection of table.protections) {
      const before = readingOf(protection, table, base);
      const after = readingOf(protection, table, head);
      if (before === 'kept' || before === 'not compared' || after === 'not compared') continue;
      if (after === 'kept') {
        // Only a declaration that existed can stop being declared; a new block leaving it to the provider weakens nothing.
        if (base === undefined) continue;
        findings.push({
          level: 'medium',
          reason: `${label}: ${protection.kind} on ${purpose} storage no longer declared (${protection.path} was ${before.shown}); the provider keeps the current value but Terraform stops enforcing it, so drift goes unseen`,
          path: protection.path,
        });
        continue;
      }
      const opened = (after.allows ?? []).filter((entry) => !(before.allows ?? []).includes(entry));
      if (opened.length > 0 && change.kind !== 'removed') {
        // Another named range or subnet is a widening to read (medium outside production); any address weighs as the storage does.
        const weakened = after.strength < before.strength;
        findings.push({
          level: weakened ? level : highInProduction(context.tier),
          reason: `${label}: ${protection.kind} widened on ${purpose} storage in ${context.tier}: ${protection.path} ${opened.map((entry) => `+${entry}`).join(', ')}${weakened ? ` (${after.shown})` : ''}; ${protection.why}`,
          path: protection.path,
        });
        continue;
      }
      if (after.strength >= before.strength) continue;
      // A reading that already names its setting (`use_lockfile = true`) is not prefixed with the path again.
      const field = before.shown.startsWith(protection.path) ? '' : `${protection.path} `;
      if (change.kind === 'removed') lost.push(`${protection.kind} ${field}${before.shown} -> ${after.shown}`);
      else
        findings.push({
          level,
          reason: `${label}: ${protection.kind} weakened on ${purpose} storage in ${context.tier}: ${field}${before.shown} -> ${after.shown}; ${protection.why}`,
          path: protection.path,
        });
    }
    if (lost.length > 0) findings.push({ level, reason: `${label} removed from ${purpose} storage in ${context.tier}, with what it protected: ${lost.join('; ')}` });
    return findings;
  },
};
