terraform {
  required_providers {
    aws = {
      version = "6.25.0"
      source  = "aws"
    }
  }
  backend "s3" {
    bucket       = "acme-tfstate-staging-210987654321"
    key          = "aws-cluster-staging-eks-euw1/terraform.tfstate"
    region       = "eu-west-1"
    encrypt      = true
    kms_key_id   = "arn:aws:kms:eu-west-1:210987654321:alias/staging-tfstate"
    use_lockfile = true
  }

}

provider "aws" {
  allowed_account_ids = [
    "210987654321"
  ]
  region = "eu-west-1"
  default_tags {
    tags = {
      env         = "staging"
      owner       = "platform-team"
      cost-centre = "cc-4711"
      managed-by  = "gitops-cdk"
    }
  }
}
data "terraform_remote_state" "network" {
  backend = "s3"
  config = {
    bucket     = "acme-tfstate-staging-210987654321"
    key        = "aws-network-staging-eks-euw1/terraform.tfstate"
    region     = "eu-west-1"
    encrypt    = true
    kms_key_id = "arn:aws:kms:eu-west-1:210987654321:alias/staging-tfstate"
  }
}
data "terraform_remote_state" "foundation" {
  backend = "s3"
  config = {
    bucket     = "acme-tfstate-staging-210987654321"
    key        = "aws-foundation/terraform.tfstate"
    region     = "eu-west-1"
    encrypt    = true
    kms_key_id = "arn:aws:kms:eu-west-1:210987654321:alias/staging-tfstate"
  }
}
resource "aws_kms_key" "secrets-key" {
  deletion_window_in_days = 30
  description             = "Envelope encryption of the Kubernetes secrets of staging-eks-euw1"
  enable_key_rotation     = true
}
resource "aws_kms_alias" "secrets-key-alias" {
  name          = "alias/staging-eks-euw1-eks-secrets"
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
        "arn:aws:iam::210987654321:root"
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
        "arn:aws:logs:eu-west-1:210987654321:log-group:/aws/eks/staging-eks-euw1/cluster"
      ]
      variable = "kms:EncryptionContext:aws:logs:arn"
    }
    principals {
      identifiers = [
        "logs.eu-west-1.amazonaws.com"
      ]
      type = "Service"
    }
  }
}
resource "aws_kms_key" "control-plane-logs-key" {
  deletion_window_in_days = 30
  description             = "Encrypts the control plane logs of staging-eks-euw1"
  enable_key_rotation     = true
  policy                  = data.aws_iam_policy_document.control-plane-logs-key-policy.json
}
resource "aws_cloudwatch_log_group" "control-plane-logs-log-group" {
  kms_key_id        = aws_kms_key.control-plane-logs-key.arn
  name              = "/aws/eks/staging-eks-euw1/cluster"
  retention_in_days = 90
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
  description          = "EKS control plane of staging-eks-euw1"
  name                 = "staging-eks-euw1-cluster"
  permissions_boundary = "arn:aws:iam::210987654321:policy/staging-workload-boundary"
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
  deletion_protection = false
  enabled_cluster_log_types = [
    "api",
    "audit",
    "authenticator",
    "controllerManager",
    "scheduler"
  ]
  name     = "staging-eks-euw1"
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
    endpoint_public_access  = true
    public_access_cidrs = [
      "198.51.100.0/24",
      "203.0.113.0/24"
    ]
    subnet_ids = data.terraform_remote_state.network.outputs.private_subnet_ids
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
  description          = "Service account kube-system/aws-node of staging-eks-euw1 (IRSA)"
  name                 = "staging-eks-euw1-aws-node"
  permissions_boundary = "arn:aws:iam::210987654321:policy/staging-workload-boundary"
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
  description          = "EKS nodes of staging-eks-euw1"
  name                 = "staging-eks-euw1-node"
  permissions_boundary = "arn:aws:iam::210987654321:policy/staging-workload-boundary"
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
    "m6i.large"
  ]
  node_group_name_prefix = "staging-eks-euw1-"
  node_role_arn          = aws_iam_role.node-role.arn
  subnet_ids             = data.terraform_remote_state.network.outputs.private_subnet_ids
  scaling_config {
    desired_size = 2
    max_size     = 6
    min_size     = 2
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
  description          = "Service account kube-system/cluster-autoscaler of staging-eks-euw1 (IRSA): scales its managed node groups"
  name                 = "staging-eks-euw1-cluster-autoscaler"
  permissions_boundary = "arn:aws:iam::210987654321:policy/staging-workload-boundary"
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
      "arn:aws:eks:eu-west-1:210987654321:nodegroup/staging-eks-euw1/*/*"
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
      variable = "aws:ResourceTag/k8s.io/cluster-autoscaler/staging-eks-euw1"
    }
  }
}
resource "aws_iam_role_policy" "cluster-autoscaler-policy" {
  name   = "scale-node-groups"
  policy = data.aws_iam_policy_document.cluster-autoscaler-policy-document.json
  role   = aws_iam_role.cluster-autoscaler-role.id
}
data "aws_iam_policy_document" "argocd-trust" {
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
        "system:serviceaccount:argocd:argocd-application-controller",
        "system:serviceaccount:argocd:argocd-server"
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
resource "aws_iam_role" "argocd" {
  assume_role_policy   = data.aws_iam_policy_document.argocd-trust.json
  description          = "Argo CD on staging-eks-euw1 (IRSA of argocd/argocd-application-controller, argocd-server)"
  name                 = "argocd-staging-eks-euw1"
  path                 = "/"
  permissions_boundary = "arn:aws:iam::210987654321:policy/staging-workload-boundary"
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
  description          = "Service account terraform-drift/terraform-drift of staging-eks-euw1 (IRSA)"
  name                 = "staging-eks-euw1-terraform-drift"
  permissions_boundary = "arn:aws:iam::210987654321:policy/staging-workload-boundary"
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
  description          = "Service account policy-reporter/policy-reporter of staging-eks-euw1 (IRSA)"
  name                 = "staging-eks-euw1-policy-reporter"
  permissions_boundary = "arn:aws:iam::210987654321:policy/staging-workload-boundary"
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
  description          = "Service account velero/velero of staging-eks-euw1 (IRSA): writes and reads its backups"
  name                 = "staging-eks-euw1-velero"
  permissions_boundary = "arn:aws:iam::210987654321:policy/staging-workload-boundary"
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
        "staging-eks-euw1/*"
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
      "${data.terraform_remote_state.foundation.outputs.backup_bucket_arn}/staging-eks-euw1/*"
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
        "arn:aws:iam::210987654321:root"
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
        "arn:aws:logs:eu-west-1:210987654321:log-group:/gitops-cdk/staging/staging-eks-euw1/containers"
      ]
      variable = "kms:EncryptionContext:aws:logs:arn"
    }
    principals {
      identifiers = [
        "logs.eu-west-1.amazonaws.com"
      ]
      type = "Service"
    }
  }
}
resource "aws_kms_key" "container-logs-key" {
  deletion_window_in_days = 30
  description             = "Encrypts the container logs of staging-eks-euw1 (shipped by Fluent Bit)"
  enable_key_rotation     = true
  policy                  = data.aws_iam_policy_document.container-logs-key-policy.json
}
resource "aws_cloudwatch_log_group" "container-logs-log-group" {
  kms_key_id        = aws_kms_key.container-logs-key.arn
  name              = "/gitops-cdk/staging/staging-eks-euw1/containers"
  retention_in_days = 30
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
  description          = "Service account monitoring/fluent-bit of staging-eks-euw1 (IRSA)"
  name                 = "staging-eks-euw1-fluent-bit"
  permissions_boundary = "arn:aws:iam::210987654321:policy/staging-workload-boundary"
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
  value       = aws_iam_role.argocd.arn
  description = "IAM role of Argo CD's service accounts (IRSA); assumes the workload clusters' Argo CD roles"
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
  description = "IRSA role of monitoring/fluent-bit (writes /gitops-cdk/staging/staging-eks-euw1/containers)"
}

output "velero_role_arn" {
  value       = aws_iam_role.velero-role.arn
  description = "IRSA role of velero/velero (its prefix of the backup bucket)"
}
