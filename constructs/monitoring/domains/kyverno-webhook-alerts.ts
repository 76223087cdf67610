import { Duration } from 'cdk8s';
import type { Tier } from '../../core/tier';
import type { KyvernoSpec } from '../../kyverno/kyverno-spec';
import type { AlertDefinition } from '../alert-definition';
import type { InputSeries } from '../types';
import { pagingSeverity } from './paging-severity';

/**
 * Every webhook Kyverno registers is named `<purpose>.kyverno.svc[-fail|-ignore[-finegrained-<policy>]]`
 * (`validate.kyverno.svc-fail`, `mutate.kyverno.svc-ignore`, `validate-policy.kyverno.svc`, ...);
 * the API server labels its webhook metrics with that `name`.
 */
const KYVERNO_WEBHOOKS = 'name=~".*kyverno.*"';

/**
 * Share of a webhook's calls that went wrong before it counts as failing. A Kyverno that cannot
 * answer fails every call; a few timeouts while an admission controller replica restarts stay
 * well under it.
 */
const FAILING_SHARE = 0.05;

/** The ratio needs 5 minutes of rate anyway; 5 more ride out a rolling restart of the admission controller. */
const FAILING_FOR = Duration.minutes(5);

/**
 * The API server's admission webhook metrics (k8s.io/apiserver/pkg/admission/metrics): every call
 * counts in `apiserver_admission_webhook_request_total`; a call that errors or times out counts in
 * `apiserver_admission_webhook_rejection_count{error_type="calling_webhook_error"}` when the webhook
 * fails closed (failurePolicy Fail: the request is refused) and in
 * `apiserver_admission_webhook_fail_open_count` when it fails open (Ignore: the request is admitted
 * unchecked). `error_type="no_error"` is a policy saying no, Kyverno doing its job.
 */
function failingShare(failures: string): string {
  return [`sum by (name) (rate(${failures}[5m]))`, `/ sum by (name) (rate(apiserver_admission_webhook_request_total{${KYVERNO_WEBHOOKS}}[5m]))`, `> ${FAILING_SHARE}`].join('\n');
}

const VALIDATE_FAIL = 'validate.kyverno.svc-fail';
const VALIDATE_IGNORE = 'validate.kyverno.svc-ignore';

/** Calls of a webhook per minute as the API server counts them, by HTTP code and whether the request was refused. */
function requests(name: string, code: number, rejected: boolean, perMinute: number): InputSeries {
  return {
    series: `apiserver_admission_webhook_request_total{job="apiserver",name="${name}",type="validating",operation="CREATE",code="${code}",rejected="${rejected}"}`,
    values: `0+${perMinute}x20`,
  };
}

function rejections(name: string, errorType: string, code: number, values: string): InputSeries {
  return {
    series: `apiserver_admission_webhook_rejection_count{job="apiserver",name="${name}",type="validating",operation="CREATE",error_type="${errorType}",rejection_code="${code}"}`,
    values,
  };
}

function failOpens(name: string, values: string): InputSeries {
  return { series: `apiserver_admission_webhook_fail_open_count{job="apiserver",name="${name}",type="validating"}`, values };
}

/** What the webhook alerts read of an environment: how strict it is and which policies may fail open. */
export interface KyvernoWebhookEnvironment {
  readonly tier: Tier;
  readonly kyverno: Pick<KyvernoSpec, 'failOpen'>;
}

/** Which of the environment's policies fail closed: what a failing-closed webhook blocks here. */
function failClosedScope(spec: KyvernoWebhookEnvironment): string {
  if (spec.tier !== 'production') {
    return "Policy webhooks fail open in this environment, so this is one of Kyverno's own fail-closed webhooks (validate-policy.kyverno.svc refuses ClusterPolicy changes, so the policies sync fails).";
  }
  const failOpen = (spec.kyverno.failOpen ?? []).map((entry) => entry.policy);
  const except = failOpen.length === 0 ? '' : ` (except ${failOpen.join(', ')})`;
  return `Every policy fails closed here${except}: every create and update a policy matches is refused, Argo CD syncs and deployments included, until Kyverno answers again.`;
}

