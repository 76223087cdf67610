import { terraformStackNames } from '../../constructs/observability-contract';
import { buildTerraformEstate } from '../../constructs/terraform/terraform-estate';
import { ENVIRONMENTS } from '../../environments';

// The only drift test that loads the Terraform providers: the drift checks (one CronJob per
// stack, constructs/drift) and their alerts derive the stacks from the spec alone, and must name
// exactly the root modules synth writes to dist/terraform/<env>/<stack>.
describe.each(ENVIRONMENTS.map((spec) => [spec.name, spec] as const))('%s', (_, spec) => {
  it('names, from the spec alone, the Terraform stacks of the estate in apply order, with their cloud', () => {
    const estate = buildTerraformEstate(spec);
    expect(terraformStackNames(spec).map((s) => s.name)).toEqual(estate.entries.map((e) => e.name));
    for (const stack of terraformStackNames(spec)) expect(stack.name.startsWith(`${stack.cloud}-`)).toBe(true);
  });
});
