import type { HelmValues } from '../../argocd/application-source';
import type { SecretKeyReference, SsoProblem } from '../../argocd/argocd-sso';
import type { AddonSecret } from './platform-addon';

/**
 * How people log in to the Grafana of kube-prometheus-stack: its admin account from a Secret
 * created outside Git, and single sign-on through the environment's OIDC provider (Grafana's
 * generic OAuth), with Grafana roles from the same SSO groups that Argo CD's roles use.
 *
 * Read against the grafana chart that kube-prometheus-stack bundles: 67.9.0 depends on grafana
 * `8.8.*` and 66.3.1 on `8.6.*` (prometheus-community/helm-charts charts/kube-prometheus-stack/
 * Chart.yaml at those tags), packaged as grafana 8.8.2 (Grafana 11.4.0) and 8.6.4 (Grafana 11.3.1),
 * the newest of each line when the parent was released. grafana/helm-charts charts/grafana at
 * grafana-8.6.4 and grafana-8.8.2 (identical in what follows):
 * - templates/_pod.tpl sets GF_SECURITY_ADMIN_USER / _PASSWORD (and the sidecars' REQ_USERNAME /
 *   REQ_PASSWORD) from `admin.existingSecret` keys `admin.userKey` / `admin.passwordKey`;
 *   templates/secret.yaml and _config.tpl `grafana.secretsData` render the chart's own Secret with
 *   `adminPassword` only when `admin.existingSecret` is empty. kube-prometheus-stack's values set
 *   `grafana.adminPassword: prom-operator`, a published password, so without an existing Secret
 *   every cluster's Grafana admin has it.
 * - `envValueFrom` adds `valueFrom` environment variables to the Grafana container.
 * - `grafana.ini` is rendered section by section, string values through `tpl`; the helper
 *   `grafana.assertNoLeakedSecrets` fails the render if `auth.generic_oauth.client_secret` is a
 *   literal, so the client secret reaches Grafana as GF_AUTH_GENERIC_OAUTH_CLIENT_SECRET, which
 *   Grafana reads in place of that key (GF_<SECTION>_<KEY>, `.` as `_`; grafana/grafana
 *   pkg/setting/setting.go `applyEnvVariableOverrides`, docs setup-grafana/configure-grafana
 *   "Override configuration with environment variables").
 */

/** The Secret, in the monitoring namespace, holding Grafana's admin user and password. */
export const GRAFANA_ADMIN_SECRET = 'grafana-admin';
/** The chart's default key names (values.yaml `admin.userKey`, `admin.passwordKey`), stated. */
export const GRAFANA_ADMIN_USER_KEY = 'admin-user';
export const GRAFANA_ADMIN_PASSWORD_KEY = 'admin-password';

/** The variable Grafana reads as [auth.generic_oauth] client_secret. */
export const GRAFANA_CLIENT_SECRET_ENV = 'GF_AUTH_GENERIC_OAUTH_CLIENT_SECRET';

/** Where Grafana's generic OAuth sends the user back (pkg/login/social: `<root_url>login/generic_oauth`). */
export const GRAFANA_REDIRECT_PATH = '/login/generic_oauth';

/**
 * Single sign-on of the Grafana of every cluster of an environment, through the same OIDC provider
 * as Argo CD (its issuer's endpoints, the same groups claim and groups).
 */
export interface GrafanaSingleSignOn {
  /**
   * The address users open each cluster's Grafana at, by cluster name (Grafana's
   * `server.root_url`): Grafana builds its OAuth redirect URI `<url>/login/generic_oauth` from it,
   * and the provider must allow exactly that URI. The estate exposes no Grafana itself (no
   * Ingress): whoever publishes it (an Ingress, a load balancer, `kubectl port-forward` behind a
   * DNS name) must serve it at this address. Every cluster of the environment needs one.
   */
  readonly urls: Readonly<Record<string, string>>;
  /** Client id of the confidential (web) application registered for Grafana. */
  readonly clientId: string;
  /** Where Grafana reads the client secret: a Secret of the monitoring namespace, created outside Git. */
  readonly clientSecret: SecretKeyReference;
  /**
   * The provider's OAuth endpoints. Grafana's generic OAuth does not read the issuer's discovery
   * document, so they are stated (Okta custom authorization server: `<issuer>/v1/authorize`,
   * `<issuer>/v1/token`, `<issuer>/v1/userinfo`).
   */
  readonly authUrl: string;
  readonly tokenUrl: string;
  readonly apiUrl: string;
}

