import type { PolicyDefinition } from '../constructs/kyverno/policy-definition';
import { compliantContainer, pod } from './support/resources';
import { TENANT_PODS } from './support/scope';
import { PLATFORM_REGISTRY } from './support/trust';

/** Mutable tags make a rollback redeploy something else; every image names an explicit version. */
export const disallowLatestTag: PolicyDefinition = {
  name: 'disallow-latest-tag',
  title: 'Disallow Latest Tag',
  category: 'Best Practices',
  severity: 'medium',
  description: 'Images must carry an explicit tag other than `latest`, so that what runs can be reproduced and rolled back.',
  release: '1.0.0',
  controls: { soc2: ['CC8.1'], pciDss: ['6.5.1'], iso27001: ['A.8.32'], cisKubernetes: [] },
  rules: [
    {
      type: 'validate',
      name: 'require-image-tag-not-latest',
      ...TENANT_PODS,
      message: 'Images must use an explicit tag other than latest (for example nginx:1.27.3 or a digest).',
      check: { pattern: { spec: { containers: [{ image: '*:* & !*:latest' }] } } },
    },
  ],
  cases: [
    { description: 'a pinned version tag', rule: 'require-image-tag-not-latest', expect: 'pass', resource: pod('pinned-tag') },
    {
      description: 'the latest tag',
      rule: 'require-image-tag-not-latest',
      expect: 'fail',
      resource: pod('latest-tag', { containers: [compliantContainer({ image: `${PLATFORM_REGISTRY}team-a/api:latest` })] }),
    },
    {
      description: 'no tag at all means latest',
      rule: 'require-image-tag-not-latest',
      expect: 'fail',
      resource: pod('untagged', { containers: [compliantContainer({ image: `${PLATFORM_REGISTRY}team-a/api` })] }),
    },
  ],
};
