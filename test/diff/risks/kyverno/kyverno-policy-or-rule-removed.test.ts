import { kyvernoPolicyOrRuleRemoved } from '../../../../apps/diff/risks/kyverno/kyverno-policy-or-rule-removed';
import { findings, kubernetesChange } from '../../change-builders';
import { prodAddDefaultResourceQuota, prodDisallowLatestTag, stagingRequireLabels, withFields } from './kyverno-fixtures';

const RULE = 'spec.rules.0';
const EXCLUDED_NAMESPACES = ['argocd', 'kube-system', 'kyverno'];

describe('kyverno-policy-or-rule-removed', () => {
  it('flags a ClusterPolicy removed in production as high, naming its rules and stage', () => {
    const found = findings(kyvernoPolicyOrRuleRemoved, kubernetesChange(prodDisallowLatestTag(), undefined, 'prod'), 'production');
    expect(found).toEqual([
      {
        level: 'high',
        reason: 'ClusterPolicy disallow-latest-tag removed (lifecycle stage enforce): its rules (require-image-tag-not-latest) no longer apply to any resource',
      },
    ]);
  });

  it('flags a rule removed from a staging policy as medium', () => {
    const base = stagingRequireLabels();
    const head = withFields(base, { 'spec.rules': [] });
    expect(findings(kyvernoPolicyOrRuleRemoved, kubernetesChange(base, head, 'staging'), 'staging')).toEqual([
      {
        level: 'medium',
        reason: expect.stringContaining('ClusterPolicy require-labels rule check-for-labels removed (lifecycle stage canary)'),
        path: 'spec.rules[name=check-for-labels]',
      },
    ]);
  });

  it('flags the rules removed from a policy as one finding', () => {
    const base = prodAddDefaultResourceQuota();
    expect(findings(kyvernoPolicyOrRuleRemoved, kubernetesChange(base, withFields(base, { 'spec.rules': [] }), 'prod'), 'production')).toEqual([
      {
        level: 'high',
        reason: 'ClusterPolicy add-default-resource-quota rules default-quota, default-limits removed (lifecycle stage enforce): what they checked is no longer checked',
        path: 'spec.rules',
      },
    ]);
  });

  it('flags namespaces added to a rule exclude in production as high, naming them', () => {
    const base = prodDisallowLatestTag();
    const head = withFields(base, { [`${RULE}.exclude.any.0.resources.namespaces`]: [...EXCLUDED_NAMESPACES, 'payments'] });
    expect(findings(kyvernoPolicyOrRuleRemoved, kubernetesChange(base, head, 'prod'), 'production')).toEqual([
      {
        level: 'high',
        reason: expect.stringContaining('ClusterPolicy disallow-latest-tag rule require-image-tag-not-latest: exclude widened (namespaces +payments)'),
        path: 'spec.rules[name=require-image-tag-not-latest].exclude',
      },
    ]);
  });

  it('flags an exclude added where the rule had none and a match narrowed to fewer kinds as one finding of the rule', () => {
    const base = withFields(prodDisallowLatestTag(), { [`${RULE}.exclude`]: undefined, [`${RULE}.match.any.0.resources.kinds`]: ['Pod', 'Deployment'] });
    const head = withFields(base, {
      [`${RULE}.exclude`]: { any: [{ subjects: [{ kind: 'ServiceAccount', name: 'deployer', namespace: 'ci' }] }] },
      [`${RULE}.match.any.0.resources.kinds`]: ['Pod'],
    });
    expect(findings(kyvernoPolicyOrRuleRemoved, kubernetesChange(base, head, 'staging'), 'staging')).toEqual([
      {
        level: 'medium',
        reason:
          'ClusterPolicy disallow-latest-tag rule require-image-tag-not-latest: exclude added (subjects ServiceAccount:ci/deployer) and match narrowed (kinds -Deployment): the rule no longer checks those resources',
        path: 'spec.rules[name=require-image-tag-not-latest]',
      },
    ]);
  });

  it('flags a match narrowed in production as high, as an exclude widened is', () => {
    const base = withFields(prodDisallowLatestTag(), { [`${RULE}.match.any.0.resources.kinds`]: ['Pod', 'Deployment'] });
    expect(findings(kyvernoPolicyOrRuleRemoved, kubernetesChange(base, prodDisallowLatestTag(), 'prod'), 'production')).toEqual([
      {
        level: 'high',
        reason: 'ClusterPolicy disallow-latest-tag rule require-image-tag-not-latest: match narrowed (kinds -Deployment): the rule no longer checks those resources',
        path: 'spec.rules[name=require-image-tag-not-latest].match',
      },
    ]);
  });

  it('flags a namespace excluded from every rule of a policy once, naming the rules and what was excluded', () => {
    const base = prodAddDefaultResourceQuota();
    const names = (base.spec as { rules: { exclude: { any: { resources: { names: string[] } }[] } }[] }).rules[0]?.exclude.any[0]?.resources.names ?? [];
    const head = withFields(base, {
      'spec.rules.0.exclude.any.0.resources.names': [...names, 'terraform-drift'],
      'spec.rules.1.exclude.any.0.resources.names': [...names, 'terraform-drift'],
    });
    expect(findings(kyvernoPolicyOrRuleRemoved, kubernetesChange(base, head, 'prod'), 'production')).toEqual([
      {
        level: 'high',
        reason: 'ClusterPolicy add-default-resource-quota rules default-quota, default-limits: exclude widened (names +terraform-drift): the rules no longer check those resources',
        path: 'spec.rules',
      },
    ]);
  });

  it('flags background scans switched off as medium, and admission switched off as high in production', () => {
    const base = prodDisallowLatestTag();
    const head = withFields(base, { 'spec.background': false, 'spec.admission': false });
    const found = findings(kyvernoPolicyOrRuleRemoved, kubernetesChange(base, head, 'prod'), 'production');
    expect(found.map((f) => [f.level, f.path])).toEqual([
      ['high', 'spec.admission'],
      ['medium', 'spec.background'],
    ]);
    expect(found[1]?.reason).toContain('background true -> false');
  });

  it('does not flag a rule added, an exclude narrowed or a match widened', () => {
    const base = withFields(prodDisallowLatestTag(), { [`${RULE}.exclude.any.0.resources.namespaces`]: ['kube-*', 'kyverno'] });
    const head = withFields(base, {
      [`${RULE}.exclude.any.0.resources.namespaces`]: ['kube-system', 'kyverno'],
      [`${RULE}.match.any.0.resources.kinds`]: ['Pod', 'Deployment'],
      'spec.rules.1': { name: 'second', match: { any: [{ resources: { kinds: ['Pod'] } }] }, validate: { failureAction: 'Enforce', message: 'x', pattern: {} } },
    });
    expect(findings(kyvernoPolicyOrRuleRemoved, kubernetesChange(base, head, 'prod'), 'production')).toEqual([]);
  });

  it('does not flag a policy added, nor background switched on', () => {
    expect(findings(kyvernoPolicyOrRuleRemoved, kubernetesChange(undefined, prodDisallowLatestTag(), 'prod'), 'production')).toEqual([]);
    const base = withFields(prodDisallowLatestTag(), { 'spec.background': false });
    expect(findings(kyvernoPolicyOrRuleRemoved, kubernetesChange(base, prodDisallowLatestTag(), 'prod'), 'production')).toEqual([]);
  });
});
