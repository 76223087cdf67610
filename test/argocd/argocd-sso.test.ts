import { type Chart, Duration, Testing } from 'cdk8s';
import type { IConfigMap } from 'kubernetes-models/v1/ConfigMap';
import { parse } from 'yaml';
import { ArgoCdRbac } from '../../constructs/argocd/argocd-rbac';
import { ArgoCdSettings } from '../../constructs/argocd/argocd-settings';
import { ArgoCdSso, type OidcSingleSignOn, renderRbacScopes, ssoProblems } from '../../constructs/argocd/argocd-sso';
import type { DriftDetectionSpec } from '../../environments/types';

// The fixtures are this file's own: an OIDC provider and a drift policy that only argocd-cm's
// reconciliation keys read.

const SSO: OidcSingleSignOn = {
  url: 'https://argocd.test.example.org',
  issuer: 'https://idp.test.example.org/realms/platform',
  clientId: 'argocd-web',
  cliClientId: 'argocd-cli',
  clientSecret: { secretName: 'argocd-sso-test', key: 'oidc-secret' },
  groupsClaim: 'roles',
};

const DRIFT: DriftDetectionSpec = {
  interval: Duration.minutes(3),
  severityByClass: { policies: 'critical', rbac: 'critical', configuration: 'critical', platform: 'warning', workloads: 'warning', observability: 'info' },
  remediation: {
    critical: { strategy: 'sync', alertAfter: Duration.minutes(5) },
    warning: { strategy: 'sync', alertAfter: Duration.minutes(5) },
    info: { strategy: 'alert', alertAfter: Duration.minutes(15) },
  },
};

/** What Argo CD unmarshals oidc.config into (util/settings/settings.go `OIDCConfig`, v2.14.2). */
interface OidcConfig {
  name?: string;
  issuer?: string;
  clientID?: string;
  cliClientID?: string;
  clientSecret?: string;
  requestedScopes?: string[];
  requestedIDTokenClaims?: Record<string, { essential?: boolean }>;
}

function configMaps(build: (chart: Chart) => void): Map<string, Record<string, string>> {
  const chart = Testing.chart();
  build(chart);
  const documents = Testing.synth(chart) as IConfigMap[];
  return new Map(documents.map((document) => [document.metadata!.name!, { ...document.data }]));
}

function argoCdCm(sso?: OidcSingleSignOn): Record<string, string> {
  const data = configMaps((chart) => new ArgoCdSettings(chart, 'settings', { driftDetection: DRIFT, sso: sso && new ArgoCdSso(sso), cluster: 'mgmt' })).get('argocd-cm');
  if (data === undefined) throw new Error('no argocd-cm');
  return data;
}

function oidcConfigOf(data: Record<string, string>): OidcConfig {
  const text = data['oidc.config'];
  if (text === undefined) throw new Error('no oidc.config');
  return parse(text) as OidcConfig;
}

/**
 * Argo CD's resolution of `$<secret>:<key>` (util/settings/settings.go v2.13.2/v2.14.2): the data of
 * every Secret of its namespace labelled app.kubernetes.io/part-of=argocd, keyed `<name>:<key>`;
 * a value starting with `$` is replaced by the entry, or left as it is when there is none.
 */
function resolveLikeArgoCd(value: string, secrets: readonly { name: string; namespace: string; labels: Record<string, string>; data: Record<string, string> }[]): string {
  const values = new Map<string, string>();
  for (const secret of secrets) {
    if (secret.namespace !== 'argocd' || secret.labels['app.kubernetes.io/part-of'] !== 'argocd') continue;
    for (const [key, data] of Object.entries(secret.data)) values.set(`${secret.name}:${key}`, data);
  }
  if (!value.startsWith('$')) return value;
  return values.get(value.slice(1))?.trim() ?? value;
}

