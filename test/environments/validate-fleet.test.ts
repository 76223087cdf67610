import { dev } from '../../environments/dev';
import { prod } from '../../environments/prod';
import { staging } from '../../environments/staging';
import type { EnvironmentSpec } from '../../environments/types';
import { fleetViolations } from './spec-violations';
import { atField, fieldsOf, cluster } from './spec-expectations';

describe('the fleet rules', () => {
  it('rejects a promotion source that does not exist or is a stricter tier', () => {
    const unknown = fleetViolations([dev, { ...staging, promotesFrom: 'qa' }, prod]);
    expect(unknown.map((v) => [v.environment, v.field, v.value])).toEqual([['staging', 'promotesFrom', '"qa"']]);
    expect(unknown[0]!.fix).toBe('set promotesFrom to the previous stage, one of dev');
    const backwards = fleetViolations([{ ...dev, promotesFrom: 'prod' }, staging, prod]);
    expect(backwards.map((v) => [v.environment, v.field])).toEqual([['dev', 'promotesFrom']]);
    expect(backwards[0]!.problem).toMatch(/stricter tier \(production -> development\)/);
  });


  it('rejects an empty list of environments', () => {
    const violations = fleetViolations([]);
    expect(fieldsOf(violations)).toEqual(['ENVIRONMENTS']);
    expect(violations[0]!.path).toBe('environments/index.ts');
    expect(violations[0]!.fix).toBe('add the environments to ENVIRONMENTS');
  });

  it('rejects two environments with the same name', () => {
    // Without Grafana SSO, whose per-cluster URLs would name the renamed clusters.
    const copy: EnvironmentSpec = { ...dev, clusters: dev.clusters.map((c) => ({ ...c, name: `${c.name}-2` })), sso: { ...dev.sso!, grafana: undefined } };
    const violations = fleetViolations([dev, staging, copy]);
    expect(fieldsOf(violations)).toEqual(['ENVIRONMENTS[2].name']);
    const [violation] = atField(violations, 'ENVIRONMENTS[2].name');
    expect(violation).toMatchObject({
      environment: 'dev',
      path: 'environments/index.ts',
      value: '"dev"',
      fix: 'rename one of the environments',
    });
  });

  it('rejects a cluster that belongs to two environments', () => {
    const stolen = cluster(staging, 0, 'aws');
    const prodWithStaging: EnvironmentSpec = {
      ...prod,
      clusters: [
        ...prod.clusters,
        {
          ...stolen,
          role: 'workload',
          // Valid for production in every other respect, so only the ownership clash is reported.
          networkCidr: '10.32.0.0/16',
          apiAccess: { privateEndpoint: true, allowedCidrs: [] },
          nodePool: { ...stolen.nodePool, minNodes: 3 },
        },
      ],
      sso: { ...prod.sso!, grafana: { ...prod.sso!.grafana!, urls: { ...prod.sso!.grafana!.urls, [stolen.name]: 'https://grafana.stolen.example.org' } } },
    };
    const violations = fleetViolations([dev, staging, prodWithStaging]);
    expect(fieldsOf(violations)).toEqual(['clusters[2].name']);
    const [violation] = atField(violations, 'clusters[2].name');
    expect(violation).toMatchObject({ environment: 'prod', path: 'environments/prod.ts', value: '"staging-eks-euw1"' });
    expect(violation!.problem).toContain('"staging"');
    expect(violation!.fix).toMatch(/remove the cluster from one environment/);
  });

  it('reports per-environment and cross-environment problems together', () => {
    const brokenDev: EnvironmentSpec = { ...dev, owner: '' };
    const brokenProd: EnvironmentSpec = { ...prod, name: 'dev', sync: { ...prod.sync, retryLimit: 0 } };
    const violations = fleetViolations([brokenDev, brokenProd]);
    expect(violations.map((v) => `${v.environment} ${v.field}`)).toEqual([
      'dev owner',
      'dev sync.retryLimit',
      'dev ENVIRONMENTS[1].name',
      // The copied prod spec still promotes from staging, which this fleet does not have.
      'dev promotesFrom',
    ]);
  });
});
