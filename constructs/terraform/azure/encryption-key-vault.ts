import { KeyVault } from '@cdktf/provider-azurerm/lib/key-vault';
import { KeyVaultKey } from '@cdktf/provider-azurerm/lib/key-vault-key';
import { Construct } from 'constructs';

/**
 * Who may reach the vault over the network. Access itself is always Entra ID + Azure RBAC; the
 * firewall narrows where requests may come from.
 */
export type KeyVaultFirewall =
  /** Only the listed public ranges and trusted Azure services (e.g. a storage account's CMK). */
  | { readonly kind: 'deny-except'; readonly ipRules: readonly string[] }
  /**
   * Every network, for a vault whose consumer cannot use the trusted-services bypass: the AKS KMS
   * plugin of a cluster without API server VNet integration refuses a vault behind a firewall.
   * `reason` says which consumer needs it; it is kept in the code for reviewers.
   */
  | { readonly kind: 'open'; readonly reason: string };

export interface EncryptionKeyVaultProps {
  /** Globally unique vault name (see names.ts). */
  readonly name: string;
  readonly resourceGroupName: string;
  readonly location: string;
  readonly tenantId: string;
  readonly firewall: KeyVaultFirewall;
  readonly keyName: string;
  /** Operations the key permits, no more than its consumer needs, e.g. `['wrapKey', 'unwrapKey']`. */
  readonly keyOperations: readonly string[];
  /**
   * RSA modulus length.
   * @default 3072
   */
  readonly keySize?: number;
}

/** Days a deleted vault or key stays recoverable: the maximum Key Vault allows. */
const SOFT_DELETE_DAYS = 90;

/**
 * Rotation policy of every key: a new version every 90 days, each version expiring after a year,
 * the owners notified 30 days before an expiry. Key Vault applies the expiry to the versions it
 * rotates, so the first version is replaced within 90 days by one that expires.
 */
export const KEY_ROTATION = {
  rotateAfter: 'P90D',
  expireAfter: 'P365D',
  notifyBeforeExpiry: 'P30D',
} as const;

/**
 * A Key Vault holding one customer-managed RSA key that rotates itself: Azure RBAC authorization
 * (no access policies), purge protection and 90 days of soft delete, so that neither a mistake nor
 * a compromised identity can destroy a key and with it the data it encrypts.
 *
 * Both the vault and the key are `prevent_destroy`.
 */
export class EncryptionKeyVault extends Construct {
  readonly vault: KeyVault;
  readonly key: KeyVaultKey;

  constructor(scope: Construct, id: string, props: EncryptionKeyVaultProps) {
    super(scope, id);
    const { firewall } = props;
    if (firewall.kind === 'open' && firewall.reason.trim().length < 10) {
      throw new Error(`${this.node.path}: firewall 'open' needs a reason of at least 10 characters (say which consumer needs it)`);
    }

    this.vault = new KeyVault(this, 'vault', {
      name: props.name,
      resourceGroupName: props.resourceGroupName,
      location: props.location,
      tenantId: props.tenantId,
      skuName: 'standard',
      rbacAuthorizationEnabled: true,
      purgeProtectionEnabled: true,
      softDeleteRetentionDays: SOFT_DELETE_DAYS,
      // Public endpoint, narrowed by the firewall below: the CI runners reach the data plane over
      // it to create and refresh the key (no private endpoint network to run Terraform from).
      publicNetworkAccessEnabled: true,
      networkAcls: {
        bypass: 'AzureServices',
        defaultAction: firewall.kind === 'open' ? 'Allow' : 'Deny',
        ipRules: firewall.kind === 'open' ? [] : [...firewall.ipRules],
      },
      lifecycle: { preventDestroy: true },
    });

    this.key = new KeyVaultKey(this, 'key', {
      name: props.keyName,
      keyVaultId: this.vault.id,
      keyType: 'RSA',
      keySize: props.keySize ?? 3072,
      keyOpts: [...props.keyOperations],
      rotationPolicy: {
        automatic: { timeAfterCreation: KEY_ROTATION.rotateAfter },
        expireAfter: KEY_ROTATION.expireAfter,
        notifyBeforeExpiry: KEY_ROTATION.notifyBeforeExpiry,
      },
      lifecycle: {
        preventDestroy: true,
        // Each rotated version carries the expiry the policy gives it. Refreshed into the state,
        // that expiry would differ from the (unset) configuration, and the provider replaces a key
        // whose expiry is removed: destroying the key would make everything it encrypts unreadable.
        ignoreChanges: ['expiration_date'],
      },
    });
  }
}
