import type { FailureAction } from './failure-action';
import { complementOf, restrictToNamespaces } from './label-selector';
import type { Conditions, FailureActionValue, GenerateBlock, KeylessAttestor, LabelSelector, MatchResources, MutateBlock, Rule, ValidationCheck, VerifyImagesBlock } from './types';

interface RuleDefinitionBase {
  readonly name: string;
  readonly match: MatchResources;
  readonly exclude?: MatchResources;
  readonly preconditions?: Conditions;
}

/** Admits or rejects (Enforce) or reports (Audit); the environment decides which. */
export interface ValidateRuleDefinition extends RuleDefinitionBase {
  readonly type: 'validate';
  /** Shown to whoever is refused: say what to change, not only what is wrong. */
  readonly message: string;
  readonly check: ValidationCheck;
}

/** Changes the admitted object; no failure action. */
export interface MutateRuleDefinition extends RuleDefinitionBase {
  readonly type: 'mutate';
  readonly mutate: MutateBlock;
}

/** Creates a companion object (e.g. a NetworkPolicy per namespace); no failure action. */
export interface GenerateRuleDefinition extends RuleDefinitionBase {
  readonly type: 'generate';
  readonly generate: Omit<GenerateBlock, 'generateExisting'>;
}

/** Admits only images signed by the given identity; the environment decides Audit or Enforce. */
export interface VerifyImagesRuleDefinition extends RuleDefinitionBase {
  readonly type: 'verifyImages';
  readonly imageReferences: readonly string[];
  readonly keyless: KeylessAttestor;
}

export type RuleDefinition = ValidateRuleDefinition | MutateRuleDefinition | GenerateRuleDefinition | VerifyImagesRuleDefinition;

export type RuleType = RuleDefinition['type'];

/** A rendered rule and where it came from, so tests can find it by the definition's name. */
export interface RenderedRule {
  /** The rule definition's name (before any split). */
  readonly source: string;
  readonly rule: Rule;
  /** Present when the rule applies to some namespaces only (canary split, A/B variant). */
  readonly namespaceSelector?: LabelSelector;
}

/** The wire form of a rule, with the environment's failure action on the rules that have one. */
export function renderRules(rule: RuleDefinition, failureAction: FailureAction): RenderedRule[] {
  const common = {
    name: rule.name,
    match: rule.match,
    ...(rule.exclude ? { exclude: rule.exclude } : {}),
    ...(rule.preconditions ? { preconditions: rule.preconditions } : {}),
  };
  switch (rule.type) {
    case 'validate':
      return [
        {
          source: rule.name,
          rule: {
            ...common,
            validate: {
              message: rule.message,
              failureAction: failureAction.action,
              ...(failureAction.overrides.length > 0 ? { failureActionOverrides: failureAction.wireOverrides } : {}),
              ...rule.check,
            },
          },
        },
      ];
    case 'mutate':
      return [{ source: rule.name, rule: { ...common, mutate: rule.mutate } }];
    case 'generate':
      // Namespaces that existed before the policy get their objects too, not only new ones.
      return [{ source: rule.name, rule: { ...common, generate: { ...rule.generate, generateExisting: true } } }];
    case 'verifyImages':
      return renderVerifyImages(rule, common, failureAction);
  }
}

/**
 * Kyverno has per-namespace failure-action overrides for validate rules only. A verifyImages rule
 * under overrides is therefore split: one copy per override, narrowed to its namespaces, and the
 * original narrowed to every other namespace.
 */
function renderVerifyImages(rule: VerifyImagesRuleDefinition, common: Omit<Rule, 'validate'>, failureAction: FailureAction): RenderedRule[] {
  const block = (action: FailureActionValue): VerifyImagesBlock => ({
    imageReferences: rule.imageReferences,
    failureAction: action,
    attestors: [{ entries: [{ keyless: rule.keyless }] }],
    // Pin the admitted digest into the pod so what was verified is what runs. Kyverno refuses a
    // policy that mutates digests under Audit ("mutateDigest must be set to false for 'Audit'
    // failure action": api/kyverno/v1/image_verification_types.go, ImageVerification.Validate,
    // kyverno v1.19.1), so only enforcing rules pin; audited ones still verify the digest.
    mutateDigest: action === 'Enforce',
    verifyDigest: true,
    required: true,
  });
  if (failureAction.overrides.length === 0) {
    return [{ source: rule.name, rule: { ...common, verifyImages: [block(failureAction.action)] } }];
  }
  const split = failureAction.overrides.map(
    (override): RenderedRule => ({
      source: rule.name,
      namespaceSelector: override.namespaceSelector,
      rule: {
        ...common,
        name: `${rule.name}-${override.name}`,
        match: restrictToNamespaces(rule.match, override.namespaceSelector, rule.name),
        verifyImages: [block(override.action)],
      },
    }),
  );
  const elsewhere = failureAction.overrides.length === 1 ? complementOf(failureAction.overrides[0]!.namespaceSelector) : undefined;
  if (elsewhere === undefined) throw new Error(`rule ${rule.name}: only one failure-action override can be split`);
  return [
    ...split,
    {
      source: rule.name,
      namespaceSelector: elsewhere,
      rule: { ...common, match: restrictToNamespaces(rule.match, elsewhere, rule.name), verifyImages: [block(failureAction.action)] },
    },
  ];
}
