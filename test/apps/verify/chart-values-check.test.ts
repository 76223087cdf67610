import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { stringify } from 'yaml';
import { obtainChart, renderableCopy } from '../../../apps/verify/chart-render';
import { checkValues, loadChart } from '../../../apps/verify/chart-values-check';

// Fixture charts written here, shaped like the upstream charts the check met: a tempo-like chart
// whose port helper reads fields below `receivers.jaeger` without a guard, free-form maps, a key
// read only by a template, a local subchart and a remote dependency that is not at hand.

let root: string;

beforeAll(() => {
  root = mkdtempSync(join(tmpdir(), 'chart-values-check-'));
});

afterAll(() => {
  rmSync(root, { recursive: true, force: true });
});

function writeChart(dir: string, files: Readonly<Record<string, string>>): string {
  for (const [file, text] of Object.entries(files)) {
    mkdirSync(dirname(join(dir, file)), { recursive: true });
    writeFileSync(join(dir, file), text);
  }
  return dir;
}

function traces(name = 'traces'): string {
  return writeChart(join(root, name), {
    'Chart.yaml': stringify({
      apiVersion: 'v2',
      name: 'traces',
      version: '1.2.3',
      dependencies: [
        { name: 'store', version: '0.1.0', condition: 'store.enabled' },
        { name: 'dashboards', version: '8.8.*', repository: 'https://example.org/charts', condition: 'dashboards.enabled' },
      ],
    }),
    'values.yaml': stringify({
      receivers: { jaeger: { protocols: { grpc: { endpoint: '0.0.0.0:14250' } } }, opencensus: null, otlp: { protocols: {} } },
      podLabels: {},
      resources: { limits: { memory: '1Gi' } },
      config: 'text',
      store: { size: '10Gi' },
      flags: { v: 4 },
    }),
    // Every key of `flags` becomes a command-line flag (as cluster-autoscaler's `extraArgs`).
    'templates/deployment.yaml': 'args:\n{{- range $key, $value := .Values.flags }}\n  - --{{ $key }}={{ $value }}\n{{- end }}\n',
    'templates/_ports.tpl': '{{- define "traces.ports" }}{{- with .Values.receivers.jaeger.protocols.grpc.endpoint }}- port: {{ . }}{{ end }}{{- end }}\n',
    'templates/service.yaml': 'kind: Service\n{{- if .Values.extraPorts }}extra{{ end }}\n{{- with (index .Values "legacy-mode") }}legacy{{ end }}\n',
    'charts/store/Chart.yaml': stringify({ apiVersion: 'v2', name: 'store', version: '0.1.0' }),
    'charts/store/values.yaml': stringify({ size: '1Gi', retention: { days: 7 } }),
    'charts/store/templates/pvc.yaml': 'size: {{ .Values.size }}\n',
  });
}

describe('checkValues', () => {
  it('accepts keys of values.yaml, keys only the templates read and anything under a free-form map', () => {
    const chart = loadChart(traces());
    const check = checkValues(chart, {
      receivers: { otlp: { protocols: { grpc: { endpoint: '0.0.0.0:4317' } } } },
      podLabels: { 'azure.workload.identity/use': 'true' },
      resources: { limits: { memory: '2Gi' } },
      extraPorts: [9000],
      'legacy-mode': true,
    });
    expect(check).toEqual({ problems: [], unchecked: [] });
  });

  it('accepts any key of a map the templates range over, even one with defaults', () => {
    const check = checkValues(loadChart(traces()), { flags: { 'balance-similar-node-groups': true, expander: 'least-waste' } });
    expect(check).toEqual({ problems: [], unchecked: [] });
  });

  it('refuses a key the chart neither defines nor reads, naming the path and the fix', () => {
    const check = checkValues(loadChart(traces()), { resources: { limits: { memroy: '2Gi' } }, reciever: {} });
    expect(check.problems.map((p) => p.path)).toEqual(['resources.limits.memroy', 'reciever']);
    expect(check.problems[0]).toEqual({
      path: 'resources.limits.memroy',
      problem: 'traces 1.2.3 has no value resources.limits.memroy: not in its values.yaml and not read by its templates',
      fix: "remove it, or use the key the chart reads (see traces's values.yaml at 1.2.3)",
    });
  });

  it('passes any key through below a map the templates iterate (grafana.ini), and still checks maps they only dump', () => {
    // Shaped like grafana 8.6/8.8 templates/_config.tpl: every section and key of grafana.ini is written out.
    const dir = writeChart(join(root, 'dashboards-ui'), {
      'Chart.yaml': stringify({ apiVersion: 'v2', name: 'dashboards-ui', version: '8.8.2' }),
      'values.yaml': stringify({ 'grafana.ini': { server: { domain: '' }, analytics: { check_for_updates: true } }, resources: { limits: { memory: '1Gi' } } }),
      'templates/_config.tpl':
        '{{- range $elem, $elemVal := index .Values "grafana.ini" }}\n[{{ $elem }}]\n{{- range $key, $value := $elemVal }}\n{{ $key }} = {{ $value }}\n{{- end }}{{- end }}\n',
      'templates/deployment.yaml': 'resources: {{ toYaml .Values.resources | nindent 2 }}\n',
    });
    const check = checkValues(loadChart(dir), {
      'grafana.ini': { 'auth.generic_oauth': { enabled: true, role_attribute_strict: true }, server: { root_url: 'https://grafana.example' } },
      resources: { limits: { memroy: '2Gi' } },
    });
    expect(check.problems.map((p) => p.path)).toEqual(['resources.limits.memroy']);
  });

  it('refuses null where a template reads a field below it (the tempo 1.18.1 jaeger nil pointer), not where none does', () => {
    const check = checkValues(loadChart(traces()), { receivers: { jaeger: null, opencensus: null } });
    expect(check.problems).toEqual([
      {
        path: 'receivers.jaeger',
        problem:
          "receivers.jaeger is null, but traces 1.2.3's templates read a field below it (.Values.receivers.jaeger.…): Helm deletes the key and the render fails with a nil pointer",
        fix: "keep receivers.jaeger a map (leave the chart's default, or set the fields below it) instead of null",
      },
    ]);
  });

  it('refuses a map where the chart has a scalar, and a scalar where it has a map', () => {
    const check = checkValues(loadChart(traces()), { config: { a: 1 }, resources: 'small' });
    expect(check.problems.map((p) => [p.path, p.problem])).toEqual([
      ['config', "config is a map, but traces 1.2.3's default is a string"],
      ['resources', "resources is a string, but traces 1.2.3's default is a map"],
    ]);
  });

  it("checks a subchart's values against the subchart, and lists those of a subchart not at hand as unchecked", () => {
    const check = checkValues(loadChart(traces()), { store: { retention: { days: 30 }, sise: '5Gi' }, dashboards: { enabled: false } });
    expect(check.problems.map((p) => p.path)).toEqual(['store.sise']);
    expect(check.unchecked).toEqual(['dashboards (subchart dashboards 8.8.* not at hand)']);
  });
});

