import { createHash } from 'node:crypto';
import type { KubeManifest } from '../../../constructs/synth/kube-manifest';
import { manifestYaml } from '../../../constructs/synth/manifest-file';

/**
 * Rendering a manifest as YAML costs about ten times what serialising it as JSON does, and an
 * environment's Kubernetes side rebuilt for a one-cluster edit renders thousands of objects that
 * did not change. The memo remembers the YAML of each object by a hash of its JSON (which holds
 * every key, in order, and every value: all `manifestYaml` reads) from the environment's previous
 * build, and renders only objects it has not seen.
 */
export class ManifestMemo {
  private readonly known = new Map<string, string>();
  private readonly rendered: [string, string][] = [];

  /** `previous`: the files of the last build and the hash of the object in each. */
  constructor(previous?: { readonly files: readonly (readonly [string, string])[]; readonly hashes: readonly (readonly [string, string])[] }) {
    if (previous === undefined) return;
    const files = new Map(previous.files);
    for (const [path, hash] of previous.hashes ?? []) {
      const yaml = files.get(path);
      if (yaml !== undefined) this.known.set(hash, yaml);
    }
  }

  /** The YAML of `manifest`, written to `path`. */
  render(path: string, manifest: KubeManifest): string {
    const hash = createHash('sha256').update(JSON.stringify(manifest)).digest('base64');
    this.rendered.push([path, hash]);
    const known = this.known.get(hash);
    if (known !== undefined) return known;
    const yaml = manifestYaml(manifest);
    this.known.set(hash, yaml);
    return yaml;
  }

  /** The hash of the object in each file rendered, for the next build's memo. */
  hashes(): [string, string][] {
    return this.rendered;
  }
}
