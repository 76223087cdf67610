import { parse } from 'yaml';
import { NOTIFICATIONS_SECRET } from '../argocd/argocd-notifications';
import { ARGOCD_NAMESPACE } from '../argocd/constants';
import type { KubeManifest, RenderedObject } from '../synth/kube-manifest';

/** A place in a synthesized document where a Secret is read by name. */
export interface SecretReference {
  readonly namespace: string;
  readonly name: string;
  /** The key read; `undefined` when the whole Secret is read (envFrom, a mounted Secret, a chart's secretRef). */
  readonly key?: string;
  /** The object holding the reference. */
  readonly object: RenderedObject;
  /** Where in it, e.g. `spec.template.spec.source.helm.values: alertmanager.alertmanagerSpec.secrets[0]`. */
  readonly field: string;
}

/** argocd-cm's `$key` references are read from this Secret, `$name:key` from Secret `name`. */
export const ARGOCD_SECRET = 'argocd-secret';

/**
 * notifications-engine, pkg/api/config.go (`keyPattern`, `replaceStringSecret`), as vendored by
 * Argo CD v2.13/v2.14: every `$<word>` in a service's configuration is replaced with that key of
 * argocd-notifications-secret; triggers, templates and subscriptions are not.
 */
const NOTIFICATIONS_KEY = /\$([\w-]+)/g;

/**
 * prometheus-operator mounts each Secret of `spec.secrets` (the charts' `alertmanagerSpec.secrets`,
 * `prometheusSpec.secrets`) at `/etc/<alertmanager|prometheus>/secrets/<name>/`; a `*_file`
 * setting then names one key as a file.
 */
const OPERATOR_SECRET_FILE = /\/etc\/(?:alertmanager|prometheus)\/secrets\/([a-z0-9.-]+)\/([\w.-]+)/g;
const OPERATOR_SECRETS_PARENTS: ReadonlySet<string> = new Set(['alertmanagerSpec', 'prometheusSpec']);

type Found = Omit<SecretReference, 'object' | 'namespace'> & { readonly namespace?: string };

/**
 * Every Secret reference in the synthesized objects, found by walking them rather than by knowing
 * who wrote them: pod specs at any depth (`secretKeyRef`, `envFrom[].secretRef`, secret volumes
 * and projected sources, `imagePullSecrets`), the same inside the Helm values of every Application
 * and ApplicationSet (namespace: the destination's), the charts' `existingSecret` and string
 * `secretRef` conventions, prometheus-operator's `secrets` lists and the key files under their
 * mount path, and Argo CD's `$key` references in argocd-notifications-cm and argocd-cm.
 */
