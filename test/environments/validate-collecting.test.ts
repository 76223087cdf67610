import type { EnvironmentSpec } from '../../environments/types';
import { eksCluster } from '../support/fixture-clusters';
import { FIXTURE_ADMIN_CIDRS, fixtureEnvironment } from '../support/fixture-environment';
import { fieldsOf, SHA } from './spec-expectations';
import { specViolations } from './spec-violations';
import { prod } from './tier-fixtures';

describe('the spec rules', () => {
  describe('collecting problems', () => {
    it('reports several independent problems of one environment together', () => {
      const spec: EnvironmentSpec = {
        ...prod,
        owner: '',
        sync: { ...prod.sync, retryLimit: 0 },
        notifications: { slackChannel: '#prod' },
        charts: { ...prod.charts, argoCd: 'latest' },
      };
      expect(fieldsOf(specViolations(spec)).sort()).toEqual(['owner', 'sync.retryLimit', 'notifications.slackChannel', 'notifications.pagerDutyService', 'charts.argoCd'].sort());
    });

    it('applies the production rules by tier, not by name', () => {
      // A staging spec as staging may have it: a public API endpoint and two nodes, which production forbids.
      const publicStaging = fixtureEnvironment({
        tier: 'staging',
        clusters: [
          eksCluster('stage-eks-euw1', {
            apiAccess: { privateEndpoint: false, allowedCidrs: FIXTURE_ADMIN_CIDRS },
            nodePool: { machineType: 'm6i.large', minNodes: 2, maxNodes: 5 },
          }),
        ],
      });
      expect(specViolations(publicStaging)).toEqual([]);
      const prodEu: EnvironmentSpec = { ...publicStaging, name: 'prod-eu', tier: 'production' };
      expect(fieldsOf(specViolations(prodEu)).sort()).toEqual(
        [
          'gitops.revision.kind',
          'notifications.pagerDutyService',
          'syncWindows',
          'clusters[0].apiAccess.privateEndpoint',
          'clusters[0].nodePool.minNodes',
          'infrastructure.ci.applyFrom.kind',
          'infrastructure.stateReplica.aws',
          'backup.replicated',
        ].sort(),
      );
    });

    it('accepts production pinned to a full 40-character commit SHA', () => {
      expect(specViolations({ ...prod, gitops: { ...prod.gitops, revision: { kind: 'pin', ref: SHA } } })).toEqual([]);
    });
  });
});