/** What Grafana's login needs from the rest of the environment. */
export interface GrafanaLoginOptions {
  /** Tier of the environment: production logs in by SSO only (no login form). */
  readonly production: boolean;
  readonly sso?: {
    readonly grafana: GrafanaSingleSignOn;
    /** The ID-token claim listing the user's groups (the environment's `sso.groupsClaim`). */
    readonly groupsClaim: string;
    readonly requestedScopes: readonly string[];
    readonly displayName: string;
    /** Groups that get Grafana's Admin role. */
    readonly adminGroups: readonly string[];
    /** Groups that get Grafana's Viewer role. */
    readonly viewerGroups: readonly string[];
    /** The value of `server.root_url` in the ApplicationSet's values (one text for every cluster). */
    readonly rootUrl: string;
  };
}

const PLAIN_IDENTIFIER = /^[A-Za-z_][A-Za-z0-9_]*$/;

/** A JMESPath raw string literal: `'...'` with `'` and `\` escaped. */
function rawString(value: string): string {
  return `'${value.replace(/\\/g, '\\\\').replace(/'/g, "\\'")}'`;
}

/**
 * Grafana's `role_attribute_path`: a JMESPath expression over the ID token's claims (then the
 * userinfo response) that yields `Admin` for an admin group, `Viewer` for a read-only group and
 * nothing otherwise; with `role_attribute_strict` a user of neither is refused, not made a Viewer.
 * A claim name that is not an identifier (`https://acme.example/groups`) is a quoted identifier.
 */
export function grafanaRoleAttributePath(groupsClaim: string, adminGroups: readonly string[], viewerGroups: readonly string[]): string {
  const claim = PLAIN_IDENTIFIER.test(groupsClaim) ? groupsClaim : JSON.stringify(groupsClaim);
  const anyOf = (groups: readonly string[]): string => groups.map((group) => `contains(${claim}[*], ${rawString(group)})`).join(' || ');
  return [...(adminGroups.length === 0 ? [] : [`(${anyOf(adminGroups)}) && 'Admin'`]), ...(viewerGroups.length === 0 ? [] : [`(${anyOf(viewerGroups)}) && 'Viewer'`])].join(' || ');
}

/** The values of the grafana subchart (under `grafana:` of kube-prometheus-stack). */
export function grafanaLoginValues(options: GrafanaLoginOptions): HelmValues {
  const admin = { existingSecret: GRAFANA_ADMIN_SECRET, userKey: GRAFANA_ADMIN_USER_KEY, passwordKey: GRAFANA_ADMIN_PASSWORD_KEY };
  const sso = options.sso;
  if (sso === undefined) return { admin };
  const { grafana } = sso;
  return {
    admin,
    envValueFrom: { [GRAFANA_CLIENT_SECRET_ENV]: { secretKeyRef: { name: grafana.clientSecret.secretName, key: grafana.clientSecret.key } } },
    'grafana.ini': {
      server: { root_url: sso.rootUrl },
      'auth.generic_oauth': {
        enabled: true,
        name: sso.displayName,
        client_id: grafana.clientId,
        scopes: sso.requestedScopes.join(' '),
        auth_url: grafana.authUrl,
        token_url: grafana.tokenUrl,
        api_url: grafana.apiUrl,
        use_pkce: true,
        // Users are created at their first login; their role is re-read at every login.
        allow_sign_up: true,
        role_attribute_path: grafanaRoleAttributePath(sso.groupsClaim, sso.adminGroups, sso.viewerGroups),
        role_attribute_strict: true,
      },
      // Production: SSO is the only interactive login. Basic auth stays on for the API: the chart's
      // dashboard and datasource sidecars reload Grafana with the admin credentials
      // (REQ_USERNAME / REQ_PASSWORD, templates/_pod.tpl), which Grafana accepts only by basic auth.
      ...(options.production ? { auth: { disable_login_form: true } } : {}),
    },
  };
}