export function findSecretReferences(objects: readonly RenderedObject[]): SecretReference[] {
  return objects.flatMap((object) => {
    const { manifest } = object;
    const namespace = manifest.metadata.namespace;
    // An Application holds no pod spec of its own: what it deploys is read from its Helm values,
    // in its destination's namespace, not in Argo CD's.
    const found: Found[] = isArgoCdApplication(manifest) ? helmValueReferences(manifest) : [...walk(manifest, '', namespace), ...argoCdSettingsReferences(manifest)];
    return found.flatMap((ref) => (ref.namespace === undefined ? [] : [{ ...ref, namespace: ref.namespace, object }]));
  });
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function str(value: unknown): string | undefined {
  return typeof value === 'string' && value.trim() !== '' ? value : undefined;
}

function join(path: string, key: string | number): string {
  return typeof key === 'number' ? `${path}[${key}]` : path === '' ? key : `${path}.${key}`;
}

/** Keys a secret volume or projected source mounts (`items[].key`), or `undefined` for all of them. */
function itemKeys(source: Record<string, unknown>): (string | undefined)[] {
  const items = Array.isArray(source.items)
    ? source.items
        .filter(isRecord)
        .map((i) => str(i.key))
        .filter((k): k is string => k !== undefined)
    : [];
  return items.length > 0 ? items : [undefined];
}

function walk(value: unknown, path: string, namespace: string | undefined, parentKey = ''): Found[] {
  if (typeof value === 'string') {
    return [...value.matchAll(OPERATOR_SECRET_FILE)].map((m) => ({ namespace, name: m[1]!, key: m[2]!, field: path }));
  }
  if (Array.isArray(value)) return value.flatMap((item, i) => walk(item, join(path, i), namespace, parentKey));
  if (!isRecord(value)) return [];
  const here: Found[] = [];
  for (const [key, child] of Object.entries(value)) {
    const at = join(path, key);
    if (key === 'secretKeyRef' && isRecord(child) && str(child.name) !== undefined) {
      here.push({ namespace, name: str(child.name)!, key: str(child.key), field: at });
    } else if (key === 'secretRef' && isRecord(child) && str(child.name) !== undefined) {
      here.push({ namespace, name: str(child.name)!, field: at });
    } else if ((key === 'secretRef' || key === 'existingSecret') && str(child) !== undefined) {
      here.push({ namespace, name: str(child)!, field: at });
    } else if (key === 'secret' && isRecord(child) && str(child.secretName ?? child.name) !== undefined) {
      const name = str(child.secretName ?? child.name)!;
      for (const k of itemKeys(child)) here.push({ namespace, name, key: k, field: at });
    } else if (key === 'imagePullSecrets' && Array.isArray(child)) {
      child.forEach((s, i) => {
        if (isRecord(s) && str(s.name) !== undefined) here.push({ namespace, name: str(s.name)!, field: join(at, i) });
      });
    } else if (key === 'secrets' && OPERATOR_SECRETS_PARENTS.has(parentKey) && Array.isArray(child)) {
      child.forEach((s, i) => {
        if (str(s) !== undefined) here.push({ namespace, name: str(s)!, field: join(at, i) });
      });
    }
    here.push(...walk(child, at, namespace, key));
  }
  return here;
}

function isArgoCdApplication(manifest: KubeManifest): boolean {
  return manifest.apiVersion.startsWith('argoproj.io/') && (manifest.kind === 'Application' || manifest.kind === 'ApplicationSet');
}

/** The Helm sources of an Application (`spec`) or an ApplicationSet (`spec.template.spec`). */
function helmValueReferences(manifest: KubeManifest): Found[] {
  const spec = manifest.spec;
  if (!isRecord(spec)) return [];
  const [app, base] =
    manifest.kind === 'Application'
      ? [spec, 'spec']
      : manifest.kind === 'ApplicationSet' && isRecord(spec.template) && isRecord(spec.template.spec)
        ? [spec.template.spec, 'spec.template.spec']
        : [undefined, ''];
  if (app === undefined) return [];
  const destination = isRecord(app.destination) ? str(app.destination.namespace) : undefined;
  const sources = [
    ...(isRecord(app.source) ? [[app.source, `${base}.source`] as const] : []),
    ...(Array.isArray(app.sources) ? app.sources.filter(isRecord).map((s, i) => [s, `${base}.sources[${i}]`] as const) : []),
  ];
  return sources.flatMap(([source, at]) => {
    const helm = isRecord(source.helm) ? source.helm : undefined;
    if (helm === undefined) return [];
    const values = str(helm.values);
    // Every reference `walk` finds is under a key or in a path that says "secret" (secretKeyRef,
    // secretRef, existingSecret, secret, imagePullSecrets, secrets, /etc/<...>/secrets/): values
    // without the word hold none, and are not parsed (parsing the add-ons' values is most of this check).
    const fromString =
      values === undefined || !/secret/i.test(values) ? [] : walk(parse(values) as unknown, '', destination).map((r) => ({ ...r, field: `${at}.helm.values: ${r.field}` }));
    const fromObject = isRecord(helm.valuesObject) ? walk(helm.valuesObject, `${at}.helm.valuesObject`, destination) : [];
    const parsed = values === undefined ? helm.valuesObject : (parse(values) as unknown);
    const notifiers = source.chart === ROLLOUTS_CHART ? rolloutsNotifierReferences(parsed, destination, `${at}.helm.values`) : [];
    return [...fromString, ...fromObject, ...notifiers];
  });
}

/** The argo-rollouts chart, whose `notifications.notifiers` read `$key`s of its notification Secret. */
const ROLLOUTS_CHART = 'argo-rollouts';
/** argo-rollouts utils/record/record.go `NotificationSecret` (v1.8.0, v1.7.2). */
const ROLLOUTS_NOTIFICATION_SECRET = 'argo-rollouts-notification-secret';

/**
 * `$key` references of the argo-rollouts chart's `notifications.notifiers` (copied into
 * argo-rollouts-notification-configmap; the same notifications-engine replacement as Argo CD's,
 * from the Secret of the controller's namespace).
 */
function rolloutsNotifierReferences(values: unknown, namespace: string | undefined, at: string): Found[] {
  const notifications = isRecord(values) ? values.notifications : undefined;
  const notifiers = isRecord(notifications) ? notifications.notifiers : undefined;
  if (!isRecord(notifiers)) return [];
  return Object.entries(notifiers)
    .filter(([key]) => key.startsWith('service.'))
    .flatMap(([key, value]) =>
      [...String(value).matchAll(NOTIFICATIONS_KEY)].map((m) => ({ namespace, name: ROLLOUTS_NOTIFICATION_SECRET, key: m[1]!, field: `${at}: notifications.notifiers.${key}` })),
    );
}

/** `$key` references of Argo CD's own settings ConfigMaps (they live in Argo CD's namespace). */
function argoCdSettingsReferences(manifest: KubeManifest): Found[] {
  if (manifest.kind !== 'ConfigMap' || manifest.metadata.namespace !== ARGOCD_NAMESPACE || !isRecord(manifest.data)) return [];
  const data = manifest.data;
  if (manifest.metadata.name === 'argocd-notifications-cm') {
    return Object.entries(data)
      .filter(([key]) => key.startsWith('service.'))
      .flatMap(([key, value]) =>
        [...String(value).matchAll(NOTIFICATIONS_KEY)].map((m) => ({ namespace: ARGOCD_NAMESPACE, name: NOTIFICATIONS_SECRET, key: m[1]!, field: `data.${key}` })),
      );
  }
  if (manifest.metadata.name === 'argocd-cm') {
    // argo-cd util/settings (v2.13/v2.14): a value that starts with `$` is a Secret key,
    // `$<secret>:<key>` in Secret <secret> (ParseSecretKey), otherwise `$<key>` in argocd-secret
    // (ReplaceStringSecret). oidc.config and dex.config are YAML whose strings are replaced alike.
    return Object.entries(data).flatMap(([key, value]) => dollarStrings(parseOrKeep(String(value)), `data.${key}`));
  }
  return [];
}

function parseOrKeep(text: string): unknown {
  try {
    return parse(text) as unknown;
  } catch {
    return text;
  }
}

function dollarStrings(value: unknown, path: string): Found[] {
  if (typeof value === 'string') {
    const trimmed = value.trim();
    if (!/^\$[\w.-]+(:[\w.-]+)?$/.test(trimmed)) return [];
    const [secret, key] = trimmed.includes(':') ? trimmed.slice(1).split(':') : [ARGOCD_SECRET, trimmed.slice(1)];
    return [{ namespace: ARGOCD_NAMESPACE, name: secret!, key: key!, field: path }];
  }
  if (Array.isArray(value)) return value.flatMap((item, i) => dollarStrings(item, join(path, i)));
  if (isRecord(value)) return Object.entries(value).flatMap(([k, v]) => dollarStrings(v, join(path, k)));
  return [];
}
