import type { Tier } from '../../../constructs/core/tier';
import { compareText } from '../../../constructs/rules/result';
import { isJsonObject } from '../canonical-json';
import type { EstateUnit, JsonObject, JsonValue } from '../estate-unit';
import { complianceUnits } from './compliance-units';
import { distFileRole } from './dist-path';
import { kubernetesUnits } from './kubernetes-units';
import { type DeclaredMove, terraformUnits } from './terraform-units';

/** The units of some files of one revision, and what else the diff needs from them. */
export interface RevisionUnits {
  readonly units: readonly EstateUnit[];
  /** `moved` blocks per stack key prefix (`<env>/<stack>`). */
  readonly declaredMoves: ReadonlyMap<string, readonly DeclaredMove[]>;
  /** Tiers from dist/estate/<env>/environment.json. */
  readonly tiers: ReadonlyMap<string, Tier>;
}

const TIERS: readonly Tier[] = ['development', 'staging', 'production'];

type HclParser = (file: string, text: string) => Promise<JsonObject>;

/**
 * Reads the given dist/ files of one revision into units. The HCL parser (`@cdktf/hcl2json`, Go's
 * HCL compiled to WebAssembly) is loaded only when a main.tf is among them: it costs about 150 ms.
 */
export async function revisionUnits(contents: ReadonlyMap<string, string>): Promise<RevisionUnits> {
  const units: EstateUnit[] = [];
  const declaredMoves = new Map<string, readonly DeclaredMove[]>();
  const tiers = new Map<string, Tier>();
  let parseHcl: HclParser | undefined;
  const stacks: Promise<{ readonly key: string; readonly read: ReturnType<typeof terraformUnits> }>[] = [];
  for (const [file, text] of [...contents].sort(([a], [b]) => compareText(a, b))) {
    const role = distFileRole(file);
    if (role.kind === 'kubernetes' && role.environment !== undefined) units.push(...kubernetesUnits(file, role.environment, text));
    else if (role.kind === 'compliance') units.push(...complianceUnits(file, text));
    else if (role.kind === 'estate' && role.environment !== undefined) {
      const tier = tierOf(file, parseJson(file, text));
      tiers.set(role.environment, tier);
      units.push({ engine: 'environment', environment: role.environment, key: 'environment', file, tier, body: { environment: role.environment, tier } });
    } else if (role.kind === 'terraform' && role.environment !== undefined && role.stack !== undefined) {
      const { environment, stack } = role;
      parseHcl ??= await hclParser();
      const parser = parseHcl;
      stacks.push(parser(file, text).then((hcl) => ({ key: `${environment}/${stack}`, read: terraformUnits(file, environment, stack, hcl) })));
    }
  }
  // In file order, whichever parse finished first: the same input gives the same units in the same order.
  for (const { key, read } of await Promise.all(stacks)) {
    units.push(...read.units);
    declaredMoves.set(key, read.moves);
  }
  return { units, declaredMoves, tiers };
}

async function hclParser(): Promise<HclParser> {
  const { parse } = await import('@cdktf/hcl2json');
  return async (file, text) => {
    try {
      return (await parse(file, text)) as JsonObject;
    } catch (error) {
      throw new Error(`${file}: not valid HCL: ${error instanceof Error ? error.message : String(error)}`);
    }
  };
}

function parseJson(file: string, text: string): JsonValue {
  try {
    return JSON.parse(text) as JsonValue;
  } catch (error) {
    throw new Error(`${file}: not valid JSON: ${error instanceof Error ? error.message : String(error)}`);
  }
}

function tierOf(file: string, value: JsonValue): Tier {
  const tier = isJsonObject(value) ? value.tier : undefined;
  const known = TIERS.find((t) => t === tier);
  if (known === undefined) throw new Error(`${file}: tier ${JSON.stringify(tier)} is not one of ${TIERS.join(', ')}`);
  return known;
}
