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
    key                  = "azure-foundation/terraform.tfstate"
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
  name     = "rg-dev-tfstate"
  tags = {
    env         = "dev"
    owner       = "platform-team"
    cost-centre = "cc-4711"
    managed-by  = "gitops-cdk"
  }
}
resource "azurerm_log_analytics_workspace" "logs" {
  local_authentication_enabled = false
  location                     = "westeurope"
  name                         = "log-dev-platform"
  resource_group_name          = azurerm_resource_group.resource-group.name
  retention_in_days            = 90
  sku                          = "PerGB2018"
  tags = {
    env         = "dev"
    owner       = "platform-team"
    cost-centre = "cc-4711"
    managed-by  = "gitops-cdk"
  }
}
resource "azurerm_key_vault" "state-encryption-vault" {
  location                      = "westeurope"
  name                          = "tfstate-dev-137e8c"
  public_network_access_enabled = true
  purge_protection_enabled      = true
  rbac_authorization_enabled    = true
  resource_group_name           = azurerm_resource_group.resource-group.name
  sku_name                      = "standard"
  soft_delete_retention_days    = 90
  tags = {
    env         = "dev"
    owner       = "platform-team"
    cost-centre = "cc-4711"
    managed-by  = "gitops-cdk"
  }
  tenant_id = "3f8c2a6e-1b4d-4e7a-9c0f-5d2e8b1a7c94"
  network_acls {
    bypass         = "AzureServices"
    default_action = "Deny"
    ip_rules = [
      "192.0.2.224/28",
      "198.51.100.0/24",
      "203.0.113.0/24"
    ]
  }
  lifecycle {
    prevent_destroy = true
  }
}
resource "azurerm_key_vault_key" "state-encryption-key" {
  key_opts = [
    "wrapKey",
    "unwrapKey"
  ]
  key_size     = 3072
  key_type     = "RSA"
  key_vault_id = azurerm_key_vault.state-encryption-vault.id
  name         = "tfstate"
  tags = {
    env         = "dev"
    owner       = "platform-team"
    cost-centre = "cc-4711"
    managed-by  = "gitops-cdk"
  }
  rotation_policy {
    expire_after         = "P365D"
    notify_before_expiry = "P30D"
    automatic {
      time_after_creation = "P90D"
    }
  }
  lifecycle {
    prevent_destroy = true
    ignore_changes = [
      expiration_date,
    ]
  }
}
resource "azurerm_user_assigned_identity" "storage-identity" {
  location            = "westeurope"
  name                = "id-dev-tfstate-storage"
  resource_group_name = azurerm_resource_group.resource-group.name
  tags = {
    env         = "dev"
    owner       = "platform-team"
    cost-centre = "cc-4711"
    managed-by  = "gitops-cdk"
  }
}
resource "azurerm_role_assignment" "storage-key-access" {
  principal_id         = azurerm_user_assigned_identity.storage-identity.principal_id
  principal_type       = "ServicePrincipal"
  role_definition_name = "Key Vault Crypto Service Encryption User"
  scope                = azurerm_key_vault_key.state-encryption-key.resource_versionless_id
}
resource "azurerm_storage_account" "state" {
  account_kind                      = "StorageV2"
  account_replication_type          = "ZRS"
  account_tier                      = "Standard"
  allow_nested_items_to_be_public   = false
  cross_tenant_replication_enabled  = false
  default_to_oauth_authentication   = true
  https_traffic_only_enabled        = true
  infrastructure_encryption_enabled = true
  local_user_enabled                = false
  location                          = "westeurope"
  min_tls_version                   = "TLS1_2"
  name                              = "acmetfstatedevc99839"
  queue_encryption_key_type         = "Account"
  resource_group_name               = azurerm_resource_group.resource-group.name
  shared_access_key_enabled         = false
  table_encryption_key_type         = "Account"
  tags = {
    env         = "dev"
    owner       = "platform-team"
    cost-centre = "cc-4711"
    managed-by  = "gitops-cdk"
  }
  blob_properties {
    change_feed_enabled           = true
    change_feed_retention_in_days = 90
    versioning_enabled            = true
    container_delete_retention_policy {
      days = 90
    }
    delete_retention_policy {
      days = 90
    }
  }
  customer_managed_key {
    key_vault_key_id          = azurerm_key_vault_key.state-encryption-key.versionless_id
    user_assigned_identity_id = azurerm_user_assigned_identity.storage-identity.id
  }
  identity {
    identity_ids = [
      azurerm_user_assigned_identity.storage-identity.id
    ]
    type = "UserAssigned"
  }
  network_rules {
    bypass = [
      "AzureServices"
    ]
    default_action = "Deny"
    ip_rules = [
      "192.0.2.224/28",
      "198.51.100.0/24",
      "203.0.113.0/24"
    ]
  }
  depends_on = [
    azurerm_role_assignment.storage-key-access,
  ]
  lifecycle {
    prevent_destroy = true
  }
}
resource "azurerm_storage_container" "state-container" {
  container_access_type = "private"
  name                  = "tfstate"
  storage_account_id    = azurerm_storage_account.state.id
}
resource "azurerm_storage_management_policy" "state-retention" {
  storage_account_id = azurerm_storage_account.state.id
  rule {
    enabled = true
    name    = "delete-old-state-versions"
    actions {
      version {
        delete_after_days_since_creation = 90
      }
    }
    filters {
      blob_types = [
        "blockBlob"
      ]
      prefix_match = [
        "tfstate/"
      ]
    }
  }
}
resource "azurerm_monitor_diagnostic_setting" "state-access-logs" {
  log_analytics_workspace_id = azurerm_log_analytics_workspace.logs.id
  name                       = "state-access-logs"
  target_resource_id         = "${azurerm_storage_account.state.id}/blobServices/default"
  enabled_log {
    category = "StorageRead"
  }
  enabled_log {
    category = "StorageWrite"
  }
  enabled_log {
    category = "StorageDelete"
  }
}
data "azurerm_role_definition" "ci-role-key-vault-crypto-service-encryption-user" {
  name  = "Key Vault Crypto Service Encryption User"
  scope = "/subscriptions/9a1c5e7b-3d2f-4b6a-8e0c-1f4d7a2b9c63"
}
data "azurerm_role_definition" "ci-role-key-vault-crypto-user" {
  name  = "Key Vault Crypto User"
  scope = "/subscriptions/9a1c5e7b-3d2f-4b6a-8e0c-1f4d7a2b9c63"
}
data "azurerm_role_definition" "ci-role-network-contributor" {
  name  = "Network Contributor"
  scope = "/subscriptions/9a1c5e7b-3d2f-4b6a-8e0c-1f4d7a2b9c63"
}
data "azurerm_role_definition" "ci-role-azure-kubernetes-service-rbac-cluster-admin" {
  name  = "Azure Kubernetes Service RBAC Cluster Admin"
  scope = "/subscriptions/9a1c5e7b-3d2f-4b6a-8e0c-1f4d7a2b9c63"
}
data "azurerm_role_definition" "ci-role-reader" {
  name  = "Reader"
  scope = "/subscriptions/9a1c5e7b-3d2f-4b6a-8e0c-1f4d7a2b9c63"
}
data "azurerm_role_definition" "ci-role-key-vault-reader" {
  name  = "Key Vault Reader"
  scope = "/subscriptions/9a1c5e7b-3d2f-4b6a-8e0c-1f4d7a2b9c63"
}
data "azurerm_role_definition" "ci-role-azure-kubernetes-service-cluster-user-role" {
  name  = "Azure Kubernetes Service Cluster User Role"
  scope = "/subscriptions/9a1c5e7b-3d2f-4b6a-8e0c-1f4d7a2b9c63"
}
data "azurerm_role_definition" "ci-role-storage-blob-data-reader" {
  name  = "Storage Blob Data Reader"
  scope = "/subscriptions/9a1c5e7b-3d2f-4b6a-8e0c-1f4d7a2b9c63"
}
data "azurerm_role_definition" "ci-role-storage-blob-data-contributor" {
  name  = "Storage Blob Data Contributor"
  scope = "/subscriptions/9a1c5e7b-3d2f-4b6a-8e0c-1f4d7a2b9c63"
}
data "azurerm_role_definition" "ci-role-storage-blob-delegator" {
  name  = "Storage Blob Delegator"
  scope = "/subscriptions/9a1c5e7b-3d2f-4b6a-8e0c-1f4d7a2b9c63"
}
resource "azurerm_user_assigned_identity" "ci-plan" {
  location            = "westeurope"
  name                = "id-dev-terraform-plan"
  resource_group_name = azurerm_resource_group.resource-group.name
  tags = {
    env         = "dev"
    owner       = "platform-team"
    cost-centre = "cc-4711"
    managed-by  = "gitops-cdk"
  }
}
resource "azurerm_federated_identity_credential" "ci-plan-github-pull-request" {
  audience = [
    "api://AzureADTokenExchange"
  ]
  issuer              = "https://token.actions.githubusercontent.com"
  name                = "github-pull-request"
  parent_id           = azurerm_user_assigned_identity.ci-plan.id
  resource_group_name = azurerm_resource_group.resource-group.name
  subject             = "repo:acme/platform-gitops:pull_request"
}
resource "azurerm_federated_identity_credential" "ci-plan-github-branch-main" {
  audience = [
    "api://AzureADTokenExchange"
  ]
  issuer              = "https://token.actions.githubusercontent.com"
  name                = "github-branch-main"
  parent_id           = azurerm_user_assigned_identity.ci-plan.id
  resource_group_name = azurerm_resource_group.resource-group.name
  subject             = "repo:acme/platform-gitops:ref:refs/heads/main"
  depends_on = [
    azurerm_federated_identity_credential.ci-plan-github-pull-request,
  ]
}
resource "azurerm_role_assignment" "ci-plan-reader" {
  principal_id         = azurerm_user_assigned_identity.ci-plan.principal_id
  principal_type       = "ServicePrincipal"
  role_definition_name = "Reader"
  scope                = "/subscriptions/9a1c5e7b-3d2f-4b6a-8e0c-1f4d7a2b9c63"
}
resource "azurerm_role_assignment" "ci-plan-key-vault-reader" {
  principal_id         = azurerm_user_assigned_identity.ci-plan.principal_id
  principal_type       = "ServicePrincipal"
  role_definition_name = "Key Vault Reader"
  scope                = "/subscriptions/9a1c5e7b-3d2f-4b6a-8e0c-1f4d7a2b9c63"
}
resource "azurerm_role_assignment" "ci-plan-aks-cluster-user" {
  principal_id         = azurerm_user_assigned_identity.ci-plan.principal_id
  principal_type       = "ServicePrincipal"
  role_definition_name = "Azure Kubernetes Service Cluster User Role"
  scope                = "/subscriptions/9a1c5e7b-3d2f-4b6a-8e0c-1f4d7a2b9c63"
}
resource "azurerm_role_assignment" "ci-plan-state" {
  principal_id         = azurerm_user_assigned_identity.ci-plan.principal_id
  principal_type       = "ServicePrincipal"
  role_definition_name = "Storage Blob Data Reader"
  scope                = azurerm_storage_container.state-container.id
}
resource "azurerm_user_assigned_identity" "ci-apply" {
  location            = "westeurope"
  name                = "id-dev-terraform-apply"
  resource_group_name = azurerm_resource_group.resource-group.name
  tags = {
    env         = "dev"
    owner       = "platform-team"
    cost-centre = "cc-4711"
    managed-by  = "gitops-cdk"
  }
}
resource "azurerm_federated_identity_credential" "ci-apply-github-branch-main" {
  audience = [
    "api://AzureADTokenExchange"
  ]
  issuer              = "https://token.actions.githubusercontent.com"
  name                = "github-branch-main"
  parent_id           = azurerm_user_assigned_identity.ci-apply.id
  resource_group_name = azurerm_resource_group.resource-group.name
  subject             = "repo:acme/platform-gitops:ref:refs/heads/main"
}
resource "azurerm_role_assignment" "ci-apply-contributor" {
  principal_id         = azurerm_user_assigned_identity.ci-apply.principal_id
  principal_type       = "ServicePrincipal"
  role_definition_name = "Contributor"
  scope                = "/subscriptions/9a1c5e7b-3d2f-4b6a-8e0c-1f4d7a2b9c63"
}
resource "azurerm_role_assignment" "ci-apply-key-vault-crypto-officer" {
  principal_id         = azurerm_user_assigned_identity.ci-apply.principal_id
  principal_type       = "ServicePrincipal"
  role_definition_name = "Key Vault Crypto Officer"
  scope                = "/subscriptions/9a1c5e7b-3d2f-4b6a-8e0c-1f4d7a2b9c63"
}
resource "azurerm_role_assignment" "ci-apply-role-assignments" {
  condition            = "((!(ActionMatches{'Microsoft.Authorization/roleAssignments/write'})) OR (@Request[Microsoft.Authorization/roleAssignments:RoleDefinitionId] ForAnyOfAnyValues:GuidEquals {${join(", ", [basename(data.azurerm_role_definition.ci-role-key-vault-crypto-service-encryption-user.id), basename(data.azurerm_role_definition.ci-role-key-vault-crypto-user.id), basename(data.azurerm_role_definition.ci-role-network-contributor.id), basename(data.azurerm_role_definition.ci-role-azure-kubernetes-service-rbac-cluster-admin.id), basename(data.azurerm_role_definition.ci-role-reader.id), basename(data.azurerm_role_definition.ci-role-key-vault-reader.id), basename(data.azurerm_role_definition.ci-role-azure-kubernetes-service-cluster-user-role.id), basename(data.azurerm_role_definition.ci-role-storage-blob-data-reader.id), basename(data.azurerm_role_definition.ci-role-storage-blob-data-contributor.id), basename(data.azurerm_role_definition.ci-role-storage-blob-delegator.id)])}})) AND ((!(ActionMatches{'Microsoft.Authorization/roleAssignments/delete'})) OR (@Resource[Microsoft.Authorization/roleAssignments:RoleDefinitionId] ForAnyOfAnyValues:GuidEquals {${join(", ", [basename(data.azurerm_role_definition.ci-role-key-vault-crypto-service-encryption-user.id), basename(data.azurerm_role_definition.ci-role-key-vault-crypto-user.id), basename(data.azurerm_role_definition.ci-role-network-contributor.id), basename(data.azurerm_role_definition.ci-role-azure-kubernetes-service-rbac-cluster-admin.id), basename(data.azurerm_role_definition.ci-role-reader.id), basename(data.azurerm_role_definition.ci-role-key-vault-reader.id), basename(data.azurerm_role_definition.ci-role-azure-kubernetes-service-cluster-user-role.id), basename(data.azurerm_role_definition.ci-role-storage-blob-data-reader.id), basename(data.azurerm_role_definition.ci-role-storage-blob-data-contributor.id), basename(data.azurerm_role_definition.ci-role-storage-blob-delegator.id)])}}))"
  condition_version    = "2.0"
  principal_id         = azurerm_user_assigned_identity.ci-apply.principal_id
  principal_type       = "ServicePrincipal"
  role_definition_name = "Role Based Access Control Administrator"
  scope                = "/subscriptions/9a1c5e7b-3d2f-4b6a-8e0c-1f4d7a2b9c63"
}
resource "azurerm_role_assignment" "ci-apply-state" {
  principal_id         = azurerm_user_assigned_identity.ci-apply.principal_id
  principal_type       = "ServicePrincipal"
  role_definition_name = "Storage Blob Data Contributor"
  scope                = azurerm_storage_container.state-container.id
}
resource "azurerm_key_vault" "reports-encryption-vault" {
  location                      = "westeurope"
  name                          = "reports-dev-1e6cac"
  public_network_access_enabled = true
  purge_protection_enabled      = true
  rbac_authorization_enabled    = true
  resource_group_name           = azurerm_resource_group.resource-group.name
  sku_name                      = "standard"
  soft_delete_retention_days    = 90
  tags = {
    env         = "dev"
    owner       = "platform-team"
    cost-centre = "cc-4711"
    managed-by  = "gitops-cdk"
  }
  tenant_id = "3f8c2a6e-1b4d-4e7a-9c0f-5d2e8b1a7c94"
  network_acls {
    bypass         = "AzureServices"
    default_action = "Deny"
    ip_rules = [
      "192.0.2.224/28",
      "198.51.100.0/24",
      "203.0.113.0/24"
    ]
  }
  lifecycle {
    prevent_destroy = true
  }
}
resource "azurerm_key_vault_key" "reports-encryption-key" {
  key_opts = [
    "wrapKey",
    "unwrapKey"
  ]
  key_size     = 3072
  key_type     = "RSA"
  key_vault_id = azurerm_key_vault.reports-encryption-vault.id
  name         = "compliance-reports"
  tags = {
    env         = "dev"
    owner       = "platform-team"
    cost-centre = "cc-4711"
    managed-by  = "gitops-cdk"
  }
  rotation_policy {
    expire_after         = "P365D"
    notify_before_expiry = "P30D"
    automatic {
      time_after_creation = "P90D"
    }
  }
  lifecycle {
    prevent_destroy = true
    ignore_changes = [
      expiration_date,
    ]
  }
}
resource "azurerm_user_assigned_identity" "reports-storage-identity" {
  location            = "westeurope"
  name                = "id-dev-reports-storage"
  resource_group_name = azurerm_resource_group.resource-group.name
  tags = {
    env         = "dev"
    owner       = "platform-team"
    cost-centre = "cc-4711"
    managed-by  = "gitops-cdk"
  }
}
resource "azurerm_role_assignment" "reports-storage-key-access" {
  principal_id         = azurerm_user_assigned_identity.reports-storage-identity.principal_id
  principal_type       = "ServicePrincipal"
  role_definition_name = "Key Vault Crypto Service Encryption User"
  scope                = azurerm_key_vault_key.reports-encryption-key.resource_versionless_id
}
resource "azurerm_storage_account" "reports-account" {
  account_kind                      = "StorageV2"
  account_replication_type          = "ZRS"
  account_tier                      = "Standard"
  allow_nested_items_to_be_public   = false
  cross_tenant_replication_enabled  = false
  default_to_oauth_authentication   = true
  https_traffic_only_enabled        = true
  infrastructure_encryption_enabled = true
  local_user_enabled                = false
  location                          = "westeurope"
  min_tls_version                   = "TLS1_2"
  name                              = "devreports9a1c5e7b"
  queue_encryption_key_type         = "Account"
  resource_group_name               = azurerm_resource_group.resource-group.name
  shared_access_key_enabled         = false
  table_encryption_key_type         = "Account"
  tags = {
    env         = "dev"
    owner       = "platform-team"
    cost-centre = "cc-4711"
    managed-by  = "gitops-cdk"
  }
  blob_properties {
    change_feed_enabled           = true
    change_feed_retention_in_days = 90
    versioning_enabled            = true
    container_delete_retention_policy {
      days = 90
    }
    delete_retention_policy {
      days = 90
    }
  }
  customer_managed_key {
    key_vault_key_id          = azurerm_key_vault_key.reports-encryption-key.versionless_id
    user_assigned_identity_id = azurerm_user_assigned_identity.reports-storage-identity.id
  }
  identity {
    identity_ids = [
      azurerm_user_assigned_identity.reports-storage-identity.id
    ]
    type = "UserAssigned"
  }
  network_rules {
    bypass = [
      "AzureServices"
    ]
    default_action = "Allow"
  }
  depends_on = [
    azurerm_role_assignment.reports-storage-key-access,
  ]
  lifecycle {
    prevent_destroy = true
  }
}
resource "azurerm_storage_container" "reports-container" {
  container_access_type = "private"
  name                  = "compliance-reports"
  storage_account_id    = azurerm_storage_account.reports-account.id
}
resource "azurerm_storage_management_policy" "reports-retention" {
  storage_account_id = azurerm_storage_account.reports-account.id
  rule {
    enabled = true
    name    = "expire-compliance-reports"
    actions {
      base_blob {
        delete_after_days_since_modification_greater_than = 400
      }
      version {
        delete_after_days_since_creation = 90
      }
    }
    filters {
      blob_types = [
        "blockBlob"
      ]
      prefix_match = [
        "compliance-reports/"
      ]
    }
  }
}
resource "azurerm_monitor_diagnostic_setting" "reports-access-logs" {
  log_analytics_workspace_id = azurerm_log_analytics_workspace.logs.id
  name                       = "access-logs"
  target_resource_id         = "${azurerm_storage_account.reports-account.id}/blobServices/default"
  enabled_log {
    category = "StorageRead"
  }
  enabled_log {
    category = "StorageWrite"
  }
  enabled_log {
    category = "StorageDelete"
  }
}
resource "azurerm_key_vault" "backups-encryption-vault" {
  location                      = "westeurope"
  name                          = "backups-dev-ba5ab5"
  public_network_access_enabled = true
  purge_protection_enabled      = true
  rbac_authorization_enabled    = true
  resource_group_name           = azurerm_resource_group.resource-group.name
  sku_name                      = "standard"
  soft_delete_retention_days    = 90
  tags = {
    env         = "dev"
    owner       = "platform-team"
    cost-centre = "cc-4711"
    managed-by  = "gitops-cdk"
  }
  tenant_id = "3f8c2a6e-1b4d-4e7a-9c0f-5d2e8b1a7c94"
  network_acls {
    bypass         = "AzureServices"
    default_action = "Deny"
    ip_rules = [
      "192.0.2.224/28",
      "198.51.100.0/24",
      "203.0.113.0/24"
    ]
  }
  lifecycle {
    prevent_destroy = true
  }
}
resource "azurerm_key_vault_key" "backups-encryption-key" {
  key_opts = [
    "wrapKey",
    "unwrapKey"
  ]
  key_size     = 3072
  key_type     = "RSA"
  key_vault_id = azurerm_key_vault.backups-encryption-vault.id
  name         = "velero-backups"
  tags = {
    env         = "dev"
    owner       = "platform-team"
    cost-centre = "cc-4711"
    managed-by  = "gitops-cdk"
  }
  rotation_policy {
    expire_after         = "P365D"
    notify_before_expiry = "P30D"
    automatic {
      time_after_creation = "P90D"
    }
  }
  lifecycle {
    prevent_destroy = true
    ignore_changes = [
      expiration_date,
    ]
  }
}
resource "azurerm_user_assigned_identity" "backups-storage-identity" {
  location            = "westeurope"
  name                = "id-dev-backups-storage"
  resource_group_name = azurerm_resource_group.resource-group.name
  tags = {
    env         = "dev"
    owner       = "platform-team"
    cost-centre = "cc-4711"
    managed-by  = "gitops-cdk"
  }
}
resource "azurerm_role_assignment" "backups-storage-key-access" {
  principal_id         = azurerm_user_assigned_identity.backups-storage-identity.principal_id
  principal_type       = "ServicePrincipal"
  role_definition_name = "Key Vault Crypto Service Encryption User"
  scope                = azurerm_key_vault_key.backups-encryption-key.resource_versionless_id
}
resource "azurerm_storage_account" "backups-account" {
  account_kind                      = "StorageV2"
  account_replication_type          = "ZRS"
  account_tier                      = "Standard"
  allow_nested_items_to_be_public   = false
  cross_tenant_replication_enabled  = false
  default_to_oauth_authentication   = true
  https_traffic_only_enabled        = true
  infrastructure_encryption_enabled = true
  local_user_enabled                = false
  location                          = "westeurope"
  min_tls_version                   = "TLS1_2"
  name                              = "devbackup9a1c5e7b"
  queue_encryption_key_type         = "Account"
  resource_group_name               = azurerm_resource_group.resource-group.name
  shared_access_key_enabled         = false
  table_encryption_key_type         = "Account"
  tags = {
    env         = "dev"
    owner       = "platform-team"
    cost-centre = "cc-4711"
    managed-by  = "gitops-cdk"
  }
  blob_properties {
    change_feed_enabled           = true
    change_feed_retention_in_days = 7
    versioning_enabled            = true
    container_delete_retention_policy {
      days = 7
    }
    delete_retention_policy {
      days = 7
    }
  }
  customer_managed_key {
    key_vault_key_id          = azurerm_key_vault_key.backups-encryption-key.versionless_id
    user_assigned_identity_id = azurerm_user_assigned_identity.backups-storage-identity.id
  }
  identity {
    identity_ids = [
      azurerm_user_assigned_identity.backups-storage-identity.id
    ]
    type = "UserAssigned"
  }
  network_rules {
    bypass = [
      "AzureServices"
    ]
    default_action = "Allow"
  }
  depends_on = [
    azurerm_role_assignment.backups-storage-key-access,
  ]
  lifecycle {
    prevent_destroy = true
  }
}
resource "azurerm_storage_container" "backups-container" {
  container_access_type = "private"
  name                  = "velero"
  storage_account_id    = azurerm_storage_account.backups-account.id
}
resource "azurerm_storage_management_policy" "backups-retention" {
  storage_account_id = azurerm_storage_account.backups-account.id
  rule {
    enabled = true
    name    = "expire-deleted-backups"
    actions {
      version {
        delete_after_days_since_creation = 7
      }
    }
    filters {
      blob_types = [
        "blockBlob"
      ]
      prefix_match = [
        "velero/"
      ]
    }
  }
}
resource "azurerm_monitor_diagnostic_setting" "backups-access-logs" {
  log_analytics_workspace_id = azurerm_log_analytics_workspace.logs.id
  name                       = "access-logs"
  target_resource_id         = "${azurerm_storage_account.backups-account.id}/blobServices/default"
  enabled_log {
    category = "StorageRead"
  }
  enabled_log {
    category = "StorageWrite"
  }
  enabled_log {
    category = "StorageDelete"
  }
}
resource "azurerm_consumption_budget_subscription" "budget-monthly" {
  amount          = 2000
  name            = "budget-dev-monthly"
  subscription_id = "/subscriptions/9a1c5e7b-3d2f-4b6a-8e0c-1f4d7a2b9c63"
  time_grain      = "Monthly"
  notification {
    contact_emails = [
      "finops@acme.example",
      "platform-team@acme.example"
    ]
    enabled        = true
    operator       = "GreaterThan"
    threshold      = 50
    threshold_type = "Actual"
  }
  notification {
    contact_emails = [
      "finops@acme.example",
      "platform-team@acme.example"
    ]
    enabled        = true
    operator       = "GreaterThan"
    threshold      = 80
    threshold_type = "Actual"
  }
  notification {
    contact_emails = [
      "finops@acme.example",
      "platform-team@acme.example"
    ]
    enabled        = true
    operator       = "GreaterThan"
    threshold      = 100
    threshold_type = "Actual"
  }
  time_period {
    start_date = formatdate("YYYY-MM-01'T'00:00:00Z", timestamp())
  }
  lifecycle {
    ignore_changes = [
      time_period,
    ]
  }
}
resource "azurerm_consumption_budget_subscription" "budget-dev-tenant-payments-monthly" {
  amount          = 300
  name            = "budget-dev-tenant-payments"
  subscription_id = "/subscriptions/9a1c5e7b-3d2f-4b6a-8e0c-1f4d7a2b9c63"
  time_grain      = "Monthly"
  filter {
    tag {
      name = "tenant"
      values = [
        "payments"
      ]
    }
  }
  notification {
    contact_emails = [
      "payments-leads@acme.example"
    ]
    enabled        = true
    operator       = "GreaterThan"
    threshold      = 80
    threshold_type = "Actual"
  }
  notification {
    contact_emails = [
      "payments-leads@acme.example"
    ]
    enabled        = true
    operator       = "GreaterThan"
    threshold      = 100
    threshold_type = "Actual"
  }
  time_period {
    start_date = formatdate("YYYY-MM-01'T'00:00:00Z", timestamp())
  }
  lifecycle {
    ignore_changes = [
      time_period,
    ]
  }
}
resource "azurerm_consumption_budget_subscription" "budget-dev-tenant-search-monthly" {
  amount          = 200
  name            = "budget-dev-tenant-search"
  subscription_id = "/subscriptions/9a1c5e7b-3d2f-4b6a-8e0c-1f4d7a2b9c63"
  time_grain      = "Monthly"
  filter {
    tag {
      name = "tenant"
      values = [
        "search"
      ]
    }
  }
  notification {
    contact_emails = [
      "search-leads@acme.example"
    ]
    enabled        = true
    operator       = "GreaterThan"
    threshold      = 50
    threshold_type = "Actual"
  }
  notification {
    contact_emails = [
      "search-leads@acme.example"
    ]
    enabled        = true
    operator       = "GreaterThan"
    threshold      = 80
    threshold_type = "Actual"
  }
  notification {
    contact_emails = [
      "search-leads@acme.example"
    ]
    enabled        = true
    operator       = "GreaterThan"
    threshold      = 100
    threshold_type = "Actual"
  }
  time_period {
    start_date = formatdate("YYYY-MM-01'T'00:00:00Z", timestamp())
  }
  lifecycle {
    ignore_changes = [
      time_period,
    ]
  }
}

