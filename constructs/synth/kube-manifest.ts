/** The metadata fields gitops-cdk writes and reads. */
export interface ObjectMetadata {
  readonly name: string;
  readonly namespace?: string;
  readonly labels?: Readonly<Record<string, string>>;
  readonly annotations?: Readonly<Record<string, string>>;
}

/** A Kubernetes object as synthesized: the fields every kind has, the rest left to narrowing. */
export interface KubeManifest {
  readonly apiVersion: string;
  readonly kind: string;
  readonly metadata: ObjectMetadata;
  readonly [field: string]: unknown;
}

/** One synthesized object and the construct that produced it (for error messages). */
export interface RenderedObject {
  readonly constructPath: string;
  readonly manifest: KubeManifest;
}

export function isKubeManifest(value: unknown): value is KubeManifest {
  if (typeof value !== 'object' || value === null) return false;
  const v = value as Record<string, unknown>;
  const metadata = v.metadata as Record<string, unknown> | undefined;
  return typeof v.apiVersion === 'string' && typeof v.kind === 'string' && typeof metadata?.name === 'string';
}
