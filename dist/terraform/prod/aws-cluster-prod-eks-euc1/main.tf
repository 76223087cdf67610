terraform {
  required_providers {
    aws = {
      version = "6.25.0"
      source  = "aws"
    }
  }
  backend "s3" {
    bucket       = "acme-tfstate-prod-123456789012"
    key          = "aws-cluster-prod-eks-euc1/terraform.tfstate"
    region       = "eu-west-1"
    encrypt      = true
    kms_key_id   = "arn:aws:kms:eu-west-1:123456789012:alias/prod-tfstate"
    use_lockfile = true
  }

}

provider "aws" {
  allowed_account_ids = [
    "123456789012"
  ]
  region = "eu-central-1"
  default_tags {
    tags = {
      env         = "prod"
      owner       = "platform-team"
      cost-centre = "cc-4711"
      managed-by  = "gitops-cdk"
    }
  }
}
data "terraform_remote_state" "network" {
  backend = "s3"
  config = {
    bucket     = "acme-tfstate-prod-123456789012"
    key        = "aws-network-prod-eks-euc1/terraform.tfstate"
    region     = "eu-west-1"
    encrypt    = true
    kms_key_id = "arn:aws:kms:eu-west-1:123456789012:alias/prod-tfstate"
  }
}
data "terraform_remote_state" "foundation" {
  backend = "s3"
  config = {
    bucket     = "acme-tfstate-prod-123456789012"
    key        = "aws-foundation/terraform.tfstate"
    region     = "eu-west-1"
    encrypt    = true
    kms_key_id = "arn:aws:kms:eu-west-1:123456789012:alias/prod-tfstate"
  }
}
resource "aws_kms_key" "secrets-key" {
  deletion_window_in_days = 30
  description             = "Envelope encryption of the Kubernetes secrets of prod-eks-euc1"
  enable_key_rotation     = true
}
resource "aws_kms_alias" "secrets-key-alias" {
  name          = "alias/prod-eks-euc1-eks-secrets"
  target_key_id = aws_kms_key.secrets-key.key_id
}
data "aws_iam_policy_document" "control-plane-logs-key-policy" {
  statement {
    actions = [
      "kms:*"
    ]
    effect = "Allow"
    resources = [
      "*"
    ]
    sid = "AccountIamDecides"
    principals {
      identifiers = [
        "arn:aws:iam::123456789012:root"
      ]
      type = "AWS"
    }
  }
  statement {
    actions = [
      "kms:Encrypt*",
      "kms:Decrypt*",
      "kms:ReEncrypt*",
      "kms:GenerateDataKey*",
      "kms:Describe*"
    ]
    effect = "Allow"
    resources = [
      "*"
    ]
    sid = "CloudWatchLogsOfThisGroup"
    condition {
      test = "ArnEquals"
      values = [
        "arn:aws:logs:eu-central-1:123456789012:log-group:/aws/eks/prod-eks-euc1/cluster"
      ]
      variable = "kms:EncryptionContext:aws:logs:arn"
    }
    principals {
      identifiers = [
        "logs.eu-central-1.amazonaws.com"
      ]
      type = "Service"
    }
  }
}
resource "aws_kms_key" "control-plane-logs-key" {
  deletion_window_in_days = 30
  description             = "Encrypts the control plane logs of prod-eks-euc1"
  enable_key_rotation     = true
  policy                  = data.aws_iam_policy_document.control-plane-logs-key-policy.json
}
resource "aws_cloudwatch_log_group" "control-plane-logs-log-group" {
  kms_key_id        = aws_kms_key.control-plane-logs-key.arn
  name              = "/aws/eks/prod-eks-euc1/cluster"
  retention_in_days = 365
}
data "aws_iam_policy_document" "cluster-role-trust" {
  statement {
    actions = [
      "sts:AssumeRole",
      "sts:TagSession"
    ]
    effect = "Allow"
    principals {
      identifiers = [
        "eks.amazonaws.com"
      ]
      type = "Service"
    }
  }
}
resource "aws_iam_role" "cluster-role" {
  assume_role_policy   = data.aws_iam_policy_document.cluster-role-trust.json
  description          = "EKS control plane of prod-eks-euc1"
  name                 = "prod-eks-euc1-cluster"
  permissions_boundary = "arn:aws:iam::123456789012:policy/prod-workload-boundary"
}
resource "aws_iam_role_policy_attachment" "cluster-role-eks" {
  policy_arn = "arn:aws:iam::aws:policy/AmazonEKSClusterPolicy"
  role       = aws_iam_role.cluster-role.name
}
data "aws_iam_policy_document" "cluster-role-secrets-key-document" {
  statement {
    actions = [
      "kms:Encrypt",
      "kms:Decrypt",
      "kms:ListGrants",
      "kms:DescribeKey"
    ]
    effect = "Allow"
    resources = [
      aws_kms_key.secrets-key.arn
    ]
  }
}
resource "aws_iam_role_policy" "cluster-role-secrets-key" {
  name   = "secrets-key"
  policy = data.aws_iam_policy_document.cluster-role-secrets-key-document.json
  role   = aws_iam_role.cluster-role.id
}
resource "aws_eks_cluster" "cluster" {
  deletion_protection = true
  enabled_cluster_log_types = [
    "api",
    "audit",
    "authenticator",
    "controllerManager",
    "scheduler"
  ]
  name     = "prod-eks-euc1"
  role_arn = aws_iam_role.cluster-role.arn
  version  = "1.34"
  access_config {
    authentication_mode                         = "API"
    bootstrap_cluster_creator_admin_permissions = false
  }
  encryption_config {
    resources = [
      "secrets"
    ]
    provider {
      key_arn = aws_kms_key.secrets-key.arn
    }
  }
  vpc_config {
    endpoint_private_access = true
    endpoint_public_access  = false
    subnet_ids              = data.terraform_remote_state.network.outputs.private_subnet_ids
  }
  depends_on = [
    aws_iam_role_policy_attachment.cluster-role-eks,
    aws_iam_role_policy.cluster-role-secrets-key,
    aws_cloudwatch_log_group.control-plane-logs-log-group,
  ]
}
resource "aws_iam_openid_connect_provider" "irsa-oidc" {
  client_id_list = [
    "sts.amazonaws.com"
  ]
  url = aws_eks_cluster.cluster.identity[0].oidc[0].issuer
}
data "aws_iam_policy_document" "vpc-cni-role-trust" {
  statement {
    actions = [
      "sts:AssumeRoleWithWebIdentity"
    ]
    effect = "Allow"
    condition {
      test = "StringEquals"
      values = [
        "sts.amazonaws.com"
      ]
      variable = "${replace(aws_eks_cluster.cluster.identity[0].oidc[0].issuer, "https://", "")}:aud"
    }
    condition {
      test = "StringEquals"
      values = [
        "system:serviceaccount:kube-system:aws-node"
      ]
      variable = "${replace(aws_eks_cluster.cluster.identity[0].oidc[0].issuer, "https://", "")}:sub"
    }
    principals {
      identifiers = [
        aws_iam_openid_connect_provider.irsa-oidc.arn
      ]
      type = "Federated"
    }
  }
}
resource "aws_iam_role" "vpc-cni-role" {
  assume_role_policy   = data.aws_iam_policy_document.vpc-cni-role-trust.json
  description          = "Service account kube-system/aws-node of prod-eks-euc1 (IRSA)"
  name                 = "prod-eks-euc1-aws-node"
  permissions_boundary = "arn:aws:iam::123456789012:policy/prod-workload-boundary"
}
resource "aws_iam_role_policy_attachment" "vpc-cni-role-cni" {
  policy_arn = "arn:aws:iam::aws:policy/AmazonEKS_CNI_Policy"
  role       = aws_iam_role.vpc-cni-role.name
}
resource "aws_eks_addon" "vpc-cni" {
  addon_name                  = "vpc-cni"
  cluster_name                = aws_eks_cluster.cluster.name
  configuration_values        = "{\"enableNetworkPolicy\":\"true\"}"
  resolve_conflicts_on_create = "OVERWRITE"
  resolve_conflicts_on_update = "OVERWRITE"
  service_account_role_arn    = aws_iam_role.vpc-cni-role.arn
  depends_on = [
    aws_iam_role_policy_attachment.vpc-cni-role-cni,
  ]
}
data "aws_iam_policy_document" "node-role-trust" {
  statement {
    actions = [
      "sts:AssumeRole"
    ]
    effect = "Allow"
    principals {
      identifiers = [
        "ec2.amazonaws.com"
      ]
      type = "Service"
    }
  }
}
resource "aws_iam_role" "node-role" {
  assume_role_policy   = data.aws_iam_policy_document.node-role-trust.json
  description          = "EKS nodes of prod-eks-euc1"
  name                 = "prod-eks-euc1-node"
  permissions_boundary = "arn:aws:iam::123456789012:policy/prod-workload-boundary"
}
resource "aws_iam_role_policy_attachment" "node-role-worker" {
  policy_arn = "arn:aws:iam::aws:policy/AmazonEKSWorkerNodePolicy"
  role       = aws_iam_role.node-role.name
}
resource "aws_iam_role_policy_attachment" "node-role-ecr" {
  policy_arn = "arn:aws:iam::aws:policy/AmazonEC2ContainerRegistryPullOnly"
  role       = aws_iam_role.node-role.name
}
resource "aws_eks_node_group" "nodes" {
  cluster_name = aws_eks_cluster.cluster.name
  instance_types = [
    "m6i.xlarge"
  ]
  node_group_name_prefix = "prod-eks-euc1-"
  node_role_arn          = aws_iam_role.node-role.arn
  subnet_ids             = data.terraform_remote_state.network.outputs.private_subnet_ids
  scaling_config {
    desired_size = 3
    max_size     = 10
    min_size     = 3
  }
  update_config {
    max_unavailable = 1
  }
  depends_on = [
    aws_iam_role_policy_attachment.node-role-worker,
    aws_iam_role_policy_attachment.node-role-ecr,
    aws_eks_addon.vpc-cni,
  ]
  lifecycle {
    create_before_destroy = true
    ignore_changes = [
      scaling_config[0].desired_size,
    ]
  }
}
data "aws_iam_policy_document" "cluster-autoscaler-trust" {
  statement {
    actions = [
      "sts:AssumeRoleWithWebIdentity"
    ]
    effect = "Allow"
    condition {
      test = "StringEquals"
      values = [
        "sts.amazonaws.com"
      ]
      variable = "${replace(aws_eks_cluster.cluster.identity[0].oidc[0].issuer, "https://", "")}:aud"
    }
    condition {
      test = "StringEquals"
      values = [
        "system:serviceaccount:kube-system:cluster-autoscaler"
      ]
      variable = "${replace(aws_eks_cluster.cluster.identity[0].oidc[0].issuer, "https://", "")}:sub"
    }
    principals {
      identifiers = [
        aws_iam_openid_connect_provider.irsa-oidc.arn
      ]
      type = "Federated"
    }
  }
}
resource "aws_iam_role" "cluster-autoscaler-role" {
  assume_role_policy   = data.aws_iam_policy_document.cluster-autoscaler-trust.json
  description          = "Service account kube-system/cluster-autoscaler of prod-eks-euc1 (IRSA): scales its managed node groups"
  name                 = "prod-eks-euc1-cluster-autoscaler"
  permissions_boundary = "arn:aws:iam::123456789012:policy/prod-workload-boundary"
}
data "aws_iam_policy_document" "cluster-autoscaler-policy-document" {
  statement {
    actions = [
      "autoscaling:DescribeAutoScalingGroups",
      "autoscaling:DescribeAutoScalingInstances",
      "autoscaling:DescribeLaunchConfigurations",
      "autoscaling:DescribeScalingActivities",
      "ec2:DescribeImages",
      "ec2:DescribeInstanceTypes",
      "ec2:DescribeLaunchTemplateVersions",
      "ec2:GetInstanceTypesFromInstanceRequirements"
    ]
    effect = "Allow"
    resources = [
      "*"
    ]
    sid = "DiscoverNodeGroups"
  }
  statement {
    actions = [
      "eks:DescribeNodegroup"
    ]
    effect = "Allow"
    resources = [
      "arn:aws:eks:eu-central-1:123456789012:nodegroup/prod-eks-euc1/*/*"
    ]
    sid = "DescribeOwnNodeGroups"
  }
  statement {
    actions = [
      "autoscaling:SetDesiredCapacity",
      "autoscaling:TerminateInstanceInAutoScalingGroup"
    ]
    effect = "Allow"
    resources = [
      "*"
    ]
    sid = "ScaleOwnNodeGroups"
    condition {
      test = "StringEquals"
      values = [
        "true"
      ]
      variable = "aws:ResourceTag/k8s.io/cluster-autoscaler/enabled"
    }
    condition {
      test = "StringEquals"
      values = [
        "owned"
      ]
      variable = "aws:ResourceTag/k8s.io/cluster-autoscaler/prod-eks-euc1"
    }
  }
}
resource "aws_iam_role_policy" "cluster-autoscaler-policy" {
  name   = "scale-node-groups"
  policy = data.aws_iam_policy_document.cluster-autoscaler-policy-document.json
  role   = aws_iam_role.cluster-autoscaler-role.id
}
data "terraform_remote_state" "management-cluster" {
  backend = "s3"
  config = {
    bucket     = "acme-tfstate-prod-123456789012"
    key        = "aws-cluster-prod-eks-euw1/terraform.tfstate"
    region     = "eu-west-1"
    encrypt    = true
    kms_key_id = "arn:aws:kms:eu-west-1:123456789012:alias/prod-tfstate"
  }
}
data "aws_iam_policy_document" "argocd-trust" {
  statement {
    actions = [
      "sts:AssumeRole"
    ]
    effect = "Allow"
    principals {
      identifiers = [
        data.terraform_remote_state.management-cluster.outputs.argocd_role_arn
      ]
      type = "AWS"
    }
  }
}
resource "aws_iam_role" "argocd-role" {
  assume_role_policy   = data.aws_iam_policy_document.argocd-trust.json
  description          = "Argo CD (on prod-eks-euw1) managing prod-eks-euc1"
  name                 = "argocd-prod-eks-euc1"
  path                 = "/"
  permissions_boundary = "arn:aws:iam::123456789012:policy/prod-workload-boundary"
}
resource "aws_eks_access_entry" "argocd-access" {
  cluster_name  = aws_eks_cluster.cluster.name
  principal_arn = aws_iam_role.argocd-role.arn
  type          = "STANDARD"
}
resource "aws_eks_access_policy_association" "argocd-cluster-admin" {
  cluster_name  = aws_eks_cluster.cluster.name
  policy_arn    = "arn:aws:eks::aws:cluster-access-policy/AmazonEKSClusterAdminPolicy"
  principal_arn = aws_eks_access_entry.argocd-access.principal_arn
  access_scope {
    type = "cluster"
  }
}
data "terraform_remote_state" "management-network" {
  backend = "s3"
  config = {
    bucket     = "acme-tfstate-prod-123456789012"
    key        = "aws-network-prod-eks-euw1/terraform.tfstate"
    region     = "eu-west-1"
    encrypt    = true
    kms_key_id = "arn:aws:kms:eu-west-1:123456789012:alias/prod-tfstate"
  }
}

