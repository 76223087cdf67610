import { ApiObject } from 'cdk8s';
import type { Construct } from 'constructs';
import type { IConfigMap } from 'kubernetes-models/v1/ConfigMap';
import { ARGOCD_NAMESPACE } from './constants';

/**
 * Declares one of Argo CD's own ConfigMaps. They carry `app.kubernetes.io/part-of: argocd`, which
 * Argo CD requires before it reads them, and the Helm chart is told not to create them (see the
 * argo-cd add-on values), so Git holds exactly one copy.
 */
export function argoCdConfigMap(scope: Construct, name: string, data: Readonly<Record<string, string>>): ApiObject {
  const configMap: IConfigMap = {
    apiVersion: 'v1',
    kind: 'ConfigMap',
    metadata: { name, namespace: ARGOCD_NAMESPACE, labels: { 'app.kubernetes.io/part-of': 'argocd' } },
    data: { ...data },
  };
  return new ApiObject(scope, 'Resource', configMap);
}
