import { rmSync } from 'node:fs';
import { MAX_HTML_FAILURES, RENDER_SCRIPT } from '../../constructs/compliance-report/render-script';
import { COMPLIANCE_WEIGHTS, policyComplianceRecordings } from '../../constructs/monitoring/domains/policy-compliance';
import { FOLDER, listOf, namespaceReport, perResourceReport, type RenderRun, render, STORE } from './report-fixtures';

/**
 * render.py runs for real (python3, as in the job's python image) on PolicyReport lists shaped as
 * `kubectl get policyreports,clusterpolicyreports -A -o json` prints them.
 */

const MALICIOUS = '<script>alert("owned")</script>&x';

const pod = (name: string) => ({ kind: 'Pod', name, namespace: 'payments' });

/**
 * Per-resource reports (Kyverno 1.11+), a pre-1.11 namespace report listing resources per result,
 * a ClusterPolicyReport, and results that must not be scored: another scanner's, a policy without
 * severity, warn and skip.
 */
const FIXTURE = listOf([
  perResourceReport(pod('api-0'), [
    { policy: 'verify-image-signatures', severity: 'critical', result: 'pass' },
    { policy: 'disallow-latest-tag', severity: 'medium', result: 'fail', message: 'An image tag is required' },
    { policy: 'require-labels', severity: 'medium', result: 'fail' },
    { policy: 'require-probes', severity: 'medium', result: 'skip' },
    { policy: 'disallow-host-path', severity: 'high', result: 'pass' },
    { policy: 'CVE-2024-3094', severity: 'critical', result: 'fail', source: 'Trivy Vulnerability' },
  ]),
  namespaceReport('payments', [
    { policy: 'disallow-host-path', severity: 'high', result: 'fail', message: `hostPath <b>${MALICIOUS}</b>`, resources: [pod('worker-0'), pod(MALICIOUS)] },
    { policy: 'require-probes', severity: 'medium', result: 'warn', resources: [pod('worker-0')] },
    { policy: 'unannotated-policy', result: 'fail', resources: [pod('worker-0')] },
  ]),
  perResourceReport({ kind: 'Namespace', name: 'payments' }, [{ policy: 'require-namespace-owner', severity: 'low', result: 'pass' }]),
  perResourceReport({ kind: 'Namespace', name: 'checkout' }, [{ policy: 'require-namespace-owner', severity: 'low', result: 'fail' }]),
]);

const runs: RenderRun[] = [];
function rendered(listing = FIXTURE): RenderRun {
  const run = render(listing);
  runs.push(run);
  return run;
}
afterAll(() => {
  for (const run of runs) rmSync(run.dir, { recursive: true, force: true });
});

