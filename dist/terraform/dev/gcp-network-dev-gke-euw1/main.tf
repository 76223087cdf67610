terraform {
  required_providers {
    google = {
      version = "6.50.0"
      source  = "google"
    }
  }
  backend "gcs" {
    bucket             = "acme-platform-dev-tfstate"
    prefix             = "gcp-network-dev-gke-euw1"
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
resource "google_compute_network" "network" {
  auto_create_subnetworks = false
  description             = "Network of GKE cluster dev-gke-euw1"
  name                    = "dev-gke-euw1-vpc"
  routing_mode            = "REGIONAL"
}
resource "google_compute_subnetwork" "subnet" {
  description              = "Nodes, pods and services of GKE cluster dev-gke-euw1"
  ip_cidr_range            = "10.11.0.0/16"
  name                     = "dev-gke-euw1-nodes"
  network                  = google_compute_network.network.id
  private_ip_google_access = true
  region                   = "europe-west1"
  log_config {
    aggregation_interval = "INTERVAL_5_SEC"
    flow_sampling        = 0.5
    metadata             = "INCLUDE_ALL_METADATA"
  }
  secondary_ip_range {
    ip_cidr_range = "100.64.0.0/16"
    range_name    = "pods"
  }
  secondary_ip_range {
    ip_cidr_range = "100.65.0.0/20"
    range_name    = "services"
  }
}
resource "google_compute_router" "router" {
  description = "Cloud NAT of GKE cluster dev-gke-euw1"
  name        = "dev-gke-euw1-router"
  network     = google_compute_network.network.id
  region      = "europe-west1"
}
resource "google_compute_router_nat" "nat" {
  name                               = "dev-gke-euw1-nat"
  nat_ip_allocate_option             = "AUTO_ONLY"
  region                             = "europe-west1"
  router                             = google_compute_router.router.name
  source_subnetwork_ip_ranges_to_nat = "LIST_OF_SUBNETWORKS"
  log_config {
    enable = true
    filter = "ERRORS_ONLY"
  }
  subnetwork {
    name = google_compute_subnetwork.subnet.id
    source_ip_ranges_to_nat = [
      "ALL_IP_RANGES"
    ]
  }
}

output "network_self_link" {
  value       = google_compute_network.network.self_link
  description = "VPC of GKE cluster dev-gke-euw1"
}

output "subnet_self_link" {
  value       = google_compute_subnetwork.subnet.self_link
  description = "Node subnet of GKE cluster dev-gke-euw1"
}

output "pods_range_name" {
  value       = google_compute_subnetwork.subnet.secondary_ip_range[0].range_name
  description = "Secondary range of the subnet for pods"
}

output "services_range_name" {
  value       = google_compute_subnetwork.subnet.secondary_ip_range[1].range_name
  description = "Secondary range of the subnet for services"
}
