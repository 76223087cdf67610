import { parse } from '@cdktf/hcl2json';
import type { JsonObject } from '../../../apps/diff/estate-unit';
import { complianceUnits } from '../../../apps/diff/read/compliance-units';
import { distFileRole } from '../../../apps/diff/read/dist-path';
import { kubernetesUnits } from '../../../apps/diff/read/kubernetes-units';
import { terraformUnits } from '../../../apps/diff/read/terraform-units';

describe('kubernetesUnits', () => {
  const application = [
    'apiVersion: argoproj.io/v1alpha1',
    'kind: Application',
    'metadata:',
    '  name: kyverno',
    '  namespace: argocd',
    'spec:',
    '  source:',
    '    chart: kyverno',
    '    helm:',
    '      values: |',
    '        admissionController:',
    '          replicas: 3',
    '---',
    'apiVersion: rbac.authorization.k8s.io/v1',
    'kind: ClusterRole',
    'metadata:',
    '  name: reader',
    '',
  ].join('\n');

  it('keys each object of a file by group, kind, namespace, name and folder (not by version: v1beta1 to v1 is one object)', () => {
    const units = kubernetesUnits('dist/k8s/prod/addons/application-kyverno.yaml', 'prod', application);
    expect(units.map((u) => u.key)).toEqual([
      'argoproj.io/Application/argocd/kyverno in dist/k8s/prod/addons',
      'rbac.authorization.k8s.io/ClusterRole//reader in dist/k8s/prod/addons',
    ]);
    const secret = 'apiVersion: v1\nkind: Secret\nmetadata:\n  name: s\n  namespace: n\n';
    expect(kubernetesUnits('dist/k8s/prod/x/secret.yaml', 'prod', secret)[0]?.key).toBe('core/Secret/n/s in dist/k8s/prod/x');
    // The same object in two clusters' folders: two objects, applied to two clusters.
    expect(kubernetesUnits('dist/k8s/prod/drift-a/s.yaml', 'prod', secret)[0]?.key).not.toBe(kubernetesUnits('dist/k8s/prod/drift-b/s.yaml', 'prod', secret)[0]?.key);
  });

  it('keeps Helm values that Helm would refuse (a YAML error, several documents) as the string they are', () => {
    const values = (text: string) => ({ apiVersion: 'argoproj.io/v1alpha1', kind: 'Application', metadata: { name: 'a' }, spec: { source: { helm: { values: text } } } });
    expect(kubernetesUnits('f.yaml', 'prod', JSON.stringify(values('a: 1\nb: [unclosed\n')))[0]?.body).toMatchObject({
      spec: { source: { helm: { values: 'a: 1\nb: [unclosed\n' } } },
    });
    expect(kubernetesUnits('f.yaml', 'prod', JSON.stringify(values('a: 1\n---\nb: 2\n')))[0]?.body).toMatchObject({ spec: { source: { helm: { values: 'a: 1\n---\nb: 2\n' } } } });
  });

  it('parses the Helm values of an Application, so they diff as values', () => {
    const [app] = kubernetesUnits('f.yaml', 'prod', application);
    expect(app?.body).toMatchObject({ spec: { source: { helm: { values: { admissionController: { replicas: 3 } } } } } });
  });

  it("parses a ConfigMap's JSON entries (Grafana dashboards), and leaves other entries as text", () => {
    const text = 'apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: d\ndata:\n  d.json: |\n    {"panels": [{"title": "x"}]}\n  broken.json: "{"\n  run.sh: |\n    echo hi\n';
    expect(kubernetesUnits('f.yaml', 'prod', text)[0]?.body.data).toEqual({ 'd.json': { panels: [{ title: 'x' }] }, 'broken.json': '{', 'run.sh': 'echo hi\n' });
  });

  it("reads a folder's Kustomization as the folder's unit, and refuses a file that is not YAML, naming it", () => {
    const [kustomization] = kubernetesUnits('dist/k8s/prod/kustomization.yaml', 'prod', 'apiVersion: kustomize.config.k8s.io/v1beta1\nkind: Kustomization\nresources: [a]\n');
    expect(kustomization).toMatchObject({ kind: 'Kustomization', name: 'dist/k8s/prod', body: { resources: ['a'] } });
    expect(() => kubernetesUnits('dist/k8s/prod/x.yaml', 'prod', 'a: [b\n')).toThrow('dist/k8s/prod/x.yaml: not valid YAML');
  });
});

