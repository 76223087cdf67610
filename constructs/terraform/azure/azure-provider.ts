import { AzurermProvider } from '@cdktf/provider-azurerm/lib/provider';
import { TerraformResource, type TerraformStack } from 'cdktf';
import type { IConstruct } from 'constructs';
import type { AzureSubscription } from '../cloud-accounts';

/**
 * Resource providers the Azure stacks use. The provider registers only these (and only when one is
 * missing, i.e. at the bootstrap apply by an Owner): its default registers dozens at every run,
 * which a read-only plan identity is not allowed to do.
 */
const RESOURCE_PROVIDERS = [
  'Microsoft.Consumption',
  'Microsoft.ContainerService',
  'Microsoft.Insights',
  'Microsoft.KeyVault',
  'Microsoft.ManagedIdentity',
  'Microsoft.Network',
  'Microsoft.OperationalInsights',
  'Microsoft.Storage',
];

type Tags = Readonly<Record<string, string>>;

/** A resource with a `tags` argument: the generated azurerm classes have `tags` and `tagsInput`. */
interface Taggable {
  tags: Record<string, string>;
  readonly tagsInput?: Record<string, string>;
}

function isTaggable(node: IConstruct): node is TerraformResource & Taggable {
  return node instanceof TerraformResource && 'tags' in node && 'tagsInput' in node;
}

/**
 * Puts `tags` on every taggable resource of the stack, keeping tags a resource sets itself. azurerm
 * has no provider-wide `default_tags` (AWS) or `default_labels` (GCP): every Azure stack calls this
 * as the last statement of its constructor, so that no resource of it can miss them. Eager rather
 * than an aspect, so that anything reading the construct tree (tests, compliance views) sees them.
 */
export function tagEveryResource(stack: TerraformStack, tags: Tags): void {
  for (const node of stack.node.findAll()) {
    if (isTaggable(node)) node.tags = { ...tags, ...(node.tagsInput ?? {}) };
  }
}

/**
 * Configures the azurerm provider of an Azure stack for one subscription.
 *
 * - `storage_use_azuread` and `data_plane_available = false`: the state storage account has shared
 *   keys disabled, so the provider must never fall back to keys, and it manages containers and
 *   policies through Azure Resource Manager only (no blob data-plane calls, which the storage
 *   firewall and the read-only plan identity would refuse).
 * - Key Vault soft delete is never purged on destroy (purge protection forbids it anyway), and a
 *   soft-deleted vault or key with the same name is recovered instead of failing the apply.
 */
export function addAzureProvider(stack: TerraformStack, subscription: AzureSubscription): AzurermProvider {
  return new AzurermProvider(stack, 'azurerm', {
    subscriptionId: subscription.subscriptionId,
    tenantId: subscription.tenantId,
    storageUseAzuread: true,
    resourceProviderRegistrations: 'none',
    resourceProvidersToRegister: RESOURCE_PROVIDERS,
    features: [
      {
        keyVault: [
          {
            purgeSoftDeleteOnDestroy: false,
            purgeSoftDeletedKeysOnDestroy: false,
            recoverSoftDeletedKeyVaults: true,
            recoverSoftDeletedKeys: true,
          },
        ],
        resourceGroup: [{ preventDeletionIfContainsResources: true }],
        storage: [{ dataPlaneAvailable: false }],
      },
    ],
  });
}
