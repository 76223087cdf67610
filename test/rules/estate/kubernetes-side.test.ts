import { kubernetesSide } from '../../../constructs/rules/estate/kubernetes-side';
import { object } from './cross-engine-fixtures';

describe('kubernetes side', () => {
  it('finds Google credential configurations in any string that is a JSON object, whitespace first or not, and nowhere else', () => {
    const configuration = (audience: string) => JSON.stringify({ type: 'external_account', audience });
    const configMap = object('dist/k8s/fixture/x/configmap-x.yaml', {
      apiVersion: 'v1',
      kind: 'ConfigMap',
      metadata: { name: 'x' },
      data: {
        plain: configuration('plain'),
        indented: ` \n\t\r${JSON.stringify({ type: 'external_account', audience: 'indented' }, null, 2)}`,
        listed: `[${configuration('listed')}]`,
        quoted: JSON.stringify(configuration('quoted')),
        prose: `see ${configuration('prose')}`,
        broken: '{"type": "external_account", "audience": "broken"',
      },
    });
    expect(kubernetesSide([configMap]).googleCredentials.map((c) => [c.at.field, c.audience])).toEqual([
      ['data.plain', 'plain'],
      ['data.indented', 'indented'],
    ]);
  });
});
