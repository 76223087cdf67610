import type { CatalogueEntry } from '../../constructs/rules/catalogue';
import { complianceReportFiles, FRAMEWORKS } from '../../constructs/rules/report';
import { compareText, type RuleResult } from '../../constructs/rules/result';
import { reportResults } from '../support/report-results';
import { CATALOGUE, manyResults, result } from './report-fixture';

interface StatusCounts {
  results?: number;
  pass: number;
  fail: number;
  suppressed: number;
}
interface ReportJson {
  summary: StatusCounts & { failErrors: number; failWarnings: number };
  environments: (StatusCounts & { environment: string; failErrors: number; failWarnings: number; resultsFile: string })[];
  frameworks: (StatusCounts & { framework: string; controls: (StatusCounts & { control: string; rules: string[] })[] })[];
}

/** The totals by their definition: a filter of every result per environment, framework and control. */
function counted(results: readonly RuleResult[]) {
  const of = (subset: readonly RuleResult[]) => ({
    results: subset.length,
    pass: subset.filter((r) => r.status === 'pass').length,
    fail: subset.filter((r) => r.status === 'fail').length,
    failErrors: subset.filter((r) => r.status === 'fail' && r.level === 'error').length,
    failWarnings: subset.filter((r) => r.status === 'fail' && r.level === 'warning').length,
    suppressed: subset.filter((r) => r.status === 'suppressed').length,
  });
  const statuses = ({ pass, fail, suppressed }: ReturnType<typeof of>) => ({ pass, fail, suppressed });
  return {
    of,
    environment: (name: string) => of(results.filter((r) => r.environment === name)),
    framework: (key: (typeof FRAMEWORKS)[number]['key']) => of(results.filter((r) => r.controls[key].length > 0)),
    control: (key: (typeof FRAMEWORKS)[number]['key'], control: string) => statuses(of(results.filter((r) => r.controls[key].includes(control)))),
  };
}

describe('the totals of the compliance report', () => {
  const results = manyResults(1200);
  const files = complianceReportFiles(results, CATALOGUE);
  const json = JSON.parse(files.get('report.json')!) as ReportJson;
  const count = counted(results);

  it('equal the counts of the results overall and per environment, and the lines of each results file', () => {
    expect(json.summary).toEqual(count.of(results));
    expect(json.environments.map((e) => e.environment)).toEqual(['dev', 'prod', 'staging']);
    for (const { environment, resultsFile, ...totals } of json.environments) {
      expect({ environment, ...totals }).toEqual({ environment, ...count.environment(environment) });
      expect(reportResults(new Map([[resultsFile, files.get(resultsFile)!]]))).toHaveLength(totals.results ?? -1);
    }
    expect(reportResults(files)).toHaveLength(json.summary.results ?? -1);
  });

  it('equal the counts of the results per framework and per control', () => {
    for (const framework of FRAMEWORKS) {
      const totals = json.frameworks.find((f) => f.framework === framework.name)!;
      const { results: mapped, pass, fail, suppressed } = count.framework(framework.key);
      expect({ framework: framework.name, results: totals.results, pass: totals.pass, fail: totals.fail, suppressed: totals.suppressed }).toEqual({
        framework: framework.name,
        results: mapped,
        pass,
        fail,
        suppressed,
      });
      for (const control of totals.controls) {
        const { pass: p, fail: f, suppressed: s } = control;
        expect({ control: control.control, pass: p, fail: f, suppressed: s }).toEqual({ control: control.control, ...count.control(framework.key, control.control) });
      }
      expect(totals.controls.some((c) => c.pass > 0 && c.fail > 0 && c.suppressed > 0)).toBe(true);
    }
  });

  it('count a result once per control its list names, whichever object carries the list', () => {
    const controls = { soc2: ['CC7.2', 'CC7.2'], pciDss: [], iso27001: [], gdpr: [] };
    const catalogue: CatalogueEntry[] = [{ id: 'rule', engine: 'terraform', level: 'error', tiers: 'all', title: 't', rationale: 'r', controls }];
    const twins = [
      result({ environment: 'dev', rule: 'rule', resource: 'a', status: 'pass', controls }),
      result({ environment: 'dev', rule: 'rule', resource: 'b', status: 'fail', controls: { ...controls } }),
    ];
    const soc2 = (JSON.parse(complianceReportFiles(twins, catalogue).get('report.json')!) as ReportJson).frameworks[0]!;
    expect(soc2.controls).toEqual([{ control: 'CC7.2', rules: ['rule'], pass: 1, fail: 1, suppressed: 0 }]);
    expect([soc2.results, soc2.pass, soc2.fail]).toEqual([2, 1, 1]);
  });

  it('count the results of one rule under the controls each carries, when they disagree', () => {
    const catalogue: CatalogueEntry[] = [
      { id: 'rule', engine: 'terraform', level: 'error', tiers: 'all', title: 't', rationale: 'r', controls: { soc2: ['CC7.2'], pciDss: [], iso27001: [], gdpr: [] } },
    ];
    const results = [
      result({ environment: 'dev', rule: 'rule', resource: 'a', status: 'pass', controls: { soc2: ['CC7.2'], pciDss: [], iso27001: [], gdpr: [] } }),
      result({ environment: 'dev', rule: 'rule', resource: 'b', status: 'fail', controls: { soc2: ['CC6.1'], pciDss: [], iso27001: [], gdpr: [] } }),
    ];
    const soc2 = (JSON.parse(complianceReportFiles(results, catalogue).get('report.json')!) as ReportJson).frameworks[0]!;
    // CC6.1 is no control the catalogue covers: counted in the framework, listed under no control.
    expect(soc2.controls).toEqual([{ control: 'CC7.2', rules: ['rule'], pass: 1, fail: 0, suppressed: 0 }]);
    expect([soc2.results, soc2.pass, soc2.fail]).toEqual([2, 1, 1]);
  });

  it('list the rules of each control in id order', () => {
    for (const framework of json.frameworks) for (const control of framework.controls) expect(control.rules).toEqual([...control.rules].sort(compareText));
  });
});
