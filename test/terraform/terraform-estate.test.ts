import { App } from 'cdktf';
import { renderStack } from '../../constructs/terraform/render-stack';
import { addTerraformStacks, buildTerraformEstate } from '../../constructs/terraform/terraform-estate';
import { ENVIRONMENTS } from '../../environments';
import { isRecord } from './hcl-json';

function backendNames(json: Record<string, unknown>): string[] {
  const terraform = json.terraform;
  const backend = isRecord(terraform) ? terraform.backend : undefined;
  return isRecord(backend) ? Object.keys(backend) : [];
}

describe('the Terraform estate', () => {
  it.each(ENVIRONMENTS.map((spec) => [spec.name, spec] as const))(
    'gives %s a state foundation exactly when it has an AWS account',
    (_env, spec) => {
      const ids = buildTerraformEstate(spec).stacks.map((stack) => stack.node.id);
      expect(ids).toEqual(spec.clouds.aws === undefined ? [] : ['aws-foundation']);
    },
  );

  it('gives dev, which runs on Azure and GCP only, no AWS stack', () => {
    const dev = ENVIRONMENTS.find((spec) => spec.name === 'dev');
    expect(dev).toBeDefined();
    expect(buildTerraformEstate(dev!).stacks).toEqual([]);
  });

  it('gives staging and prod a state foundation', () => {
    const withFoundation = ENVIRONMENTS.filter((spec) => buildTerraformEstate(spec).stacks.length > 0);
    expect(withFoundation.map((spec) => spec.name)).toEqual(['staging', 'prod']);
  });

  it('declares a backend other than local in every stack of every environment', async () => {
    for (const spec of ENVIRONMENTS) {
      for (const stack of buildTerraformEstate(spec).stacks) {
        const { json } = await renderStack(stack, spec.name);
        expect(backendNames(json)).toEqual(['s3']);
      }
    }
  });

  it('prefixes stack ids with the environment when every environment shares one app', () => {
    const app = new App({ outdir: 'cdktf.out' });
    const ids = ENVIRONMENTS.flatMap((spec) =>
      addTerraformStacks(app, spec, (layer) => `${spec.name}-${layer}`).map((entry) => entry.stack.node.id),
    );
    expect(ids).toEqual(['staging-aws-foundation', 'prod-aws-foundation']);
  });

  it('keys the state by layer, not by stack id, so both apps share one state', async () => {
    const prod = ENVIRONMENTS.find((spec) => spec.name === 'prod')!;
    const [alone] = buildTerraformEstate(prod).stacks;
    const [shared] = addTerraformStacks(new App({ outdir: 'cdktf.out' }), prod, (layer) => `prod-${layer}`);
    const a = await renderStack(alone!, 'prod');
    const b = await renderStack(shared!.stack, 'prod');
    expect(a.hcl).toBe(b.hcl);
  });
});
