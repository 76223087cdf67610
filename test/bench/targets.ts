import { formatBytes, formatSeconds, resultOf, type ScenarioResult } from './scenario-result';
import { spread } from './statistics';

/** One target of issue 14 next to its figure: reported, never asserted. */
export interface TargetCheck {
  readonly target: string;
  /** The figure, when its scenarios ran. */
  readonly measured?: string;
  /** Whether the figure meets the target; undefined when not measured. */
  readonly met?: boolean;
}

const GIB = 1024 ** 3;
/** The fleet size the fleet targets are about. */
const TARGET_FLEET = 500;

function median(result: ScenarioResult): number {
  return spread(result.seconds).median;
}

function check(target: string, measured: { readonly value: number; readonly text: string } | undefined, meets: (value: number) => boolean): TargetCheck {
  return measured === undefined ? { target } : { target, measured: measured.text, met: meets(measured.value) };
}

/** Each target of issue 14 with the medians that measure it (peak memory: the highest run). */
export function checkTargets(results: readonly ScenarioResult[]): TargetCheck[] {
  const reference = resultOf(results, 'reference');
  const standard = resultOf(results, 'standard-clis');
  const fleet = resultOf(results, 'fleet', TARGET_FLEET);
  const edit = resultOf(results, 'fleet-edit', TARGET_FLEET);
  const seconds = (r: ScenarioResult | undefined) => (r === undefined ? undefined : { value: median(r), text: formatSeconds(median(r)) });
  const speedup = reference !== undefined && standard !== undefined ? median(standard) / median(reference) : undefined;
  const peak = fleet === undefined ? undefined : Math.max(...fleet.maxRssBytes);
  return [
    check('Reference estate, clean synth: 1.5 s or less', seconds(reference), (s) => s <= 1.5),
    check('Reference estate: at least 5x faster than the standard CLIs', speedup === undefined ? undefined : { value: speedup, text: `${speedup.toFixed(2)}x` }, (x) => x >= 5),
    check(`Fleet of ${TARGET_FLEET}, clean synth: 15 s or less`, seconds(fleet), (s) => s <= 15),
    check(`Fleet of ${TARGET_FLEET}, clean synth: 1 GiB or less`, peak === undefined ? undefined : { value: peak, text: formatBytes(peak) }, (b) => b <= GIB),
    check(`Fleet of ${TARGET_FLEET}, after a one-cluster edit: 2 s or less`, seconds(edit), (s) => s <= 2),
  ];
}
