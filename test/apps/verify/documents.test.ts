import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { type Document, inArgoCdOrder, readDocuments, undefinedNamespaces } from '../../../apps/verify/documents';

function doc(kind: string, name: string, extra: { namespace?: string; wave?: string } = {}): Document {
  return {
    file: `dist/k8s/x/${kind}-${name}.yaml`,
    object: {
      apiVersion: 'v1',
      kind,
      metadata: {
        name,
        ...(extra.namespace ? { namespace: extra.namespace } : {}),
        ...(extra.wave ? { annotations: { 'argocd.argoproj.io/sync-wave': extra.wave } } : {}),
      },
    },
  };
}

describe('inArgoCdOrder', () => {
  it("orders by sync wave, then Argo CD's kind order (custom resources last), then name", () => {
    const documents = [
      doc('ClusterPolicy', 'b'),
      doc('ConfigMap', 'z'),
      doc('Application', 'a'),
      doc('Namespace', 'team'),
      doc('CronJob', 'job'),
      doc('ServiceAccount', 'sa'),
      doc('ConfigMap', 'early', { wave: '-1' }),
      doc('ClusterPolicy', 'a'),
    ];
    expect(inArgoCdOrder(documents).map((d) => `${d.object.kind}/${d.object.metadata.name}`)).toEqual([
      'ConfigMap/early',
      'Namespace/team',
      'ServiceAccount/sa',
      'ConfigMap/z',
      'CronJob/job',
      'Application/a',
      'ClusterPolicy/a',
      'ClusterPolicy/b',
    ]);
  });
});

describe('undefinedNamespaces', () => {
  it('lists the namespaces objects use that no document creates', () => {
    const documents = [doc('Namespace', 'monitoring'), doc('ConfigMap', 'a', { namespace: 'monitoring' }), doc('ConfigMap', 'b', { namespace: 'argocd' })];
    expect(undefinedNamespaces(documents)).toEqual(['argocd']);
  });
});

describe('readDocuments', () => {
  const dir = mkdtempSync(join(tmpdir(), 'verify-documents-'));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('reads every document of every YAML file below a folder, except kustomization.yaml, naming its file', () => {
    mkdirSync(join(dir, 'policies'));
    writeFileSync(join(dir, 'policies', 'a.yaml'), 'apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: a\n---\napiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: b\n');
    writeFileSync(join(dir, 'policies', 'kustomization.yaml'), 'resources:\n  - a.yaml\n');
    const documents = readDocuments(dir, dir);
    expect(documents.map((d) => [d.file, d.object.metadata.name])).toEqual([
      ['policies/a.yaml', 'a'],
      ['policies/a.yaml', 'b'],
    ]);
  });
});