/** What a failing-open webhook lets through here. */
function failOpenScope(spec: KyvernoWebhookEnvironment): string {
  if (spec.tier !== 'production') {
    return 'Policy webhooks fail open in this environment by design, so nothing is blocked, but nothing is checked either: resources are admitted unvalidated and unmutated; the next background scan reports their violations.';
  }
  const failOpen = (spec.kyverno.failOpen ?? []).map((entry) => entry.policy);
  const which = failOpen.length === 0 ? "only Kyverno's own fail-open webhooks" : `the policies allowed to fail open (${failOpen.join(', ')})`;
  return `In production ${which} do this: resources are admitted without those checks; the next background scan reports their violations.`;
}

/** Kyverno's admission webhooks erroring, seen from the API server: refused requests, or requests let through unchecked. */
export function kyvernoWebhookAlerts(spec: KyvernoWebhookEnvironment): AlertDefinition[] {
  const severity = pagingSeverity(spec);
  const share = `${FAILING_SHARE * 100}%`;
  const whatToCheck = 'Check the admission controller pods (`kubectl -n kyverno get pods`), their logs for timeouts, and the kyverno-svc endpoints.';
  return [
    {
      name: 'KyvernoAdmissionWebhookFailingClosed',
      expr: failingShare(`apiserver_admission_webhook_rejection_count{${KYVERNO_WEBHOOKS},error_type=~"calling_webhook_error|apiserver_internal_error"}`),
      for: FAILING_FOR,
      severity,
      summary: 'The API server cannot call Kyverno webhook {{ $labels.name }} and refuses the requests',
      description: `More than ${share} of the calls to {{ $labels.name }} have failed for 5 minutes and the webhook fails closed. ${failClosedScope(spec)} ${whatToCheck}`,
      cases: {
        fires: {
          description: 'half the calls to the fail-closed webhook error',
          series: [requests(VALIDATE_FAIL, 200, false, 10), requests(VALIDATE_FAIL, 500, true, 10), rejections(VALIDATE_FAIL, 'calling_webhook_error', 500, '0+10x20')],
          at: '12m',
          firing: [{ name: VALIDATE_FAIL }],
        },
        quiet: {
          description: "policies refuse requests (no_error), one call times out among hundreds, and another vendor's webhook fails",
          series: [
            requests(VALIDATE_FAIL, 200, false, 100),
            requests(VALIDATE_FAIL, 400, true, 10),
            rejections(VALIDATE_FAIL, 'no_error', 400, '0+10x20'),
            rejections(VALIDATE_FAIL, 'calling_webhook_error', 500, '0x8 1x12'),
            requests('webhook.cert-manager.io', 500, true, 10),
            rejections('webhook.cert-manager.io', 'calling_webhook_error', 500, '0+10x20'),
          ],
          at: '12m',
          firing: [],
        },
      },
    },
    {
      name: 'KyvernoAdmissionWebhookFailingOpen',
      expr: failingShare(`apiserver_admission_webhook_fail_open_count{${KYVERNO_WEBHOOKS}}`),
      for: FAILING_FOR,
      severity,
      summary: 'The API server cannot call Kyverno webhook {{ $labels.name }} and admits requests unchecked',
      description: `More than ${share} of the calls to {{ $labels.name }} have failed for 5 minutes and the webhook fails open. ${failOpenScope(spec)} ${whatToCheck}`,
      cases: {
        fires: {
          description: 'every call to the fail-open webhook errors',
          series: [requests(VALIDATE_IGNORE, 0, false, 20), failOpens(VALIDATE_IGNORE, '0+20x20')],
          at: '12m',
          firing: [{ name: VALIDATE_IGNORE }],
        },
        quiet: {
          description: "calls succeed; another vendor's webhook fails open",
          series: [requests(VALIDATE_IGNORE, 200, false, 20), requests('webhook.cert-manager.io', 0, false, 20), failOpens('webhook.cert-manager.io', '0+20x20')],
          at: '12m',
          firing: [],
        },
      },
    },
  ];
}
