import { toYaml } from '../core/yaml-text';
import { ARGOCD_NAMESPACE } from './constants';

/**
 * A key of a Secret that Argo CD reads through a `$<secret-name>:<key>` reference in argocd-cm.
 *
 * Argo CD resolves such a reference from the Secrets of its own namespace that carry the label
 * `app.kubernetes.io/part-of: argocd` (argoproj/argo-cd util/settings/settings.go, v2.13.2 and
 * v2.14.2: `getSettings` lists the Secrets matching `partOfArgoCDSelector` in `mgr.namespace`,
 * `updateSettingsFromSecret` keys their data as `<name>:<key>`, and `ReplaceStringSecret` swaps a
 * value starting with `$` for that entry, leaving the literal `$...` when the key is missing).
 */
export interface SecretKeyReference {
  /** Name of the Secret in Argo CD's namespace; it must be labelled `app.kubernetes.io/part-of: argocd`. */
  readonly secretName: string;
  /** Key inside the Secret's data. */
  readonly key: string;
}

/**
 * Single sign-on of one environment's Argo CD through an OIDC provider (Okta, Entra ID, Keycloak,
 * Dex, ...), without Argo CD's bundled Dex.
 */
export interface OidcSingleSignOn {
  /**
   * External URL of Argo CD as users open it (argocd-cm `url`). The provider must allow the
   * redirect URI `<url>/auth/callback` (util/settings `RedirectURL`).
   */
  readonly url: string;
  /** OIDC issuer, exactly as the provider's discovery document states it (go-oidc compares them). */
  readonly issuer: string;
  /** Client id of the confidential (web) application registered for Argo CD. */
  readonly clientId: string;
  /**
   * Client id of a public application (authorization code with PKCE, redirect URI
   * `http://localhost:8085/auth/callback`) for `argocd login --sso`. The CLI logs in with it
   * instead of `clientId` (pkg/apiclient/apiclient.go) and sends no client secret, so a
   * confidential client alone cannot serve the CLI; Argo CD accepts tokens of both audiences
   * (settings.go `OAuth2AllowedAudiences`).
   * @default - the CLI uses `clientId`, which works only if that client is public
   */
  readonly cliClientId?: string;
  /** Where Argo CD reads the client secret; the Secret is created outside Git (secrets inventory). */
  readonly clientSecret: SecretKeyReference;
  /**
   * ID-token claim that lists the user's groups. Argo CD's RBAC matches the `g, <group>, <role>`
   * lines against the values of the claims named in argocd-rbac-cm `scopes`, so this claim is the
   * one written there.
   */
  readonly groupsClaim: string;
  /**
   * OAuth scopes Argo CD asks for; must include `openid`, and whatever scope makes the provider
   * put the groups claim into the ID token (Okta and Dex: `groups`).
   * @default ['openid', 'profile', 'email', 'groups']
   */
  readonly requestedScopes?: readonly string[];
  /**
   * Name on the login button ("Log in via <name>").
   * @default 'SSO'
   */
  readonly displayName?: string;
  /**
   * Keep the local `admin` account as a second way in. Production refuses it: a shared password
   * bypasses the groups, so the break-glass role would no longer be the only emergency path.
   * @default false
   */
  readonly localAdmin?: boolean;
}

/** One problem of an SSO configuration, relative to it (`issuer`, `clientSecret.key`, ...). */
export interface SsoProblem {
  readonly field: string;
  readonly value: unknown;
  readonly problem: string;
  readonly fix: string;
}

export const DEFAULT_SSO_SCOPES: readonly string[] = ['openid', 'profile', 'email', 'groups'];
export const DEFAULT_DISPLAY_NAME = 'SSO';

/** Argo CD's own default for argocd-rbac-cm `scopes` (server/rbacpolicy/rbacpolicy.go `defaultScopes`). */
export const DEFAULT_RBAC_SCOPES: readonly string[] = ['groups'];

