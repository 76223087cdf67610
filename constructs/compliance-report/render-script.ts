import { COMPLIANCE_WEIGHTS, POLICY_SEVERITIES } from '../monitoring/domains/policy-compliance';
import { REPORT_FILES, WORK_FILES } from './report-layout';

/**
 * The render step of the compliance report: a Python 3 script (standard library only) shipped in
 * the job's ConfigMap. It reads what the collect step left in REPORT_DIR and writes the two
 * reports and the Slack summary next to it.
 */

/** The variables `render.py` reads. */
export type RenderScriptVariable = 'REPORT_DIR' | 'ENVIRONMENT' | 'CLUSTER' | 'STORE_URL';

/** The severities a result may carry besides the catalog's: Kyverno's `info`, and none at all. */
const UNWEIGHTED_SEVERITIES = ['info', 'unset'] as const;

/** At most this many failing results are listed in the HTML page; report.json lists them all. */
export const MAX_HTML_FAILURES = 500;

/** Policies listed in the HTML page's "top failing policies" table. */
export const TOP_FAILING_POLICIES = 10;

/**
 * Which results count, and how: only Kyverno's own results (`source: kyverno`), as in the
 * `gitops:policy_compliance_score:ratio` recording; the score is Σ weight × passing results /
 * Σ weight × (passing + failing results), with the recording's weights (COMPLIANCE_WEIGHTS),
 * rendered into the script here so the report and the dashboards can never disagree. Results of
 * policies without a weighted severity, and warn, error and skip results, are counted in the
 * totals but not scored. A report scoped to one resource (Kyverno 1.11+) names it in `scope`;
 * older reports list `resources` per result: both are read, one count per result and resource.
 */
