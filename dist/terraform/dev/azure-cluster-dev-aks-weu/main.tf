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
    key                  = "azure-cluster-dev-aks-weu/terraform.tfstate"
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
data "terraform_remote_state" "network" {
  backend = "azurerm"
  config = {
    resource_group_name  = "rg-dev-tfstate"
    storage_account_name = "acmetfstatedevc99839"
    container_name       = "tfstate"
    key                  = "azure-network-dev-aks-weu/terraform.tfstate"
    subscription_id      = "9a1c5e7b-3d2f-4b6a-8e0c-1f4d7a2b9c63"
    tenant_id            = "3f8c2a6e-1b4d-4e7a-9c0f-5d2e8b1a7c94"
    use_azuread_auth     = true
  }
}
resource "azurerm_resource_group" "resource-group" {
  location = "westeurope"
  name     = "rg-dev-aks-weu"
  tags = {
    env         = "dev"
    owner       = "platform-team"
    cost-centre = "cc-4711"
    managed-by  = "gitops-cdk"
  }
}
resource "azurerm_user_assigned_identity" "control-plane-identity" {
  location            = "westeurope"
  name                = "id-dev-aks-weu-control-plane"
  resource_group_name = azurerm_resource_group.resource-group.name
  tags = {
    env         = "dev"
    owner       = "platform-team"
    cost-centre = "cc-4711"
    managed-by  = "gitops-cdk"
  }
}
resource "azurerm_key_vault" "kms-vault" {
  location                      = "westeurope"
  name                          = "kms-dev-aks-weu-00400a"
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
    default_action = "Allow"
    ip_rules = [

    ]
  }
  lifecycle {
    prevent_destroy = true
  }
}
resource "azurerm_key_vault_key" "kms-key" {
  key_opts = [
    "encrypt",
    "decrypt"
  ]
  key_size     = 3072
  key_type     = "RSA"
  key_vault_id = azurerm_key_vault.kms-vault.id
  name         = "etcd"
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
resource "azurerm_role_assignment" "kms-key-access" {
  principal_id         = azurerm_user_assigned_identity.control-plane-identity.principal_id
  principal_type       = "ServicePrincipal"
  role_definition_name = "Key Vault Crypto User"
  scope                = azurerm_key_vault_key.kms-key.resource_versionless_id
}
resource "azurerm_role_assignment" "subnet-access" {
  principal_id         = azurerm_user_assigned_identity.control-plane-identity.principal_id
  principal_type       = "ServicePrincipal"
  role_definition_name = "Network Contributor"
  scope                = data.terraform_remote_state.network.outputs.node_subnet_id
}
resource "azurerm_public_ip" "egress-ip" {
  allocation_method   = "Static"
  location            = "westeurope"
  name                = "pip-dev-aks-weu-egress"
  resource_group_name = azurerm_resource_group.resource-group.name
  sku                 = "Standard"
  tags = {
    env         = "dev"
    owner       = "platform-team"
    cost-centre = "cc-4711"
    managed-by  = "gitops-cdk"
  }
  zones = [
    "1",
    "2",
    "3"
  ]
}
resource "azurerm_role_assignment" "egress-ip-access" {
  principal_id         = azurerm_user_assigned_identity.control-plane-identity.principal_id
  principal_type       = "ServicePrincipal"
  role_definition_name = "Network Contributor"
  scope                = azurerm_public_ip.egress-ip.id
}
resource "azurerm_kubernetes_cluster" "cluster" {
  automatic_upgrade_channel         = "patch"
  dns_prefix                        = "dev-aks-weu"
  kubernetes_version                = "1.35"
  local_account_disabled            = true
  location                          = "westeurope"
  name                              = "dev-aks-weu"
  node_os_upgrade_channel           = "NodeImage"
  node_resource_group               = "rg-dev-aks-weu-nodes"
  oidc_issuer_enabled               = true
  private_cluster_enabled           = false
  resource_group_name               = azurerm_resource_group.resource-group.name
  role_based_access_control_enabled = true
  run_command_enabled               = false
  sku_tier                          = "Free"
  tags = {
    env         = "dev"
    owner       = "platform-team"
    cost-centre = "cc-4711"
    managed-by  = "gitops-cdk"
  }
  workload_identity_enabled = true
  api_server_access_profile {
    authorized_ip_ranges = [
      "198.51.100.0/24",
      "203.0.113.0/24"
    ]
  }
  azure_active_directory_role_based_access_control {
    azure_rbac_enabled = true
    tenant_id          = "3f8c2a6e-1b4d-4e7a-9c0f-5d2e8b1a7c94"
  }
  default_node_pool {
    auto_scaling_enabled        = true
    max_count                   = 3
    min_count                   = 1
    name                        = "system"
    orchestrator_version        = "1.35"
    temporary_name_for_rotation = "systemtmp"
    vm_size                     = "Standard_D4s_v5"
    vnet_subnet_id              = data.terraform_remote_state.network.outputs.node_subnet_id
    zones = [
      "1",
      "2",
      "3"
    ]
    upgrade_settings {
      max_surge = "10%"
    }
  }
  identity {
    identity_ids = [
      azurerm_user_assigned_identity.control-plane-identity.id
    ]
    type = "UserAssigned"
  }
  key_management_service {
    key_vault_key_id         = azurerm_key_vault_key.kms-key.id
    key_vault_network_access = "Public"
  }
  network_profile {
    dns_service_ip      = "10.0.0.10"
    load_balancer_sku   = "standard"
    network_plugin      = "azure"
    network_plugin_mode = "overlay"
    network_policy      = "calico"
    outbound_type       = "loadBalancer"
    pod_cidr            = "10.244.0.0/16"
    service_cidr        = "10.0.0.0/16"
    load_balancer_profile {
      outbound_ip_address_ids = [
        azurerm_public_ip.egress-ip.id
      ]
    }
  }
  depends_on = [
    azurerm_role_assignment.kms-key-access,
    azurerm_role_assignment.subnet-access,
    azurerm_role_assignment.egress-ip-access,
  ]
}
resource "azurerm_monitor_diagnostic_setting" "control-plane-logs" {
  log_analytics_destination_type = "Dedicated"
  log_analytics_workspace_id     = data.terraform_remote_state.foundation.outputs.log_analytics_workspace_id
  name                           = "control-plane-logs"
  target_resource_id             = azurerm_kubernetes_cluster.cluster.id
  enabled_log {
    category = "kube-apiserver"
  }
  enabled_log {
    category = "kube-audit-admin"
  }
  enabled_log {
    category = "guard"
  }
}
resource "azurerm_user_assigned_identity" "argocd-identity" {
  location            = "westeurope"
  name                = "argocd-dev-aks-weu"
  resource_group_name = azurerm_resource_group.resource-group.name
  tags = {
    env         = "dev"
    owner       = "platform-team"
    cost-centre = "cc-4711"
    managed-by  = "gitops-cdk"
  }
}
resource "azurerm_federated_identity_credential" "argocd-argocd-application-controller" {
  audience = [
    "api://AzureADTokenExchange"
  ]
  issuer              = azurerm_kubernetes_cluster.cluster.oidc_issuer_url
  name                = "argocd-application-controller"
  parent_id           = azurerm_user_assigned_identity.argocd-identity.id
  resource_group_name = azurerm_resource_group.resource-group.name
  subject             = "system:serviceaccount:argocd:argocd-application-controller"
}
resource "azurerm_federated_identity_credential" "argocd-argocd-server" {
  audience = [
    "api://AzureADTokenExchange"
  ]
  issuer              = azurerm_kubernetes_cluster.cluster.oidc_issuer_url
  name                = "argocd-server"
  parent_id           = azurerm_user_assigned_identity.argocd-identity.id
  resource_group_name = azurerm_resource_group.resource-group.name
  subject             = "system:serviceaccount:argocd:argocd-server"
  depends_on = [
    azurerm_federated_identity_credential.argocd-argocd-application-controller,
  ]
}
resource "azurerm_role_assignment" "argocd-cluster-admin" {
  principal_id         = azurerm_user_assigned_identity.argocd-identity.principal_id
  principal_type       = "ServicePrincipal"
  role_definition_name = "Azure Kubernetes Service RBAC Cluster Admin"
  scope                = azurerm_kubernetes_cluster.cluster.id
}
resource "azurerm_user_assigned_identity" "terraform-drift-identity" {
  location            = "westeurope"
  name                = "dev-aks-weu-terraform-drift"
  resource_group_name = azurerm_resource_group.resource-group.name
  tags = {
    env         = "dev"
    owner       = "platform-team"
    cost-centre = "cc-4711"
    managed-by  = "gitops-cdk"
  }
}
resource "azurerm_federated_identity_credential" "terraform-drift-terraform-drift" {
  audience = [
    "api://AzureADTokenExchange"
  ]
  issuer              = azurerm_kubernetes_cluster.cluster.oidc_issuer_url
  name                = "terraform-drift"
  parent_id           = azurerm_user_assigned_identity.terraform-drift-identity.id
  resource_group_name = azurerm_resource_group.resource-group.name
  subject             = "system:serviceaccount:terraform-drift:terraform-drift"
}
resource "azurerm_role_assignment" "terraform-drift-reader" {
  principal_id         = azurerm_user_assigned_identity.terraform-drift-identity.principal_id
  principal_type       = "ServicePrincipal"
  role_definition_name = "Reader"
  scope                = "/subscriptions/9a1c5e7b-3d2f-4b6a-8e0c-1f4d7a2b9c63"
}
resource "azurerm_role_assignment" "terraform-drift-key-vault-reader" {
  principal_id         = azurerm_user_assigned_identity.terraform-drift-identity.principal_id
  principal_type       = "ServicePrincipal"
  role_definition_name = "Key Vault Reader"
  scope                = "/subscriptions/9a1c5e7b-3d2f-4b6a-8e0c-1f4d7a2b9c63"
}
resource "azurerm_role_assignment" "terraform-drift-aks-cluster-user" {
  principal_id         = azurerm_user_assigned_identity.terraform-drift-identity.principal_id
  principal_type       = "ServicePrincipal"
  role_definition_name = "Azure Kubernetes Service Cluster User Role"
  scope                = "/subscriptions/9a1c5e7b-3d2f-4b6a-8e0c-1f4d7a2b9c63"
}
resource "azurerm_role_assignment" "terraform-drift-state" {
  principal_id         = azurerm_user_assigned_identity.terraform-drift-identity.principal_id
  principal_type       = "ServicePrincipal"
  role_definition_name = "Storage Blob Data Reader"
  scope                = data.terraform_remote_state.foundation.outputs.state_container_id
}
resource "azurerm_user_assigned_identity" "policy-reporter-identity" {
  location            = "westeurope"
  name                = "dev-aks-weu-policy-reporter"
  resource_group_name = azurerm_resource_group.resource-group.name
  tags = {
    env         = "dev"
    owner       = "platform-team"
    cost-centre = "cc-4711"
    managed-by  = "gitops-cdk"
  }
}
resource "azurerm_federated_identity_credential" "policy-reporter-policy-reporter" {
  audience = [
    "api://AzureADTokenExchange"
  ]
  issuer              = azurerm_kubernetes_cluster.cluster.oidc_issuer_url
  name                = "policy-reporter"
  parent_id           = azurerm_user_assigned_identity.policy-reporter-identity.id
  resource_group_name = azurerm_resource_group.resource-group.name
  subject             = "system:serviceaccount:policy-reporter:policy-reporter"
}
resource "azurerm_role_assignment" "policy-reporter-reports" {
  principal_id         = azurerm_user_assigned_identity.policy-reporter-identity.principal_id
  principal_type       = "ServicePrincipal"
  role_definition_name = "Storage Blob Data Contributor"
  scope                = data.terraform_remote_state.foundation.outputs.report_container_id
}
resource "azurerm_user_assigned_identity" "velero-identity" {
  location            = "westeurope"
  name                = "dev-aks-weu-velero"
  resource_group_name = azurerm_resource_group.resource-group.name
  tags = {
    env         = "dev"
    owner       = "platform-team"
    cost-centre = "cc-4711"
    managed-by  = "gitops-cdk"
  }
}
resource "azurerm_federated_identity_credential" "velero-velero" {
  audience = [
    "api://AzureADTokenExchange"
  ]
  issuer              = azurerm_kubernetes_cluster.cluster.oidc_issuer_url
  name                = "velero"
  parent_id           = azurerm_user_assigned_identity.velero-identity.id
  resource_group_name = azurerm_resource_group.resource-group.name
  subject             = "system:serviceaccount:velero:velero"
}
resource "azurerm_role_assignment" "velero-backups" {
  principal_id         = azurerm_user_assigned_identity.velero-identity.principal_id
  principal_type       = "ServicePrincipal"
  role_definition_name = "Storage Blob Data Contributor"
  scope                = data.terraform_remote_state.foundation.outputs.backup_container_id
}
resource "azurerm_role_assignment" "velero-sign-backup-links" {
  principal_id         = azurerm_user_assigned_identity.velero-identity.principal_id
  principal_type       = "ServicePrincipal"
  role_definition_name = "Storage Blob Delegator"
  scope                = data.terraform_remote_state.foundation.outputs.backup_storage_account_id
}

output "cluster_id" {
  value       = azurerm_kubernetes_cluster.cluster.id
  description = "Resource Manager id of dev-aks-weu"
}

output "endpoint" {
  value       = "https://${azurerm_kubernetes_cluster.cluster.fqdn}:443"
  description = "API server URL of dev-aks-weu (the spec's apiServer)"
}

output "oidc_issuer_url" {
  value       = azurerm_kubernetes_cluster.cluster.oidc_issuer_url
  description = "OIDC issuer of dev-aks-weu's service account tokens"
}

output "argocd_client_id" {
  value       = azurerm_user_assigned_identity.argocd-identity.client_id
  description = "Client id of the identity Argo CD reaches dev-aks-weu as (the spec's argocdClientId)"
}

output "terraform_drift_client_id" {
  value       = azurerm_user_assigned_identity.terraform-drift-identity.client_id
  description = "Client id of the read-only drift-check identity of dev-aks-weu (the spec's workloadClientIds.terraformDrift)"
}

output "policy_reporter_client_id" {
  value       = azurerm_user_assigned_identity.policy-reporter-identity.client_id
  description = "Client id of policy-reporter's upload identity on dev-aks-weu (the spec's workloadClientIds.policyReporter)"
}

output "velero_client_id" {
  value       = azurerm_user_assigned_identity.velero-identity.client_id
  description = "Client id of Velero's backup identity on dev-aks-weu (the spec's workloadClientIds.velero)"
}

output "egress_ip" {
  value       = azurerm_public_ip.egress-ip.ip_address
  description = "Static outbound address of dev-aks-weu's pods (the spec's egressIp)"
}
