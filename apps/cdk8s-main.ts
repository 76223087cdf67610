import { App } from 'cdk8s';
import { ENVIRONMENTS } from '../environments';
import { buildKubernetesEstate } from './assembly/kubernetes-estate';

/**
 * Entry point of the standard cdk8s CLI (`npx cdk8s synth`, see cdk8s.yaml): every environment's
 * charts through cdk8s's own synthesizer, one file per chart in cdk8s.out/. `npm run synth` is
 * the fast path and the only one that writes dist/ (with the rules of each tier, one file per object and the
 * kustomizations); this keeps the ecosystem's tooling working on the same constructs.
 */
const app = new App({ outdir: process.env.CDK8S_OUTDIR ?? 'cdk8s.out' });
for (const spec of ENVIRONMENTS) buildKubernetesEstate(spec, app);
app.synth();
