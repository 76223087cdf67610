import type { EnvironmentSpec } from '../../environments/types';
import { atField, cluster, fieldsOf, fileOf } from './spec-expectations';
import { fleetViolations } from './spec-violations';
import { dev, prod, staging } from './tier-fixtures';

describe('the fleet rules', () => {
  it('rejects a promotion source that does not exist or is a stricter tier', () => {
    const unknown = fleetViolations([dev, { ...staging, promotesFrom: 'qa' }, prod]);
    expect(unknown.map((v) => [v.environment, v.field, v.value])).toEqual([[staging.name, 'promotesFrom', '"qa"']]);
    expect(unknown[0]!.fix).toBe(`set promotesFrom to the previous stage, one of ${dev.name}`);
    const backwards = fleetViolations([{ ...dev, promotesFrom: prod.name }, staging, prod]);
    expect(backwards.map((v) => [v.environment, v.field])).toEqual([[dev.name, 'promotesFrom']]);
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
      environment: dev.name,
      path: 'environments/index.ts',
      value: JSON.stringify(dev.name),
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
    expect(violation).toMatchObject({ environment: prod.name, path: fileOf(prod, 'clusters[2].name'), value: JSON.stringify(stolen.name) });
    expect(violation!.problem).toContain(`"${staging.name}"`);
    expect(violation!.fix).toMatch(/remove the cluster from one environment/);
  });

  it('reports per-environment and cross-environment problems together', () => {
    const brokenDev: EnvironmentSpec = { ...dev, owner: '' };
    const brokenProd: EnvironmentSpec = { ...prod, name: dev.name, sync: { ...prod.sync, retryLimit: 0 } };
    const violations = fleetViolations([brokenDev, brokenProd]);
    expect(violations.map((v) => `${v.environment} ${v.field}`)).toEqual([
      `${dev.name} owner`,
      `${dev.name} sync.retryLimit`,
      `${dev.name} ENVIRONMENTS[1].name`,
      // The copied production spec still promotes from staging, which this fleet does not have.
      `${dev.name} promotesFrom`,
    ]);
  });
});
