import type { IContainer } from 'kubernetes-models/v1/Container';

/**
 * What the restricted Pod Security Standard and the policy catalog (require-run-as-non-root,
 * require-requests-limits variant b: CPU limits too) demand of every container of our script
 * CronJobs (constructs/kubernetes/script-cron-job.ts): the drift checks and the compliance reports.
 */
export function expectRestrictedContainer(container: IContainer): void {
  expect(container.securityContext).toEqual({
    runAsNonRoot: true,
    allowPrivilegeEscalation: false,
    readOnlyRootFilesystem: true,
    capabilities: { drop: ['ALL'] },
    seccompProfile: { type: 'RuntimeDefault' },
  });
  expect(container.resources).toEqual({
    requests: { cpu: expect.any(String), memory: expect.any(String) },
    limits: { cpu: expect.any(String), memory: expect.any(String) },
  });
}
