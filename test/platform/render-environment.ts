import { buildKubernetesEstate, type EstateOptions, type KubernetesComponent } from '../../apps/assembly/kubernetes-estate';
import type { KubeManifest, RenderedObject } from '../../constructs/synth/kube-manifest';
import { renderChart } from '../../constructs/synth/render-chart';
import type { EnvironmentSpec } from '../../environments/types';

/** One rendered object together with the component it belongs to. */
export interface ComponentObject extends RenderedObject {
  readonly component: string;
}

/** Builds the Kubernetes estate of `spec` (with `options`, e.g. its policy exceptions) and returns its components. */
export function componentsOf(spec: EnvironmentSpec, options: EstateOptions = {}): readonly KubernetesComponent[] {
  return buildKubernetesEstate(spec, undefined, options).components;
}

/** Every synthesized object of one environment, in component order. */
export function objectsOf(spec: EnvironmentSpec, options: EstateOptions = {}): ComponentObject[] {
  return componentsOf(spec, options).flatMap((component) => renderChart(component.chart).map((object) => ({ ...object, component: component.id })));
}

/** The manifests of `kind` (optionally with `name`) among `objects`. */
export function manifestsOf(objects: readonly RenderedObject[], kind: string, name?: string): KubeManifest[] {
  return objects.map((object) => object.manifest).filter((manifest) => manifest.kind === kind && (name === undefined || manifest.metadata.name === name));
}

/** The single manifest of `kind` named `name`; throws when there is none or more than one. */
export function manifestOf(objects: readonly RenderedObject[], kind: string, name: string): KubeManifest {
  const found = manifestsOf(objects, kind, name);
  if (found.length !== 1) throw new Error(`expected one ${kind} ${name}, found ${found.length}`);
  return found[0]!;
}

/** A nested field of a manifest, read through `unknown` (tests narrow it with their expectations). */
export function field(manifest: unknown, path: string): unknown {
  return path.split('.').reduce<unknown>((value, key) => {
    if (typeof value !== 'object' || value === null) return undefined;
    return (value as Record<string, unknown>)[key];
  }, manifest);
}

/** The manifest typed as the kubernetes-models interface the test expects (the caller names it). */
export function typed<T>(manifest: KubeManifest): T {
  return manifest as unknown as T;
}

/** The Application specs an object carries: an Application's own or an ApplicationSet's template. */
export function applicationSpecOf(manifest: KubeManifest): Record<string, unknown> {
  const spec = manifest.kind === 'ApplicationSet' ? field(manifest, 'spec.template.spec') : field(manifest, 'spec');
  if (typeof spec !== 'object' || spec === null) throw new Error(`${manifest.kind} ${manifest.metadata.name} has no application spec`);
  return spec as Record<string, unknown>;
}
