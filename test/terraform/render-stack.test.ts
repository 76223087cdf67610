import { S3Backend, TerraformResource, TerraformStack, Testing } from 'cdktf';
import { buildTerraformEstate } from '../../apps/assembly/terraform-estate';
import { renderStack } from '../../constructs/terraform/render-stack';
import { TF_ESTATE, TF_PRODUCTION } from './terraform-fixtures';

function stackWithBackend(): TerraformStack {
  const stack = new TerraformStack(Testing.app(), 'probe');
  new S3Backend(stack, { bucket: 'b', key: 'probe/terraform.tfstate', region: 'eu-west-1' });
  return stack;
}

describe('renderStack', () => {
  // One foundation per environment (every cloud): the whole estate's determinism is the synth's test.
  // The whole estate's absence of local paths is checked on every synthesized file in
  // test/synth; here one foundation (the AWS production fixture's: replication, break-glass, the most moving parts) is built twice.
  it('renders the same text for the same stack built twice, with no path of this machine', async () => {
    const spec = TF_PRODUCTION;
    const [first, second] = [buildTerraformEstate(spec), buildTerraformEstate(spec)].map((e) => e.stacks.find((s) => s.node.id.endsWith('-foundation'))!);
    const a = await renderStack(first!, spec.name);
    const b = await renderStack(second!, spec.name);
    expect(a.hcl).toBe(b.hcl);
    expect(JSON.stringify(a.json)).toBe(JSON.stringify(b.json));
    for (const text of [a.hcl, JSON.stringify(a.json)]) {
      expect(text).not.toContain(process.cwd());
      expect(text).not.toContain(__dirname);
    }
  }, 15_000);

  it('renders a stack again without running its aspects twice', async () => {
    const spec = TF_ESTATE.find((s) => s.clouds.aws !== undefined)!;
    const [stack] = buildTerraformEstate(spec).stacks;
    const a = await renderStack(stack!, spec.name);
    const b = await renderStack(stack!, spec.name);
    expect(b.hcl).toBe(a.hcl);
  });

  it('formats the HCL like terraform fmt', async () => {
    const { hcl } = await renderStack(stackWithBackend(), 'test');
    expect(hcl).toContain('  bucket = "b"\n');
    expect(hcl).toContain('  key    = "probe/terraform.tfstate"\n');
  });

  it('collects construct validations as violations instead of throwing', async () => {
    const stack = stackWithBackend();
    stack.node.addValidation({ validate: () => ['bucket must be versioned', 'key must rotate'] });
    const { violations } = await renderStack(stack, 'prod');
    expect(violations).toEqual([
      expect.objectContaining({ environment: 'prod', path: 'probe', field: 'validation', problem: 'bucket must be versioned' }),
      expect.objectContaining({ environment: 'prod', path: 'probe', field: 'validation', problem: 'key must rotate' }),
    ]);
  });

  it('reports a stack without a backend instead of letting a local backend with an absolute path in', async () => {
    const stack = new TerraformStack(Testing.app(), 'bare');
    const { violations } = await renderStack(stack, 'dev');
    expect(violations).toEqual([expect.objectContaining({ environment: 'dev', path: 'bare', field: 'terraform.backend', value: 'missing' })]);
  });

  it('rejects HCL in which cdktf wrote [object Object]', async () => {
    const stack = stackWithBackend();
    const resource = new TerraformResource(stack, 'thing', { terraformResourceType: 'null_resource' });
    // A map attribute whose only key is `value` is taken for cdktf's internal attribute wrapper
    // and rendered as `triggers = [object Object]` (the class of bug of terraform-cdk#3630).
    resource.addOverride('triggers', { value: { a: 'b' } });
    await expect(renderStack(stack, 'prod')).rejects.toThrow(/prod: probe: .*\[object Object\].*line \d+/);
  });
});
