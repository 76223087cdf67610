import { EstateRepository, editFile, synthesizedDist } from '../diff/estate-repository';
import { eksCluster } from '../support/fixture-clusters';
import { fixtureEnvironment } from '../support/fixture-environment';
import { fixtureFleet } from '../support/fixture-fleet';

/**
 * Builds a Git repository for timing `npm run diff` on a fleet: `main` holds the synthesized fleet
 * fixture (CLUSTERS clusters over the three environments), `change` adds one production cluster
 * and switches one staging policy to Audit. Prints the repository's path (remove it when done).
 *
 *   CLUSTERS=60 npx tsx test/bench/diff-fleet-repository.ts
 *   cd <path> && node --liftoff-only <checkout>/node_modules/.cache/gitops-cdk/diff.cjs --base main --head change
 *
 * `npm run bench` (test/bench/bench.ts) builds one with TMPDIR set to its own temporary folder, which
 * it removes, and reads the path from the first word printed.
 */
async function main(): Promise<void> {
  const count = Number(process.env.CLUSTERS ?? '60');
  const fleet = fixtureFleet(count);
  const repository = new EstateRepository();
  const base = await synthesizedDist(fleet);
  repository.commit(base, `a fleet of ${count} clusters`);
  const [lab, stage, live] = fleet;
  if (lab === undefined || stage === undefined || live === undefined) throw new Error('the fleet has three environments');
  const grown = fixtureEnvironment({ tier: 'production', clusters: [...live.clusters, eksCluster('live-eks-new', { region: 'eu-west-1', networkCidr: '172.16.0.0/16' })] });
  const changed = await synthesizedDist([lab, stage, grown]);
  const policy = Object.keys(changed).find((p) => p.startsWith('dist/k8s/stage/policies/clusterpolicy-') && changed[p]?.includes('Enforce'));
  repository.git('checkout', '-q', '-b', 'change');
  repository.commit(policy ? editFile(changed, policy, (t) => t.replace(/Enforce/g, 'Audit')) : changed, 'one more production cluster, a staging policy audits');
  repository.git('checkout', '-q', 'main');
  console.log(`${repository.dir} (${Object.keys(base).length} files on main, ${Object.keys(changed).length} on change)`);
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
