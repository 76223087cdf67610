import { terraformResourceReplaced } from '../../../../apps/diff/risks/terraform/terraform-resource-replaced';
import { findings, terraformChange } from '../../change-builders';
import { terraformMove } from './terraform-moves';

// Trimmed from dist/terraform/prod/aws-cluster-prod-eks-euw1/main.tf.
const EKS = `
resource "aws_eks_cluster" "cluster" {
  deletion_protection = true
  name     = "prod-eks-euw1"
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
}
`;

// Trimmed from dist/terraform/dev/azure-foundation/main.tf.
const STATE_ACCOUNT = `
resource "azurerm_storage_account" "state" {
  account_kind                      = "StorageV2"
  account_replication_type          = "ZRS"
  account_tier                      = "Standard"
  infrastructure_encryption_enabled = true
  location                          = "westeurope"
  min_tls_version                   = "TLS1_2"
  name                              = "acmetfstatedevc99839"
  resource_group_name               = azurerm_resource_group.resource-group.name
  lifecycle {
    prevent_destroy = true
  }
}
`;

// Trimmed from dist/terraform/prod/aws-network-prod-eks-euw1/main.tf.
const SUBNET = `
resource "aws_subnet" "private-a" {
  availability_zone = "eu-west-1a"
  cidr_block        = "10.20.0.0/19"
  vpc_id            = aws_vpc.vpc.id
}
`;

const CLUSTER_STACK = { stack: 'aws-cluster-prod-eks-euw1' };

describe('terraform-resource-replaced', () => {
  it('flags an EKS cluster renamed in place: name is ForceNew, high in every tier (the cluster goes)', async () => {
    const change = await terraformChange('aws_eks_cluster.cluster', EKS, EKS.replace('"prod-eks-euw1"', '"prod-eks-euw1-b"'), { ...CLUSTER_STACK, environment: 'dev' });
    const [finding, ...rest] = findings(terraformResourceReplaced, change, 'development');
    expect(rest).toEqual([]);
    expect(finding?.level).toBe('high');
    expect(finding?.path).toBe('name');
    expect(finding?.reason).toContain('name prod-eks-euw1 -> prod-eks-euw1-b forces replacement');
    expect(finding?.reason).toContain('internal/service/eks/cluster.go');
  });

  it('flags envelope encryption removed from an EKS cluster (ForceNewIfChange) and a removed attribute that falls back to a different default', async () => {
    const head = EKS.replace(/ {2}encryption_config \{[\s\S]*?\n {2}\}\n/, '').replace('    bootstrap_cluster_creator_admin_permissions = false\n', '');
    const change = await terraformChange('aws_eks_cluster.cluster', EKS, head, CLUSTER_STACK);
    const result = findings(terraformResourceReplaced, change, 'production');
    expect(result.map((finding) => finding.path)).toEqual(expect.arrayContaining(['encryption_config', 'access_config[0].bootstrap_cluster_creator_admin_permissions']));
    expect(result.find((finding) => finding.path === 'encryption_config')?.reason).toContain('(envelope encryption removed)');
    expect(result.find((finding) => finding.path !== 'encryption_config')?.reason).toContain('false -> true (default)');
  });

  it("flags the state storage account's replication moved across zone redundancy, noting that prevent_destroy fails the plan", async () => {
    const change = await terraformChange('azurerm_storage_account.state', STATE_ACCOUNT, STATE_ACCOUNT.replace('"ZRS"', '"GRS"'), {
      stack: 'azure-foundation',
      environment: 'dev',
    });
    const result = findings(terraformResourceReplaced, change, 'development');
    expect(result).toEqual([expect.objectContaining({ level: 'high', path: 'account_replication_type' })]);
    expect(result[0]?.reason).toContain('ZRS -> GRS');
    expect(result[0]?.reason).toContain('prevent_destroy makes the plan fail');
  });

  it("flags a GKE cluster's description edited: description is ForceNew in the google provider", async () => {
    // Trimmed from dist/terraform/dev/gcp-cluster-dev-gke-euw1/main.tf.
    const gke = 'resource "google_container_cluster" "cluster" {\n  description = "dev workload cluster"\n  location    = "europe-west1"\n  name        = "dev-gke-euw1"\n}\n';
    const change = await terraformChange('google_container_cluster.cluster', gke, gke.replace('dev workload cluster', 'dev workload cluster (EU)'), {
      stack: 'gcp-cluster-dev-gke-euw1',
      environment: 'dev',
    });
    const result = findings(terraformResourceReplaced, change, 'development');
    expect(result).toEqual([expect.objectContaining({ level: 'high', path: 'description' })]);
    expect(result[0]?.reason).toContain('google/services/container/resource_container_cluster.go');
  });

  it('flags an ordinary subnet re-addressed: medium outside production', async () => {
    const change = await terraformChange('aws_subnet.private-a', SUBNET, SUBNET.replace('10.20.0.0/19', '10.20.32.0/19'), {
      stack: 'aws-network-staging-eks-euw1',
      environment: 'staging',
    });
    expect(findings(terraformResourceReplaced, change, 'staging')).toEqual([expect.objectContaining({ level: 'medium', path: 'cidr_block' })]);
  });

  it('flags a force-new change on a resource moved with a moved block', async () => {
    const change = await terraformMove(
      { address: 'aws_subnet.private-a', text: SUBNET, stack: 'aws-network-prod-eks-euw1' },
      {
        address: 'aws_subnet.private-eu-west-1a',
        text: SUBNET.replace('= "eu-west-1a"', '= "eu-west-1b"').replace('"private-a"', '"private-eu-west-1a"'),
        stack: 'aws-network-prod-eks-euw1',
      },
      true,
    );
    expect(findings(terraformResourceReplaced, change, 'production')).toEqual([expect.objectContaining({ level: 'high', path: 'availability_zone' })]);
  });

  it('does not flag in-place updates: a Kubernetes version upgrade, a replication change within zone redundancy, a computed attribute dropped', async () => {
    const upgrade = await terraformChange('aws_eks_cluster.cluster', EKS, EKS.replace('"1.34"', '"1.35"'), CLUSTER_STACK);
    expect(findings(terraformResourceReplaced, upgrade, 'production')).toEqual([]);
    const zoneToGeoZone = await terraformChange('azurerm_storage_account.state', STATE_ACCOUNT, STATE_ACCOUNT.replace('"ZRS"', '"GZRS"'), { stack: 'azure-foundation' });
    expect(findings(terraformResourceReplaced, zoneToGeoZone, 'production')).toEqual([]);
    const zoneDropped = await terraformChange('aws_subnet.private-a', SUBNET, SUBNET.replace('  availability_zone = "eu-west-1a"\n', ''));
    expect(findings(terraformResourceReplaced, zoneDropped, 'production')).toEqual([]);
  });
});
