import type { RenderedObject } from '../../synth/kube-manifest';
import type { IdentityKind } from './terraform-side';

/**
 * What the Kubernetes side of an environment names that only the Terraform side can create: cloud
 * identities (anywhere in any object, Helm values text included: a ServiceAccount annotation, a
 * cluster Secret's `awsAuthConfig.roleARN`, a credential configuration), and the clusters Argo CD
 * is told to reach, with how it authenticates to each.
 */

/** A synthesized object and the file it is written to (`dist/k8s/<env>/<component>/<file>.yaml`). */
export interface LocatedObject {
  readonly file: string;
  readonly object: RenderedObject;
}

/** Where a reference lives on the Kubernetes side. */
export interface KubernetesEnd {
  readonly file: string;
  readonly construct: string;
  readonly field: string;
  readonly value: string;
}

export interface IdentityReference {
  readonly kind: IdentityKind;
  readonly id: string;
  readonly at: KubernetesEnd;
}

/** A cluster registered with Argo CD (a cluster Secret). */
export interface ClusterRegistrationReference {
  readonly cluster: string;
  readonly server: string;
  /** `argocd-k8s-auth <method>` of its exec provider, or `aws` for `awsAuthConfig`. */
  readonly auth: string | undefined;
  readonly at: KubernetesEnd;
}

/** A Google credential configuration (`type: external_account`) found in an object. */
export interface CredentialConfiguration {
  readonly audience: string;
  readonly at: KubernetesEnd;
}

export interface KubernetesSide {
  readonly identities: readonly IdentityReference[];
  readonly clusters: readonly ClusterRegistrationReference[];
  readonly googleCredentials: readonly CredentialConfiguration[];
}

/** An IAM role ARN inside any text (YAML values, Go templates, JSON). */
const ROLE_ARN = /arn:aws:iam::\d{12}:role\/[\w+=,.@/-]+/g;
/** A Google service account e-mail inside any text. */
const GCP_SERVICE_ACCOUNT = /[a-z][a-z0-9-]{4,28}[a-z0-9]@[a-z][a-z0-9-]{4,28}[a-z0-9]\.iam\.gserviceaccount\.com/g;

/** Every string of `value` with its dotted field path, added to `into` (one array per object, not one per node). */
function stringsWithPaths(value: unknown, path: string, into: { field: string; text: string }[] = []): { field: string; text: string }[] {
  if (typeof value === 'string') into.push({ field: path, text: value });
  else if (Array.isArray(value)) {
    for (const [i, v] of value.entries()) stringsWithPaths(v, `${path}[${i}]`, into);
  } else if (typeof value === 'object' && value !== null) {
    for (const [k, v] of Object.entries(value)) stringsWithPaths(v, path === '' ? k : `${path}.${k}`, into);
  }
  return into;
}

/**
 * Only a JSON object can be a credential configuration, and its text starts with `{` after JSON's
 * whitespace. Every string of every object is asked; parsing (and throwing on) each of them was most
 * of the cost of the cross-engine check at fleet scale.
 */
const JSON_OBJECT_START = /^[ \t\n\r]*\{/;

function parseJson(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return undefined;
  }
}

export function kubernetesSide(objects: readonly LocatedObject[]): KubernetesSide {
  const identities: IdentityReference[] = [];
  const clusters: ClusterRegistrationReference[] = [];
  const googleCredentials: CredentialConfiguration[] = [];
  for (const { file, object } of objects) {
    const construct = object.constructPath;
    for (const { field, text } of stringsWithPaths(object.manifest, '')) {
      for (const id of new Set(text.match(ROLE_ARN) ?? [])) identities.push({ kind: 'aws-role', id, at: { file, construct, field, value: id } });
      for (const id of new Set(text.match(GCP_SERVICE_ACCOUNT) ?? [])) identities.push({ kind: 'gcp-service-account', id, at: { file, construct, field, value: id } });
      const json = JSON_OBJECT_START.test(text) ? (parseJson(text) as { type?: unknown; audience?: unknown } | undefined) : undefined;
      if (json?.type === 'external_account' && typeof json.audience === 'string') {
        googleCredentials.push({ audience: json.audience, at: { file, construct, field, value: json.audience } });
      }
    }
    const { manifest } = object;
    if (manifest.kind === 'Secret' && manifest.metadata.labels?.['argocd.argoproj.io/secret-type'] === 'cluster') {
      const data = (manifest.stringData ?? {}) as Record<string, string>;
      const config = parseJson(data.config ?? '{}') as { awsAuthConfig?: unknown; execProviderConfig?: { args?: string[] } } | undefined;
      const auth = config?.awsAuthConfig !== undefined ? 'aws' : config?.execProviderConfig?.args?.[0];
      clusters.push({
        cluster: data.name ?? manifest.metadata.name,
        server: data.server ?? '',
        auth,
        at: { file, construct, field: 'stringData.server', value: data.server ?? '' },
      });
    }
  }
  return { identities, clusters, googleCredentials };
}
