import { ManifestMemo } from '../../../apps/synth/cache/manifest-memo';
import type { KubeManifest } from '../../../constructs/synth/kube-manifest';
import { manifestYaml } from '../../../constructs/synth/manifest-file';

const configMap = (data: Record<string, string>): KubeManifest => ({ apiVersion: 'v1', kind: 'ConfigMap', metadata: { name: 'settings' }, data });

describe('ManifestMemo', () => {
  it('renders what manifestYaml renders, and hashes each file', () => {
    const memo = new ManifestMemo();
    expect(memo.render('a.yaml', configMap({ a: '1' }))).toBe(manifestYaml(configMap({ a: '1' })));
    expect(memo.hashes().map(([path]) => path)).toEqual(['a.yaml']);
  });

  it("takes the previous build's YAML for an object that did not change, and renders one that did", () => {
    const first = new ManifestMemo();
    const kept = first.render('a.yaml', configMap({ a: '1' }));
    // A stand-in for the previous build's text proves it is taken from there, not rendered again.
    const previous = { files: [['a.yaml', `${kept}# from the previous build\n`]] as const, hashes: first.hashes() };
    const next = new ManifestMemo(previous);
    expect(next.render('a.yaml', configMap({ a: '1' }))).toBe(`${kept}# from the previous build\n`);
    expect(next.render('a.yaml', configMap({ a: '2' }))).toBe(manifestYaml(configMap({ a: '2' })));
  });

  it('tells objects apart by key order too (the YAML keeps it)', () => {
    const first = new ManifestMemo();
    first.render('a.yaml', configMap({ a: '1', b: '2' }));
    const next = new ManifestMemo({ files: [['a.yaml', 'stale']], hashes: first.hashes() });
    expect(next.render('a.yaml', configMap({ b: '2', a: '1' }))).toBe(manifestYaml(configMap({ b: '2', a: '1' })));
  });
});
