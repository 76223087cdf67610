import type { IConfigMap } from 'kubernetes-models/v1/ConfigMap';
import { parse } from 'yaml';
import { ARGO_CD_ADDON } from '../../constructs/platform/addons/argo-cd';
import type { EnvironmentSpec } from '../../environments/types';
import { fixtureEstate } from '../support/fixture-environment';
import { manifestOf, objectsOf, typed } from './render-environment';

const ENVIRONMENTS = fixtureEstate();

// Reads the rendered argocd-cm and argocd-rbac-cm, the objects Argo CD receives. Every environment
// of the estate is checked (whatever their number), and a derived spec with its own groups and
// claim proves that both come from the spec.

const rendered = new Map<EnvironmentSpec, ReturnType<typeof objectsOf>>();

/** The data of one of Argo CD's ConfigMaps; each spec is rendered once per file. */
function configData(spec: EnvironmentSpec, name: string): Record<string, string> {
  const objects = rendered.get(spec) ?? objectsOf(spec);
  rendered.set(spec, objects);
  return typed<IConfigMap>(manifestOf(objects, 'ConfigMap', name)).data ?? {};
}

/** Subjects of the `g, <group>, <role>` lines of policy.csv. */
function boundGroups(policyCsv: string): string[] {
  return policyCsv
    .split('\n')
    .map((line) => line.split(',').map((cell) => cell.trim()))
    .filter((cells) => cells[0] === 'g')
    .map((cells) => cells[1]!);
}

describe.each(ENVIRONMENTS.map((spec) => [spec.name, spec] as const))('SSO of %s', (_name, spec) => {
  const sso = spec.sso;

  it('has single sign-on in its spec', () => {
    expect(sso).toBeDefined();
  });

  it('argocd-cm has the url, an oidc.config with issuer, client id and secret reference, and no local admin', () => {
    const data = configData(spec, 'argocd-cm');
    expect(data.url).toBe(sso?.url);
    expect(data['admin.enabled']).toBe('false');
    const oidc = parse(data['oidc.config'] ?? '') as Record<string, unknown>;
    expect(oidc.issuer).toBe(sso?.issuer);
    expect(oidc.clientID).toBe(sso?.clientId);
    expect(oidc.clientSecret).toBe(`$${sso?.clientSecret.secretName}:${sso?.clientSecret.key}`);
  });

  it('argocd-rbac-cm matches the groups of its policies against the claim the SSO requests', () => {
    const data = configData(spec, 'argocd-rbac-cm');
    expect(parse(data.scopes ?? '')).toEqual([sso?.groupsClaim]);
    const oidc = parse(configData(spec, 'argocd-cm')['oidc.config'] ?? '') as { requestedIDTokenClaims: Record<string, unknown> };
    expect(Object.keys(oidc.requestedIDTokenClaims)).toEqual([sso?.groupsClaim]);
  });

  it("runs no bundled Dex: argocd-cm has no dex.config and the chart's dex.enabled is false", () => {
    // Argo CD uses Dex only for a dex.config (v2.13.2/v2.14.2 util/settings IssuerURL, util/oidc).
    expect(configData(spec, 'argocd-cm')['dex.config']).toBeUndefined();
    expect((ARGO_CD_ADDON.values(spec) as { dex?: unknown }).dex).toEqual({ enabled: false });
  });

  it('binds exactly the groups of the spec', () => {
    const groups = boundGroups(configData(spec, 'argocd-rbac-cm')['policy.csv'] ?? '');
    const { readOnlyGroups, deployerGroups, emergencyGroups } = spec.access;
    expect(new Set(groups)).toEqual(new Set([...readOnlyGroups, ...deployerGroups, ...emergencyGroups]));
  });
});

describe('SSO from a derived spec', () => {
  const base = ENVIRONMENTS.find((spec) => spec.tier === 'production')!;
  const derived: EnvironmentSpec = {
    ...base,
    access: { readOnlyGroups: ['sso-test-viewers'], deployerGroups: ['sso-test-deployers'], emergencyGroups: ['sso-test-oncall'] },
    sso: {
      url: 'https://argocd.sso-test.example.org',
      issuer: 'https://login.microsoftonline.com/00000000-0000-4000-8000-000000000000/v2.0',
      clientId: '11111111-1111-4111-8111-111111111111',
      clientSecret: { secretName: 'sso-test-client', key: 'secret' },
      groupsClaim: 'roles',
      requestedScopes: ['openid', 'profile', 'email'],
    },
  };

  it('runs no bundled Dex without SSO either (nothing writes a dex.config)', () => {
    const withoutSso: EnvironmentSpec = { ...derived, tier: 'development', sso: undefined };
    expect(configData(withoutSso, 'argocd-cm')['dex.config']).toBeUndefined();
    expect((ARGO_CD_ADDON.values(withoutSso) as { dex?: unknown }).dex).toEqual({ enabled: false });
  });

  it('writes the spec values into argocd-cm and the claim into argocd-rbac-cm', () => {
    const cm = configData(derived, 'argocd-cm');
    expect(cm.url).toBe('https://argocd.sso-test.example.org');
    expect(parse(cm['oidc.config'] ?? '')).toMatchObject({
      issuer: 'https://login.microsoftonline.com/00000000-0000-4000-8000-000000000000/v2.0',
      clientID: '11111111-1111-4111-8111-111111111111',
      clientSecret: '$sso-test-client:secret',
      requestedScopes: ['openid', 'profile', 'email'],
      requestedIDTokenClaims: { roles: { essential: true } },
    });
    const rbac = configData(derived, 'argocd-rbac-cm');
    expect(parse(rbac.scopes ?? '')).toEqual(['roles']);
    expect(boundGroups(rbac['policy.csv'] ?? '').sort()).toEqual(['sso-test-deployers', 'sso-test-oncall', 'sso-test-viewers']);
  });
});
