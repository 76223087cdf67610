import type { OidcSingleSignOn } from '../../constructs/argocd/argocd-sso';
import { showValue } from '../../constructs/rules/show-value';
import { formatViolation, type Violation } from '../../constructs/rules/violation';
import type { EnvironmentSpec, EnvironmentSso } from '../../environments/types';
import { fileOf } from './spec-expectations';
import { fleetViolations, specViolations } from './spec-violations';
import { FIXTURE_FLEET } from './tier-fixtures';

// Each failing case breaks one SSO value of a spec derived from a fixture environment (test/support) and checks
// that exactly that field is reported, with environment, file, value and fix.

const production = FIXTURE_FLEET.find((spec) => spec.tier === 'production')!;
const development = FIXTURE_FLEET.find((spec) => spec.tier === 'development')!;

const SSO: OidcSingleSignOn = {
  url: 'https://argocd.sso-check.example.org',
  issuer: 'https://idp.sso-check.example.org/oauth2/default',
  clientId: 'sso-check-web',
  clientSecret: { secretName: 'sso-check', key: 'clientSecret' },
  groupsClaim: 'groups',
};

function withSso(spec: EnvironmentSpec, sso: EnvironmentSso | undefined): EnvironmentSpec {
  return { ...spec, sso };
}

function expectRejected(spec: EnvironmentSpec, field: string, value: unknown, fix: RegExp): Violation {
  const violations = specViolations(spec);
  expect(violations.map((v) => v.field)).toEqual([field]);
  const found = violations[0]!;
  expect(found.environment).toBe(spec.name);
  expect(found.path).toBe(fileOf(spec, field));
  expect(found.value).toBe(showValue(value));
  expect(found.fix).toMatch(fix);
  expect(formatViolation(found)).toContain(`${spec.name}: ${fileOf(spec, field)}: ${field} is ${found.value}; `);
  return found;
}

describe('spec validation of sso', () => {
  it('accepts a complete SSO configuration in production', () => {
    expect(specViolations(withSso(production, SSO))).toEqual([]);
  });

  it('rejects production without SSO', () => {
    const found = expectRejected(withSso(production, undefined), 'sso', undefined, /PLATFORM_SSO/);
    expect(found.problem).toMatch(/break-glass/);
  });

  it('rejects production that keeps the local admin', () => {
    expect(expectRejected(withSso(production, { ...SSO, localAdmin: true }), 'sso.localAdmin', true, /remove sso.localAdmin/).problem).toMatch(/local admin/);
  });

  it('accepts a development environment without SSO or with the local admin kept', () => {
    expect(specViolations(withSso(development, undefined))).toEqual([]);
    expect(specViolations(withSso(development, { ...SSO, localAdmin: true }))).toEqual([]);
  });

  it('rejects an issuer that is not https', () => {
    expectRejected(withSso(development, { ...SSO, issuer: 'http://idp.sso-check.example.org' }), 'sso.issuer', 'http://idp.sso-check.example.org', /https/);
  });

  it('rejects a url that is not https', () => {
    expectRejected(withSso(production, { ...SSO, url: 'argocd.sso-check.example.org' }), 'sso.url', 'argocd.sso-check.example.org', /https/);
  });

  it('rejects an empty client id', () => {
    expectRejected(withSso(production, { ...SSO, clientId: '' }), 'sso.clientId', '', /client id/);
  });

  it('rejects a client secret Secret name that Kubernetes refuses', () => {
    expectRejected(withSso(production, { ...SSO, clientSecret: { secretName: 'Argo:CD', key: 'clientSecret' } }), 'sso.clientSecret.secretName', 'Argo:CD', /argocd-oidc/);
  });

  it('rejects requested scopes without openid', () => {
    expectRejected(withSso(production, { ...SSO, requestedScopes: ['groups'] }), 'sso.requestedScopes', ['groups'], /openid/);
  });

  it('reports every SSO problem of a spec at once', () => {
    const spec = withSso(production, { ...SSO, issuer: 'http://idp', clientId: ' ', localAdmin: true });
    expect(specViolations(spec).map((v) => v.field)).toEqual(['sso.issuer', 'sso.clientId', 'sso.localAdmin']);
  });
});

describe('fleet validation of sso', () => {
  it('rejects two environments sharing an Argo CD URL, naming the second one', () => {
    const first = withSso({ ...development, name: 'sso-a' }, SSO);
    const second = withSso({ ...development, name: 'sso-b', clusters: [] }, { ...SSO, url: `${SSO.url}/` });
    const found = fleetViolations([first, second]).filter((v) => v.field === 'sso.url');
    expect(found).toHaveLength(1);
    expect(found[0]).toMatchObject({ environment: 'sso-b', path: 'environments/index.ts', value: showValue(`${SSO.url}/`) });
    expect(found[0]!.problem).toMatch(/"sso-a"/);
  });

  it('accepts environments with distinct URLs', () => {
    const first = withSso({ ...development, name: 'sso-a' }, SSO);
    const second = withSso({ ...development, name: 'sso-b', clusters: [] }, { ...SSO, url: 'https://argocd.sso-b.example.org' });
    expect(fleetViolations([first, second]).filter((v) => v.field === 'sso.url')).toEqual([]);
  });
});

describe('spec validation of sso.grafana', () => {
  const clusters = development.clusters.map((cluster) => cluster.name);
  const grafana = {
    urls: Object.fromEntries(clusters.map((name) => [name, `https://grafana.${name}.sso-check.example.org`])),
    clientId: 'sso-check-grafana',
    clientSecret: { secretName: 'sso-check-grafana', key: 'clientSecret' },
    authUrl: 'https://idp.sso-check.example.org/authorize',
    tokenUrl: 'https://idp.sso-check.example.org/token',
    apiUrl: 'https://idp.sso-check.example.org/userinfo',
  };

  it('accepts a Grafana SSO with an https address for every cluster', () => {
    expect(specViolations(withSso(development, { ...SSO, grafana }))).toEqual([]);
  });

  it("rejects a cluster's Grafana address that is not https", () => {
    const urls = { ...grafana.urls, [clusters[0]!]: `http://grafana.${clusters[0]}.example.org` };
    const found = expectRejected(withSso(development, { ...SSO, grafana: { ...grafana, urls } }), `sso.grafana.urls.${clusters[0]}`, urls[clusters[0]!], /https:\/\/grafana\./);
    expect(found.problem).toMatch(/redirect URI/);
  });

  it('rejects a cluster without a Grafana address', () => {
    const { [clusters[1]!]: _dropped, ...urls } = grafana.urls;
    expectRejected(withSso(development, { ...SSO, grafana: { ...grafana, urls } }), `sso.grafana.urls.${clusters[1]}`, undefined, /allow <url>\/login\/generic_oauth/);
  });

  it('rejects an empty Grafana client id and a token endpoint over http, in one report', () => {
    const violations = specViolations(withSso(development, { ...SSO, grafana: { ...grafana, clientId: '', tokenUrl: 'http://idp.example.org/token' } }));
    expect(violations.map((v) => v.field)).toEqual(['sso.grafana.clientId', 'sso.grafana.tokenUrl']);
  });
});
