import type { JsonObject } from '../../../apps/diff/estate-unit';
import { at, listAt, objectAt, stringAt, stringsAt, wildcardMatches } from '../../../apps/diff/risks/json-values';

// Trimmed from dist/k8s/prod/addons/applicationset-kyverno.yaml, with a numeric targetRevision as YAML reads `targetRevision: 3.9`.
const KYVERNO_SET: JsonObject = {
  kind: 'ApplicationSet',
  metadata: { name: 'kyverno', namespace: 'argocd' },
  spec: {
    goTemplateOptions: ['missingkey=error', 7],
    syncPolicy: { preserveResourcesOnDeletion: true },
    template: { spec: { source: { chart: 'kyverno', repoURL: 'https://kyverno.github.io/kyverno/', targetRevision: 3.9 } } },
  },
};

describe('json-values', () => {
  it('reads a value by its path, and a missing step or a step through a non-object as absent', () => {
    expect(at(KYVERNO_SET, 'spec', 'syncPolicy', 'preserveResourcesOnDeletion')).toBe(true);
    expect(at(KYVERNO_SET, 'spec', 'generators', 'clusters')).toBeUndefined();
    expect(at(KYVERNO_SET, 'kind', 'length')).toBeUndefined();
    expect(objectAt(KYVERNO_SET, 'spec', 'syncPolicy')).toEqual({ preserveResourcesOnDeletion: true });
    expect(objectAt(KYVERNO_SET, 'spec', 'goTemplateOptions')).toBeUndefined();
  });

  it('reads lists, strings, and a number as the text it was written as', () => {
    expect(listAt(KYVERNO_SET, 'spec', 'goTemplateOptions')).toEqual(['missingkey=error', 7]);
    expect(listAt(KYVERNO_SET, 'spec', 'syncPolicy')).toEqual([]);
    expect(stringsAt(KYVERNO_SET, 'spec', 'goTemplateOptions')).toEqual(['missingkey=error']);
    expect(stringAt(KYVERNO_SET, 'metadata', 'name')).toBe('kyverno');
    expect(stringAt(KYVERNO_SET, 'spec', 'template', 'spec', 'source', 'targetRevision')).toBe('3.9');
    expect(stringAt(KYVERNO_SET, 'spec', 'syncPolicy', 'preserveResourcesOnDeletion')).toBeUndefined();
  });

  it('matches wildcards as Kyverno does: * any run, ? one character, the rest literal', () => {
    expect(wildcardMatches('autogen-*', 'autogen-cronjob-run-as-non-root')).toBe(true);
    expect(wildcardMatches('kube-?????', 'kube-public')).toBe(false);
    expect(wildcardMatches('kube-??????', 'kube-public')).toBe(true);
    expect(wildcardMatches('settlement-*', 'payments-settlement-1')).toBe(false);
    expect(wildcardMatches('a.b', 'axb')).toBe(false);
  });
});
