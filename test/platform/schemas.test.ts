import { Application, type IApplication } from '@kubernetes-models/argo-cd/argoproj.io/v1alpha1/Application';
import { ApplicationSet } from '@kubernetes-models/argo-cd/argoproj.io/v1alpha1/ApplicationSet';
import { AppProject } from '@kubernetes-models/argo-cd/argoproj.io/v1alpha1/AppProject';
import { CronJob } from 'kubernetes-models/batch/v1/CronJob';
import { NetworkPolicy } from 'kubernetes-models/networking.k8s.io/v1/NetworkPolicy';
import { ConfigMap } from 'kubernetes-models/v1/ConfigMap';
import { Namespace } from 'kubernetes-models/v1/Namespace';
import { Secret } from 'kubernetes-models/v1/Secret';
import { ServiceAccount } from 'kubernetes-models/v1/ServiceAccount';
import type { KubeManifest } from '../../constructs/synth/kube-manifest';
import { crdSchemaErrors } from '../support/crd-schema';
import { fixtureEstate } from '../support/fixture-environment';
import { fixtureException } from '../support/fixture-exception';
import { manifestOf, objectsOf } from './render-environment';

const ENVIRONMENTS = fixtureEstate();
/** One granted exception in every environment, so that the PolicyException kind is rendered and checked too. */
const OPTIONS = { exceptions: [fixtureException(ENVIRONMENTS.map((spec) => spec.name))] };

/** Validates one manifest; throws when it does not match the schema of its kind. */
type Validator = (manifest: KubeManifest) => void;

/**
 * Kyverno publishes no npm model: its objects are checked against the upstream CRD schemas
 * vendored in test/schemas, with unknown fields refused.
 */
function validateCrd(manifest: KubeManifest): void {
  const errors = crdSchemaErrors(manifest);
  if (errors.length > 0) throw new Error(`${manifest.kind} ${manifest.metadata.name}: ${errors.join('; ')}`);
}

/** The validator of each `apiVersion/kind`. A kind synthesized without an entry here fails the test. */
const VALIDATORS: Readonly<Record<string, Validator>> = {
  'argoproj.io/v1alpha1/Application': (m) => new Application(m as unknown as IApplication).validate(),
  'argoproj.io/v1alpha1/ApplicationSet': (m) => new ApplicationSet(m as unknown as ConstructorParameters<typeof ApplicationSet>[0]).validate(),
  'argoproj.io/v1alpha1/AppProject': (m) => new AppProject(m as unknown as ConstructorParameters<typeof AppProject>[0]).validate(),
  'v1/ConfigMap': (m) => new ConfigMap(m as unknown as ConstructorParameters<typeof ConfigMap>[0]).validate(),
  'v1/Secret': (m) => new Secret(m as unknown as ConstructorParameters<typeof Secret>[0]).validate(),
  'v1/Namespace': (m) => new Namespace(m as unknown as ConstructorParameters<typeof Namespace>[0]).validate(),
  'v1/ServiceAccount': (m) => new ServiceAccount(m as unknown as ConstructorParameters<typeof ServiceAccount>[0]).validate(),
  'batch/v1/CronJob': (m) => new CronJob(m as unknown as ConstructorParameters<typeof CronJob>[0]).validate(),
  'networking.k8s.io/v1/NetworkPolicy': (m) => new NetworkPolicy(m as unknown as ConstructorParameters<typeof NetworkPolicy>[0]).validate(),
  'kyverno.io/v1/ClusterPolicy': validateCrd,
  'kyverno.io/v2/PolicyException': validateCrd,
  'monitoring.coreos.com/v1/PrometheusRule': validateCrd,
};

function validatorOf(manifest: KubeManifest): Validator {
  const key = `${manifest.apiVersion}/${manifest.kind}`;
  const validator = VALIDATORS[key];
  if (validator === undefined) throw new Error(`no schema validator for ${key}: add one to VALIDATORS in test/platform/schemas.test.ts`);
  return validator;
}

function withoutField(manifest: KubeManifest, path: readonly string[]): KubeManifest {
  const copy = structuredClone(manifest) as Record<string, unknown>;
  let node = copy;
  for (const key of path.slice(0, -1)) node = node[key] as Record<string, unknown>;
  delete node[path[path.length - 1]!];
  return copy as KubeManifest;
}

describe.each(ENVIRONMENTS.map((spec) => [spec.name, spec] as const))('%s', (_, spec) => {
  const objects = objectsOf(spec, OPTIONS);

  it.each(objects.map((o) => [`${o.manifest.kind} ${o.manifest.metadata.name}`, o] as const))('%s validates against the schema of its kind', (_name, object) => {
    expect(() => validatorOf(object.manifest)(object.manifest)).not.toThrow();
  });
});

describe('the validators', () => {
  const prodObjects = objectsOf(ENVIRONMENTS.find((spec) => spec.tier === 'production')!, OPTIONS);
  const root = manifestOf(prodObjects, 'Application', 'live-root');

  it('cover every kind the estate synthesizes, and no kind it no longer synthesizes', () => {
    const kinds = new Set(ENVIRONMENTS.flatMap((spec) => objectsOf(spec, OPTIONS).map((o) => `${o.manifest.apiVersion}/${o.manifest.kind}`)));
    expect([...kinds].sort()).toEqual(Object.keys(VALIDATORS).sort());
  });

  it('fails an Application without spec.destination', () => {
    expect(() => validatorOf(root)(withoutField(root, ['spec', 'destination']))).toThrow(/destination/);
  });

  it('fails an Application whose revisionHistoryLimit has the wrong type', () => {
    const spec = root.spec as Record<string, unknown>;
    const broken = { ...root, spec: { ...spec, revisionHistoryLimit: 'ten' } } as KubeManifest;
    expect(() => validatorOf(broken)(broken)).toThrow();
  });

  it('fails a ConfigMap whose data holds a number', () => {
    const cm = manifestOf(prodObjects, 'ConfigMap', 'argocd-cm');
    const broken = { ...cm, data: { 'timeout.reconciliation': 120 } } as KubeManifest;
    expect(() => validatorOf(broken)(broken)).toThrow();
  });

  it('fails a ClusterPolicy rule with an unknown failure action, an unknown field or no match', () => {
    const policy = manifestOf(prodObjects, 'ClusterPolicy', 'disallow-latest-tag');
    const rules = (policy.spec as { rules: Record<string, unknown>[] }).rules;
    const withRules = (changed: Record<string, unknown>[]): KubeManifest => ({ ...policy, spec: { ...(policy.spec as object), rules: changed } }) as KubeManifest;
    expect(() => validateCrd(withRules(rules.map((r) => ({ ...r, validate: { ...(r.validate as object), failureAction: 'Block' } }))))).toThrow(
      /failureAction must be equal to one of the allowed values/,
    );
    expect(() => validateCrd(withRules(rules.map((r) => ({ ...r, validate: { ...(r.validate as object), failAction: 'Enforce' } }))))).toThrow(
      /additional properties 'failAction'/,
    );
    expect(() => validateCrd(withRules(rules.map(({ match: _match, ...r }) => r)))).toThrow(/must have required property 'match'/);
  });

  it('fails a kind without a validator', () => {
    const deployment = { apiVersion: 'apps/v1', kind: 'Deployment', metadata: { name: 'x' } } as KubeManifest;
    expect(() => validatorOf(deployment)).toThrow(/no schema validator for apps\/v1\/Deployment/);
  });
});