describe('ArgoCdSso in argocd-cm', () => {
  it('writes the external url, an oidc.config Argo CD parses with issuer, client ids and the secret by reference, and disables the local admin', () => {
    const data = argoCdCm(SSO);
    expect(data.url).toBe('https://argocd.test.example.org');
    expect(data['admin.enabled']).toBe('false');
    const oidc = oidcConfigOf(data);
    expect(oidc).toMatchObject({
      issuer: 'https://idp.test.example.org/realms/platform',
      clientID: 'argocd-web',
      cliClientID: 'argocd-cli',
      clientSecret: '$argocd-sso-test:oidc-secret',
    });
    // The secret itself is never in Git.
    expect(JSON.stringify(data)).not.toMatch(/oidc-secret-value/);
  });

  it('references the client secret so that Argo CD resolves it from a Secret labelled part-of argocd in its namespace', () => {
    const reference = oidcConfigOf(argoCdCm(SSO)).clientSecret!;
    const secret = { name: 'argocd-sso-test', namespace: 'argocd', data: { 'oidc-secret': 'oidc-secret-value\n' } };
    expect(resolveLikeArgoCd(reference, [{ ...secret, labels: { 'app.kubernetes.io/part-of': 'argocd' } }])).toBe('oidc-secret-value');
    // Without the label Argo CD does not see the Secret and sends the literal reference.
    expect(resolveLikeArgoCd(reference, [{ ...secret, labels: {} }])).toBe(reference);
    expect(new ArgoCdSso(SSO).clientSecret).toEqual({ namespace: 'argocd', secretName: 'argocd-sso-test', key: 'oidc-secret' });
  });

  it('asks for the groups claim in the ID token', () => {
    expect(oidcConfigOf(argoCdCm(SSO)).requestedIDTokenClaims).toEqual({ roles: { essential: true } });
  });

  it('requests openid, profile, email and groups by default, and the scopes given otherwise', () => {
    expect(oidcConfigOf(argoCdCm(SSO)).requestedScopes).toEqual(['openid', 'profile', 'email', 'groups']);
    expect(oidcConfigOf(argoCdCm({ ...SSO, requestedScopes: ['openid', 'roles'] })).requestedScopes).toEqual(['openid', 'roles']);
  });

  it("names the login button 'SSO' by default, and the display name given otherwise", () => {
    expect(oidcConfigOf(argoCdCm(SSO)).name).toBe('SSO');
    expect(oidcConfigOf(argoCdCm({ ...SSO, displayName: 'Keycloak' })).name).toBe('Keycloak');
  });

  it('leaves cliClientID out when there is no CLI client (the CLI then uses clientID)', () => {
    const { cliClientId: _omitted, ...withoutCli } = SSO;
    expect(oidcConfigOf(argoCdCm(withoutCli))).not.toHaveProperty('cliClientID');
  });

  it('keeps the local admin only when localAdmin is true', () => {
    expect(argoCdCm({ ...SSO, localAdmin: true })['admin.enabled']).toBe('true');
    expect(argoCdCm({ ...SSO, localAdmin: false })['admin.enabled']).toBe('false');
  });

  it('without SSO writes no url, no oidc.config and leaves the local admin as it is', () => {
    const data = argoCdCm();
    expect(data).not.toHaveProperty('url');
    expect(data).not.toHaveProperty('oidc.config');
    expect(data).not.toHaveProperty('admin.enabled');
    expect(data['timeout.reconciliation']).toBe('3m');
  });
});

describe('ArgoCdSso in argocd-rbac-cm', () => {
  function scopesOf(sso?: OidcSingleSignOn): unknown {
    const data = configMaps((chart) => new ArgoCdRbac(chart, 'rbac', { projects: [], sso: sso && new ArgoCdSso(sso) })).get('argocd-rbac-cm');
    return parse(data?.scopes ?? '');
  }

  it("matches the group bindings against the SSO's groups claim", () => {
    expect(scopesOf(SSO)).toEqual(['roles']);
  });

  it("uses Argo CD's default claim, groups, without SSO", () => {
    expect(scopesOf()).toEqual(['groups']);
  });

  it('quotes a claim that is a URL so that YAML reads it whole', () => {
    expect(renderRbacScopes(['https://acme.example/groups'])).toBe('["https://acme.example/groups"]');
    expect(parse(renderRbacScopes(['https://acme.example/groups', 'groups']))).toEqual(['https://acme.example/groups', 'groups']);
    expect(scopesOf({ ...SSO, groupsClaim: 'https://acme.example/groups' })).toEqual(['https://acme.example/groups']);
  });
});

describe('ssoProblems', () => {
  it('accepts a complete configuration', () => {
    expect(ssoProblems(SSO)).toEqual([]);
  });

  it('rejects every unusable field at once, each with its value and fix', () => {
    const problems = ssoProblems({
      url: 'http://argocd.test.example.org',
      issuer: 'idp.test.example.org',
      clientId: '',
      cliClientId: 'two words',
      clientSecret: { secretName: 'Argo_CD', key: 'a/b' },
      groupsClaim: '',
      requestedScopes: ['profile', 'groups'],
      displayName: ' ',
      localAdmin: 'no' as unknown as boolean,
    });
    expect(problems.map((p) => [p.field, p.value])).toEqual([
      ['url', 'http://argocd.test.example.org'],
      ['issuer', 'idp.test.example.org'],
      ['clientId', ''],
      ['cliClientId', 'two words'],
      ['clientSecret.secretName', 'Argo_CD'],
      ['clientSecret.key', 'a/b'],
      ['groupsClaim', ''],
      ['requestedScopes', ['profile', 'groups']],
      ['displayName', ' '],
      ['localAdmin', 'no'],
    ]);
    for (const problem of problems) {
      expect(problem.problem.length).toBeGreaterThan(20);
      expect(problem.fix.length).toBeGreaterThan(10);
    }
  });

  it('rejects an issuer carrying a query string', () => {
    expect(ssoProblems({ ...SSO, issuer: 'https://idp.test.example.org/?tenant=x' }).map((p) => p.field)).toEqual(['issuer']);
  });

  it('fails the construct with every problem, naming the sso field', () => {
    expect(() => new ArgoCdSso({ ...SSO, issuer: 'http://idp', clientId: '' })).toThrow(
      /sso\.issuer is "http:\/\/idp"; must be an https URL[^\n]*\(fix: [^\n]+\)\nsso\.clientId is ""/,
    );
  });
});
