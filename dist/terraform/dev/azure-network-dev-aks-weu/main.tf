terraform {
  required_providers {
    azurerm = {
      version = "4.55.0"
      source  = "azurerm"
    }
  }
  backend "azurerm" {
    resource_group_name  = "rg-dev-tfstate"
    storage_account_name = "acmetfstatedevc99839"
    container_name       = "tfstate"
    key                  = "azure-network-dev-aks-weu/terraform.tfstate"
    subscription_id      = "9a1c5e7b-3d2f-4b6a-8e0c-1f4d7a2b9c63"
    tenant_id            = "3f8c2a6e-1b4d-4e7a-9c0f-5d2e8b1a7c94"
    use_azuread_auth     = true
  }

}

provider "azurerm" {
  resource_provider_registrations = "none"
  resource_providers_to_register = [
    "Microsoft.Consumption",
    "Microsoft.ContainerService",
    "Microsoft.Insights",
    "Microsoft.KeyVault",
    "Microsoft.ManagedIdentity",
    "Microsoft.Network",
    "Microsoft.OperationalInsights",
    "Microsoft.Storage"
  ]
  storage_use_azuread = true
  subscription_id     = "9a1c5e7b-3d2f-4b6a-8e0c-1f4d7a2b9c63"
  tenant_id           = "3f8c2a6e-1b4d-4e7a-9c0f-5d2e8b1a7c94"
  features {
    key_vault {
      purge_soft_delete_on_destroy       = false
      purge_soft_deleted_keys_on_destroy = false
      recover_soft_deleted_key_vaults    = true
      recover_soft_deleted_keys          = true
    }
    resource_group {
      prevent_deletion_if_contains_resources = true
    }
    storage {
      data_plane_available = false
    }
  }
}
resource "azurerm_resource_group" "resource-group" {
  location = "westeurope"
  name     = "rg-dev-aks-weu-network"
  tags = {
    env         = "dev"
    owner       = "platform-team"
    cost-centre = "cc-4711"
    managed-by  = "gitops-cdk"
  }
}
resource "azurerm_virtual_network" "vnet" {
  address_space = [
    "10.10.0.0/16"
  ]
  location            = "westeurope"
  name                = "vnet-dev-aks-weu"
  resource_group_name = azurerm_resource_group.resource-group.name
  tags = {
    env         = "dev"
    owner       = "platform-team"
    cost-centre = "cc-4711"
    managed-by  = "gitops-cdk"
  }
}
resource "azurerm_subnet" "nodes" {
  address_prefixes = [
    "10.10.0.0/20"
  ]
  default_outbound_access_enabled = false
  name                            = "snet-dev-aks-weu-nodes"
  resource_group_name             = azurerm_resource_group.resource-group.name
  virtual_network_name            = azurerm_virtual_network.vnet.name
}
resource "azurerm_network_security_group" "nodes-nsg" {
  location            = "westeurope"
  name                = "nsg-dev-aks-weu-nodes"
  resource_group_name = azurerm_resource_group.resource-group.name
  tags = {
    env         = "dev"
    owner       = "platform-team"
    cost-centre = "cc-4711"
    managed-by  = "gitops-cdk"
  }
}
resource "azurerm_subnet_network_security_group_association" "nodes-nsg-association" {
  network_security_group_id = azurerm_network_security_group.nodes-nsg.id
  subnet_id                 = azurerm_subnet.nodes.id
}
resource "azurerm_subnet" "endpoints" {
  address_prefixes = [
    "10.10.16.0/20"
  ]
  default_outbound_access_enabled = false
  name                            = "snet-dev-aks-weu-endpoints"
  resource_group_name             = azurerm_resource_group.resource-group.name
  virtual_network_name            = azurerm_virtual_network.vnet.name
}
data "terraform_remote_state" "foundation" {
  backend = "azurerm"
  config = {
    resource_group_name  = "rg-dev-tfstate"
    storage_account_name = "acmetfstatedevc99839"
    container_name       = "tfstate"
    key                  = "azure-foundation/terraform.tfstate"
    subscription_id      = "9a1c5e7b-3d2f-4b6a-8e0c-1f4d7a2b9c63"
    tenant_id            = "3f8c2a6e-1b4d-4e7a-9c0f-5d2e8b1a7c94"
    use_azuread_auth     = true
  }
}
resource "azurerm_private_dns_zone" "state-endpoints-blob-zone" {
  name                = "privatelink.blob.core.windows.net"
  resource_group_name = azurerm_resource_group.resource-group.name
  tags = {
    env         = "dev"
    owner       = "platform-team"
    cost-centre = "cc-4711"
    managed-by  = "gitops-cdk"
  }
}
resource "azurerm_private_dns_zone_virtual_network_link" "state-endpoints-blob-zone-link" {
  name                  = "dev-aks-weu-blob"
  private_dns_zone_name = azurerm_private_dns_zone.state-endpoints-blob-zone.name
  registration_enabled  = false
  resource_group_name   = azurerm_resource_group.resource-group.name
  tags = {
    env         = "dev"
    owner       = "platform-team"
    cost-centre = "cc-4711"
    managed-by  = "gitops-cdk"
  }
  virtual_network_id = azurerm_virtual_network.vnet.id
}
resource "azurerm_private_dns_zone" "state-endpoints-vault-zone" {
  name                = "privatelink.vaultcore.azure.net"
  resource_group_name = azurerm_resource_group.resource-group.name
  tags = {
    env         = "dev"
    owner       = "platform-team"
    cost-centre = "cc-4711"
    managed-by  = "gitops-cdk"
  }
}
resource "azurerm_private_dns_zone_virtual_network_link" "state-endpoints-vault-zone-link" {
  name                  = "dev-aks-weu-vault"
  private_dns_zone_name = azurerm_private_dns_zone.state-endpoints-vault-zone.name
  registration_enabled  = false
  resource_group_name   = azurerm_resource_group.resource-group.name
  tags = {
    env         = "dev"
    owner       = "platform-team"
    cost-centre = "cc-4711"
    managed-by  = "gitops-cdk"
  }
  virtual_network_id = azurerm_virtual_network.vnet.id
}
resource "azurerm_private_endpoint" "state-endpoints-state-blob" {
  location            = "westeurope"
  name                = "pe-dev-aks-weu-state-blob"
  resource_group_name = azurerm_resource_group.resource-group.name
  subnet_id           = azurerm_subnet.endpoints.id
  tags = {
    env         = "dev"
    owner       = "platform-team"
    cost-centre = "cc-4711"
    managed-by  = "gitops-cdk"
  }
  private_dns_zone_group {
    name = "blob"
    private_dns_zone_ids = [
      azurerm_private_dns_zone.state-endpoints-blob-zone.id
    ]
  }
  private_service_connection {
    is_manual_connection           = false
    name                           = "dev-aks-weu-state-blob"
    private_connection_resource_id = data.terraform_remote_state.foundation.outputs.state_storage_account_id
    subresource_names = [
      "blob"
    ]
  }
}
resource "azurerm_private_endpoint" "state-endpoints-state-vault" {
  location            = "westeurope"
  name                = "pe-dev-aks-weu-state-vault"
  resource_group_name = azurerm_resource_group.resource-group.name
  subnet_id           = azurerm_subnet.endpoints.id
  tags = {
    env         = "dev"
    owner       = "platform-team"
    cost-centre = "cc-4711"
    managed-by  = "gitops-cdk"
  }
  private_dns_zone_group {
    name = "vault"
    private_dns_zone_ids = [
      azurerm_private_dns_zone.state-endpoints-vault-zone.id
    ]
  }
  private_service_connection {
    is_manual_connection           = false
    name                           = "dev-aks-weu-state-vault"
    private_connection_resource_id = data.terraform_remote_state.foundation.outputs.state_key_vault_id
    subresource_names = [
      "vault"
    ]
  }
}
resource "azurerm_private_endpoint" "state-endpoints-report-vault" {
  location            = "westeurope"
  name                = "pe-dev-aks-weu-report-vault"
  resource_group_name = azurerm_resource_group.resource-group.name
  subnet_id           = azurerm_subnet.endpoints.id
  tags = {
    env         = "dev"
    owner       = "platform-team"
    cost-centre = "cc-4711"
    managed-by  = "gitops-cdk"
  }
  private_dns_zone_group {
    name = "vault"
    private_dns_zone_ids = [
      azurerm_private_dns_zone.state-endpoints-vault-zone.id
    ]
  }
  private_service_connection {
    is_manual_connection           = false
    name                           = "dev-aks-weu-report-vault"
    private_connection_resource_id = data.terraform_remote_state.foundation.outputs.report_key_vault_id
    subresource_names = [
      "vault"
    ]
  }
}

output "vnet_id" {
  value       = azurerm_virtual_network.vnet.id
  description = "VNet of dev-aks-weu"
}

output "node_subnet_id" {
  value       = azurerm_subnet.nodes.id
  description = "Subnet of the node pools of dev-aks-weu"
}
