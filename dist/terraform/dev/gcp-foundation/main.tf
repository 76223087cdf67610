terraform {
  required_providers {
    google = {
      version = "6.50.0"
      source  = "google"
    }
  }
  backend "gcs" {
    bucket             = "acme-platform-dev-tfstate"
    prefix             = "gcp-foundation"
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
resource "google_project_service" "api-cloudkms" {
  disable_dependent_services = false
  disable_on_destroy         = false
  service                    = "cloudkms.googleapis.com"
}
resource "google_project_service" "api-storage" {
  disable_dependent_services = false
  disable_on_destroy         = false
  service                    = "storage.googleapis.com"
}
resource "google_project_service" "api-container" {
  disable_dependent_services = false
  disable_on_destroy         = false
  service                    = "container.googleapis.com"
}
resource "google_project_service" "api-compute" {
  disable_dependent_services = false
  disable_on_destroy         = false
  service                    = "compute.googleapis.com"
}
resource "google_project_service" "api-iam" {
  disable_dependent_services = false
  disable_on_destroy         = false
  service                    = "iam.googleapis.com"
}
resource "google_project_service" "api-iamcredentials" {
  disable_dependent_services = false
  disable_on_destroy         = false
  service                    = "iamcredentials.googleapis.com"
}
resource "google_project_service" "api-sts" {
  disable_dependent_services = false
  disable_on_destroy         = false
  service                    = "sts.googleapis.com"
}
resource "google_project_service" "api-billingbudgets" {
  disable_dependent_services = false
  disable_on_destroy         = false
  service                    = "billingbudgets.googleapis.com"
}
resource "google_project_service" "api-cloudbilling" {
  disable_dependent_services = false
  disable_on_destroy         = false
  service                    = "cloudbilling.googleapis.com"
}
resource "google_project_service" "api-logging" {
  disable_dependent_services = false
  disable_on_destroy         = false
  service                    = "logging.googleapis.com"
}
resource "google_project_service" "api-monitoring" {
  disable_dependent_services = false
  disable_on_destroy         = false
  service                    = "monitoring.googleapis.com"
}
resource "google_project_service" "api-cloudresourcemanager" {
  disable_dependent_services = false
  disable_on_destroy         = false
  service                    = "cloudresourcemanager.googleapis.com"
}
data "google_storage_project_service_account" "storage-agent" {
  depends_on = [
    google_project_service.api-storage,
  ]
}
resource "google_kms_key_ring" "state-key-ring" {
  location = "europe-west1"
  name     = "tfstate"
  depends_on = [
    google_project_service.api-cloudkms,
  ]
  lifecycle {
    prevent_destroy = true
  }
}
resource "google_kms_crypto_key" "state-key-key" {
  destroy_scheduled_duration = "2592000s"
  key_ring                   = google_kms_key_ring.state-key-ring.id
  name                       = "tfstate"
  purpose                    = "ENCRYPT_DECRYPT"
  rotation_period            = "7776000s"
  lifecycle {
    prevent_destroy = true
  }
}
resource "google_kms_crypto_key_iam_member" "state-key-storage-agent" {
  crypto_key_id = google_kms_crypto_key.state-key-key.id
  member        = data.google_storage_project_service_account.storage-agent.member
  role          = "roles/cloudkms.cryptoKeyEncrypterDecrypter"
}
resource "google_storage_bucket" "log-bucket" {
  force_destroy               = false
  location                    = "europe-west1"
  name                        = "acme-platform-dev-tfstate-logs"
  public_access_prevention    = "enforced"
  storage_class               = "STANDARD"
  uniform_bucket_level_access = true
  encryption {
    default_kms_key_name = google_kms_crypto_key.state-key-key.id
  }
  lifecycle_rule {
    action {
      type = "Delete"
    }
    condition {
      age = 365
    }
  }
  depends_on = [
    google_kms_crypto_key_iam_member.state-key-storage-agent,
  ]
  lifecycle {
    prevent_destroy = true
  }
}
resource "google_storage_bucket_iam_member" "log-writer" {
  bucket = google_storage_bucket.log-bucket.name
  member = "group:cloud-storage-analytics@google.com"
  role   = "roles/storage.objectCreator"
}
resource "google_storage_bucket" "state-bucket" {
  force_destroy               = false
  location                    = "europe-west1"
  name                        = "acme-platform-dev-tfstate"
  public_access_prevention    = "enforced"
  storage_class               = "STANDARD"
  uniform_bucket_level_access = true
  encryption {
    default_kms_key_name = google_kms_crypto_key.state-key-key.id
  }
  lifecycle_rule {
    action {
      type = "Delete"
    }
    condition {
      days_since_noncurrent_time = 90
      with_state                 = "ARCHIVED"
    }
  }
  logging {
    log_bucket        = google_storage_bucket.log-bucket.name
    log_object_prefix = "acme-platform-dev-tfstate"
  }
  versioning {
    enabled = true
  }
  depends_on = [
    google_kms_crypto_key_iam_member.state-key-storage-agent,
  ]
  lifecycle {
    prevent_destroy = true
  }
}
resource "google_kms_key_ring" "reports-key-ring" {
  location = "europe-west1"
  name     = "compliance-reports"
  depends_on = [
    google_project_service.api-cloudkms,
  ]
  lifecycle {
    prevent_destroy = true
  }
}
resource "google_kms_crypto_key" "reports-key-key" {
  destroy_scheduled_duration = "2592000s"
  key_ring                   = google_kms_key_ring.reports-key-ring.id
  name                       = "reports"
  purpose                    = "ENCRYPT_DECRYPT"
  rotation_period            = "7776000s"
  lifecycle {
    prevent_destroy = true
  }
}
resource "google_kms_crypto_key_iam_member" "reports-key-storage-agent" {
  crypto_key_id = google_kms_crypto_key.reports-key-key.id
  member        = data.google_storage_project_service_account.storage-agent.member
  role          = "roles/cloudkms.cryptoKeyEncrypterDecrypter"
}
resource "google_storage_bucket" "reports-bucket" {
  force_destroy               = false
  location                    = "europe-west1"
  name                        = "acme-platform-dev-compliance-reports"
  public_access_prevention    = "enforced"
  storage_class               = "STANDARD"
  uniform_bucket_level_access = true
  encryption {
    default_kms_key_name = google_kms_crypto_key.reports-key-key.id
  }
  lifecycle_rule {
    action {
      type = "Delete"
    }
    condition {
      age = 400
    }
  }
  lifecycle_rule {
    action {
      type = "Delete"
    }
    condition {
      days_since_noncurrent_time = 90
      with_state                 = "ARCHIVED"
    }
  }
  logging {
    log_bucket        = google_storage_bucket.log-bucket.name
    log_object_prefix = "acme-platform-dev-compliance-reports"
  }
  versioning {
    enabled = true
  }
  depends_on = [
    google_kms_crypto_key_iam_member.reports-key-storage-agent,
  ]
  lifecycle {
    prevent_destroy = true
  }
}
resource "google_kms_key_ring" "backups-key-ring" {
  location = "europe-west1"
  name     = "velero-backups"
  depends_on = [
    google_project_service.api-cloudkms,
  ]
  lifecycle {
    prevent_destroy = true
  }
}
resource "google_kms_crypto_key" "backups-key-key" {
  destroy_scheduled_duration = "2592000s"
  key_ring                   = google_kms_key_ring.backups-key-ring.id
  name                       = "backups"
  purpose                    = "ENCRYPT_DECRYPT"
  rotation_period            = "7776000s"
  lifecycle {
    prevent_destroy = true
  }
}
resource "google_kms_crypto_key_iam_member" "backups-key-storage-agent" {
  crypto_key_id = google_kms_crypto_key.backups-key-key.id
  member        = data.google_storage_project_service_account.storage-agent.member
  role          = "roles/cloudkms.cryptoKeyEncrypterDecrypter"
}
resource "google_storage_bucket" "backups-bucket" {
  force_destroy               = false
  location                    = "europe-west1"
  name                        = "acme-platform-dev-velero-backups"
  public_access_prevention    = "enforced"
  storage_class               = "STANDARD"
  uniform_bucket_level_access = true
  encryption {
    default_kms_key_name = google_kms_crypto_key.backups-key-key.id
  }
  lifecycle_rule {
    action {
      type = "Delete"
    }
    condition {
      days_since_noncurrent_time = 7
      with_state                 = "ARCHIVED"
    }
  }
  logging {
    log_bucket        = google_storage_bucket.log-bucket.name
    log_object_prefix = "acme-platform-dev-velero-backups"
  }
  versioning {
    enabled = true
  }
  depends_on = [
    google_kms_crypto_key_iam_member.backups-key-storage-agent,
  ]
  lifecycle {
    prevent_destroy = true
  }
}
resource "google_iam_workload_identity_pool" "ci-pool" {
  description               = "Terraform CI of acme/platform-gitops"
  display_name              = "GitHub Actions"
  workload_identity_pool_id = "github-actions"
  depends_on = [
    google_project_service.api-iam,
    google_project_service.api-iamcredentials,
    google_project_service.api-sts,
    google_project_service.api-cloudresourcemanager,
  ]
}
resource "google_iam_workload_identity_pool_provider" "ci-github" {
  attribute_condition = "assertion.repository_id == '734215908' && assertion.repository == 'acme/platform-gitops'"
  attribute_mapping = {
    "google.subject"             = "assertion.sub"
    "attribute.repository"       = "assertion.repository"
    "attribute.repository_id"    = "assertion.repository_id"
    "attribute.repository_owner" = "assertion.repository_owner"
    "attribute.ref"              = "assertion.ref"
    "attribute.actor"            = "assertion.actor"
    "attribute.workflow_ref"     = "assertion.workflow_ref"
  }
  display_name                       = "GitHub"
  workload_identity_pool_id          = google_iam_workload_identity_pool.ci-pool.workload_identity_pool_id
  workload_identity_pool_provider_id = "github"
  oidc {
    issuer_uri = "https://token.actions.githubusercontent.com"
  }
}
resource "google_service_account" "ci-plan" {
  account_id   = "tf-plan"
  description  = "Read-only Terraform plans from any workflow of acme/platform-gitops"
  display_name = "Terraform plan (CI)"
  depends_on = [
    google_project_service.api-iam,
    google_project_service.api-iamcredentials,
    google_project_service.api-sts,
    google_project_service.api-cloudresourcemanager,
  ]
}
resource "google_service_account" "ci-apply" {
  account_id   = "tf-apply"
  description  = "Terraform applies from branch main of acme/platform-gitops"
  display_name = "Terraform apply (CI)"
  depends_on = [
    google_project_service.api-iam,
    google_project_service.api-iamcredentials,
    google_project_service.api-sts,
    google_project_service.api-cloudresourcemanager,
  ]
}
resource "google_service_account_iam_member" "ci-plan-federation" {
  member             = "principalSet://iam.googleapis.com/${google_iam_workload_identity_pool.ci-pool.name}/attribute.repository/acme/platform-gitops"
  role               = "roles/iam.workloadIdentityUser"
  service_account_id = google_service_account.ci-plan.name
}
resource "google_service_account_iam_member" "ci-apply-federation" {
  member             = "principal://iam.googleapis.com/${google_iam_workload_identity_pool.ci-pool.name}/subject/repo:acme/platform-gitops:ref:refs/heads/main"
  role               = "roles/iam.workloadIdentityUser"
  service_account_id = google_service_account.ci-apply.name
}
resource "google_project_iam_member" "ci-plan-viewer" {
  member  = google_service_account.ci-plan.member
  project = "acme-platform-dev"
  role    = "roles/viewer"
}
resource "google_project_iam_member" "ci-plan-serviceusage-serviceUsageConsumer" {
  member  = google_service_account.ci-plan.member
  project = "acme-platform-dev"
  role    = "roles/serviceusage.serviceUsageConsumer"
}
resource "google_storage_bucket_iam_member" "ci-plan-state-read" {
  bucket = google_storage_bucket.state-bucket.name
  member = google_service_account.ci-plan.member
  role   = "roles/storage.objectViewer"
}
resource "google_project_iam_member" "ci-apply-viewer" {
  member  = google_service_account.ci-apply.member
  project = "acme-platform-dev"
  role    = "roles/viewer"
}
resource "google_project_iam_member" "ci-apply-serviceusage-serviceUsageAdmin" {
  member  = google_service_account.ci-apply.member
  project = "acme-platform-dev"
  role    = "roles/serviceusage.serviceUsageAdmin"
}
resource "google_project_iam_member" "ci-apply-cloudkms-admin" {
  member  = google_service_account.ci-apply.member
  project = "acme-platform-dev"
  role    = "roles/cloudkms.admin"
}
resource "google_project_iam_member" "ci-apply-storage-admin" {
  member  = google_service_account.ci-apply.member
  project = "acme-platform-dev"
  role    = "roles/storage.admin"
}
resource "google_project_iam_member" "ci-apply-iam-workloadIdentityPoolAdmin" {
  member  = google_service_account.ci-apply.member
  project = "acme-platform-dev"
  role    = "roles/iam.workloadIdentityPoolAdmin"
}
resource "google_project_iam_member" "ci-apply-iam-serviceAccountAdmin" {
  member  = google_service_account.ci-apply.member
  project = "acme-platform-dev"
  role    = "roles/iam.serviceAccountAdmin"
}
resource "google_project_iam_member" "ci-apply-iam-serviceAccountUser" {
  member  = google_service_account.ci-apply.member
  project = "acme-platform-dev"
  role    = "roles/iam.serviceAccountUser"
}
resource "google_project_iam_member" "ci-apply-resourcemanager-projectIamAdmin" {
  member  = google_service_account.ci-apply.member
  project = "acme-platform-dev"
  role    = "roles/resourcemanager.projectIamAdmin"
}
resource "google_project_iam_member" "ci-apply-compute-networkAdmin" {
  member  = google_service_account.ci-apply.member
  project = "acme-platform-dev"
  role    = "roles/compute.networkAdmin"
}
resource "google_project_iam_member" "ci-apply-compute-securityAdmin" {
  member  = google_service_account.ci-apply.member
  project = "acme-platform-dev"
  role    = "roles/compute.securityAdmin"
}
resource "google_project_iam_member" "ci-apply-container-admin" {
  member  = google_service_account.ci-apply.member
  project = "acme-platform-dev"
  role    = "roles/container.admin"
}
resource "google_project_iam_member" "ci-apply-monitoring-notificationChannelEditor" {
  member  = google_service_account.ci-apply.member
  project = "acme-platform-dev"
  role    = "roles/monitoring.notificationChannelEditor"
}
resource "google_storage_bucket_iam_member" "ci-plan-state-lock" {
  bucket = google_storage_bucket.state-bucket.name
  member = google_service_account.ci-plan.member
  role   = "roles/storage.objectAdmin"
  condition {
    description = "Create and delete Terraform state lock objects, nothing else"
    expression  = "resource.name.startsWith('projects/_/buckets/${google_storage_bucket.state-bucket.name}/objects/') && resource.name.endsWith('.tflock')"
    title       = "terraform-lock-files-only"
  }
}
resource "google_billing_account_iam_member" "ci-plan-billing" {
  billing_account_id = "0A1B2C-3D4E5F-6A7B8C"
  member             = google_service_account.ci-plan.member
  role               = "roles/billing.viewer"
  depends_on = [
    google_project_service.api-cloudbilling,
  ]
}
resource "google_billing_account_iam_member" "ci-apply-billing" {
  billing_account_id = "0A1B2C-3D4E5F-6A7B8C"
  member             = google_service_account.ci-apply.member
  role               = "roles/billing.costsManager"
  depends_on = [
    google_project_service.api-cloudbilling,
  ]
}

provider "google" {
  billing_project       = "acme-platform-dev"
  project               = "acme-platform-dev"
  region                = "europe-west1"
  user_project_override = true
  alias                 = "billing"
  default_labels = {
    env         = "dev"
    owner       = "platform-team"
    cost-centre = "cc-4711"
    managed-by  = "gitops-cdk"
  }
}
resource "google_monitoring_notification_channel" "budget-email-finops-acme-example" {
  display_name = "Budget dev: finops@acme.example"
  labels = {
    email_address = "finops@acme.example"
  }
  type = "email"
  user_labels = {
    env         = "dev"
    owner       = "platform-team"
    cost-centre = "cc-4711"
    managed-by  = "gitops-cdk"
  }
  depends_on = [
    google_project_service.api-monitoring,
    google_project_service.api-billingbudgets,
    google_project_service.api-cloudresourcemanager,
  ]
}
resource "google_monitoring_notification_channel" "budget-email-platform-team-acme-example" {
  display_name = "Budget dev: platform-team@acme.example"
  labels = {
    email_address = "platform-team@acme.example"
  }
  type = "email"
  user_labels = {
    env         = "dev"
    owner       = "platform-team"
    cost-centre = "cc-4711"
    managed-by  = "gitops-cdk"
  }
  depends_on = [
    google_project_service.api-monitoring,
    google_project_service.api-billingbudgets,
    google_project_service.api-cloudresourcemanager,
  ]
}
data "google_project" "budget-project" {
  project_id = "acme-platform-dev"
  depends_on = [
    google_project_service.api-monitoring,
    google_project_service.api-billingbudgets,
    google_project_service.api-cloudresourcemanager,
  ]
}
resource "google_billing_budget" "budget-budget" {
  billing_account = "0A1B2C-3D4E5F-6A7B8C"
  display_name    = "dev monthly (USD 2000)"
  all_updates_rule {
    disable_default_iam_recipients = false
    monitoring_notification_channels = [
      google_monitoring_notification_channel.budget-email-finops-acme-example.id,
      google_monitoring_notification_channel.budget-email-platform-team-acme-example.id
    ]
  }
  amount {
    specified_amount {
      currency_code = "USD"
      units         = "2000"
    }
  }
  budget_filter {
    calendar_period        = "MONTH"
    credit_types_treatment = "INCLUDE_ALL_CREDITS"
    labels = {
      env = "dev"
    }
    projects = [
      "projects/${data.google_project.budget-project.number}"
    ]
  }
  threshold_rules {
    spend_basis       = "CURRENT_SPEND"
    threshold_percent = 0.5
  }
  threshold_rules {
    spend_basis       = "CURRENT_SPEND"
    threshold_percent = 0.8
  }
  threshold_rules {
    spend_basis       = "CURRENT_SPEND"
    threshold_percent = 1
  }
  depends_on = [
    google_project_service.api-monitoring,
    google_project_service.api-billingbudgets,
    google_project_service.api-cloudresourcemanager,
  ]
  provider = google.billing
}
resource "google_monitoring_notification_channel" "budget-dev-tenant-payments-email-payments-leads-acme-example" {
  display_name = "Budget dev tenant payments: payments-leads@acme.example"
  labels = {
    email_address = "payments-leads@acme.example"
  }
  type = "email"
  user_labels = {
    env         = "dev"
    owner       = "platform-team"
    cost-centre = "cc-4711"
    managed-by  = "gitops-cdk"
  }
  depends_on = [
    google_project_service.api-monitoring,
    google_project_service.api-billingbudgets,
    google_project_service.api-cloudresourcemanager,
  ]
}
data "google_project" "budget-dev-tenant-payments-project" {
  project_id = "acme-platform-dev"
  depends_on = [
    google_project_service.api-monitoring,
    google_project_service.api-billingbudgets,
    google_project_service.api-cloudresourcemanager,
  ]
}
resource "google_billing_budget" "budget-dev-tenant-payments-budget" {
  billing_account = "0A1B2C-3D4E5F-6A7B8C"
  display_name    = "dev tenant payments monthly (USD 300)"
  all_updates_rule {
    disable_default_iam_recipients = false
    monitoring_notification_channels = [
      google_monitoring_notification_channel.budget-dev-tenant-payments-email-payments-leads-acme-example.id
    ]
  }
  amount {
    specified_amount {
      currency_code = "USD"
      units         = "300"
    }
  }
  budget_filter {
    calendar_period        = "MONTH"
    credit_types_treatment = "INCLUDE_ALL_CREDITS"
    labels = {
      tenant = "payments"
    }
    projects = [
      "projects/${data.google_project.budget-dev-tenant-payments-project.number}"
    ]
  }
  threshold_rules {
    spend_basis       = "CURRENT_SPEND"
    threshold_percent = 0.8
  }
  threshold_rules {
    spend_basis       = "CURRENT_SPEND"
    threshold_percent = 1
  }
  depends_on = [
    google_project_service.api-monitoring,
    google_project_service.api-billingbudgets,
    google_project_service.api-cloudresourcemanager,
  ]
  provider = google.billing
}
resource "google_monitoring_notification_channel" "budget-dev-tenant-search-email-search-leads-acme-example" {
  display_name = "Budget dev tenant search: search-leads@acme.example"
  labels = {
    email_address = "search-leads@acme.example"
  }
  type = "email"
  user_labels = {
    env         = "dev"
    owner       = "platform-team"
    cost-centre = "cc-4711"
    managed-by  = "gitops-cdk"
  }
  depends_on = [
    google_project_service.api-monitoring,
    google_project_service.api-billingbudgets,
    google_project_service.api-cloudresourcemanager,
  ]
}
data "google_project" "budget-dev-tenant-search-project" {
  project_id = "acme-platform-dev"
  depends_on = [
    google_project_service.api-monitoring,
    google_project_service.api-billingbudgets,
    google_project_service.api-cloudresourcemanager,
  ]
}
resource "google_billing_budget" "budget-dev-tenant-search-budget" {
  billing_account = "0A1B2C-3D4E5F-6A7B8C"
  display_name    = "dev tenant search monthly (USD 200)"
  all_updates_rule {
    disable_default_iam_recipients = false
    monitoring_notification_channels = [
      google_monitoring_notification_channel.budget-dev-tenant-search-email-search-leads-acme-example.id
    ]
  }
  amount {
    specified_amount {
      currency_code = "USD"
      units         = "200"
    }
  }
  budget_filter {
    calendar_period        = "MONTH"
    credit_types_treatment = "INCLUDE_ALL_CREDITS"
    labels = {
      tenant = "search"
    }
    projects = [
      "projects/${data.google_project.budget-dev-tenant-search-project.number}"
    ]
  }
  threshold_rules {
    spend_basis       = "CURRENT_SPEND"
    threshold_percent = 0.5
  }
  threshold_rules {
    spend_basis       = "CURRENT_SPEND"
    threshold_percent = 0.8
  }
  threshold_rules {
    spend_basis       = "CURRENT_SPEND"
    threshold_percent = 1
  }
  depends_on = [
    google_project_service.api-monitoring,
    google_project_service.api-billingbudgets,
    google_project_service.api-cloudresourcemanager,
  ]
  provider = google.billing
}

output "state_bucket" {
  value       = google_storage_bucket.state-bucket.name
  description = "State bucket of the environment; the backend of every GCP stack"
}

output "state_key" {
  value       = google_kms_crypto_key.state-key-key.id
  description = "Cloud KMS key encrypting the state and its access logs"
}

output "access_log_bucket" {
  value       = google_storage_bucket.log-bucket.name
  description = "Bucket receiving the access logs of the state bucket"
}

output "workload_identity_provider" {
  value       = google_iam_workload_identity_pool_provider.ci-github.name
  description = "Workload identity provider for google-github-actions/auth (workload_identity_provider)"
}

output "plan_service_account" {
  value       = google_service_account.ci-plan.email
  description = "Service account CI impersonates for terraform plan"
}

output "apply_service_account" {
  value       = google_service_account.ci-apply.email
  description = "Service account CI impersonates for terraform apply"
}

output "budget_name" {
  value       = google_billing_budget.budget-budget.name
  description = "Resource name of the monthly budget"
}

output "report_bucket" {
  value       = google_storage_bucket.reports-bucket.name
  description = "Bucket policy-reporter uploads the compliance reports to"
}

output "report_key" {
  value       = google_kms_crypto_key.reports-key-key.id
  description = "Cloud KMS key encrypting the compliance reports"
}

output "backup_bucket" {
  value       = google_storage_bucket.backups-bucket.name
  description = "Bucket Velero writes the backups to, each cluster below its own prefix"
}
