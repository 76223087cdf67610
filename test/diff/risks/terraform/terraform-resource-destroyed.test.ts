import { terraformResourceDestroyed } from '../../../../apps/diff/risks/terraform/terraform-resource-destroyed';
import { findings, terraformChange } from '../../change-builders';
import { terraformMove } from './terraform-moves';

// Trimmed from dist/terraform/prod/aws-foundation/main.tf.
const STATE_KEY = `
resource "aws_kms_key" "key" {
  deletion_window_in_days = 30
  description             = "Encrypts the Terraform state of prod"
  enable_key_rotation     = true
  lifecycle {
    prevent_destroy = true
  }
}
`;

// Trimmed from dist/terraform/prod/aws-network-prod-eks-euw1/main.tf.
const NETWORK = `
resource "aws_route_table" "private-a-routes" {
  vpc_id = aws_vpc.vpc.id
}
`;
const RENAMED = `
resource "aws_route_table" "private-routes-a" {
  vpc_id = aws_vpc.vpc.id
}
`;
// Trimmed from dist/terraform/prod/aws-foundation/main.tf and dist/terraform/prod/aws-cluster-prod-eks-euw1/main.tf.
const BUDGET = `
resource "aws_budgets_budget" "budget-monthly" {
  budget_type  = "COST"
  limit_amount = "20000"
  limit_unit   = "USD"
  name         = "prod-monthly"
  time_unit    = "MONTHLY"
}
`;
const CLUSTER = `
resource "aws_eks_cluster" "cluster" {
  name     = "prod-eks-euw1"
  role_arn = aws_iam_role.cluster-role.arn
  version  = "1.34"
}
`;

describe('terraform-resource-destroyed', () => {
  it("flags the state bucket's KMS key removed, high in every tier, noting that prevent_destroy goes with the block", async () => {
    const change = await terraformChange('aws_kms_key.key', STATE_KEY, '', { environment: 'staging' });
    const [finding, ...rest] = findings(terraformResourceDestroyed, change, 'staging');
    expect(rest).toEqual([]);
    expect(finding?.level).toBe('high');
    expect(finding?.reason).toContain('aws-foundation: aws_kms_key.key removed');
    expect(finding?.reason).toContain('unreadable');
    expect(finding?.reason).toContain('prevent_destroy goes with the block');
  });

  it('flags an ordinary resource removed: high in production, medium in development', async () => {
    const change = await terraformChange('aws_route_table.private-a-routes', NETWORK, '', { stack: 'aws-network-prod-eks-euw1' });
    expect(findings(terraformResourceDestroyed, change, 'production')).toEqual([expect.objectContaining({ level: 'high' })]);
    expect(findings(terraformResourceDestroyed, change, 'development')).toEqual([expect.objectContaining({ level: 'medium' })]);
  });

  it('flags a rename without a moved block as a replacement', async () => {
    const change = await terraformMove(
      { address: 'aws_route_table.private-a-routes', text: NETWORK, stack: 'aws-network-prod-eks-euw1' },
      { address: 'aws_route_table.private-routes-a', text: RENAMED, stack: 'aws-network-prod-eks-euw1' },
      false,
    );
    const result = findings(terraformResourceDestroyed, change, 'production');
    expect(result).toEqual([expect.objectContaining({ level: 'high' })]);
    expect(result[0]?.reason).toContain('replaced: renamed to aws_route_table.private-routes-a without a moved block');
  });

  it('flags a block moved to another stack: state does not follow across stacks', async () => {
    const change = await terraformMove(
      { address: 'aws_kms_key.key', text: STATE_KEY, stack: 'aws-foundation' },
      { address: 'aws_kms_key.key', text: STATE_KEY, stack: 'aws-state' },
      false,
      'dev',
    );
    const result = findings(terraformResourceDestroyed, change, 'development');
    expect(result).toEqual([expect.objectContaining({ level: 'high' })]);
    expect(result[0]?.reason).toContain('moved to dev/aws-state');
  });

  it('does not flag a rename declared with a moved block, nor a removed data source', async () => {
    const move = await terraformMove(
      { address: 'aws_route_table.private-a-routes', text: NETWORK, stack: 'aws-network-prod-eks-euw1' },
      { address: 'aws_route_table.private-routes-a', text: RENAMED, stack: 'aws-network-prod-eks-euw1' },
      true,
    );
    expect(findings(terraformResourceDestroyed, move, 'production')).toEqual([]);
    const data = await terraformChange('data.aws_availability_zones.zones', 'data "aws_availability_zones" "zones" {\n  state = "available"\n}\n', '');
    expect(findings(terraformResourceDestroyed, data, 'production')).toEqual([]);
  });

  it('does not flag a budget or a cluster removed: terraform-budget-lowered-or-removed and terraform-cluster-added-or-removed say what goes with them', async () => {
    expect(findings(terraformResourceDestroyed, await terraformChange('aws_budgets_budget.budget-monthly', BUDGET, undefined), 'production')).toEqual([]);
    const cluster = await terraformChange('aws_eks_cluster.cluster', CLUSTER, undefined, { stack: 'aws-cluster-prod-eks-euw1' });
    expect(findings(terraformResourceDestroyed, cluster, 'production')).toEqual([]);
    // Renamed without a moved block, the cluster is still destroyed and re-created: that stays this rule's.
    const renamed = await terraformMove(
      { address: 'aws_eks_cluster.cluster', text: CLUSTER, stack: 'aws-cluster-prod-eks-euw1' },
      { address: 'aws_eks_cluster.eks', text: CLUSTER.replace('"cluster"', '"eks"'), stack: 'aws-cluster-prod-eks-euw1' },
      false,
    );
    expect(findings(terraformResourceDestroyed, renamed, 'production')).toEqual([expect.objectContaining({ level: 'high' })]);
  });

  it('does not flag a resource changed in place', async () => {
    const change = await terraformChange('aws_kms_key.key', STATE_KEY, STATE_KEY.replace('Encrypts the Terraform state of prod', 'Encrypts the state of prod'));
    expect(findings(terraformResourceDestroyed, change, 'production')).toEqual([]);
  });
});