provider "aws" {
  allowed_account_ids = [
    "123456789012"
  ]
  region = "eu-west-1"
  alias  = "management"
  default_tags {
    tags = {
      env         = "prod"
      owner       = "platform-team"
      cost-centre = "cc-4711"
      managed-by  = "gitops-cdk"
    }
  }
}
resource "aws_vpc_peering_connection" "argocd-path-peering" {
  peer_region = "eu-central-1"
  peer_vpc_id = data.terraform_remote_state.network.outputs.vpc_id
  tags = {
    Name = "prod-eks-euw1-to-prod-eks-euc1"
  }
  vpc_id   = data.terraform_remote_state.management-network.outputs.vpc_id
  provider = aws.management
}
resource "aws_vpc_peering_connection_accepter" "argocd-path-peering-accepter" {
  auto_accept = true
  tags = {
    Name = "prod-eks-euw1-to-prod-eks-euc1"
  }
  vpc_peering_connection_id = aws_vpc_peering_connection.argocd-path-peering.id
}
resource "aws_route" "argocd-path-to-management-0" {
  destination_cidr_block    = "10.30.0.0/16"
  route_table_id            = element(data.terraform_remote_state.network.outputs.private_route_table_ids, 0)
  vpc_peering_connection_id = aws_vpc_peering_connection_accepter.argocd-path-peering-accepter.id
}
resource "aws_route" "argocd-path-from-management-0" {
  destination_cidr_block    = "10.31.0.0/16"
  route_table_id            = element(data.terraform_remote_state.management-network.outputs.private_route_table_ids, 0)
  vpc_peering_connection_id = aws_vpc_peering_connection_accepter.argocd-path-peering-accepter.id
  provider                  = aws.management
}
resource "aws_route" "argocd-path-to-management-1" {
  destination_cidr_block    = "10.30.0.0/16"
  route_table_id            = element(data.terraform_remote_state.network.outputs.private_route_table_ids, 1)
  vpc_peering_connection_id = aws_vpc_peering_connection_accepter.argocd-path-peering-accepter.id
}
resource "aws_route" "argocd-path-from-management-1" {
  destination_cidr_block    = "10.31.0.0/16"
  route_table_id            = element(data.terraform_remote_state.management-network.outputs.private_route_table_ids, 1)
  vpc_peering_connection_id = aws_vpc_peering_connection_accepter.argocd-path-peering-accepter.id
  provider                  = aws.management
}
resource "aws_route" "argocd-path-to-management-2" {
  destination_cidr_block    = "10.30.0.0/16"
  route_table_id            = element(data.terraform_remote_state.network.outputs.private_route_table_ids, 2)
  vpc_peering_connection_id = aws_vpc_peering_connection_accepter.argocd-path-peering-accepter.id
}
resource "aws_route" "argocd-path-from-management-2" {
  destination_cidr_block    = "10.31.0.0/16"
  route_table_id            = element(data.terraform_remote_state.management-network.outputs.private_route_table_ids, 2)
  vpc_peering_connection_id = aws_vpc_peering_connection_accepter.argocd-path-peering-accepter.id
  provider                  = aws.management
}
resource "aws_vpc_security_group_ingress_rule" "argocd-path-api-from-management" {
  cidr_ipv4         = "10.30.0.0/16"
  description       = "Kubernetes API from prod-eks-euw1 (Argo CD)"
  from_port         = 443
  ip_protocol       = "tcp"
  security_group_id = aws_eks_cluster.cluster.vpc_config[0].cluster_security_group_id
  to_port           = 443
}
resource "aws_security_group" "argocd-path-dns-inbound-group" {
  description = "DNS queries from prod-eks-euw1 to the resolver of prod-eks-euc1"
  name        = "prod-eks-euc1-dns-from-prod-eks-euw1"
  vpc_id      = data.terraform_remote_state.network.outputs.vpc_id
}
resource "aws_security_group" "argocd-path-dns-outbound-group" {
  description = "DNS queries from prod-eks-euw1 to the resolver of prod-eks-euc1"
  name        = "prod-eks-euw1-dns-to-prod-eks-euc1"
  vpc_id      = data.terraform_remote_state.management-network.outputs.vpc_id
  provider    = aws.management
}
resource "aws_vpc_security_group_ingress_rule" "argocd-path-dns-inbound-udp" {
  cidr_ipv4         = "10.30.0.0/16"
  from_port         = 53
  ip_protocol       = "udp"
  security_group_id = aws_security_group.argocd-path-dns-inbound-group.id
  to_port           = 53
}
resource "aws_vpc_security_group_egress_rule" "argocd-path-dns-outbound-udp" {
  cidr_ipv4         = "10.31.0.0/16"
  from_port         = 53
  ip_protocol       = "udp"
  security_group_id = aws_security_group.argocd-path-dns-outbound-group.id
  to_port           = 53
  provider          = aws.management
}
resource "aws_vpc_security_group_ingress_rule" "argocd-path-dns-inbound-tcp" {
  cidr_ipv4         = "10.30.0.0/16"
  from_port         = 53
  ip_protocol       = "tcp"
  security_group_id = aws_security_group.argocd-path-dns-inbound-group.id
  to_port           = 53
}
resource "aws_vpc_security_group_egress_rule" "argocd-path-dns-outbound-tcp" {
  cidr_ipv4         = "10.31.0.0/16"
  from_port         = 53
  ip_protocol       = "tcp"
  security_group_id = aws_security_group.argocd-path-dns-outbound-group.id
  to_port           = 53
  provider          = aws.management
}
resource "aws_route53_resolver_endpoint" "argocd-path-dns-inbound" {
  direction = "INBOUND"
  name      = "prod-eks-euc1-inbound"
  security_group_ids = [
    aws_security_group.argocd-path-dns-inbound-group.id
  ]
  ip_address {
    ip        = "10.31.0.10"
    subnet_id = element(data.terraform_remote_state.network.outputs.private_subnet_ids, 0)
  }
  ip_address {
    ip        = "10.31.64.10"
    subnet_id = element(data.terraform_remote_state.network.outputs.private_subnet_ids, 1)
  }
}
resource "aws_route53_resolver_endpoint" "argocd-path-dns-outbound" {
  direction = "OUTBOUND"
  name      = "prod-eks-euw1-to-prod-eks-euc1"
  security_group_ids = [
    aws_security_group.argocd-path-dns-outbound-group.id
  ]
  ip_address {
    subnet_id = element(data.terraform_remote_state.management-network.outputs.private_subnet_ids, 0)
  }
  ip_address {
    subnet_id = element(data.terraform_remote_state.management-network.outputs.private_subnet_ids, 1)
  }
  provider = aws.management
}
resource "aws_route53_resolver_rule" "argocd-path-dns-rule" {
  domain_name          = replace(aws_eks_cluster.cluster.endpoint, "https://", "")
  name                 = "prod-eks-euc1-api"
  resolver_endpoint_id = aws_route53_resolver_endpoint.argocd-path-dns-outbound.id
  rule_type            = "FORWARD"
  target_ip {
    ip   = "10.31.0.10"
    port = 53
  }
  target_ip {
    ip   = "10.31.64.10"
    port = 53
  }
  provider = aws.management
}
resource "aws_route53_resolver_rule_association" "argocd-path-dns-rule-association" {
  resolver_rule_id = aws_route53_resolver_rule.argocd-path-dns-rule.id
  vpc_id           = data.terraform_remote_state.management-network.outputs.vpc_id
  provider         = aws.management
}
data "aws_iam_policy_document" "terraform-drift-role-trust" {
  statement {
    actions = [
      "sts:AssumeRoleWithWebIdentity"
    ]
    effect = "Allow"
    condition {
      test = "StringEquals"
      values = [
        "sts.amazonaws.com"
      ]
      variable = "${replace(aws_eks_cluster.cluster.identity[0].oidc[0].issuer, "https://", "")}:aud"
    }
    condition {
      test = "StringEquals"
      values = [
        "system:serviceaccount:terraform-drift:terraform-drift"
      ]
      variable = "${replace(aws_eks_cluster.cluster.identity[0].oidc[0].issuer, "https://", "")}:sub"
    }
    principals {
      identifiers = [
        aws_iam_openid_connect_provider.irsa-oidc.arn
      ]
      type = "Federated"
    }
  }
}
resource "aws_iam_role" "terraform-drift-role" {
  assume_role_policy   = data.aws_iam_policy_document.terraform-drift-role-trust.json
  description          = "Service account terraform-drift/terraform-drift of prod-eks-euc1 (IRSA)"
  name                 = "prod-eks-euc1-terraform-drift"
  permissions_boundary = "arn:aws:iam::123456789012:policy/prod-workload-boundary"
}
data "aws_iam_policy_document" "terraform-drift-role-state-document" {
  statement {
    actions = [
      "s3:ListBucket"
    ]
    effect = "Allow"
    resources = [
      data.terraform_remote_state.foundation.outputs.state_bucket_arn
    ]
    sid = "ListState"
  }
  statement {
    actions = [
      "s3:GetObject"
    ]
    effect = "Allow"
    resources = [
      "${data.terraform_remote_state.foundation.outputs.state_bucket_arn}/*"
    ]
    sid = "ReadState"
  }
  statement {
    actions = [
      "kms:Decrypt",
      "kms:DescribeKey"
    ]
    effect = "Allow"
    resources = [
      data.terraform_remote_state.foundation.outputs.state_key_arn
    ]
    sid = "UseStateKey"
  }
}
resource "aws_iam_role_policy" "terraform-drift-role-state" {
  name   = "terraform-state"
  policy = data.aws_iam_policy_document.terraform-drift-role-state-document.json
  role   = aws_iam_role.terraform-drift-role.id
}
resource "aws_iam_role_policy_attachment" "terraform-drift-role-read-only" {
  policy_arn = "arn:aws:iam::aws:policy/ReadOnlyAccess"
  role       = aws_iam_role.terraform-drift-role.name
}
data "aws_iam_policy_document" "policy-reporter-role-trust" {
  statement {
    actions = [
      "sts:AssumeRoleWithWebIdentity"
    ]
    effect = "Allow"
    condition {
      test = "StringEquals"
      values = [
        "sts.amazonaws.com"
      ]
      variable = "${replace(aws_eks_cluster.cluster.identity[0].oidc[0].issuer, "https://", "")}:aud"
    }
    condition {
      test = "StringEquals"
      values = [
        "system:serviceaccount:policy-reporter:policy-reporter"
      ]
      variable = "${replace(aws_eks_cluster.cluster.identity[0].oidc[0].issuer, "https://", "")}:sub"
    }
    principals {
      identifiers = [
        aws_iam_openid_connect_provider.irsa-oidc.arn
      ]
      type = "Federated"
    }
  }
}
resource "aws_iam_role" "policy-reporter-role" {
  assume_role_policy   = data.aws_iam_policy_document.policy-reporter-role-trust.json
  description          = "Service account policy-reporter/policy-reporter of prod-eks-euc1 (IRSA)"
  name                 = "prod-eks-euc1-policy-reporter"
  permissions_boundary = "arn:aws:iam::123456789012:policy/prod-workload-boundary"
}
data "aws_iam_policy_document" "policy-reporter-role-reports-document" {
  statement {
    actions = [
      "s3:PutObject"
    ]
    effect = "Allow"
    resources = [
      "${data.terraform_remote_state.foundation.outputs.report_bucket_arn}/*"
    ]
    sid = "UploadReports"
  }
  statement {
    actions = [
      "kms:GenerateDataKey",
      "kms:Encrypt",
      "kms:Decrypt"
    ]
    effect = "Allow"
    resources = [
      data.terraform_remote_state.foundation.outputs.report_key_arn
    ]
    sid = "EncryptReportsThroughS3"
    condition {
      test = "StringEquals"
      values = [
        "s3.eu-west-1.amazonaws.com"
      ]
      variable = "kms:ViaService"
    }
  }
}
resource "aws_iam_role_policy" "policy-reporter-role-reports" {
  name   = "upload-compliance-reports"
  policy = data.aws_iam_policy_document.policy-reporter-role-reports-document.json
  role   = aws_iam_role.policy-reporter-role.id
}
data "aws_iam_policy_document" "velero-trust" {
  statement {
    actions = [
      "sts:AssumeRoleWithWebIdentity"
    ]
    effect = "Allow"
    condition {
      test = "StringEquals"
      values = [
        "sts.amazonaws.com"
      ]
      variable = "${replace(aws_eks_cluster.cluster.identity[0].oidc[0].issuer, "https://", "")}:aud"
    }
    condition {
      test = "StringEquals"
      values = [
        "system:serviceaccount:velero:velero"
      ]
      variable = "${replace(aws_eks_cluster.cluster.identity[0].oidc[0].issuer, "https://", "")}:sub"
    }
    principals {
      identifiers = [
        aws_iam_openid_connect_provider.irsa-oidc.arn
      ]
      type = "Federated"
    }
  }
}
resource "aws_iam_role" "velero-role" {
  assume_role_policy   = data.aws_iam_policy_document.velero-trust.json
  description          = "Service account velero/velero of prod-eks-euc1 (IRSA): writes and reads its backups"
  name                 = "prod-eks-euc1-velero"
  permissions_boundary = "arn:aws:iam::123456789012:policy/prod-workload-boundary"
}
data "aws_iam_policy_document" "velero-policy-document" {
  statement {
    actions = [
      "s3:ListBucket"
    ]
    effect = "Allow"
    resources = [
      data.terraform_remote_state.foundation.outputs.backup_bucket_arn
    ]
    sid = "ListOwnBackups"
    condition {
      test = "StringLike"
      values = [
        "prod-eks-euc1/*"
      ]
      variable = "s3:prefix"
    }
  }
  statement {
    actions = [
      "s3:GetObject",
      "s3:PutObject",
      "s3:DeleteObject",
      "s3:AbortMultipartUpload",
      "s3:ListMultipartUploadParts"
    ]
    effect = "Allow"
    resources = [
      "${data.terraform_remote_state.foundation.outputs.backup_bucket_arn}/prod-eks-euc1/*"
    ]
    sid = "ReadWriteOwnBackups"
  }
  statement {
    actions = [
      "kms:GenerateDataKey",
      "kms:Decrypt"
    ]
    effect = "Allow"
    resources = [
      data.terraform_remote_state.foundation.outputs.backup_key_arn
    ]
    sid = "UseBackupKeyThroughS3"
    condition {
      test = "StringEquals"
      values = [
        "s3.eu-west-1.amazonaws.com"
      ]
      variable = "kms:ViaService"
    }
  }
}
resource "aws_iam_role_policy" "velero-policy" {
  name   = "backup-objects"
  policy = data.aws_iam_policy_document.velero-policy-document.json
  role   = aws_iam_role.velero-role.id
}
data "aws_iam_policy_document" "container-logs-key-policy" {
  statement {
    actions = [
      "kms:*"
    ]
    effect = "Allow"
    resources = [
      "*"
    ]
    sid = "AccountIamDecides"
    principals {
      identifiers = [
        "arn:aws:iam::123456789012:root"
      ]
      type = "AWS"
    }
  }
  statement {
    actions = [
      "kms:Encrypt*",
      "kms:Decrypt*",
      "kms:ReEncrypt*",
      "kms:GenerateDataKey*",
      "kms:Describe*"
    ]
    effect = "Allow"
    resources = [
      "*"
    ]
    sid = "CloudWatchLogsOfThisGroup"
    condition {
      test = "ArnEquals"
      values = [
        "arn:aws:logs:eu-central-1:123456789012:log-group:/gitops-cdk/prod/prod-eks-euc1/containers"
      ]
      variable = "kms:EncryptionContext:aws:logs:arn"
    }
    principals {
      identifiers = [
        "logs.eu-central-1.amazonaws.com"
      ]
      type = "Service"
    }
  }
}
resource "aws_kms_key" "container-logs-key" {
  deletion_window_in_days = 30
  description             = "Encrypts the container logs of prod-eks-euc1 (shipped by Fluent Bit)"
  enable_key_rotation     = true
  policy                  = data.aws_iam_policy_document.container-logs-key-policy.json
}
resource "aws_cloudwatch_log_group" "container-logs-log-group" {
  kms_key_id        = aws_kms_key.container-logs-key.arn
  name              = "/gitops-cdk/prod/prod-eks-euc1/containers"
  retention_in_days = 90
}
data "aws_iam_policy_document" "fluent-bit-role-trust" {
  statement {
    actions = [
      "sts:AssumeRoleWithWebIdentity"
    ]
    effect = "Allow"
    condition {
      test = "StringEquals"
      values = [
        "sts.amazonaws.com"
      ]
      variable = "${replace(aws_eks_cluster.cluster.identity[0].oidc[0].issuer, "https://", "")}:aud"
    }
    condition {
      test = "StringEquals"
      values = [
        "system:serviceaccount:monitoring:fluent-bit"
      ]
      variable = "${replace(aws_eks_cluster.cluster.identity[0].oidc[0].issuer, "https://", "")}:sub"
    }
    principals {
      identifiers = [
        aws_iam_openid_connect_provider.irsa-oidc.arn
      ]
      type = "Federated"
    }
  }
}
resource "aws_iam_role" "fluent-bit-role" {
  assume_role_policy   = data.aws_iam_policy_document.fluent-bit-role-trust.json
  description          = "Service account monitoring/fluent-bit of prod-eks-euc1 (IRSA)"
  name                 = "prod-eks-euc1-fluent-bit"
  permissions_boundary = "arn:aws:iam::123456789012:policy/prod-workload-boundary"
}
data "aws_iam_policy_document" "fluent-bit-role-logs-document" {
  statement {
    actions = [
      "logs:CreateLogStream",
      "logs:PutLogEvents",
      "logs:DescribeLogStreams"
    ]
    effect = "Allow"
    resources = [
      "${aws_cloudwatch_log_group.container-logs-log-group.arn}:*"
    ]
    sid = "WriteContainerLogs"
  }
}
resource "aws_iam_role_policy" "fluent-bit-role-logs" {
  name   = "write-container-logs"
  policy = data.aws_iam_policy_document.fluent-bit-role-logs-document.json
  role   = aws_iam_role.fluent-bit-role.id
}
resource "aws_eks_access_entry" "break-glass-entry" {
  cluster_name  = aws_eks_cluster.cluster.name
  principal_arn = "arn:aws:iam::123456789012:role/prod-eks-break-glass"
  type          = "STANDARD"
}
resource "aws_eks_access_policy_association" "break-glass-cluster-admin" {
  cluster_name  = aws_eks_cluster.cluster.name
  policy_arn    = "arn:aws:eks::aws:cluster-access-policy/AmazonEKSClusterAdminPolicy"
  principal_arn = aws_eks_access_entry.break-glass-entry.principal_arn
  access_scope {
    type = "cluster"
  }
}

