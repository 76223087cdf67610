terraform {
  required_providers {
    google = {
      version = "6.50.0"
      source  = "google"
    }
  }
  backend "gcs" {
    bucket             = "acme-platform-dev-tfstate"
    prefix             = "gcp-cluster-dev-gke-euw1"
    kms_encryption_key = "projects/acme-platform-dev/locations/europe-west1/keyRings/tfstate/cryptoKeys/tfstate"
  }

}

provider "google" {
  project = "acme-platform-dev"
  region  = "europe-west1"
  default_labels = {
    env         = "dev"
    owner       = "platform-team"
    cost-centre = "cc-4711"
    managed-by  = "gitops-cdk"
  }
}
data "terraform_remote_state" "network" {
  backend = "gcs"
  config = {
    bucket             = "acme-platform-dev-tfstate"
    prefix             = "gcp-network-dev-gke-euw1"
    kms_encryption_key = "projects/acme-platform-dev/locations/europe-west1/keyRings/tfstate/cryptoKeys/tfstate"
  }
}
data "terraform_remote_state" "foundation" {
  backend = "gcs"
  config = {
    bucket             = "acme-platform-dev-tfstate"
    prefix             = "gcp-foundation"
    kms_encryption_key = "projects/acme-platform-dev/locations/europe-west1/keyRings/tfstate/cryptoKeys/tfstate"
  }
}
data "google_project" "project" {
  project_id = "acme-platform-dev"
}
resource "google_kms_key_ring" "secrets-key-ring" {
  location = "europe-west1"
  name     = "dev-gke-euw1-gke"
  lifecycle {
    prevent_destroy = true
  }
}
resource "google_kms_crypto_key" "secrets-key-key" {
  destroy_scheduled_duration = "2592000s"
  key_ring                   = google_kms_key_ring.secrets-key-ring.id
  name                       = "secrets"
  purpose                    = "ENCRYPT_DECRYPT"
  rotation_period            = "7776000s"
  lifecycle {
    prevent_destroy = true
  }
}
resource "google_kms_crypto_key_iam_member" "secrets-key-gke-agent" {
  crypto_key_id = google_kms_crypto_key.secrets-key-key.id
  member        = "serviceAccount:service-${data.google_project.project.number}@container-engine-robot.iam.gserviceaccount.com"
  role          = "roles/cloudkms.cryptoKeyEncrypterDecrypter"
}
resource "google_service_account" "nodes" {
  account_id   = "gke-dev-gke-euw1"
  display_name = "GKE nodes of dev-gke-euw1"
}
resource "google_project_iam_member" "nodes-container-defaultNodeServiceAccount" {
  member  = google_service_account.nodes.member
  project = "acme-platform-dev"
  role    = "roles/container.defaultNodeServiceAccount"
}
resource "google_project_iam_member" "nodes-artifactregistry-reader" {
  member  = google_service_account.nodes.member
  project = "acme-platform-dev"
  role    = "roles/artifactregistry.reader"
}
resource "google_container_cluster" "cluster" {
  datapath_provider        = "ADVANCED_DATAPATH"
  deletion_protection      = true
  description              = "dev workload cluster"
  enable_shielded_nodes    = true
  initial_node_count       = 1
  location                 = "europe-west1"
  min_master_version       = "1.34"
  name                     = "dev-gke-euw1"
  network                  = data.terraform_remote_state.network.outputs.network_self_link
  networking_mode          = "VPC_NATIVE"
  remove_default_node_pool = true
  subnetwork               = data.terraform_remote_state.network.outputs.subnet_self_link
  database_encryption {
    key_name = google_kms_crypto_key.secrets-key-key.id
    state    = "ENCRYPTED"
  }
  ip_allocation_policy {
    cluster_secondary_range_name  = data.terraform_remote_state.network.outputs.pods_range_name
    services_secondary_range_name = data.terraform_remote_state.network.outputs.services_range_name
  }
  logging_config {
    enable_components = [
      "SYSTEM_COMPONENTS",
      "APISERVER",
      "CONTROLLER_MANAGER",
      "SCHEDULER"
    ]
  }
  master_auth {
    client_certificate_config {
      issue_client_certificate = false
    }
  }
  master_authorized_networks_config {
    gcp_public_cidrs_access_enabled = false
    cidr_blocks {
      cidr_block   = "198.51.100.0/24"
      display_name = "allowed 198.51.100.0/24"
    }
    cidr_blocks {
      cidr_block   = "203.0.113.0/24"
      display_name = "allowed 203.0.113.0/24"
    }
    cidr_blocks {
      cidr_block   = "192.0.2.44/32"
      display_name = "Argo CD on dev-aks-weu"
    }
  }
  monitoring_config {
    enable_components = [
      "SYSTEM_COMPONENTS",
      "APISERVER",
      "CONTROLLER_MANAGER",
      "SCHEDULER"
    ]
    managed_prometheus {
      enabled = true
    }
  }
  node_config {
    image_type   = "COS_CONTAINERD"
    machine_type = "e2-standard-4"
    oauth_scopes = [
      "https://www.googleapis.com/auth/cloud-platform"
    ]
    resource_labels = {
      env         = "dev"
      owner       = "platform-team"
      cost-centre = "cc-4711"
      managed-by  = "gitops-cdk"
    }
    service_account = google_service_account.nodes.email
    shielded_instance_config {
      enable_integrity_monitoring = true
      enable_secure_boot          = true
    }
    workload_metadata_config {
      mode = "GKE_METADATA"
    }
  }
  private_cluster_config {
    enable_private_endpoint = false
    enable_private_nodes    = true
    master_ipv4_cidr_block  = "172.16.0.0/28"
  }
  release_channel {
    channel = "REGULAR"
  }
  workload_identity_config {
    workload_pool = "acme-platform-dev.svc.id.goog"
  }
  depends_on = [
    google_kms_crypto_key_iam_member.secrets-key-gke-agent,
  ]
  lifecycle {
    ignore_changes = [
      node_config,
    ]
  }
}
resource "google_compute_firewall" "webhooks" {
  description = "Control plane of dev-gke-euw1 to admission webhooks on its nodes"
  direction   = "INGRESS"
  name        = "dev-gke-euw1-webhooks"
  network     = data.terraform_remote_state.network.outputs.network_self_link
  source_ranges = [
    "172.16.0.0/28"
  ]
  target_service_accounts = [
    google_service_account.nodes.email
  ]
  allow {
    ports = [
      "9443"
    ]
    protocol = "tcp"
  }
}
resource "google_container_node_pool" "node-pool" {
  cluster  = google_container_cluster.cluster.id
  location = "europe-west1"
  name     = "primary"
  autoscaling {
    location_policy      = "BALANCED"
    total_max_node_count = 3
    total_min_node_count = 1
  }
  management {
    auto_repair  = true
    auto_upgrade = true
  }
  node_config {
    image_type   = "COS_CONTAINERD"
    machine_type = "e2-standard-4"
    oauth_scopes = [
      "https://www.googleapis.com/auth/cloud-platform"
    ]
    resource_labels = {
      env         = "dev"
      owner       = "platform-team"
      cost-centre = "cc-4711"
      managed-by  = "gitops-cdk"
    }
    service_account = google_service_account.nodes.email
    shielded_instance_config {
      enable_integrity_monitoring = true
      enable_secure_boot          = true
    }
    workload_metadata_config {
      mode = "GKE_METADATA"
    }
  }
  upgrade_settings {
    max_surge       = 1
    max_unavailable = 0
  }
  depends_on = [
    google_project_iam_member.nodes-container-defaultNodeServiceAccount,
    google_project_iam_member.nodes-artifactregistry-reader,
  ]
}
resource "google_service_account" "argocd" {
  account_id   = "argocd-dev-gke-euw1"
  description  = "Impersonated by Argo CD through workload identity (argocd-k8s-auth gcp)"
  display_name = "Argo CD access to dev-gke-euw1"
}
resource "google_project_iam_member" "argocd-container-admin" {
  member  = google_service_account.argocd.member
  project = "acme-platform-dev"
  role    = "roles/container.admin"
}
resource "google_iam_workload_identity_pool" "argocd-federation-pool" {
  description               = "Argo CD (on dev-aks-weu) managing dev-gke-euw1"
  display_name              = "Argo CD on dev-aks-weu"
  workload_identity_pool_id = "argocd-dev-gke-euw1"
}
resource "google_iam_workload_identity_pool_provider" "argocd-federation-provider" {
  attribute_condition = "assertion.sub in ['system:serviceaccount:argocd:argocd-application-controller', 'system:serviceaccount:argocd:argocd-server']"
  attribute_mapping = {
    "google.subject" = "assertion.sub"
  }
  description                        = "Service account tokens of dev-aks-weu (azure)"
  display_name                       = "dev-aks-weu"
  workload_identity_pool_id          = google_iam_workload_identity_pool.argocd-federation-pool.workload_identity_pool_id
  workload_identity_pool_provider_id = "dev-aks-weu"
  oidc {
    issuer_uri = "https://westeurope.oic.prod-aks.azure.com/3f8c2a6e-1b4d-4e7a-9c0f-5d2e8b1a7c94/6e2b9d4f-8a1c-4f7e-b3d5-0c9a2e6f1b84/"
  }
}
resource "google_service_account_iam_member" "argocd-federation-application-controller" {
  member             = "principal://iam.googleapis.com/${google_iam_workload_identity_pool.argocd-federation-pool.name}/subject/system:serviceaccount:argocd:argocd-application-controller"
  role               = "roles/iam.workloadIdentityUser"
  service_account_id = google_service_account.argocd.name
}
resource "google_service_account_iam_member" "argocd-federation-server" {
  member             = "principal://iam.googleapis.com/${google_iam_workload_identity_pool.argocd-federation-pool.name}/subject/system:serviceaccount:argocd:argocd-server"
  role               = "roles/iam.workloadIdentityUser"
  service_account_id = google_service_account.argocd.name
}
resource "google_service_account" "terraform-drift" {
  account_id   = "terraform-drift-dev-gke-euw1"
  description  = "Read-only terraform plan -lock=false of every GCP stack of the environment"
  display_name = "Terraform drift check on dev-gke-euw1"
}
resource "google_service_account_iam_member" "terraform-drift-workload-identity" {
  member             = "serviceAccount:acme-platform-dev.svc.id.goog[terraform-drift/terraform-drift]"
  role               = "roles/iam.workloadIdentityUser"
  service_account_id = google_service_account.terraform-drift.name
  depends_on = [
    google_container_cluster.cluster,
  ]
}
resource "google_project_iam_member" "terraform-drift-viewer" {
  member  = google_service_account.terraform-drift.member
  project = "acme-platform-dev"
  role    = "roles/viewer"
}
resource "google_project_iam_member" "terraform-drift-serviceusage-serviceUsageConsumer" {
  member  = google_service_account.terraform-drift.member
  project = "acme-platform-dev"
  role    = "roles/serviceusage.serviceUsageConsumer"
}
resource "google_storage_bucket_iam_member" "terraform-drift-state-read" {
  bucket = data.terraform_remote_state.foundation.outputs.state_bucket
  member = google_service_account.terraform-drift.member
  role   = "roles/storage.objectViewer"
}
resource "google_billing_account_iam_member" "terraform-drift-billing" {
  billing_account_id = "0A1B2C-3D4E5F-6A7B8C"
  member             = google_service_account.terraform-drift.member
  role               = "roles/billing.viewer"
}
resource "google_service_account" "policy-reporter" {
  account_id   = "policy-reporter-dev-gke-euw1"
  description  = "Uploads the compliance reports of the cluster to the report bucket"
  display_name = "policy-reporter on dev-gke-euw1"
}
resource "google_service_account_iam_member" "policy-reporter-workload-identity" {
  member             = "serviceAccount:acme-platform-dev.svc.id.goog[policy-reporter/policy-reporter]"
  role               = "roles/iam.workloadIdentityUser"
  service_account_id = google_service_account.policy-reporter.name
  depends_on = [
    google_container_cluster.cluster,
  ]
}
resource "google_storage_bucket_iam_member" "policy-reporter-reports" {
  bucket = data.terraform_remote_state.foundation.outputs.report_bucket
  member = google_service_account.policy-reporter.member
  role   = "roles/storage.objectCreator"
}
resource "google_service_account" "fluent-bit" {
  account_id   = "fluent-bit-dev-gke-euw1"
  description  = "Writes the container logs of the cluster to Cloud Logging"
  display_name = "Fluent Bit on dev-gke-euw1"
}
resource "google_service_account_iam_member" "fluent-bit-workload-identity" {
  member             = "serviceAccount:acme-platform-dev.svc.id.goog[monitoring/fluent-bit]"
  role               = "roles/iam.workloadIdentityUser"
  service_account_id = google_service_account.fluent-bit.name
  depends_on = [
    google_container_cluster.cluster,
  ]
}
resource "google_project_iam_member" "fluent-bit-log-writer" {
  member  = google_service_account.fluent-bit.member
  project = "acme-platform-dev"
  role    = "roles/logging.logWriter"
}
resource "google_service_account" "velero" {
  account_id   = "velero-dev-gke-euw1"
  description  = "Writes and reads the backups of dev-gke-euw1 in the backup bucket"
  display_name = "Velero on dev-gke-euw1"
}
resource "google_service_account_iam_member" "velero-workload-identity" {
  member             = "serviceAccount:acme-platform-dev.svc.id.goog[velero/velero]"
  role               = "roles/iam.workloadIdentityUser"
  service_account_id = google_service_account.velero.name
  depends_on = [
    google_container_cluster.cluster,
  ]
}
resource "google_storage_bucket_iam_member" "velero-backups" {
  bucket = data.terraform_remote_state.foundation.outputs.backup_bucket
  member = google_service_account.velero.member
  role   = "roles/storage.objectUser"
  condition {
    description = "Objects below dev-gke-euw1/, and listing the bucket"
    expression  = "resource.type == 'storage.googleapis.com/Bucket' || resource.name.startsWith('projects/_/buckets/${data.terraform_remote_state.foundation.outputs.backup_bucket}/objects/dev-gke-euw1/')"
    title       = "own-backups-only"
  }
}
resource "google_service_account_iam_member" "velero-sign-backup-links" {
  member             = google_service_account.velero.member
  role               = "roles/iam.serviceAccountTokenCreator"
  service_account_id = google_service_account.velero.name
}

