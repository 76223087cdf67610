import { ApiObject, App, Chart, Duration } from 'cdk8s';
import { envVars, scriptCronJob } from '../../constructs/kubernetes/script-cron-job';
import { expectRestrictedContainer } from '../drift/restricted-container';

function scripts(): ApiObject {
  const chart = new Chart(new App(), 'test');
  return new ApiObject(chart, 'scripts', { apiVersion: 'v1', kind: 'ConfigMap', metadata: { name: 'check-scripts' } });
}

const RESOURCES = { requests: { cpu: '50m', memory: '64Mi' }, limits: { cpu: '200m', memory: '256Mi' } };

const job = scriptCronJob({
  name: 'drift-check',
  namespace: 'ops',
  app: 'terraform-drift',
  instance: 'aws-foundation',
  podLabels: { team: 'platform' },
  schedule: '0 6 * * *',
  startingDeadline: Duration.minutes(10),
  jobDeadline: Duration.hours(1),
  backoffLimit: 2,
  restartPolicy: 'Never',
  serviceAccountName: 'drift-check',
  scripts: scripts(),
  scratch: { work: { path: '/work', sizeLimit: '1Gi' } },
  initContainers: [{ name: 'clone', image: 'alpine/git:2.47.2', script: 'clone.sh', env: envVars({ REPO: 'r' }), resources: RESOURCES, scratch: ['work'] }],
  containers: [{ name: 'plan', image: 'hashicorp/terraform:1.10.5', script: 'plan.py', interpreter: ['python3'], env: [], resources: RESOURCES, scratch: ['work'] }],
});
const jobSpec = job.spec?.jobTemplate.spec;
const pod = jobSpec?.template.spec;

describe('scriptCronJob', () => {
  it('schedules in UTC, never overlapping, keeping the last success and three failures', () => {
    expect(job.spec).toMatchObject({
      schedule: '0 6 * * *',
      timeZone: 'Etc/UTC',
      concurrencyPolicy: 'Forbid',
      startingDeadlineSeconds: 600,
      successfulJobsHistoryLimit: 1,
      failedJobsHistoryLimit: 3,
    });
    expect(jobSpec).toMatchObject({ backoffLimit: 2, activeDeadlineSeconds: 3600 });
  });

  // The fields cdk8s-plus-28's CronJob would drop or add (the file's comment says why it is not used).
  it('labels the Jobs as well as the pods (cdk8s-plus writes jobTemplate without metadata)', () => {
    const labels = { 'app.kubernetes.io/name': 'terraform-drift', 'app.kubernetes.io/instance': 'aws-foundation', team: 'platform' };
    expect(job.spec?.jobTemplate.metadata?.labels).toEqual(labels);
    expect(jobSpec?.template.metadata?.labels).toEqual(labels);
  });

  it('sets the RuntimeDefault seccomp profile on the pod too (cdk8s-plus has no pod-level seccompProfile)', () => {
    expect(pod?.securityContext).toEqual({ runAsNonRoot: true, runAsUser: 65532, runAsGroup: 65532, fsGroup: 65532, seccompProfile: { type: 'RuntimeDefault' } });
  });

  it('writes only what it means: no suspend, DNS, host network or grace period defaults (cdk8s-plus forces them)', () => {
    expect(job.spec).not.toHaveProperty('suspend');
    for (const field of ['dnsPolicy', 'setHostnameAsFQDN', 'hostNetwork', 'terminationGracePeriodSeconds']) expect(pod).not.toHaveProperty(field);
  });

  it('keeps quantities as written (cdk8s-plus rewrites them in mebibytes)', () => {
    expect(pod?.volumes?.[0]).toEqual({ name: 'work', emptyDir: { sizeLimit: '1Gi' } });
    expect(pod?.containers[0]?.resources).toEqual(RESOURCES);
  });

  it('runs every container hardened, from the read-only scripts ConfigMap, with no ServiceAccount token', () => {
    expect(pod?.automountServiceAccountToken).toBe(false);
    expect(pod?.volumes?.[1]).toEqual({ name: 'scripts', configMap: { name: 'check-scripts' } });
    for (const container of [...(pod?.initContainers ?? []), ...(pod?.containers ?? [])]) {
      expectRestrictedContainer(container);
      expect(container.imagePullPolicy).toBe('IfNotPresent');
      expect(container.volumeMounts).toEqual([
        { name: 'work', mountPath: '/work' },
        { name: 'scripts', mountPath: '/scripts', readOnly: true },
      ]);
    }
    expect(pod?.initContainers?.[0]?.command).toEqual(['/bin/sh', '/scripts/clone.sh']);
    expect(pod?.containers[0]?.command).toEqual(['python3', '/scripts/plan.py']);
    expect(pod?.initContainers?.[0]?.env).toEqual([{ name: 'REPO', value: 'r' }]);
  });
});
