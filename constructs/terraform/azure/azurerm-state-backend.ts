import { AzurermBackend, type AzurermBackendConfig, DataTerraformRemoteStateAzurerm, type TerraformStack } from 'cdktf';
import type { Construct } from 'constructs';
import type { AzureSubscription } from '../cloud-accounts';
import { foundationResourceGroupName, STATE_CONTAINER_NAME, stateBlobKey, stateStorageAccountName } from './names';

export interface AzurermStateBackendOptions {
  /** The organisation's prefix of globally unique names (`infrastructure.organisationPrefix`): starts the storage account name. */
  readonly organisationPrefix: string;
  /** Environment name; selects the storage account and its resource group. */
  readonly environment: string;
  /** Subscription and tenant holding the environment's state storage account. */
  readonly subscription: AzureSubscription;
  /**
   * Stable name of the stack (e.g. `azure-foundation`); the state blob's key. Not the construct id:
   * the CLI app prefixes ids with the environment, the state key must not change.
   */
  readonly stackName: string;
}

/**
 * Where one stack's state lives: the blob `<stack>/terraform.tfstate` in the `tfstate` container of
 * the environment's state storage account. `use_azuread_auth`: Terraform reads and writes the
 * blob with its Entra ID token (the CI identities hold Storage Blob Data roles on the container),
 * never with a storage account key: shared keys are disabled on the account. Locking is a blob
 * lease Terraform takes on the state blob for the length of a plan or apply, so no lock table.
 */
function backendConfig(options: AzurermStateBackendOptions): AzurermBackendConfig {
  return {
    resourceGroupName: foundationResourceGroupName(options.environment),
    storageAccountName: stateStorageAccountName(options.organisationPrefix, options.environment, options.subscription),
    containerName: STATE_CONTAINER_NAME,
    key: stateBlobKey(options.stackName),
    subscriptionId: options.subscription.subscriptionId,
    tenantId: options.subscription.tenantId,
    useAzureadAuth: true,
  };
}

/**
 * Declares the azurerm backend of `stack` in the environment's state storage account.
 *
 * Every Azure stack must call this: a stack without a backend silently gets a `local` one whose
 * path is this machine's absolute path (state on a laptop, output that differs per machine).
 */
export function addAzurermStateBackend(stack: TerraformStack, options: AzurermStateBackendOptions): AzurermBackend {
  return new AzurermBackend(stack, backendConfig(options));
}

/**
 * Another Azure stack's state, read through the same account, container, key and authentication
 * the backend uses: the typed way to consume its outputs (see `readOutputs` in ../stack-outputs.ts).
 */
export function azureRemoteState(scope: Construct, id: string, options: AzurermStateBackendOptions): DataTerraformRemoteStateAzurerm {
  return new DataTerraformRemoteStateAzurerm(scope, id, backendConfig(options));
}
