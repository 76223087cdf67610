import type { PolicyDefinition } from './policy-definition';

/** Mutable tags make a rollback redeploy something else; every image names an explicit version. */
export const disallowLatestTag: PolicyDefinition = {
  name: 'disallow-latest-tag',
  title: 'Disallow Latest Tag',
  category: 'Best Practices',
  severity: 'medium',
  description: 'Images must carry an explicit tag other than `latest`, so that what runs can be reproduced and rolled back.',
  rules: [
    {
      name: 'require-image-tag-not-latest',
      match: { any: [{ resources: { kinds: ['Pod'] } }] },
      message: 'Images must use an explicit tag other than latest (for example nginx:1.27.3 or a digest).',
      pattern: { spec: { containers: [{ image: '*:* & !*:latest' }] } },
    },
  ],
};
