import { unless } from '../../../constructs/core/finding';
import { isHttpsUrl } from '../../../constructs/core/https-url';
import type { SpecRule } from '../../../constructs/rules/spec-rule';
import type { EnvironmentSpec } from '../../../environments/types';

export const specGitopsRepository: SpecRule<EnvironmentSpec> = {
  id: 'spec-gitops-repository',
  engine: 'spec',
  level: 'error',
  title: 'The GitOps repository is an https clone URL',
  rationale:
    'Argo CD fetches the desired state from this URL and matches repository credentials on it exactly: over plain http or ssh-style addresses the credentials and the manifests travel unprotected or do not match.',
  controls: { soc2: ['CC6.7'], pciDss: [], iso27001: ['A.8.24'], gdpr: [] },
  check: (spec) =>
    unless(
      isHttpsUrl(spec.gitops.repoUrl) && spec.gitops.repoUrl.endsWith('.git'),
      'gitops.repoUrl',
      spec.gitops.repoUrl,
      'must be an https:// clone URL ending in .git: Argo CD matches repository credentials on the exact URL',
      `use the clone URL, e.g. 'https://github.com/acme/platform-gitops.git'`,
    ),
};