output "cluster_name" {
  value       = aws_eks_cluster.cluster.name
  description = "Name of the EKS cluster"
}

output "endpoint" {
  value       = aws_eks_cluster.cluster.endpoint
  description = "HTTPS endpoint of the Kubernetes API server"
}

output "certificate_authority_data" {
  value       = aws_eks_cluster.cluster.certificate_authority[0].data
  description = "Base64 PEM CA bundle of the API server"
}

output "oidc_issuer_url" {
  value       = aws_eks_cluster.cluster.identity[0].oidc[0].issuer
  description = "OIDC issuer of the cluster service account tokens (IRSA)"
}

output "oidc_provider_arn" {
  value       = aws_iam_openid_connect_provider.irsa-oidc.arn
  description = "IAM OIDC provider of the cluster, for IRSA role trust policies"
}

output "argocd_role_arn" {
  value       = aws_iam_role.argocd-role.arn
  description = "IAM role Argo CD assumes to reach this cluster; cluster-admin through its access entry"
}

output "terraform_drift_role_arn" {
  value       = aws_iam_role.terraform-drift-role.arn
  description = "IRSA role of terraform-drift/terraform-drift (read-only terraform plan)"
}

output "policy_reporter_role_arn" {
  value       = aws_iam_role.policy-reporter-role.arn
  description = "IRSA role of policy-reporter/policy-reporter (report upload)"
}

output "fluent_bit_role_arn" {
  value       = aws_iam_role.fluent-bit-role.arn
  description = "IRSA role of monitoring/fluent-bit (writes /gitops-cdk/prod/prod-eks-euc1/containers)"
}

output "velero_role_arn" {
  value       = aws_iam_role.velero-role.arn
  description = "IRSA role of velero/velero (its prefix of the backup bucket)"
}
