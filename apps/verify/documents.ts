import { readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { parseAllDocuments, stringify } from 'yaml';
import { listFiles } from '../synth/output-tree';

/** One Kubernetes object of dist/, with the file it came from. */
export interface Document {
  /** Path relative to the repository root, for messages. */
  readonly file: string;
  readonly object: KubeObject;
}

export interface KubeObject {
  readonly apiVersion: string;
  readonly kind: string;
  readonly metadata: { readonly name: string; readonly namespace?: string; readonly annotations?: Readonly<Record<string, string>> };
  readonly [field: string]: unknown;
}

/**
 * Argo CD's order within a sync: phase, then sync wave, then kind in this order (custom resources
 * after all of them), then name. gitops-engine pkg/sync/sync_tasks.go `kindOrder`, at the version
 * Argo CD v2.14.2 pins (v0.7.1-0.20250129155113-c19f8cfa4d27), itself from Helm's kind sorter.
 */
const KIND_ORDER = [
  'Namespace',
  'NetworkPolicy',
  'ResourceQuota',
  'LimitRange',
  'PodSecurityPolicy',
  'PodDisruptionBudget',
  'ServiceAccount',
  'Secret',
  'SecretList',
  'ConfigMap',
  'StorageClass',
  'PersistentVolume',
  'PersistentVolumeClaim',
  'CustomResourceDefinition',
  'ClusterRole',
  'ClusterRoleList',
  'ClusterRoleBinding',
  'ClusterRoleBindingList',
  'Role',
  'RoleList',
  'RoleBinding',
  'RoleBindingList',
  'Service',
  'DaemonSet',
  'Pod',
  'ReplicationController',
  'ReplicaSet',
  'Deployment',
  'HorizontalPodAutoscaler',
  'StatefulSet',
  'Job',
  'CronJob',
  'IngressClass',
  'Ingress',
  'APIService',
];

const SYNC_WAVE = 'argocd.argoproj.io/sync-wave';

function kindRank(kind: string): number {
  const index = KIND_ORDER.indexOf(kind);
  return index < 0 ? 0 : index - KIND_ORDER.length;
}

function wave(object: KubeObject): number {
  return Number(object.metadata.annotations?.[SYNC_WAVE] ?? '0') || 0;
}

/** Sorts documents as Argo CD would apply them (stable for equal keys). */
export function inArgoCdOrder(documents: readonly Document[]): Document[] {
  return [...documents].sort(
    (a, b) =>
      wave(a.object) - wave(b.object) ||
      kindRank(a.object.kind) - kindRank(b.object.kind) ||
      a.object.metadata.name.localeCompare(b.object.metadata.name) ||
      a.file.localeCompare(b.file),
  );
}

/** Every object under `dir` (kustomization.yaml files excluded: they list, they are not applied). */
export function readDocuments(dir: string, root: string = process.cwd()): Document[] {
  return listFiles(dir)
    .map((file) => join(dir, file))
    .filter((file) => /\.ya?ml$/.test(file) && !file.endsWith('kustomization.yaml'))
    .flatMap((file) =>
      parseAllDocuments(readFileSync(file, 'utf8'))
        .map((doc) => doc.toJSON() as KubeObject | null)
        .filter((object): object is KubeObject => object !== null)
        .map((object) => ({ file: relative(root, file), object })),
    );
}

/** Namespaces the documents put objects in but do not define (Argo CD's CreateNamespace makes them). */
export function undefinedNamespaces(documents: readonly Document[]): string[] {
  const defined = new Set(documents.filter((d) => d.object.kind === 'Namespace').map((d) => d.object.metadata.name));
  const used = new Set(documents.flatMap((d) => (d.object.metadata.namespace !== undefined ? [d.object.metadata.namespace] : [])));
  return [...used].filter((ns) => !defined.has(ns)).sort();
}

export function toYamlDocument(object: unknown): string {
  return stringify(object, { lineWidth: 0 });
}