export const RENDER_SCRIPT = String.raw`"""Compliance report, step 2 of 4 (gitops-cdk, constructs/compliance-report): turn the cluster's
Kyverno policy results into report.json, report.html and the Slack summary."""
import html
import json
import os
import sys

WEIGHTS = ${JSON.stringify(COMPLIANCE_WEIGHTS)}
SEVERITIES = ${JSON.stringify([...POLICY_SEVERITIES, ...UNWEIGHTED_SEVERITIES])}
STATUSES = ["pass", "fail", "warn", "error", "skip"]
SOURCE = "kyverno"
MAX_HTML_FAILURES = ${MAX_HTML_FAILURES}
TOP_POLICIES = ${TOP_FAILING_POLICIES}


def counts():
    return {status: 0 for status in STATUSES}


def severity_of(result):
    severity = result.get("severity") or "unset"
    return severity if severity in SEVERITIES else "unset"


def results_of(report):
    """(result, resource) pairs: one per result and resource it is about."""
    scope = report.get("scope")
    namespace = (report.get("metadata") or {}).get("namespace", "")
    for result in report.get("results") or []:
        resources = result.get("resources") or ([scope] if scope else [{}])
        for resource in resources:
            yield result, {
                "kind": resource.get("kind", ""),
                "namespace": resource.get("namespace", namespace or ""),
                "name": resource.get("name", ""),
            }


def summarize(listing):
    totals, by_severity, by_policy, failures = counts(), {s: counts() for s in SEVERITIES}, {}, []
    for report in listing.get("items") or []:
        for result, resource in results_of(report):
            status = result.get("result")
            if result.get("source") != SOURCE or status not in STATUSES:
                continue
            severity = severity_of(result)
            policy = result.get("policy", "")
            totals[status] += 1
            by_severity[severity][status] += 1
            entry = by_policy.setdefault(policy, {"policy": policy, "severity": severity, **counts()})
            if SEVERITIES.index(severity) < SEVERITIES.index(entry["severity"]):
                entry["severity"] = severity
            entry[status] += 1
            if status == "fail":
                failures.append({
                    "severity": severity,
                    "policy": policy,
                    "rule": result.get("rule", ""),
                    **resource,
                    "message": result.get("message", ""),
                })
    rank = SEVERITIES.index
    failures.sort(key=lambda f: (rank(f["severity"]), f["policy"], f["namespace"], f["kind"], f["name"], f["rule"]))
    policies = sorted(by_policy.values(), key=lambda p: (-p["fail"], rank(p["severity"]), p["policy"]))
    passed = sum(WEIGHTS[s] * by_severity[s]["pass"] for s in WEIGHTS)
    scored = sum(WEIGHTS[s] * (by_severity[s]["pass"] + by_severity[s]["fail"]) for s in WEIGHTS)
    score = round(passed / scored, 4) if scored else None
    return {
        "complianceScore": score,
        "scoreWeights": WEIGHTS,
        "totals": totals,
        "bySeverity": by_severity,
        "byPolicy": policies,
        "failures": failures,
    }


def percent(score):
    return "n/a (no scored results)" if score is None else f"{score * 100:.1f} %"


def e(value):
    return html.escape(str(value), quote=True)


def table(headers, rows):
    head = "".join(f"<th>{e(h)}</th>" for h in headers)
    body = "".join("<tr>" + "".join(f"<td>{e(cell)}</td>" for cell in row) + "</tr>" for row in rows)
    return f"<table><thead><tr>{head}</tr></thead><tbody>{body}</tbody></table>"


def render_html(report):
    summary = report["summary"]
    failing = [p for p in summary["byPolicy"] if p["fail"] > 0][:TOP_POLICIES]
    failures = summary["failures"]
    shown = failures[:MAX_HTML_FAILURES]
    more = len(failures) - len(shown)
    weights = ", ".join(f"{s} {w}" for s, w in WEIGHTS.items())
    title = f"Policy compliance: {report['environment']} / {report['cluster']}"
    parts = [
        "<!DOCTYPE html>",
        '<html lang="en"><head><meta charset="utf-8">',
        # Nothing in the page may load or run anything: a value that escaped escaping stays inert.
        "<meta http-equiv=\"Content-Security-Policy\" content=\"default-src 'none'; style-src 'unsafe-inline'\">",
        f"<title>{e(title)}</title>",
        "<style>body{font-family:sans-serif;margin:2em;color:#222}table{border-collapse:collapse;margin:1em 0}"
        "th,td{border:1px solid #ccc;padding:.3em .6em;text-align:left;vertical-align:top}th{background:#f2f2f2}"
        ".score{font-size:2.5em;font-weight:bold;margin:.2em 0}</style>",
        "</head><body>",
        f"<h1>{e(title)}</h1>",
        f"<p>Generated {e(report['generatedAt'])} from the cluster's PolicyReports and ClusterPolicyReports "
        f"(results of source {e(SOURCE)}). Machine-readable: report.json next to this page.</p>",
        "<h2>Compliance score</h2>",
        f"<p class=\"score\">{e(percent(summary['complianceScore']))}</p>",
        f"<p>Severity-weighted pass rate: weight &times; passing / weight &times; (passing + failing) results; "
        f"weights {e(weights)}.</p>",
        "<h2>Results by severity</h2>",
        table(["severity", *STATUSES], [[s, *(summary["bySeverity"][s][k] for k in STATUSES)] for s in SEVERITIES]),
        "<h2>Top failing policies</h2>",
        table(["policy", "severity", "fail", "pass"], [[p["policy"], p["severity"], p["fail"], p["pass"]] for p in failing])
        if failing else "<p>No failing policy.</p>",
        "<h2>Failing resources</h2>",
        table(["severity", "policy", "rule", "kind", "namespace", "name", "message"],
              [[f["severity"], f["policy"], f["rule"], f["kind"], f["namespace"], f["name"], f["message"]] for f in shown])
        if shown else "<p>No failing resource.</p>",
    ]
    if more > 0:
        parts.append(f"<p>{more} more failing results are listed in report.json.</p>")
    parts.append("</body></html>")
    return "\n".join(parts) + "\n"


def slack_escape(text):
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")


def slack_message(report, location):
    summary = report["summary"]
    by_severity = summary["bySeverity"]
    shown = [s for s in SEVERITIES if s in WEIGHTS or by_severity[s]["fail"] > 0]
    failing = ", ".join(f"{s} {by_severity[s]['fail']}" for s in shown)
    text = (
        f"Compliance report *{report['environment']} / {report['cluster']}* ({report['generatedAt']}): "
        f"score *{percent(summary['complianceScore'])}*. Failing results: {failing}. "
        f"Report: {location}${REPORT_FILES.html.name}"
    )
    return {"text": slack_escape(text)}


def main():
    env = os.environ
    directory = env["REPORT_DIR"]

    def path(name):
        return os.path.join(directory, name)

    def read(name):
        with open(path(name), encoding="utf-8") as handle:
            return handle.read().strip()

    with open(path("${WORK_FILES.policyReports}"), encoding="utf-8") as handle:
        listing = json.load(handle)
    folder = read("${WORK_FILES.folder}")
    location = f"{env['STORE_URL']}/{folder}/"
    report = {
        "schema": "gitops-cdk.io/compliance-report/v1",
        "environment": env["ENVIRONMENT"],
        "cluster": env["CLUSTER"],
        "generatedAt": read("${WORK_FILES.startedAt}"),
        "location": location,
        "source": SOURCE,
        "summary": summarize(listing),
    }
    outputs = {
        "${REPORT_FILES.json.name}": json.dumps(report, indent=2, ensure_ascii=False) + "\n",
        "${REPORT_FILES.html.name}": render_html(report),
        "${WORK_FILES.slackMessage}": json.dumps(slack_message(report, location), ensure_ascii=False) + "\n",
    }
    for name, content in outputs.items():
        with open(path(name), "w", encoding="utf-8") as handle:
            handle.write(content)
    summary = report["summary"]
    print(f"compliance-report: {sum(summary['totals'].values())} results, {summary['totals']['fail']} failing, "
          f"score {percent(summary['complianceScore'])}", file=sys.stderr)


if __name__ == "__main__":
    main()
`;
