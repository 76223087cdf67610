import { GRAFANA_CLIENT_SECRET_ENV, type GrafanaSingleSignOn, grafanaRoleAttributePath, grafanaSsoProblems } from '../../constructs/platform/addons/grafana-login';
import { KUBE_PROMETHEUS_STACK_ADDON } from '../../constructs/platform/addons/kube-prometheus-stack';
import type { EnvironmentSpec } from '../../environments/types';
import { fixtureEstate } from '../support/fixture-environment';

const ENVIRONMENTS = fixtureEstate();

// Grafana's login, as kube-prometheus-stack's values hand it to the grafana subchart (8.6.4 / 8.8.2):
// admin credentials from a Secret, never the chart's published `prom-operator`; generic OAuth against
// the environment's provider with roles from the SSO groups. Fixture specs are derived from a
// reference environment with their own clusters, groups and Grafana application.

const base = ENVIRONMENTS.find((spec) => spec.tier === 'development')!;
const GRAFANA: GrafanaSingleSignOn = {
  urls: { 'fx-a': 'https://grafana.fx-a.example.org', 'fx-b': 'https://grafana.fx-b.example.org' },
  clientId: 'fixture-grafana',
  clientSecret: { secretName: 'fixture-grafana-oidc', key: 'secret' },
  authUrl: 'https://idp.example.org/authorize',
  tokenUrl: 'https://idp.example.org/token',
  apiUrl: 'https://idp.example.org/userinfo',
};

function fixture(tier: EnvironmentSpec['tier'], grafana: GrafanaSingleSignOn | undefined): EnvironmentSpec {
  const [first, second] = base.clusters;
  return {
    ...base,
    tier,
    clusters: [
      { ...first!, name: 'fx-a' },
      { ...second!, name: 'fx-b' },
    ],
    access: { readOnlyGroups: ['fx-viewers'], deployerGroups: ['fx-deployers'], emergencyGroups: ['fx-oncall'] },
    sso: { ...base.sso!, groupsClaim: 'groups', displayName: 'Fixture IdP', requestedScopes: ['openid', 'groups'], grafana },
  };
}

/** The `grafana:` values of kube-prometheus-stack for `spec`. */
function grafanaValues(spec: EnvironmentSpec): Record<string, unknown> {
  return (KUBE_PROMETHEUS_STACK_ADDON.values(spec) as { grafana: Record<string, unknown> }).grafana;
}

function ini(spec: EnvironmentSpec): Record<string, Record<string, unknown>> {
  return grafanaValues(spec)['grafana.ini'] as Record<string, Record<string, unknown>>;
}

describe('Grafana admin credentials', () => {
  it.each([...ENVIRONMENTS.map((spec) => [spec.name, spec] as const), ['a spec without Grafana SSO', fixture('development', undefined)] as const])(
    '%s: the admin comes from the Secret grafana-admin and no password is in the values',
    (_name, spec) => {
      const values = grafanaValues(spec);
      expect(values.admin).toEqual({ existingSecret: 'grafana-admin', userKey: 'admin-user', passwordKey: 'admin-password' });
      expect(JSON.stringify(values)).not.toMatch(/adminPassword|prom-operator/);
      const declared = KUBE_PROMETHEUS_STACK_ADDON.secrets?.(spec).find((s) => s.name === 'grafana-admin');
      expect(declared?.keys.map((k) => k.name)).toEqual(['admin-user', 'admin-password']);
    },
  );

  it('has no generic OAuth, root_url or client secret variable without sso.grafana', () => {
    const values = grafanaValues(fixture('production', undefined));
    expect(values['grafana.ini']).toBeUndefined();
    expect(values.envValueFrom).toBeUndefined();
    expect(KUBE_PROMETHEUS_STACK_ADDON.secrets?.(fixture('production', undefined)).map((s) => s.name)).not.toContain(GRAFANA.clientSecret.secretName);
  });
});

describe('Grafana single sign-on', () => {
  const spec = fixture('development', GRAFANA);

  it('logs in through generic OAuth with the Grafana application, the endpoints and the scopes of the spec', () => {
    expect(ini(spec)['auth.generic_oauth']).toMatchObject({
      enabled: true,
      name: 'Fixture IdP',
      client_id: 'fixture-grafana',
      scopes: 'openid groups',
      auth_url: GRAFANA.authUrl,
      token_url: GRAFANA.tokenUrl,
      api_url: GRAFANA.apiUrl,
      role_attribute_strict: true,
    });
  });

  it('reads the client secret from the declared Secret through the environment, never as a literal in grafana.ini', () => {
    // The chart's assertNoLeakedSecrets fails the render on a literal auth.generic_oauth.client_secret.
    expect(ini(spec)['auth.generic_oauth']?.client_secret).toBeUndefined();
    expect(grafanaValues(spec).envValueFrom).toEqual({ [GRAFANA_CLIENT_SECRET_ENV]: { secretKeyRef: { name: 'fixture-grafana-oidc', key: 'secret' } } });
    const declared = KUBE_PROMETHEUS_STACK_ADDON.secrets?.(spec).find((s) => s.name === 'fixture-grafana-oidc');
    expect(declared?.keys.map((k) => k.name)).toEqual(['secret']);
  });

  it("sets each cluster's root_url from sso.grafana.urls (the redirect URI is <url>/login/generic_oauth)", () => {
    expect(ini(spec).server?.root_url).toBe('{{ if eq .name `fx-a` }}https://grafana.fx-a.example.org{{ else if eq .name `fx-b` }}https://grafana.fx-b.example.org{{ end }}');
  });

  it('maps deployer and emergency groups to Admin, read-only groups to Viewer, and nobody else', () => {
    expect(ini(spec)['auth.generic_oauth']?.role_attribute_path).toBe(
      "(contains(groups[*], 'fx-deployers') || contains(groups[*], 'fx-oncall')) && 'Admin' || (contains(groups[*], 'fx-viewers')) && 'Viewer'",
    );
  });

  it('quotes a groups claim that is not a JMESPath identifier, and escapes quotes in group names', () => {
    expect(grafanaRoleAttributePath('https://acme.example/groups', ["o'neil"], [])).toBe(`(contains("https://acme.example/groups"[*], 'o\\'neil')) && 'Admin'`);
  });

  it('hides the login form in production only', () => {
    expect(ini(fixture('production', GRAFANA)).auth).toEqual({ disable_login_form: true });
    expect(ini(spec).auth).toBeUndefined();
  });
});

describe('grafanaSsoProblems', () => {
  it('accepts a complete configuration', () => {
    expect(grafanaSsoProblems(GRAFANA, ['fx-a', 'fx-b'])).toEqual([]);
  });

  it('rejects every problem at once: http and missing cluster URLs, an empty client id, a bad Secret, a non-https endpoint', () => {
    const problems = grafanaSsoProblems(
      {
        ...GRAFANA,
        urls: { 'fx-a': 'http://grafana.fx-a.example.org', 'fx-z': 'https://grafana.fx-z.example.org' },
        clientId: '',
        clientSecret: { secretName: 'Bad_Name', key: 'secret' },
        tokenUrl: 'http://idp.example.org/token',
      },
      ['fx-a', 'fx-b'],
    );
    expect(problems.map((p) => [p.field, p.value])).toEqual([
      ['urls.fx-a', 'http://grafana.fx-a.example.org'],
      ['urls.fx-b', undefined],
      ['clientId', ''],
      ['clientSecret.secretName', 'Bad_Name'],
      ['tokenUrl', 'http://idp.example.org/token'],
    ]);
    expect(problems.every((p) => p.fix !== '')).toBe(true);
  });
});
