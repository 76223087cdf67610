import { AzurermProvider } from '@cdktf/provider-azurerm/lib/provider';
import { TerraformStack, Testing } from 'cdktf';
import { addAzurermStateBackend, azureRemoteState } from '../../../constructs/terraform/azure/azurerm-state-backend';
import { stateStorageAccountName } from '../../../constructs/terraform/azure/names';
import type { AzureSubscription } from '../../../environments/types';
import { at, synthJson } from '../terraform-json';

const subscription: AzureSubscription = {
  subscriptionId: '9a1c5e7b-3d2f-4b6a-8e0c-1f4d7a2b9c63',
  tenantId: '3f8c2a6e-1b4d-4e7a-9c0f-5d2e8b1a7c94',
  location: 'westeurope',
};

function stackWithBackend(): TerraformStack {
  const stack = new TerraformStack(Testing.app(), 'probe');
  new AzurermProvider(stack, 'azurerm', { features: [{}] });
  addAzurermStateBackend(stack, { organisationPrefix: 'example', environment: 'dev', subscription, stackName: 'azure-network-dev-aks-weu' });
  azureRemoteState(stack, 'foundation', { organisationPrefix: 'example', environment: 'dev', subscription, stackName: 'azure-foundation' });
  return stack;
}

const expected = {
  resource_group_name: 'rg-dev-tfstate',
  storage_account_name: stateStorageAccountName('example', 'dev', subscription),
  container_name: 'tfstate',
  subscription_id: subscription.subscriptionId,
  tenant_id: subscription.tenantId,
  use_azuread_auth: true,
};

describe('the azurerm state backend', () => {
  const json = synthJson(stackWithBackend());

  it("keeps the stack's state in its own blob of the environment's container, with Entra ID authentication", () => {
    expect(at(json, 'terraform', 'backend')).toEqual({
      azurerm: { ...expected, key: 'azure-network-dev-aks-weu/terraform.tfstate' },
    });
  });

  it('reads another stack through exactly the same account, container and authentication', () => {
    expect(at(json, 'data', 'terraform_remote_state', 'foundation')).toEqual({
      backend: 'azurerm',
      config: { ...expected, key: 'azure-foundation/terraform.tfstate' },
    });
  });

  it('never names an access key, SAS token or client secret: the account has shared keys disabled', () => {
    expect(JSON.stringify(json)).not.toMatch(/access_key|sas_token|client_secret|client_certificate/);
  });
});
