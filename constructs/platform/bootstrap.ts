import { posix } from 'node:path';
import { ApplicationSource } from '../argocd/application-source';
import type { OidcSingleSignOn } from '../argocd/argocd-sso';
import { ARGOCD_NAMESPACE } from '../argocd/constants';
import type { KubeManifest } from '../synth/kube-manifest';
import { kustomizationYaml, manifestFileName, manifestYaml } from '../synth/manifest-file';
import { ARGO_CD_ADDON, type ArgoCdEnvironment } from './addons/argo-cd';
import type { ChartVersions } from './chart-versions';

/** The components the bootstrap applies by hand: Argo CD's configuration, then the project and the root app. */
export const BOOTSTRAP_CONFIG_COMPONENTS: readonly string[] = ['argocd-config'];
export const BOOTSTRAP_ROOT_COMPONENTS: readonly string[] = ['projects', 'root'];

/** One step of the bootstrap: a folder under `dist/bootstrap/<env>/` and the command that applies it. */
export interface BootstrapStep {
  readonly folder: string;
  readonly title: string;
  readonly command: string;
  readonly why: string;
  /** File name in the folder to content. */
  readonly files: ReadonlyMap<string, string>;
}

/** What the bootstrap reads of the environment: what Argo CD's values read, its pinned chart version and its SSO. */
export interface BootstrapEnvironment extends ArgoCdEnvironment {
  readonly charts: ChartVersions;
  /** @default - no SSO: the local admin logs in */
  readonly sso?: Pick<OidcSingleSignOn, 'localAdmin'>;
}

/** Where the bootstrap and what it refers to are in the repository (paths from its root). */
export interface BootstrapLayout {
  /** The folder the bootstrap is written to, e.g. `dist/bootstrap/prod`. */
  readonly bootstrapDir: string;
  /** The folder of the environment's Kubernetes components, one folder each, e.g. `dist/k8s/prod`. */
  readonly kubernetesDir: string;
  /** The folder of the environment's secrets inventory (`secrets.md`), e.g. `dist/secrets-inventory/prod`. */
  readonly secretsInventoryDir: string;
  /** The folder of the environment's Terraform stacks (`apply-order.json`), e.g. `dist/terraform/prod`. */
  readonly terraformDir: string;
}

export interface BootstrapProps {
  readonly environment: BootstrapEnvironment;
  /** Labels of every object gitops-cdk writes (managed-by, environment). */
  readonly labels: Readonly<Record<string, string>>;
  readonly layout: BootstrapLayout;
}

/**
 * What a platform engineer applies once, by hand, on an empty management cluster, in order. The
 * steps reference the synthesized components instead of copying them, so the bootstrap applies
 * exactly what the root app will then own. Everything else arrives through the root app.
 */