output "endpoint" {
  value       = google_container_cluster.cluster.endpoint
  description = "API server address of dev-gke-euw1 (private when apiAccess.privateEndpoint)"
}

output "ca_certificate" {
  value       = google_container_cluster.cluster.master_auth[0].cluster_ca_certificate
  description = "Base64 PEM CA bundle of the API server of dev-gke-euw1 (public)"
}

output "argocd_service_account" {
  value       = google_service_account.argocd.email
  description = "Google service account Argo CD impersonates to reach the cluster"
}

output "workload_pool" {
  value       = google_container_cluster.cluster.workload_identity_config[0].workload_pool
  description = "Workload identity pool of the project"
}

output "terraform_drift_service_account" {
  value       = google_service_account.terraform-drift.email
  description = "Google service account of the drift check (iam.gke.io/gcp-service-account of terraform-drift/terraform-drift)"
}

output "policy_reporter_service_account" {
  value       = google_service_account.policy-reporter.email
  description = "Google service account of policy-reporter (iam.gke.io/gcp-service-account of policy-reporter/policy-reporter)"
}

output "fluent_bit_service_account" {
  value       = google_service_account.fluent-bit.email
  description = "Google service account of Fluent Bit (iam.gke.io/gcp-service-account of monitoring/fluent-bit)"
}

output "velero_service_account" {
  value       = google_service_account.velero.email
  description = "Google service account of Velero (iam.gke.io/gcp-service-account of velero/velero; the location's serviceAccount)"
}
