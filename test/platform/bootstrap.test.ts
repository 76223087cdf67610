import { posix } from 'node:path';
import type { IAppProject } from '@kubernetes-models/argo-cd/argoproj.io/v1alpha1/AppProject';
import type { ISecret } from 'kubernetes-models/v1/Secret';
import { parse } from 'yaml';
import { buildKubernetesEstate } from '../../apps/assembly/kubernetes-estate';
import { bootstrapDir, k8sComponentDir } from '../../apps/synth/dist-layout';
import { IN_CLUSTER_SERVER } from '../../constructs/argocd/constants';
import type { KubeManifest, RenderedObject } from '../../constructs/synth/kube-manifest';
import { federatedGkeClusters } from '../../constructs/terraform/gcp/argocd-google-federation';
import { fixtureEstate } from '../support/fixture-environment';
import { applicationSpecOf, field, manifestOf, manifestsOf, objectsOf, typed } from './render-environment';

const ENVIRONMENTS = fixtureEstate();
const dev = ENVIRONMENTS.find((spec) => spec.tier === 'development')!;

// A model of how Argo CD resolves an Application's destination (argoproj/argo-cd v2.13.2 and
// v2.14.2): util/argo/argo.go `ValidateDestination` resolves a name to an address or an address to
// a name through util/db/cluster.go, where the cluster Argo CD runs in is `in-cluster` at
// https://kubernetes.default.svc until a cluster Secret with that address replaces it; the
// AppProject then matches the destination by name or by address
// (app_project_types.go `isDestinationMatched`).

interface KnownCluster {
  readonly name: string;
  readonly server: string;
}

interface Destination {
  readonly name?: string;
  readonly server?: string;
  readonly namespace?: string;
}

/** The clusters Argo CD knows before any cluster Secret is applied. */
const BEFORE_REGISTRATION: readonly KnownCluster[] = [{ name: 'in-cluster', server: IN_CLUSTER_SERVER }];

/** The clusters Argo CD knows once the given cluster Secrets are applied. */
function afterRegistration(secrets: readonly ISecret[]): KnownCluster[] {
  const registered = secrets.map((s) => ({ name: s.stringData?.name ?? '', server: s.stringData?.server ?? '' }));
  const inCluster = registered.some((c) => c.server === IN_CLUSTER_SERVER) ? [] : BEFORE_REGISTRATION;
  return [...inCluster, ...registered];
}

/** The destination with its other half inferred, or a reason why Argo CD refuses it. */
function resolve(destination: Destination, clusters: readonly KnownCluster[]): Required<Destination> | string {
  if (destination.name !== undefined && destination.server !== undefined) return 'both name and server';
  const found = destination.name !== undefined ? clusters.filter((c) => c.name === destination.name) : clusters.filter((c) => c.server === destination.server);
  if (found.length !== 1) return `references destination cluster ${destination.name ?? destination.server} which does not exist`;
  return { name: found[0]!.name, server: found[0]!.server, namespace: destination.namespace ?? '' };
}

function permitted(project: IAppProject, destination: Required<Destination>): boolean {
  return (project.spec.destinations ?? []).some((d) => (d.name === destination.name || d.server === destination.server) && d.namespace === destination.namespace);
}

function clusterSecrets(objects: readonly RenderedObject[]): ISecret[] {
  return manifestsOf(objects, 'Secret')
    .filter((m) => m.metadata.labels?.['argocd.argoproj.io/secret-type'] === 'cluster')
    .map((m) => typed<ISecret>(m));
}

/** The Applications Argo CD holds once the root app synced: the declared ones and those every ApplicationSet generates. */
function applications(objects: readonly RenderedObject[], secrets: readonly ISecret[]): { name: string; destination: Destination }[] {
  const declared = manifestsOf(objects, 'Application').map((app) => ({ name: app.metadata.name, destination: field(app, 'spec.destination') as Destination }));
  const generated = manifestsOf(objects, 'ApplicationSet').flatMap((set) => {
    const selector = field(set, 'spec.generators.0.clusters.selector.matchLabels') as Record<string, string>;
    const template = JSON.stringify(applicationSpecOf(set).destination);
    return secrets
      .filter((s) => Object.entries(selector).every(([key, value]) => s.metadata?.labels?.[key] === value))
      .map((s) => ({
        name: `${s.stringData?.name}-${set.metadata.name}`,
        destination: JSON.parse(template.replace(/\{\{\.name\}\}/g, s.stringData?.name ?? '').replace(/\{\{\.server\}\}/g, s.stringData?.server ?? '')) as Destination,
      }));
  });
  return [...declared, ...generated];
}