describe('terraformUnits', () => {
  const mainTf = `
terraform {
  required_providers {
    aws = {
      source  = "aws"
      version = "6.25.0"
    }
  }
  backend "s3" {
    bucket       = "acme-tfstate"
    encrypt      = true
    use_lockfile = true
  }
}

provider "aws" {
  region = "eu-west-1"
}

provider "aws" {
  alias  = "replica"
  region = "eu-central-1"
}

resource "aws_s3_bucket" "state" {
  bucket = "acme-tfstate"
}

data "aws_iam_policy_document" "trust" {
  statement {
    actions = ["sts:AssumeRole"]
  }
}

output "bucket" {
  value = "\${aws_s3_bucket.state.id}"
}

moved {
  from = aws_s3_bucket.old
  to   = aws_s3_bucket.state
}
`;

  it('gives one unit per block, keyed by stack and Terraform address', async () => {
    const hcl = (await parse('main.tf', mainTf)) as JsonObject;
    const { units, moves } = terraformUnits('dist/terraform/prod/aws-foundation/main.tf', 'prod', 'aws-foundation', hcl);
    expect(units.map((u) => [u.address, u.block, u.type])).toEqual([
      ['aws_s3_bucket.state', 'resource', 'aws_s3_bucket'],
      ['data.aws_iam_policy_document.trust', 'data', 'aws_iam_policy_document'],
      ['output.bucket', 'output', undefined],
      ['provider.aws', 'provider', 'aws'],
      ['provider.aws.replica', 'provider', 'aws'],
      ['terraform.backend', 'backend', 's3'],
      ['terraform.required_providers', 'required_providers', undefined],
    ]);
    expect(units[0]?.key).toBe('aws-foundation/aws_s3_bucket.state');
    expect(units.find((u) => u.address === 'terraform.backend')?.body).toEqual({ bucket: 'acme-tfstate', encrypt: true, use_lockfile: true });
    expect(moves).toEqual([{ from: 'aws_s3_bucket.old', to: 'aws_s3_bucket.state' }]);
  });
});

describe('complianceUnits', () => {
  const RESULTS = 'dist/compliance/results/dev.jsonl';
  const lines = (...results: object[]): string => results.map((r) => `${JSON.stringify(r)}\n`).join('');

  it('reads one unit per line, keyed by rule, engine, unit and path, with the suppression of a suppressed one', () => {
    const result = {
      environment: 'dev',
      engine: 'terraform',
      unit: 'net',
      resource: 'azurerm_virtual_network.vnet',
      path: 'net/vnet',
      rule: 'tf-network-flow-logs',
      level: 'error',
      status: 'suppressed',
      suppression: { reason: 'PLAT-231', expires: '2027-02-26' },
    };
    const passing = { ...result, rule: 'tf-network-ddos', status: 'pass', suppression: undefined };
    const units = complianceUnits(RESULTS, lines(passing, result));
    expect(units.map((u) => u.key)).toEqual(['tf-network-ddos × terraform/net/net/vnet', 'tf-network-flow-logs × terraform/net/net/vnet']);
    expect(units[1]).toMatchObject({ environment: 'dev', file: RESULTS, status: 'suppressed', body: { suppression: { expires: '2027-02-26' } } });
  });

  it('names the line of a result it cannot read', () => {
    expect(() => complianceUnits(RESULTS, `${lines({ environment: 'dev', rule: 'r', resource: 'x', status: 'pass' })}{"environment":\n`)).toThrow(
      /^dist\/compliance\/results\/dev\.jsonl:2: not valid JSON/,
    );
    expect(() => complianceUnits(RESULTS, '[]\n')).toThrow('dist/compliance/results/dev.jsonl:1: not a compliance result');
    expect(() => complianceUnits(RESULTS, '{"rule":"r"}\n')).toThrow('dist/compliance/results/dev.jsonl:1: not a compliance result');
  });

  it('numbers a second result of the same rule on the same resource, so both are compared', () => {
    const result = { environment: 'dev', engine: 'terraform', unit: 'net', resource: 'r', path: 'net/r', rule: 'tf-x', level: 'error', status: 'fail' };
    expect(complianceUnits(RESULTS, lines(result, result)).map((u) => u.key)).toEqual(['tf-x × terraform/net/net/r', 'tf-x × terraform/net/net/r #2']);
  });
});

describe('distFileRole', () => {
  it.each([
    ['dist/k8s/prod/policies/clusterpolicy-x.yaml', { kind: 'kubernetes', environment: 'prod' }],
    ['dist/k8s/prod/policies/kustomization.yaml', { kind: 'kubernetes', environment: 'prod' }],
    ['dist/terraform/prod/aws-foundation/.terraform.lock.hcl', { kind: 'generated', environment: 'prod', stack: 'aws-foundation' }],
    ['dist/README.md', { kind: 'generated', area: 'README.md' }],
    ['dist/terraform/prod/aws-foundation/main.tf', { kind: 'terraform', environment: 'prod', stack: 'aws-foundation' }],
    ['dist/terraform/prod/apply-order.json', { kind: 'generated', environment: 'prod' }],
    ['dist/compliance/results/prod.jsonl', { kind: 'compliance', environment: 'prod' }],
    ['dist/compliance/report.json', { kind: 'generated' }],
    ['dist/compliance/report.md', { kind: 'generated' }],
    ['dist/estate/prod/environment.json', { kind: 'estate', environment: 'prod' }],
    ['dist/policy-tests/prod/require-labels/kyverno-test.yaml', { kind: 'generated', environment: 'prod' }],
  ])('reads %s as %j', (path, role) => {
    expect(distFileRole(path)).toMatchObject(role);
  });

  it("reads the compliance report's entry points as files of no one environment", () => {
    expect([distFileRole('dist/compliance/report.json').environment, distFileRole('dist/compliance/report.md').environment]).toEqual([undefined, undefined]);
    expect(distFileRole('dist/compliance/results/notes.md')).toEqual({ kind: 'generated', area: 'compliance' });
  });
});
