import { readFileSync } from 'node:fs';
import { RequiredSecret } from '../constructs/secrets/required-secret';
import { secretSlots } from '../constructs/secrets/secret-slots';
import { secretsInventory } from '../constructs/secrets/secrets-inventory';
import { ENVIRONMENTS } from '../environments';
import { buildKubernetesEstate } from './assembly/kubernetes-estate';
import { CommandLineError, helpText } from './command-line';
import { readSealCommandLine, SEAL_COMMAND } from './seal/seal-options';
import { planSeal } from './seal/seal-plan';
import { writeSealed } from './seal/sealed-file';

/**
 * `npm run seal`: encrypts values for one cluster's Sealed Secrets controller with its committed
 * certificate and writes them as data (environments/sealed/...), which synth renders as a
 * SealedSecret. Checks everything first and reports every problem at once; prints key names only.
 */
function main(): number {
  const commandLine = readSealCommandLine(process.argv.slice(2));
  if (commandLine.help) {
    console.log(helpText(SEAL_COMMAND));
    return 0;
  }
  const planned = planSeal(commandLine.request, {
    environments: ENVIRONMENTS,
    // The slots are what the environment's constructs declare: build its Kubernetes side to read them.
    slotsOf: (spec) => secretSlots(secretsInventory(RequiredSecret.of(buildKubernetesEstate(spec).app))),
    readValue: (path) => readFileSync(path === '-' ? 0 : path),
    now: new Date(),
  });
  if (!planned.ok) {
    console.error(`seal: nothing was written; ${planned.problems.length} problem${planned.problems.length > 1 ? 's' : ''}:\n${planned.problems.map((p) => `  - ${p}`).join('\n')}`);
    return 1;
  }
  const { plan } = planned;
  const outcome = writeSealed(plan, process.cwd());
  console.log(
    `sealed ${outcome.sealed.join(', ')} of ${plan.namespace}/${plan.name} for ${plan.cluster} (scope ${plan.scope}, certificate SHA-256 ${plan.certificateSha256}) into ${outcome.path}` +
      (outcome.kept.length > 0 ? `; kept the keys sealed there before: ${outcome.kept.join(', ')}` : ''),
  );
  console.log('run npm run synth, review, and commit the data file with dist/');
  return 0;
}

try {
  process.exitCode = main();
} catch (error) {
  console.error(error instanceof CommandLineError ? error.message : `seal: ${(error as Error).message}`);
  process.exitCode = 1;
}
