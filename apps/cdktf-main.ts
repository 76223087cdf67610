/**
 * Entry point of the standard cdktf CLI (`cdktf.json`): `npx cdktf synth --hcl` writes every
 * environment's stacks to `cdktf.out/stacks/<env>-<layer>/`. `npm run synth` does not use it: it
 * renders the same stacks through `renderStack` (formatted HCL, violations collected) into dist/.
 */
import { App } from 'cdktf';
import { ENVIRONMENTS } from '../environments';
import { addTerraformStacks } from './assembly/terraform-estate';

// The CLI passes the output folder and HCL mode through the environment (CDKTF_OUTDIR,
// SYNTH_HCL_OUTPUT); App reads them itself.
const app = new App();
for (const spec of ENVIRONMENTS) {
  // cdktf needs stack ids unique within one App; the layer name alone repeats per environment.
  addTerraformStacks(app, spec, (layer) => `${spec.name}-${layer}`);
}
app.synth();
