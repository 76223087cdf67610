import { matches, unless } from '../../../constructs/core/finding';
import type { SpecRule } from '../../../constructs/rules/spec-rule';
import { Ipv4Cidr } from '../../../constructs/terraform/ipv4-cidr';
import type { EnvironmentSpec } from '../../../environments/types';

const GITHUB_REPOSITORY = /^[A-Za-z0-9-]+\/[A-Za-z0-9._-]+$/;
const GITHUB_REPOSITORY_ID = /^[1-9][0-9]{0,19}$/;

/** Which CI workflows the clouds trust to apply Terraform: one repository, one branch or environment. */
export const specCiIdentity: SpecRule<EnvironmentSpec> = {
  id: 'spec-ci-identity',
  engine: 'spec',
  level: 'error',
  title: 'CI applies only from one repository and one reviewed branch or environment',
  rationale:
    'The OIDC trust of every CI role is scoped to the repository and to where it applies from: a wildcard or a repository re-created under the same name would let other workflows apply, and production needs reviewers.',
  controls: { soc2: ['CC6.1', 'CC8.1'], pciDss: ['6.5.1', '7.2.1'], iso27001: ['A.5.15', 'A.8.32'], gdpr: [] },
  check: (spec) => {
    const { ci } = spec.infrastructure;
    return [
      ...unless(
        matches(ci.repository, GITHUB_REPOSITORY),
        'infrastructure.ci.repository',
        ci.repository,
        'must be the GitHub repository as owner/name: the OIDC trust of every CI role is scoped to it',
        "set it like 'acme/platform-gitops'",
      ),
      ...unless(
        matches(ci.repositoryId, GITHUB_REPOSITORY_ID),
        'infrastructure.ci.repositoryId',
        ci.repositoryId,
        "must be GitHub's numeric id of the repository (the tokens' repository_id claim): the GCP workload identity provider trusts that id, which a re-created repository of the same name does not get",
        "look it up with `gh api repos/<owner>/<name> --jq .id` and set it as a string, e.g. '734215908'",
      ),
      ...(ci.runnerCidrs ?? []).flatMap((cidr, i) =>
        unless(
          (Ipv4Cidr.tryParse(cidr)?.prefix ?? 0) > 0,
          `infrastructure.ci.runnerCidrs[${i}]`,
          cidr,
          'must be an IPv4 CIDR narrower than 0.0.0.0/0: the state and Key Vault firewalls admit it',
          "list the runners' static egress ranges, e.g. '198.51.100.0/28'",
        ),
      ),
      ...unless(
        ci.applyFrom.name.trim() !== '' && !ci.applyFrom.name.includes('*'),
        'infrastructure.ci.applyFrom.name',
        ci.applyFrom.name,
        'must name one branch or deployment environment, without wildcards: every workflow matching it may apply',
        "set e.g. { kind: 'branch', name: 'main' }",
      ),
      ...unless(
        spec.tier !== 'production' || ci.applyFrom.kind === 'environment',
        'infrastructure.ci.applyFrom.kind',
        ci.applyFrom.kind,
        'production applies only from a GitHub deployment environment, which requires reviewers and protected branches; a branch alone lets any push apply',
        "set applyFrom: { kind: 'environment', name: 'production' }",
      ),
    ];
  },
};
