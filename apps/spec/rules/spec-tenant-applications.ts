import { type Finding, finding } from '../../../constructs/core/finding';
import { isHttpsUrl } from '../../../constructs/core/https-url';
import { COMMIT_SHA, RELEASE_TAG } from '../../../constructs/core/pinned-revisions';
import type { SpecRule } from '../../../constructs/rules/spec-rule';
import type { EnvironmentSpec, TenantApplicationSpec, TenantSpec } from '../../../environments/types';

/**
 * A repository URL as Argo CD compares it: lower case, without a trailing `/` or `.git`
 * (argoproj/argo-cd util/git/git.go `NormalizeGitURL`, v2.13.2 and v2.14.2).
 */
function normalisedRepo(url: string): string {
  return url
    .trim()
    .toLowerCase()
    .replace(/\/+$/, '')
    .replace(/\.git$/, '');
}

function applicationFindings(spec: EnvironmentSpec, tenant: TenantSpec, t: number, application: TenantApplicationSpec, a: number): Finding[] {
  const at = `tenants[${t}].applications[${a}]`;
  const which = `tenant ${tenant.name} application ${application.name}`;
  const findings: Finding[] = [];
  if (!isHttpsUrl(application.repoUrl)) {
    findings.push(
      finding(
        `${at}.repoUrl`,
        application.repoUrl,
        `${which}: must be an https:// clone URL: Argo CD matches repository credentials on the exact URL`,
        `use the clone URL, e.g. 'https://github.com/acme/${tenant.name}-deploy.git'`,
      ),
    );
  } else if (normalisedRepo(application.repoUrl) === normalisedRepo(spec.gitops.repoUrl)) {
    findings.push(
      finding(
        `${at}.repoUrl`,
        application.repoUrl,
        `${which}: is the platform's GitOps repository: a tenant project admitting it could deploy any folder of it`,
        "deliver from the tenant's own repository; progressive workloads of the tenant go in its workloads list instead",
      ),
    );
  }
  const segments = application.path.split('/');
  if (application.path.trim() === '' || application.path.startsWith('/') || segments.includes('..')) {
    findings.push(
      finding(
        `${at}.path`,
        application.path,
        `${which}: must be a folder relative to the repository root, without '..'`,
        "name the folder from the repository root, e.g. 'deploy/prod'",
      ),
    );
  }
  if (application.revision.trim() === '') {
    findings.push(finding(`${at}.revision`, application.revision, `${which}: names no revision`, 'set a branch (outside production), a release tag or a commit SHA'));
  } else if (spec.tier === 'production' && !RELEASE_TAG.test(application.revision) && !COMMIT_SHA.test(application.revision)) {
    findings.push(
      finding(
        `${at}.revision`,
        application.revision,
        `${which}: production follows a moving revision (a branch or HEAD), which deploys every merge unreviewed`,
        'pin a release tag (v1.2.3) or a full commit SHA, as k8s-prod-pinned-revisions requires of every production source',
      ),
    );
  }
  if (!tenant.namespaces.some((n) => n.name === application.namespace)) {
    findings.push(
      finding(
        `${at}.namespace`,
        application.namespace,
        `${which}: is not one of the tenant's namespaces (${tenant.namespaces.map((n) => n.name).join(', ')})`,
        "use one of the tenant's namespaces, or add it to them",
      ),
    );
  }
  return findings;
}

/** Every tenant application's ApplicationSet name (`<tenant>-<name>`) is used once in the environment. */
function nameFindings(spec: EnvironmentSpec): Finding[] {
  const seen = new Map<string, string>();
  return (spec.tenants ?? []).flatMap((tenant, t) =>
    tenant.applications.flatMap((application, a) => {
      const set = `${tenant.name}-${application.name}`;
      const first = seen.get(set);
      const here = `tenants[${t}].applications[${a}]`;
      if (first === undefined) {
        seen.set(set, here);
        return [];
      }
      return [
        finding(
          `${here}.name`,
          application.name,
          `tenant ${tenant.name}: its ApplicationSet ${set} has the name of ${first}'s: one would replace the other`,
          'give each application of the environment its own <tenant>-<name>',
        ),
      ];
    }),
  );
}

/**
 * Each tenant application comes from the tenant's own https repository, a relative folder of it
 * and a named revision (pinned in production), into one of the tenant's namespaces, each under
 * its own ApplicationSet name.
 */
export const specTenantApplications: SpecRule<EnvironmentSpec> = {
  id: 'spec-tenant-applications',
  engine: 'spec',
  level: 'error',
  title: 'Tenant applications come from their own https repository, a relative path and a named (in production pinned) revision',
  rationale:
    "A tenant's AppProject admits the repositories of its applications: the platform's own repository would let the tenant deploy any of its folders, " +
    'a path leaving the repository root or an empty revision deploys what nobody reviewed, and a branch in production deploys every merge unreviewed.',
  controls: { soc2: ['CC6.1', 'CC8.1'], pciDss: ['6.5.1'], iso27001: ['A.8.32'], gdpr: [] },
  check: (spec) => [
    ...(spec.tenants ?? []).flatMap((tenant, t) => tenant.applications.flatMap((application, a) => applicationFindings(spec, tenant, t, application, a))),
    ...nameFindings(spec),
  ],
};
