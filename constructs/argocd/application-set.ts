import type { IApplicationSet } from '@kubernetes-models/argo-cd/argoproj.io/v1alpha1/ApplicationSet';
import { ApiObject, Chart } from 'cdk8s';
import { Construct } from 'constructs';
import { type ApplicationSpecProps, applicationFinalizers, cascadesOnDeletion, renderApplicationSpec } from './application-spec';
import { ARGOCD_NAMESPACE } from './constants';
import { SYNC_WAVES, syncWaveAnnotations } from './sync-wave';

export interface ApplicationSetProps extends ApplicationSpecProps {
  /** Name of the set; each generated Application is named `<cluster>-<name>`. */
  readonly name: string;
  /**
   * Labels of the Argo CD cluster secrets to deploy to (cluster generator selector). Exactly one of
   * `clusterSelector` and `clusterNames`.
   */
  readonly clusterSelector?: Readonly<Record<string, string>>;
  /**
   * The registered names of the clusters to deploy to (list generator), for content that exists on
   * named clusters only (a tenant namespace on some clusters): cluster secrets carry no label per
   * cluster name to select by. Each element yields `{{.name}}` as the cluster generator does
   * (argoproj/argo-cd applicationset/generators/list.go: with goTemplate an element is the
   * template's parameters as is, v2.13.2 and v2.14.2).
   */
  readonly clusterNames?: readonly string[];
  /** Labels of every generated Application besides the chart's (e.g. the drift classification). */
  readonly labels?: Readonly<Record<string, string>>;
}

/**
 * `value` with every string made literal for the ApplicationSet's Go template: `{{` becomes
 * `{{ "{{" }}`, which the template renders back to `{{`. For values that carry templates of
 * their own engine (Alertmanager's `{{ .Annotations.summary }}`), which the ApplicationSet would
 * otherwise evaluate, and fail on (`missingkey=error`), before Helm ever sees them.
 */
export function literalInApplicationSet<T>(value: T): T {
  if (typeof value === 'string') return value.replace(/\{\{/g, '{{ "{{" }}') as T;
  if (Array.isArray(value)) return value.map((item: unknown) => literalInApplicationSet(item)) as T;
  if (typeof value === 'object' && value !== null) {
    return Object.fromEntries(Object.entries(value).map(([key, item]) => [key, literalInApplicationSet(item)])) as T;
  }
  return value;
}

type Generator = IApplicationSet['spec']['generators'][number];

/** The set's generator: clusters by labels, or a list of cluster names. */
function clusterGenerator(props: Pick<ApplicationSetProps, 'name' | 'clusterSelector' | 'clusterNames'>): Generator {
  if (props.clusterSelector !== undefined && props.clusterNames === undefined) return { clusters: { selector: { matchLabels: { ...props.clusterSelector } } } };
  if (props.clusterNames !== undefined && props.clusterSelector === undefined && props.clusterNames.length > 0) {
    return { list: { elements: props.clusterNames.map((name) => ({ name })) } };
  }
  throw new Error(`ApplicationSet ${props.name}: set exactly one of clusterSelector and clusterNames (non-empty)`);
}

/**
 * An ApplicationSet with the cluster generator: one Application per registered cluster whose
 * labels match, so adding a cluster to the environment spec deploys the platform to it; or, for
 * content on named clusters only, one per cluster of a list of names.
 */
export class ApplicationSet extends Construct {
  readonly name: string;

  constructor(scope: Construct, id: string, props: ApplicationSetProps) {
    super(scope, id);
    this.name = props.name;
    const finalizers = applicationFinalizers(props);
    const set: IApplicationSet = {
      apiVersion: 'argoproj.io/v1alpha1',
      kind: 'ApplicationSet',
      metadata: {
        name: props.name,
        namespace: ARGOCD_NAMESPACE,
        ...(props.syncWave !== undefined && props.syncWave !== SYNC_WAVES.default ? { annotations: syncWaveAnnotations(props.syncWave) } : {}),
      },
      spec: {
        goTemplate: true,
        // A typo in a template variable fails the set instead of deploying an empty string.
        goTemplateOptions: ['missingkey=error'],
        generators: [clusterGenerator(props)],
        template: {
          metadata: {
            name: `{{.name}}-${props.name}`,
            // The chart's labels (environment, managed-by) on every generated Application too, so
            // `kubectl get applications -l gitops-cdk.io/env=<env>` finds them like the others.
            labels: { ...Chart.of(this).labels, ...props.labels },
            ...(finalizers.length > 0 ? { finalizers } : {}),
          },
          // By name: the cluster generator yields only registered clusters, so the name exists.
          spec: renderApplicationSpec(props, { name: '{{.name}}' }),
        },
        // Where the generated Applications do not cascade, removing a cluster or the set keeps live resources.
        syncPolicy: { preserveResourcesOnDeletion: !cascadesOnDeletion(props) },
      },
    };
    new ApiObject(this, 'Resource', set);
  }
}