describe.each(ENVIRONMENTS.map((spec) => [spec.name, spec] as const))('%s', (name, spec) => {
  const estate = buildKubernetesEstate(spec);
  const objects = objectsOf(spec);
  const project = typed<IAppProject>(manifestOf(objects, 'AppProject', 'platform'));
  const secrets = clusterSecrets(objects);
  const root = bootstrapDir(name);

  /** The objects a bootstrap step's kustomization applies, component folders expanded. */
  function appliedBy(folder: string): KubeManifest[] {
    const kustomization = parse(estate.bootstrap.get(`${root}/${folder}/kustomization.yaml`) ?? '') as { resources: string[] };
    return kustomization.resources.flatMap((resource) => {
      const path = posix.normalize(posix.join(root, folder, resource));
      const component = estate.components.find((c) => k8sComponentDir(name, c.id) === path);
      if (component !== undefined)
        return objectsOf(spec)
          .filter((o) => o.component === component.id)
          .map((o) => o.manifest);
      const file = estate.bootstrap.get(path);
      if (file === undefined) throw new Error(`${folder}/kustomization.yaml lists ${resource}, which synth does not write`);
      return [parse(file) as KubeManifest];
    });
  }

  it('has the Terraform stacks applied and the Secrets Argo CD reads created before Argo CD starts', () => {
    // Argo CD's local admin is off (SSO): without its OIDC client Secret nobody could log in.
    const readme = estate.bootstrap.get(`${root}/README.md`) ?? '';
    const before = readme.slice(0, readme.indexOf(`kubectl apply -k ${root}/1-namespace-and-config`));
    expect(before).toMatch(new RegExp(`Before step 1, apply [^.]*dist/terraform/${name}/apply-order\\.json`));
    expect(before).toMatch(new RegExp(`before step 2, create the Secrets of the\\s+\`argocd\` namespace listed in \`dist/secrets-inventory/${name}/secrets\\.md\``));
    expect(before).toContain('app.kubernetes.io/part-of: argocd');
  });

  it('writes three ordered steps and a README that names each command in order', () => {
    const readme = estate.bootstrap.get(`${root}/README.md`) ?? '';
    const commands = [
      `kubectl apply -k ${root}/1-namespace-and-config`,
      `helm install argo-cd argo-cd --repo https://argoproj.github.io/argo-helm --version ${spec.charts.argoCd} -n argocd -f ${root}/2-argo-cd/values.yaml --wait`,
      `kubectl apply -k ${root}/3-project-and-root-app`,
    ];
    const positions = commands.map((command) => readme.indexOf(command));
    expect(positions.every((p) => p >= 0)).toBe(true);
    expect([...positions].sort((a, b) => a - b)).toEqual(positions);
  });

  it("applies Argo CD's namespace and configuration first, then the project and the root app, nothing else", () => {
    const config = appliedBy('1-namespace-and-config').map((m) => `${m.kind}/${m.metadata.name}`);
    expect(config[0]).toBe('Namespace/argocd');
    // Argo CD needs its Google credential configuration before it can reach a federated GKE cluster.
    const google = federatedGkeClusters(spec).length > 0 ? ['ConfigMap/argocd-google-credentials'] : [];
    expect(config.slice(1).sort()).toEqual(['ConfigMap/argocd-cm', ...google, 'ConfigMap/argocd-notifications-cm', 'ConfigMap/argocd-rbac-cm']);
    expect(appliedBy('3-project-and-root-app').map((m) => `${m.kind}/${m.metadata.name}`)).toEqual(['AppProject/platform', `Application/${name}-root`]);
  });

  it('installs Argo CD with exactly the values of its self-managed Application, so the handover changes nothing', () => {
    const app = manifestOf(objects, 'Application', 'argo-cd');
    expect(estate.bootstrap.get(`${root}/2-argo-cd/values.yaml`)).toBe(field(app, 'spec.source.helm.values'));
    expect(field(app, 'spec.source.targetRevision')).toBe(spec.charts.argoCd);
  });

  it('points the root app at a destination Argo CD resolves, and the project permits, before any cluster is registered', () => {
    const rootApps = appliedBy('3-project-and-root-app').filter((m) => m.kind === 'Application');
    expect(rootApps).toHaveLength(1);
    const resolved = resolve(field(rootApps[0], 'spec.destination') as Destination, BEFORE_REGISTRATION);
    expect(resolved).toEqual({ name: 'in-cluster', server: IN_CLUSTER_SERVER, namespace: 'argocd' });
    expect(permitted(project, resolved as Required<Destination>)).toBe(true);
  });

  it('resolves and permits every Application that targets the management cluster, before and after its registration', () => {
    const managementSecret = secrets.find((s) => s.stringData?.server === IN_CLUSTER_SERVER)!;
    const onManagement = applications(objects, secrets).filter((app) => app.destination.server === IN_CLUSTER_SERVER || app.destination.name === managementSecret.stringData?.name);
    expect(onManagement.map((a) => a.name)).toEqual(expect.arrayContaining([`${name}-root`, 'argo-cd']));
    for (const clusters of [BEFORE_REGISTRATION, afterRegistration(secrets)]) {
      for (const app of onManagement.filter((a) => a.destination.server !== undefined)) {
        const resolved = resolve(app.destination, clusters);
        expect([app.name, typeof resolved === 'string' ? resolved : permitted(project, resolved)]).toEqual([app.name, true]);
      }
    }
  });

  it('resolves and permits every Application, declared or generated, once the root app has synced the registrations', () => {
    const clusters = afterRegistration(secrets);
    const all = applications(objects, secrets);
    expect(all.length).toBeGreaterThan(manifestsOf(objects, 'Application').length);
    for (const app of all) {
      const resolved = resolve(app.destination, clusters);
      expect([app.name, typeof resolved === 'string' ? resolved : permitted(project, resolved)]).toEqual([app.name, true]);
    }
  });
});

it('fails the model on a root app that names the management cluster (the deadlock it catches)', () => {
  const management = dev.clusters.find((c) => c.role === 'management')!;
  expect(resolve({ name: management.name, namespace: 'argocd' }, BEFORE_REGISTRATION)).toMatch(/does not exist/);
});