export function bootstrapSteps(props: BootstrapProps): readonly BootstrapStep[] {
  const { environment, layout } = props;
  const root = layout.bootstrapDir;
  const componentsFrom = (folder: string, components: readonly string[]) =>
    components.map((component) => posix.relative(`${root}/${folder}`, `${layout.kubernetesDir}/${component}`));

  // A plain manifest, not cdk8s-plus-28's Namespace (2.5.6): these files are written outside any
  // cdk8s Chart (applied by hand before Argo CD exists), and a kplus Namespace needs a Chart scope
  // (its `KubeNamespace` is an ApiObject, whose constructor calls `Chart.of`), and forces `spec: {}`.
  const namespace: KubeManifest = {
    apiVersion: 'v1',
    kind: 'Namespace',
    metadata: { labels: { ...props.labels }, name: ARGOCD_NAMESPACE },
  };
  const configFolder = '1-namespace-and-config';
  const argoCdFolder = '2-argo-cd';
  const rootFolder = '3-project-and-root-app';

  // The same chart, version and values as the self-managed `argo-cd` Application, so that the root
  // app's first sync of it changes nothing: it adopts the release Helm installed.
  const source = ApplicationSource.helmChart(ARGO_CD_ADDON.chart, environment.charts[ARGO_CD_ADDON.versionKey], ARGO_CD_ADDON.values(environment)).render();
  const values = source.helm?.values ?? '{}\n';
  const valuesPath = `${root}/${argoCdFolder}/values.yaml`;

  return [
    {
      folder: configFolder,
      title: "Argo CD's namespace and configuration",
      command: `kubectl apply -k ${root}/${configFolder}`,
      why: 'argocd-cm, argocd-rbac-cm and argocd-notifications-cm come from Git, not from the chart (configs.*.create: false); applied first, Argo CD starts with them.',
      files: new Map([
        [manifestFileName(namespace), manifestYaml(namespace)],
        ['kustomization.yaml', kustomizationYaml([manifestFileName(namespace), ...componentsFrom(configFolder, BOOTSTRAP_CONFIG_COMPONENTS)])],
      ]),
    },
    {
      folder: argoCdFolder,
      title: 'Argo CD itself, at the chart version the environment pins',
      command: `helm install ${ARGO_CD_ADDON.name} ${source.chart} --repo ${source.repoURL} --version ${source.targetRevision} ` + `-n ${ARGOCD_NAMESPACE} -f ${valuesPath} --wait`,
      why:
        `The release name is the self-managed Application's name (${ARGO_CD_ADDON.name}), so Argo CD adopts the release instead of installing a second one. ` +
        'Installs the Application and AppProject CRDs the next step needs.',
      files: new Map([['values.yaml', values]]),
    },
    {
      folder: rootFolder,
      title: 'The platform AppProject and the root app',
      command: `kubectl apply -k ${root}/${rootFolder}`,
      why:
        'The root app targets the management cluster by address (https://kubernetes.default.svc), which Argo CD knows as `in-cluster` before any cluster Secret exists; ' +
        `it then syncs everything else of ${layout.kubernetesDir}/: the project and cluster registrations first, then the add-ons that install CRDs, then the rest.`,
      files: new Map([['kustomization.yaml', kustomizationYaml(componentsFrom(rootFolder, BOOTSTRAP_ROOT_COMPONENTS))]]),
    },
  ];
}

/** Every bootstrap file of the environment, keyed by repository path, with the README that orders them. */
export function bootstrapFiles(props: BootstrapProps): Map<string, string> {
  const root = props.layout.bootstrapDir;
  const steps = bootstrapSteps(props);
  const files = new Map<string, string>();
  for (const step of steps) for (const [name, content] of step.files) files.set(`${root}/${step.folder}/${name}`, content);
  files.set(`${root}/README.md`, bootstrapReadme(props, steps));
  return files;
}

function bootstrapReadme({ environment, layout }: BootstrapProps, steps: readonly BootstrapStep[]): string {
  const lines = [
    `# Bootstrap ${environment.name} on an empty management cluster`,
    '',
    'Generated by `npm run synth`; do not edit. Run once, from the repository root, with kubectl and',
    'helm pointed at the management cluster, in this order:',
    '',
    `- Before step 1, apply the environment's Terraform stacks in the order of`,
    `  \`${layout.terraformDir}/apply-order.json\`: the clusters, Argo CD's cloud identities and its`,
    '  network paths to the other clusters.',
    `- Right after step 1 (it creates the namespace), before step 2, create the Secrets of the`,
    `  \`${ARGOCD_NAMESPACE}\` namespace listed in \`${layout.secretsInventoryDir}/secrets.md\`.`,
    ...(environment.sso === undefined
      ? []
      : [
          `  ${environment.sso.localAdmin === true ? 'Only the local admin can log in' : "Argo CD's local admin is disabled, so nobody can log in"} until the SSO client Secret exists,`,
          '  labelled `app.kubernetes.io/part-of: argocd` (Argo CD reads no other).',
        ]),
    '  Create the Secrets of the other namespaces as soon as Argo CD has created those namespaces',
    '  (their readers wait for them).',
    '',
    ...steps.flatMap((step, i) => [`${i + 1}. **${step.title}.** ${step.why}`, '', '   ```sh', `   ${step.command}`, '   ```', '']),
    'From then on Git is the only way in. Once the `argo-cd` Application is Synced, delete the Helm',
    `release record (\`kubectl -n ${ARGOCD_NAMESPACE} delete secret -l owner=helm,name=${ARGO_CD_ADDON.name}\`): Argo CD`,
    'owns the release now, and `helm uninstall` would delete Argo CD.',
    '',
  ];
  return lines.join('\n');
}
