terraform {
  required_providers {
    aws = {
      version = "6.25.0"
      source  = "aws"
    }
  }
  backend "s3" {
    bucket       = "acme-tfstate-prod-123456789012"
    key          = "aws-network-prod-eks-euw1/terraform.tfstate"
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
  region = "eu-west-1"
  default_tags {
    tags = {
      env         = "prod"
      owner       = "platform-team"
      cost-centre = "cc-4711"
      managed-by  = "gitops-cdk"
    }
  }
}
data "aws_availability_zones" "zones" {
  state = "available"
  filter {
    name = "opt-in-status"
    values = [
      "opt-in-not-required"
    ]
  }
}
resource "aws_vpc" "vpc" {
  cidr_block           = "10.30.0.0/16"
  enable_dns_hostnames = true
  enable_dns_support   = true
  tags = {
    Name = "prod-eks-euw1"
  }
}
resource "aws_subnet" "public-0" {
  availability_zone       = element(data.aws_availability_zones.zones.names, 0)
  cidr_block              = "10.30.192.0/22"
  map_public_ip_on_launch = false
  tags = {
    Name                     = "prod-eks-euw1-public-0"
    "kubernetes.io/role/elb" = "1"
  }
  vpc_id = aws_vpc.vpc.id
}
resource "aws_subnet" "public-1" {
  availability_zone       = element(data.aws_availability_zones.zones.names, 1)
  cidr_block              = "10.30.196.0/22"
  map_public_ip_on_launch = false
  tags = {
    Name                     = "prod-eks-euw1-public-1"
    "kubernetes.io/role/elb" = "1"
  }
  vpc_id = aws_vpc.vpc.id
}
resource "aws_subnet" "public-2" {
  availability_zone       = element(data.aws_availability_zones.zones.names, 2)
  cidr_block              = "10.30.200.0/22"
  map_public_ip_on_launch = false
  tags = {
    Name                     = "prod-eks-euw1-public-2"
    "kubernetes.io/role/elb" = "1"
  }
  vpc_id = aws_vpc.vpc.id
}
resource "aws_subnet" "private-0" {
  availability_zone = element(data.aws_availability_zones.zones.names, 0)
  cidr_block        = "10.30.0.0/18"
  tags = {
    Name                              = "prod-eks-euw1-private-0"
    "kubernetes.io/role/internal-elb" = "1"
  }
  vpc_id = aws_vpc.vpc.id
}
resource "aws_subnet" "private-1" {
  availability_zone = element(data.aws_availability_zones.zones.names, 1)
  cidr_block        = "10.30.64.0/18"
  tags = {
    Name                              = "prod-eks-euw1-private-1"
    "kubernetes.io/role/internal-elb" = "1"
  }
  vpc_id = aws_vpc.vpc.id
}
resource "aws_subnet" "private-2" {
  availability_zone = element(data.aws_availability_zones.zones.names, 2)
  cidr_block        = "10.30.128.0/18"
  tags = {
    Name                              = "prod-eks-euw1-private-2"
    "kubernetes.io/role/internal-elb" = "1"
  }
  vpc_id = aws_vpc.vpc.id
}
resource "aws_internet_gateway" "internet-gateway" {
  tags = {
    Name = "prod-eks-euw1"
  }
  vpc_id = aws_vpc.vpc.id
}
resource "aws_route_table" "public-routes" {
  tags = {
    Name = "prod-eks-euw1-public"
  }
  vpc_id = aws_vpc.vpc.id
}
resource "aws_route" "public-default-route" {
  destination_cidr_block = "0.0.0.0/0"
  gateway_id             = aws_internet_gateway.internet-gateway.id
  route_table_id         = aws_route_table.public-routes.id
}
resource "aws_route_table_association" "public-0-association" {
  route_table_id = aws_route_table.public-routes.id
  subnet_id      = aws_subnet.public-0.id
}
resource "aws_route_table_association" "public-1-association" {
  route_table_id = aws_route_table.public-routes.id
  subnet_id      = aws_subnet.public-1.id
}
resource "aws_route_table_association" "public-2-association" {
  route_table_id = aws_route_table.public-routes.id
  subnet_id      = aws_subnet.public-2.id
}
resource "aws_eip" "nat-0-ip" {
  domain = "vpc"
  tags = {
    Name = "prod-eks-euw1-nat-0"
  }
}
resource "aws_nat_gateway" "nat-0" {
  allocation_id = aws_eip.nat-0-ip.allocation_id
  subnet_id     = aws_subnet.public-0.id
  tags = {
    Name = "prod-eks-euw1-nat-0"
  }
  depends_on = [
    aws_internet_gateway.internet-gateway,
  ]
}
resource "aws_eip" "nat-1-ip" {
  domain = "vpc"
  tags = {
    Name = "prod-eks-euw1-nat-1"
  }
}
resource "aws_nat_gateway" "nat-1" {
  allocation_id = aws_eip.nat-1-ip.allocation_id
  subnet_id     = aws_subnet.public-1.id
  tags = {
    Name = "prod-eks-euw1-nat-1"
  }
  depends_on = [
    aws_internet_gateway.internet-gateway,
  ]
}
resource "aws_eip" "nat-2-ip" {
  domain = "vpc"
  tags = {
    Name = "prod-eks-euw1-nat-2"
  }
}
resource "aws_nat_gateway" "nat-2" {
  allocation_id = aws_eip.nat-2-ip.allocation_id
  subnet_id     = aws_subnet.public-2.id
  tags = {
    Name = "prod-eks-euw1-nat-2"
  }
  depends_on = [
    aws_internet_gateway.internet-gateway,
  ]
}
resource "aws_route_table" "private-0-routes" {
  tags = {
    Name = "prod-eks-euw1-private-0"
  }
  vpc_id = aws_vpc.vpc.id
}
resource "aws_route" "private-0-default-route" {
  destination_cidr_block = "0.0.0.0/0"
  nat_gateway_id         = aws_nat_gateway.nat-0.id
  route_table_id         = aws_route_table.private-0-routes.id
}
resource "aws_route_table_association" "private-0-association" {
  route_table_id = aws_route_table.private-0-routes.id
  subnet_id      = aws_subnet.private-0.id
}
resource "aws_route_table" "private-1-routes" {
  tags = {
    Name = "prod-eks-euw1-private-1"
  }
  vpc_id = aws_vpc.vpc.id
}
resource "aws_route" "private-1-default-route" {
  destination_cidr_block = "0.0.0.0/0"
  nat_gateway_id         = aws_nat_gateway.nat-1.id
  route_table_id         = aws_route_table.private-1-routes.id
}
resource "aws_route_table_association" "private-1-association" {
  route_table_id = aws_route_table.private-1-routes.id
  subnet_id      = aws_subnet.private-1.id
}
resource "aws_route_table" "private-2-routes" {
  tags = {
    Name = "prod-eks-euw1-private-2"
  }
  vpc_id = aws_vpc.vpc.id
}
resource "aws_route" "private-2-default-route" {
  destination_cidr_block = "0.0.0.0/0"
  nat_gateway_id         = aws_nat_gateway.nat-2.id
  route_table_id         = aws_route_table.private-2-routes.id
}
resource "aws_route_table_association" "private-2-association" {
  route_table_id = aws_route_table.private-2-routes.id
  subnet_id      = aws_subnet.private-2.id
}
data "aws_iam_policy_document" "flow-logs-key-policy" {
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
        "arn:aws:logs:eu-west-1:123456789012:log-group:/aws/vpc/prod-eks-euw1/flow-logs"
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
resource "aws_kms_key" "flow-logs-key" {
  deletion_window_in_days = 30
  description             = "Encrypts the VPC flow logs of prod-eks-euw1"
  enable_key_rotation     = true
  policy                  = data.aws_iam_policy_document.flow-logs-key-policy.json
}
resource "aws_cloudwatch_log_group" "flow-logs-log-group" {
  kms_key_id        = aws_kms_key.flow-logs-key.arn
  name              = "/aws/vpc/prod-eks-euw1/flow-logs"
  retention_in_days = 365
}
data "aws_iam_policy_document" "flow-logs-trust" {
  statement {
    actions = [
      "sts:AssumeRole"
    ]
    effect = "Allow"
    condition {
      test = "StringEquals"
      values = [
        "123456789012"
      ]
      variable = "aws:SourceAccount"
    }
    condition {
      test = "ArnLike"
      values = [
        "arn:aws:ec2:eu-west-1:123456789012:vpc-flow-log/*"
      ]
      variable = "aws:SourceArn"
    }
    principals {
      identifiers = [
        "vpc-flow-logs.amazonaws.com"
      ]
      type = "Service"
    }
  }
}
resource "aws_iam_role" "flow-logs-role" {
  assume_role_policy   = data.aws_iam_policy_document.flow-logs-trust.json
  description          = "Delivers the VPC flow logs of prod-eks-euw1 to CloudWatch Logs"
  name                 = "prod-eks-euw1-flow-logs"
  permissions_boundary = "arn:aws:iam::123456789012:policy/prod-workload-boundary"
}
data "aws_iam_policy_document" "flow-logs-permissions" {
  statement {
    actions = [
      "logs:CreateLogStream",
      "logs:PutLogEvents",
      "logs:DescribeLogStreams"
    ]
    effect = "Allow"
    resources = [
      aws_cloudwatch_log_group.flow-logs-log-group.arn,
      "${aws_cloudwatch_log_group.flow-logs-log-group.arn}:*"
    ]
    sid = "WriteThisLogGroup"
  }
  statement {
    actions = [
      "logs:DescribeLogGroups"
    ]
    effect = "Allow"
    resources = [
      "arn:aws:logs:eu-west-1:123456789012:log-group:*"
    ]
    sid = "FindLogGroups"
  }
}
resource "aws_iam_role_policy" "flow-logs-role-policy" {
  name   = "deliver-flow-logs"
  policy = data.aws_iam_policy_document.flow-logs-permissions.json
  role   = aws_iam_role.flow-logs-role.id
}
resource "aws_flow_log" "flow-log" {
  iam_role_arn             = aws_iam_role.flow-logs-role.arn
  log_destination          = aws_cloudwatch_log_group.flow-logs-log-group.arn
  log_destination_type     = "cloud-watch-logs"
  max_aggregation_interval = 60
  traffic_type             = "ALL"
  vpc_id                   = aws_vpc.vpc.id
}
resource "aws_default_security_group" "default-security-group" {
  tags = {
    Name = "prod-eks-euw1-default-deny"
  }
  vpc_id = aws_vpc.vpc.id
}

output "vpc_id" {
  value       = aws_vpc.vpc.id
  description = "VPC of the EKS cluster prod-eks-euw1"
}

output "private_subnet_ids" {
  value = [
    aws_subnet.private-0.id,
    aws_subnet.private-1.id,
    aws_subnet.private-2.id,
  ]
  description = "Private subnets of prod-eks-euw1, one per availability zone, for the control plane ENIs and the nodes"
}

output "private_route_table_ids" {
  value = [
    aws_route_table.private-0-routes.id,
    aws_route_table.private-1-routes.id,
    aws_route_table.private-2-routes.id,
  ]
  description = "Route tables of the private subnets of prod-eks-euw1, in zone order (peering routes to Argo CD's network)"
}