describe('renderableCopy', () => {
  it('keeps local subcharts, adds fetched ones and stubs the rest so that Helm renders offline', () => {
    const source = traces('traces-source');
    const fetched = writeChart(join(root, 'fetched-dashboards'), {
      'Chart.yaml': stringify({ apiVersion: 'v2', name: 'dashboards', version: '8.8.2' }),
      'values.yaml': stringify({ enabled: true }),
    });
    const stubbedCopy = renderableCopy(source, join(root, 'copy-stubbed'));
    expect(stubbedCopy.stubbed).toEqual(['dashboards 8.8.* (https://example.org/charts)']);
    expect(readdirSync(join(stubbedCopy.dir, 'charts')).sort()).toEqual(['store', 'stub-dashboards']);

    const fullCopy = renderableCopy(source, join(root, 'copy-full'), new Map([['dashboards', fetched]]));
    expect(fullCopy.stubbed).toEqual([]);
    expect([...fullCopy.chart.subcharts.keys()].sort()).toEqual(['dashboards', 'store']);
  });
});

describe('obtainChart from GITOPS_CDK_CHART_GIT', () => {
  const saved = { git: process.env.GITOPS_CDK_CHART_GIT, proxy: process.env.GOPROXY };
  afterEach(() => {
    for (const [name, value] of [
      ['GITOPS_CDK_CHART_GIT', saved.git],
      ['GOPROXY', saved.proxy],
    ] as const) {
      if (value === undefined) delete process.env[name];
      else process.env[name] = value;
    }
  });

  it("extracts the chart folder at the tag's commit from a bare clone named <owner>+<repo>, and says why when it cannot", () => {
    const git = (cwd: string, ...args: string[]) => {
      const result = spawnSync('git', args, {
        cwd,
        encoding: 'utf8',
        env: { ...process.env, GIT_AUTHOR_NAME: 't', GIT_AUTHOR_EMAIL: 't@example.org', GIT_COMMITTER_NAME: 't', GIT_COMMITTER_EMAIL: 't@example.org' },
      });
      if (result.status !== 0) throw new Error(result.stderr);
      return result.stdout.trim();
    };
    const work = join(root, 'work-repo');
    writeChart(work, { 'charts/traces/Chart.yaml': stringify({ apiVersion: 'v2', name: 'traces', version: '1.2.3' }) });
    git(work, 'init', '-q');
    git(work, 'add', '.');
    git(work, 'commit', '-q', '-m', 'traces 1.2.3');
    const commit = git(work, 'rev-parse', 'HEAD');
    const mirrors = join(root, 'mirrors');
    mkdirSync(mirrors);
    git(root, 'clone', '-q', '--bare', work, join(mirrors, 'example+charts'));
    process.env.GITOPS_CDK_CHART_GIT = mirrors;
    process.env.GOPROXY = 'off'; // no network: the proxy is asked and refuses at once

    const source = { module: 'github.com/example/charts', tag: 'traces-1.2.3', commit, time: '20250101000000', path: 'charts/traces' } as const;
    const obtained = obtainChart(source, join(root, 'scratch'));
    expect('dir' in obtained && loadChart(obtained.dir).version).toBe('1.2.3');

    const missing = obtainChart({ ...source, module: 'github.com/example/other' }, join(root, 'scratch'));
    expect(missing).toEqual({ unavailable: expect.stringContaining(`no ${join(mirrors, 'example+other')}`) });
  });
});