/** The Secrets Grafana's values make it read, for the secrets inventory. */
export function grafanaLoginSecrets(options: GrafanaLoginOptions): AddonSecret[] {
  const admin: AddonSecret = {
    name: GRAFANA_ADMIN_SECRET,
    readBy: 'Grafana and its provisioning sidecars (grafana.admin.existingSecret)',
    keys: [
      { name: GRAFANA_ADMIN_USER_KEY, holds: "Grafana's local admin user name (e.g. admin)" },
      { name: GRAFANA_ADMIN_PASSWORD_KEY, holds: "Grafana's local admin password: a random value per cluster, never the chart default prom-operator" },
    ],
  };
  const sso = options.sso;
  if (sso === undefined) return [admin];
  const { clientSecret } = sso.grafana;
  const client: AddonSecret = {
    name: clientSecret.secretName,
    readBy: `Grafana generic OAuth (${GRAFANA_CLIENT_SECRET_ENV})`,
    keys: [{ name: clientSecret.key, holds: `client secret of Grafana's OIDC application ${sso.grafana.clientId}` }],
  };
  // One Secret may hold both (a declaration per Secret).
  return clientSecret.secretName === GRAFANA_ADMIN_SECRET ? [{ ...admin, keys: [...admin.keys, ...client.keys] }] : [admin, client];
}

function httpsUrl(value: unknown): boolean {
  if (typeof value !== 'string') return false;
  try {
    const url = new URL(value);
    return url.protocol === 'https:' && url.hostname !== '' && url.search === '' && url.hash === '' && url.username === '';
  } catch {
    return false;
  }
}

const TOKEN = /^[^\s,]+$/;
const SECRET_NAME = /^[a-z0-9]([-a-z0-9]*[a-z0-9])?(\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*$/;
const SECRET_KEY = /^[-._a-zA-Z0-9]+$/;

/**
 * Every problem of a Grafana SSO configuration, relative to it (`urls.<cluster>`, `clientId`, ...),
 * for the environment's clusters. Pure, so spec validation reports them with every other problem.
 * A URL for a cluster the environment lacks is not a problem: no cluster renders it.
 */
export function grafanaSsoProblems(grafana: GrafanaSingleSignOn, clusters: readonly string[]): SsoProblem[] {
  const urls: Readonly<Record<string, unknown>> = typeof grafana.urls === 'object' && grafana.urls !== null ? grafana.urls : {};
  const endpoint = (field: 'authUrl' | 'tokenUrl' | 'apiUrl', path: string): SsoProblem[] =>
    httpsUrl(grafana[field])
      ? []
      : [
          {
            field,
            value: grafana[field],
            problem: 'must be an https URL of the provider: Grafana sends the authorization code and the client secret to it',
            fix: `use the provider's endpoint, e.g. 'https://login.example.com/oauth2/default/v1/${path}'`,
          },
        ];
  return [
    ...clusters
      .filter((cluster) => !httpsUrl(urls[cluster]))
      .map((cluster) => ({
        field: `urls.${cluster}`,
        value: urls[cluster],
        problem: `must be the https address of the Grafana of cluster ${cluster}: Grafana builds its OAuth redirect URI <url>${GRAFANA_REDIRECT_PATH} from it (server.root_url), and over http the authorization code travels in clear text`,
        fix: `set urls['${cluster}']: 'https://grafana.${cluster}.example.com' and allow <url>${GRAFANA_REDIRECT_PATH} at the provider`,
      })),
    ...(typeof grafana.clientId === 'string' && TOKEN.test(grafana.clientId)
      ? []
      : [
          {
            field: 'clientId',
            value: grafana.clientId,
            problem: 'must be a non-empty value without whitespace or commas: Grafana sends it as client_id',
            fix: "copy the client id of Grafana's application from the identity provider",
          },
        ]),
    ...(typeof grafana.clientSecret?.secretName === 'string' && SECRET_NAME.test(grafana.clientSecret.secretName) && grafana.clientSecret.secretName.length <= 253
      ? []
      : [
          {
            field: 'clientSecret.secretName',
            value: grafana.clientSecret?.secretName,
            problem: 'must be a Kubernetes Secret name (lowercase DNS subdomain) in the monitoring namespace',
            fix: "name the Secret like 'grafana-oidc'",
          },
        ]),
    ...(typeof grafana.clientSecret?.key === 'string' && SECRET_KEY.test(grafana.clientSecret.key)
      ? []
      : [
          {
            field: 'clientSecret.key',
            value: grafana.clientSecret?.key,
            problem: "must be a Secret data key (letters, digits, '-', '_', '.')",
            fix: "use a key like 'clientSecret'",
          },
        ]),
    ...endpoint('authUrl', 'authorize'),
    ...endpoint('tokenUrl', 'token'),
    ...endpoint('apiUrl', 'userinfo'),
  ];
}
