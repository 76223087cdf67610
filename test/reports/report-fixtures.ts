import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { PYTHON } from '../../constructs/compliance-report/compliance-report-job';
import { RENDER_SCRIPT } from '../../constructs/compliance-report/render-script';
import { WORK_FILES } from '../../constructs/compliance-report/report-layout';

/** One result of a wgpolicyk8s.io/v1alpha2 (Cluster)PolicyReport, as Kyverno writes it. */
export interface ReportResult {
  readonly policy: string;
  readonly rule?: string;
  readonly result: 'pass' | 'fail' | 'warn' | 'error' | 'skip';
  readonly severity?: string;
  readonly source?: string;
  readonly message?: string;
  /** Pre-1.11 reports list the resources per result; per-resource reports name one in `scope`. */
  readonly resources?: readonly Resource[];
}

export interface Resource {
  readonly kind: string;
  readonly name: string;
  readonly namespace?: string;
}

/**
 * A PolicyReport of Kyverno 1.11+ (one per resource, the resource in `scope`), or a
 * ClusterPolicyReport when the resource has no namespace.
 */
export function perResourceReport(resource: Resource, results: readonly ReportResult[]): Record<string, unknown> {
  const namespaced = resource.namespace !== undefined;
  return {
    apiVersion: 'wgpolicyk8s.io/v1alpha2',
    kind: namespaced ? 'PolicyReport' : 'ClusterPolicyReport',
    metadata: { name: `report-${resource.name}`, ...(namespaced ? { namespace: resource.namespace } : {}) },
    scope: { apiVersion: 'v1', ...resource },
    results: results.map((r) => ({ rule: 'check', source: 'kyverno', scored: true, ...r })),
  };
}

/** A pre-1.11 PolicyReport of a namespace, each result listing its resources. */
export function namespaceReport(namespace: string, results: readonly ReportResult[]): Record<string, unknown> {
  return {
    apiVersion: 'wgpolicyk8s.io/v1alpha2',
    kind: 'PolicyReport',
    metadata: { name: `polr-ns-${namespace}`, namespace },
    results: results.map((r) => ({ rule: 'check', source: 'kyverno', ...r })),
  };
}

/** `kubectl get … -o json` of several kinds: a v1 List. */
export function listOf(reports: readonly Record<string, unknown>[]): Record<string, unknown> {
  return { apiVersion: 'v1', kind: 'List', metadata: { resourceVersion: '' }, items: reports };
}

export const FOLDER = 'prod/prod-eks-euw1/2025-01-02T0600Z';
export const STORE = 's3://prod-compliance-reports-123456789012';

export interface RenderRun {
  readonly status: number | null;
  readonly stderr: string;
  readonly dir: string;
  /** report.json, parsed. */
  readonly report: {
    readonly environment: string;
    readonly cluster: string;
    readonly generatedAt: string;
    readonly location: string;
    readonly summary: {
      readonly complianceScore: number | null;
      readonly scoreWeights: Record<string, number>;
      readonly totals: Record<string, number>;
      readonly bySeverity: Record<string, Record<string, number>>;
      readonly byPolicy: readonly (Record<string, number> & { policy: string; severity: string })[];
      readonly failures: readonly Record<string, string>[];
    };
  };
  readonly html: string;
  readonly slack: { text: string };
}

/** Runs render.py for real (python3) on `listing` in a fresh REPORT_DIR, as if collected at 06:00:07. */
export function render(listing: Record<string, unknown>): RenderRun {
  const dir = mkdtempSync(join(tmpdir(), 'compliance-render-'));
  writeFileSync(join(dir, WORK_FILES.policyReports), JSON.stringify(listing));
  writeFileSync(join(dir, WORK_FILES.startedAt), '2025-01-02T06:00:07Z\n');
  writeFileSync(join(dir, WORK_FILES.folder), `${FOLDER}\n`);
  return renderIn(dir);
}

/** Runs render.py for real (python3) in a REPORT_DIR the collect step has filled. */
export function renderIn(dir: string): RenderRun {
  // Beside the work files; in the job it is mounted from the ConfigMap at /scripts.
  const script = join(dir, 'render.py');
  writeFileSync(script, RENDER_SCRIPT);
  const [python, ...flags] = PYTHON;
  const result = spawnSync(python, [...flags, script], {
    encoding: 'utf8',
    env: { PATH: process.env.PATH ?? '/usr/bin:/bin', REPORT_DIR: dir, ENVIRONMENT: 'prod', CLUSTER: 'prod-eks-euw1', STORE_URL: STORE },
  });
  rmSync(script, { force: true });
  if (result.error !== undefined) throw new Error(`python3 could not be started (the render tests need it on PATH): ${result.error.message}`);
  if (result.status !== 0) throw new Error(`render.py failed (${result.status}): ${result.stderr}`);
  const read = (name: string): string => readFileSync(join(dir, name), 'utf8');
  return {
    status: result.status,
    stderr: result.stderr,
    dir,
    report: JSON.parse(read('report.json')) as RenderRun['report'],
    html: read('report.html'),
    slack: JSON.parse(read(WORK_FILES.slackMessage)) as RenderRun['slack'],
  };
}
