import { DRIFT_CHECK_PUSH_JOB, TERRAFORM_DRIFT_METRICS } from './drift-check-contract';

/**
 * The two POSIX shell scripts of a drift check, shipped in a ConfigMap: `clone.sh` (init
 * container) and `check.sh` (main container). They run on the busybox `sh` and `wget` and the
 * `git` of the hashicorp/terraform image (Alpine), and take every input from the environment
 * variables below, which the CronJob sets.
 */

/** The variables `clone.sh` reads. */
export type CloneScriptVariable = 'REPO_URL' | 'REVISION' | 'REPO_DIR';

/** The variables `check.sh` reads. */
export type CheckScriptVariable = 'STACK' | 'CLOUD' | 'STACK_DIR' | 'PUSHGATEWAY_URL';

/** Exit code of `check.sh` when the result could not be pushed (a plan failure exits 1). */
export const PUSH_FAILED_EXIT_CODE = 3;

/**
 * Fetches this repository at one revision with history depth 1. `git fetch <url> <revision>`
 * takes a branch, a tag or a commit alike (`clone --branch` takes no commit).
 */
export const CLONE_SCRIPT = `# Terraform drift check, step 1 of 2 (gitops-cdk, constructs/drift): fetch the repository at
# the environment's revision (branch, tag or commit), history depth 1.
set -eu
git -c init.defaultBranch=drift-check init -q "$REPO_DIR"
cd "$REPO_DIR"
git fetch -q --depth 1 "$REPO_URL" "$REVISION"
git -c advice.detachedHead=false checkout -q FETCH_HEAD
echo "terraform-drift: checked out $REPO_URL at $REVISION ($(git rev-parse HEAD))"
`;

const { detected, success, lastRun } = TERRAFORM_DRIFT_METRICS;

/**
 * Plans the stack and pushes the verdict. `terraform plan -detailed-exitcode` exits 0 (no
 * changes), 2 (changes: drift) or anything else (failed). A failed run pushes success 0 and the
 * run time but no drift value: with POST the Pushgateway replaces only the metrics pushed, so the
 * group keeps its last known drift verdict instead of reporting "no drift" it did not see.
 */
export const CHECK_SCRIPT = `# Terraform drift check, step 2 of 2 (gitops-cdk, constructs/drift): plan the stack against
# its live cloud and push the verdict to the Pushgateway.
set -u

plan() {
  cd "$STACK_DIR" || return 1
  # With a committed .terraform.lock.hcl, providers must match its checksums. Without one,
  # -lockfile=readonly refuses to initialise, and the exact versions pinned in required_providers
  # select the providers (init still verifies the registry's signatures).
  lockfile=
  if [ -f .terraform.lock.hcl ]; then lockfile=-lockfile=readonly; fi
  terraform init -input=false -no-color $lockfile || return 1
  # -lock=false: a read-only check must never take, or wait for, the state lock an apply needs.
  terraform plan -detailed-exitcode -lock=false -input=false -no-color
}

plan
code=$?
case "$code" in
  0) verdict=in-sync; succeeded=1; drift=0 ;;
  2) verdict=drift; succeeded=1; drift=1 ;;
  *) verdict=failed; succeeded=0; drift= ;;
esac

labels="cloud=\\"$CLOUD\\""
metrics="# HELP ${success} 1 when the last drift check planned to a verdict, 0 when it failed.
# TYPE ${success} gauge
${success}{$labels} $succeeded
# HELP ${lastRun} Unix time of the last drift check run.
# TYPE ${lastRun} gauge
${lastRun}{$labels} $(date +%s)
"
if [ -n "$drift" ]; then
  metrics="$metrics# HELP ${detected} 1 when the last successful plan found changes (drift), else 0.
# TYPE ${detected} gauge
${detected}{$labels} $drift
"
fi

# POST: replaces only the metrics pushed, so a failed run leaves the last drift verdict in place.
if ! wget -q -O - -T 30 --post-data "$metrics" "$PUSHGATEWAY_URL/metrics/job/${DRIFT_CHECK_PUSH_JOB}/stack/$STACK"; then
  echo "terraform-drift: $STACK: could not push the result to $PUSHGATEWAY_URL" >&2
  exit ${PUSH_FAILED_EXIT_CODE}
fi
echo "terraform-drift: $STACK ($CLOUD): $verdict (plan exit code $code)"
# A failed plan fails the Job: it is retried once, and kube-state-metrics reports it.
if [ "$succeeded" = 1 ]; then exit 0; fi
exit 1
`;
