import { ApiObject } from 'cdk8s';
import type { Construct } from 'constructs';
import { ARGOCD_NAMESPACE } from '../argocd/constants';
import type { SealedSecretData, SealingScope } from './secrets-spec';

/** The Sealed Secrets API (CRD `sealedsecrets.bitnami.com`, v1alpha1 only, at chart 2.16.2 and 2.17.1). */
export const SEALED_SECRET_API_VERSION = 'bitnami.com/v1alpha1';
export const SEALED_SECRET_KIND = 'SealedSecret';

/**
 * The scope annotations of a SealedSecret, as kubeseal writes them (pkg/apis/sealedsecrets/v1alpha1/
 * sealedsecret_expansion.go `UpdateScopeAnnotations`, v0.28.0): none for strict, `"true"` for the others.
 * The controller derives the decryption label from the SealedSecret's own annotations (`labelFor`),
 * so a wrong annotation makes every value undecryptable.
 */
export function scopeAnnotations(scope: SealingScope): Record<string, string> {
  if (scope === 'namespace-wide') return { 'sealedsecrets.bitnami.com/namespace-wide': 'true' };
  if (scope === 'cluster-wide') return { 'sealedsecrets.bitnami.com/cluster-wide': 'true' };
  return {};
}

/**
 * Labels the Secret needs for its reader to see it. Argo CD reads a Secret named in argocd-cm
 * (`$<secret>:<key>`, e.g. argocd-oidc) only when it is labelled `app.kubernetes.io/part-of: argocd`
 * (argo-cd util/settings, v2.13/v2.14); its own Secrets carry the label too, so every Secret of its
 * namespace gets it. The other readers (Helm values, mounts, envFrom) read by name alone.
 */
export function readerLabels(namespace: string): Record<string, string> {
  return namespace === ARGOCD_NAMESPACE ? { 'app.kubernetes.io/part-of': 'argocd' } : {};
}

export interface SealedSecretProps {
  /** What `npm run seal` wrote for this Secret and cluster. */
  readonly data: SealedSecretData;
  /** Labels for the SealedSecret and the Secret it creates (the environment's common labels). */
  readonly labels?: Readonly<Record<string, string>>;
}

/**
 * A Secret sealed for one cluster's controller: the controller decrypts `spec.encryptedData` and
 * creates the Secret of the same name and namespace from `spec.template` (metadata copied, plus an
 * owner reference to the SealedSecret). The scope annotations go on both, as kubeseal writes them.
 */
export class SealedSecret extends ApiObject {
  constructor(scope: Construct, id: string, props: SealedSecretProps) {
    const { data } = props;
    const annotations = scopeAnnotations(data.scope);
    const hasAnnotations = Object.keys(annotations).length > 0;
    const metadata = { name: data.name, namespace: data.namespace, labels: { ...props.labels }, ...(hasAnnotations ? { annotations } : {}) };
    super(scope, id, {
      apiVersion: SEALED_SECRET_API_VERSION,
      kind: SEALED_SECRET_KIND,
      metadata,
      spec: {
        encryptedData: Object.fromEntries(Object.entries(data.encryptedData).sort(([a], [b]) => a.localeCompare(b))),
        template: {
          metadata: { ...metadata, labels: { ...props.labels, ...readerLabels(data.namespace) } },
          type: 'Opaque',
        },
      },
    });
  }
}