/** Kubernetes Secret names are DNS subdomains; a `:` would also split the `$name:key` reference. */
const SECRET_NAME = /^[a-z0-9]([-a-z0-9]*[a-z0-9])?(\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*$/;
/** Kubernetes Secret data keys. */
const SECRET_KEY = /^[-._a-zA-Z0-9]+$/;
/** Ids, claims and scopes are single tokens: whitespace or a comma would split them. */
const TOKEN = /^[^\s,]+$/;

function isString(value: unknown): value is string {
  return typeof value === 'string';
}

function httpsProblem(field: string, value: unknown, what: string, example: string): SsoProblem[] {
  let ok = false;
  if (isString(value)) {
    try {
      const url = new URL(value);
      ok = url.protocol === 'https:' && url.hostname !== '' && url.search === '' && url.hash === '' && url.username === '';
    } catch {
      ok = false;
    }
  }
  return ok ? [] : [{ field, value, problem: `must be an https URL without query or fragment: ${what}`, fix: `use an https URL like '${example}'` }];
}

function tokenProblem(field: string, value: unknown, what: string, fix: string): SsoProblem[] {
  return isString(value) && TOKEN.test(value) ? [] : [{ field, value, problem: `must be a non-empty value without whitespace or commas: ${what}`, fix }];
}

/**
 * Every problem of an SSO configuration that holds in any environment (tier rules are the spec
 * validation's). Pure, so spec validation reports these with every other problem before synth.
 */
export function ssoProblems(sso: OidcSingleSignOn): SsoProblem[] {
  const scopes = sso.requestedScopes;
  return [
    ...httpsProblem(
      'url',
      sso.url,
      'Argo CD builds the redirect URI <url>/auth/callback from it, and over http the authorization code and the session token travel in clear text',
      'https://argocd.<env>.example.com',
    ),
    ...httpsProblem('issuer', sso.issuer, 'Argo CD fetches <issuer>/.well-known/openid-configuration and trusts the keys found there', 'https://login.example.com/oauth2/default'),
    ...tokenProblem(
      'clientId',
      sso.clientId,
      'Argo CD sends it as client_id and accepts only ID tokens issued to it',
      "copy the client id of Argo CD's application from the identity provider",
    ),
    ...(sso.cliClientId === undefined
      ? []
      : tokenProblem('cliClientId', sso.cliClientId, '`argocd login --sso` sends it as client_id', 'copy the client id of the public (PKCE) application, or remove the field')),
    ...(isString(sso.clientSecret?.secretName) && SECRET_NAME.test(sso.clientSecret.secretName) && sso.clientSecret.secretName.length <= 253
      ? []
      : [
          {
            field: 'clientSecret.secretName',
            value: sso.clientSecret?.secretName,
            problem: 'must be a Kubernetes Secret name (lowercase DNS subdomain): Argo CD looks the client secret up as $<secret-name>:<key>',
            fix: "name the Secret like 'argocd-oidc'",
          },
        ]),
    ...(isString(sso.clientSecret?.key) && SECRET_KEY.test(sso.clientSecret.key)
      ? []
      : [
          {
            field: 'clientSecret.key',
            value: sso.clientSecret?.key,
            problem: "must be a Secret data key (letters, digits, '-', '_', '.')",
            fix: "use a key like 'clientSecret'",
          },
        ]),
    ...tokenProblem(
      'groupsClaim',
      sso.groupsClaim,
      'argocd-rbac-cm `scopes` names it and the group bindings match its values',
      "name the ID-token claim holding the groups, e.g. 'groups'",
    ),
    ...(scopes === undefined
      ? []
      : Array.isArray(scopes) && scopes.includes('openid') && scopes.every((scope) => isString(scope) && TOKEN.test(scope))
        ? []
        : [
            {
              field: 'requestedScopes',
              value: scopes,
              problem: 'must list single-word scopes including openid: without openid the provider issues no ID token and nobody can log in',
              fix: `list them like ${JSON.stringify(DEFAULT_SSO_SCOPES)}, or remove the field for that default`,
            },
          ]),
    ...(sso.displayName === undefined || (isString(sso.displayName) && sso.displayName.trim() !== '')
      ? []
      : [
          {
            field: 'displayName',
            value: sso.displayName,
            problem: 'is the text of the login button and cannot be empty',
            fix: "name the provider, e.g. 'Okta', or remove the field for 'SSO'",
          },
        ]),
    ...(sso.localAdmin === undefined || typeof sso.localAdmin === 'boolean'
      ? []
      : [
          {
            field: 'localAdmin',
            value: sso.localAdmin,
            problem: 'must be true or false: Argo CD ignores an admin.enabled it cannot parse and keeps the local admin enabled',
            fix: 'remove the field (the local admin is disabled) or set it to true',
          },
        ]),
  ];
}

/**
 * SSO of Argo CD, as the entries it contributes to argocd-cm and the claim it hands to
 * argocd-rbac-cm. The keys are read by argoproj/argo-cd util/settings/settings.go (`url`,
 * `oidc.config`, unmarshalled into `OIDCConfig` after `$secret:key` replacement) and
 * util/settings/accounts.go (`admin.enabled`, parsed with strconv.ParseBool), v2.13.2 and v2.14.2.
 */
export class ArgoCdSso {
  /** The Secret key Argo CD needs and Git does not hold, in Argo CD's namespace. */
  readonly clientSecret: SecretKeyReference & { readonly namespace: string };
  /** Claims whose values argocd-rbac-cm matches against the groups of its policy lines. */
  readonly rbacScopes: readonly string[];
  private readonly props: OidcSingleSignOn;

  /** Throws, naming every problem with its field, value and fix, when the configuration is unusable. */
  constructor(props: OidcSingleSignOn) {
    const problems = ssoProblems(props);
    if (problems.length > 0) {
      throw new Error(problems.map((p) => `sso.${p.field} is ${JSON.stringify(p.value)}; ${p.problem} (fix: ${p.fix})`).join('\n'));
    }
    this.props = props;
    this.clientSecret = { namespace: ARGOCD_NAMESPACE, secretName: props.clientSecret.secretName, key: props.clientSecret.key };
    this.rbacScopes = [props.groupsClaim];
  }

  /** Whether the local `admin` account stays enabled. */
  get localAdmin(): boolean {
    return this.props.localAdmin ?? false;
  }

  /** The `$<secret-name>:<key>` reference written as `clientSecret` in oidc.config. */
  get clientSecretReference(): string {
    return `$${this.clientSecret.secretName}:${this.clientSecret.key}`;
  }

  /** argocd-cm entries: the external URL, the OIDC provider, and the local admin switched off. */
  argoCdSettings(): Record<string, string> {
    const { props } = this;
    const oidcConfig = {
      name: props.displayName ?? DEFAULT_DISPLAY_NAME,
      issuer: props.issuer,
      clientID: props.clientId,
      ...(props.cliClientId === undefined ? {} : { cliClientID: props.cliClientId }),
      clientSecret: this.clientSecretReference,
      requestedScopes: [...(props.requestedScopes ?? DEFAULT_SSO_SCOPES)],
      // Ask for the groups claim in the ID token itself (OIDC `claims` request parameter): Argo CD
      // reads groups from the ID token unless enableUserInfoGroups is set.
      requestedIDTokenClaims: { [props.groupsClaim]: { essential: true } },
    };
    return {
      url: props.url,
      'oidc.config': toYaml(oidcConfig),
      'admin.enabled': String(this.localAdmin),
    };
  }
}

/** A claim name YAML reads as itself inside a flow sequence, unquoted. */
const PLAIN_CLAIM = /^[A-Za-z0-9_-]+$/;

/**
 * argocd-rbac-cm `scopes`: a YAML flow sequence that argoproj/argo-cd server/server.go
 * (`rbacPolicyLoader`, v2.13.2 and v2.14.2) unmarshals into []string; a claim name that is not a
 * plain word (`https://acme.example/groups`) is double-quoted so that no YAML indicator splits it.
 */
export function renderRbacScopes(scopes: readonly string[]): string {
  return `[${scopes.map((scope) => (PLAIN_CLAIM.test(scope) ? scope : JSON.stringify(scope))).join(', ')}]`;
}
