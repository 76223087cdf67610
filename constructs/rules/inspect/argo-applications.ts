import type { IApplication } from '@kubernetes-models/argo-cd/argoproj.io/v1alpha1/Application';
import type { KubeManifest } from '../../synth/kube-manifest';

type ApplicationSpec = Partial<IApplication['spec']>;

/** An Application spec found in a synthesized object, with the field path that leads to it. */
export interface FoundApplicationSpec {
  readonly prefix: string;
  readonly spec: ApplicationSpec;
}

/**
 * The Application specs an object declares: an Application's own, or an ApplicationSet's
 * template. Rules on Applications check both the same way.
 */
export function applicationSpecsOf(manifest: KubeManifest): FoundApplicationSpec[] {
  if (!manifest.apiVersion.startsWith('argoproj.io/')) return [];
  if (manifest.kind === 'Application') {
    return [{ prefix: 'spec', spec: (manifest.spec ?? {}) as ApplicationSpec }];
  }
  if (manifest.kind === 'ApplicationSet') {
    const template = (manifest.spec as { template?: { spec?: ApplicationSpec } } | undefined)?.template;
    return [{ prefix: 'spec.template.spec', spec: template?.spec ?? {} }];
  }
  return [];
}

/** Every source of an Application spec (`source` and `sources[]`), with its field path. */
export function sourcesOf(found: FoundApplicationSpec): { field: string; source: NonNullable<ApplicationSpec['source']> }[] {
  const single = found.spec.source ? [{ field: `${found.prefix}.source`, source: found.spec.source }] : [];
  const multi = (found.spec.sources ?? []).map((source, i) => ({ field: `${found.prefix}.sources[${i}]`, source }));
  return [...single, ...multi];
}