describe('render.py', () => {
  let run: RenderRun;
  beforeAll(() => {
    run = rendered();
  });

  it('names the environment, cluster, start of the run and where the report lives', () => {
    expect(run.report).toMatchObject({
      environment: 'prod',
      cluster: 'prod-eks-euw1',
      generatedAt: '2025-01-02T06:00:07Z',
      location: `${STORE}/${FOLDER}/`,
    });
  });

  it('points only at its own run folder: the store is append-only, no report is copied to a "latest" name', () => {
    expect(Object.keys(run.report)).toEqual(['schema', 'environment', 'cluster', 'generatedAt', 'location', 'source', 'summary']);
    expect(JSON.stringify(run.report) + run.html + run.slack.text).not.toContain('/latest/');
  });

  it("counts Kyverno's results per status, severity and policy, one per result and resource", () => {
    const { totals, bySeverity, byPolicy } = run.report.summary;
    // The Trivy result is another scanner's: left out everywhere.
    expect(totals).toEqual({ pass: 3, fail: 6, warn: 1, error: 0, skip: 1 });
    expect(bySeverity).toEqual({
      critical: { pass: 1, fail: 0, warn: 0, error: 0, skip: 0 },
      high: { pass: 1, fail: 2, warn: 0, error: 0, skip: 0 },
      medium: { pass: 0, fail: 2, warn: 1, error: 0, skip: 1 },
      low: { pass: 1, fail: 1, warn: 0, error: 0, skip: 0 },
      info: { pass: 0, fail: 0, warn: 0, error: 0, skip: 0 },
      unset: { pass: 0, fail: 1, warn: 0, error: 0, skip: 0 },
    });
    // Most failures first, then the more severe policy.
    expect(byPolicy.map((p) => [p.policy, p.severity, p.fail, p.pass])).toEqual([
      ['disallow-host-path', 'high', 2, 1],
      ['disallow-latest-tag', 'medium', 1, 0],
      ['require-labels', 'medium', 1, 0],
      ['require-namespace-owner', 'low', 1, 1],
      ['unannotated-policy', 'unset', 1, 0],
      ['verify-image-signatures', 'critical', 0, 1],
      ['require-probes', 'medium', 0, 0],
    ]);
  });

  it('scores with the weights of the compliance-score recording: passing / (passing + failing), weighted by severity', () => {
    // pass: critical 8 + high 4 + low 1 = 13; fail: high 2×4 + medium 2×2 + low 1 = 13 → 13 / 26.
    // Warn, skip, the unweighted policy and the Trivy result are not scored.
    expect(run.report.summary.complianceScore).toBe(0.5);
    expect(run.report.summary.scoreWeights).toEqual(COMPLIANCE_WEIGHTS);
  });

  it('renders the weights from COMPLIANCE_WEIGHTS into the script rather than restating them', () => {
    expect(RENDER_SCRIPT).toContain(`WEIGHTS = ${JSON.stringify(COMPLIANCE_WEIGHTS)}\n`);
  });

  it('lists every failing result, most severe first, with its resource and message', () => {
    expect(run.report.summary.failures.map((f) => [f.severity, f.policy, f.kind, f.namespace, f.name])).toEqual([
      ['high', 'disallow-host-path', 'Pod', 'payments', MALICIOUS],
      ['high', 'disallow-host-path', 'Pod', 'payments', 'worker-0'],
      ['medium', 'disallow-latest-tag', 'Pod', 'payments', 'api-0'],
      ['medium', 'require-labels', 'Pod', 'payments', 'api-0'],
      ['low', 'require-namespace-owner', 'Namespace', '', 'checkout'],
      ['unset', 'unannotated-policy', 'Pod', 'payments', 'worker-0'],
    ]);
    expect(run.report.summary.failures[2]).toMatchObject({ rule: 'check', message: 'An image tag is required' });
  });

  it('writes a self-contained HTML page with the score, the severity table, the top failing policies and the failing resources', () => {
    expect(run.html.startsWith('<!DOCTYPE html>\n<html lang="en">')).toBe(true);
    expect(run.html).toContain('<h1>Policy compliance: prod / prod-eks-euw1</h1>');
    expect(run.html).toContain('<p class="score">50.0 %</p>');
    expect(run.html).toContain('<tr><td>high</td><td>1</td><td>2</td><td>0</td><td>0</td><td>0</td></tr>');
    expect(run.html).toContain('<tr><td>disallow-host-path</td><td>high</td><td>2</td><td>1</td></tr>');
    expect(run.html).toContain('<td>disallow-latest-tag</td><td>check</td><td>Pod</td><td>payments</td><td>api-0</td><td>An image tag is required</td>');
    // Nothing to fetch: no script, stylesheet, image or font from anywhere.
    expect(run.html).not.toMatch(/<(script|link|img)\b|src=|href=/i);
    expect(run.html).toContain(`content="default-src 'none'; style-src 'unsafe-inline'"`);
  });

  it('escapes resource names and messages in the HTML, so a hostile name cannot inject markup', () => {
    expect(run.html).not.toContain('<script>');
    expect(run.html).not.toContain('<b>');
    expect(run.html).toContain('&lt;script&gt;alert(&quot;owned&quot;)&lt;/script&gt;&amp;x');
    expect(run.html).toContain('hostPath &lt;b&gt;&lt;script&gt;');
  });

  it('writes the Slack summary: environment, cluster, score, failures by severity and where the report is', () => {
    expect(run.slack).toEqual({
      text:
        'Compliance report *prod / prod-eks-euw1* (2025-01-02T06:00:07Z): score *50.0 %*. ' +
        'Failing results: critical 0, high 2, medium 2, low 1, unset 1. ' +
        `Report: ${STORE}/${FOLDER}/report.html`,
    });
  });
});

describe('render.py on other inputs', () => {
  it('agrees with the compliance-score recording on its own promtool case (0.6)', () => {
    const recording = policyComplianceRecordings().find((r) => r.record === 'gitops:policy_compliance_score:ratio')!;
    expect(recording.cases[0]!.samples).toEqual([{ labels: {}, value: 0.6 }]);
    // The recording's first case: critical 1 pass, high 1 pass and 1 fail, medium 2 fail, plus unscored noise.
    const run = rendered(
      listOf([
        perResourceReport(pod('api-0'), [
          { policy: 'verify-image-signatures', severity: 'critical', result: 'pass' },
          { policy: 'disallow-host-path', severity: 'high', result: 'pass' },
          { policy: 'disallow-latest-tag', severity: 'medium', result: 'fail' },
          { policy: 'unannotated-policy', result: 'fail' },
        ]),
        perResourceReport(pod('worker-0'), [{ policy: 'disallow-host-path', severity: 'high', result: 'fail' }]),
        perResourceReport(pod('api-1'), [
          { policy: 'disallow-latest-tag', severity: 'medium', result: 'fail' },
          { policy: 'require-probes', severity: 'medium', result: 'warn' },
        ]),
      ]),
    );
    expect(run.report.summary.complianceScore).toBe(0.6);
  });

  it('reports no score, rather than 0 or 100 %, for a cluster without scored results', () => {
    const run = rendered(listOf([]));
    expect(run.report.summary.complianceScore).toBeNull();
    expect(run.report.summary.totals).toEqual({ pass: 0, fail: 0, warn: 0, error: 0, skip: 0 });
    expect(run.html).toContain('n/a (no scored results)');
    expect(run.html).toContain('<p>No failing resource.</p>');
    expect(run.slack.text).toContain('score *n/a (no scored results)*');
  });

  it(`lists at most ${MAX_HTML_FAILURES} failing results in the HTML and all of them in the JSON`, () => {
    const many = Array.from({ length: MAX_HTML_FAILURES + 2 }, (_, i) => pod(`api-${String(i).padStart(4, '0')}`));
    const run = rendered(listOf([namespaceReport('payments', [{ policy: 'require-labels', severity: 'medium', result: 'fail', resources: many }])]));
    expect(run.report.summary.failures).toHaveLength(MAX_HTML_FAILURES + 2);
    expect(run.html).toContain('<p>2 more failing results are listed in report.json.</p>');
    expect(run.html).toContain('api-0499');
    expect(run.html).not.toContain('api-0500');
  });
});