output "resource_group_name" {
  value       = azurerm_resource_group.resource-group.name
  description = "Resource group of the state store, CI identities and log workspace"
}

output "state_storage_account_id" {
  value       = azurerm_storage_account.state.id
  description = "Storage account holding every Terraform state of the environment"
}

output "state_container_id" {
  value       = azurerm_storage_container.state-container.id
  description = "Blob container of the states; the drift-check identities read it"
}

output "state_key_vault_id" {
  value       = azurerm_key_vault.state-encryption-vault.id
  description = "Key Vault of the key encrypting the state storage account"
}

output "log_analytics_workspace_id" {
  value       = azurerm_log_analytics_workspace.logs.id
  description = "Log Analytics workspace receiving access, audit and control-plane logs"
}

output "plan_client_id" {
  value       = azurerm_user_assigned_identity.ci-plan.client_id
  description = "Client id of the plan identity (ARM_CLIENT_ID of plan jobs)"
}

output "apply_client_id" {
  value       = azurerm_user_assigned_identity.ci-apply.client_id
  description = "Client id of the apply identity (ARM_CLIENT_ID of apply jobs)"
}

output "report_storage_account_id" {
  value       = azurerm_storage_account.reports-account.id
  description = "Storage account policy-reporter uploads the compliance reports to"
}

output "report_container_id" {
  value       = azurerm_storage_container.reports-container.id
  description = "Blob container of the compliance reports; the uploaders write into it"
}

output "report_key_vault_id" {
  value       = azurerm_key_vault.reports-encryption-vault.id
  description = "Key Vault of the key encrypting the report storage account"
}

output "backup_storage_account_id" {
  value       = azurerm_storage_account.backups-account.id
  description = "Storage account Velero writes the backups to; its identities may request user delegation keys on it"
}

output "backup_container_id" {
  value       = azurerm_storage_container.backups-container.id
  description = "Blob container of the Velero backups; the Velero identities read and write it"
}
