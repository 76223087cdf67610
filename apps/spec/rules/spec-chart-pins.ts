import { matches, unless } from '../../../constructs/core/finding';
import { EXACT_SEMVER } from '../../../constructs/core/pinned-revisions';
import type { SpecRule } from '../../../constructs/rules/spec-rule';
import type { ChartVersions, EnvironmentSpec } from '../../../environments/types';

/** Exact `MAJOR.MINOR.PATCH`: a pinned version is the contract of promotion, a range is not. */

export const specChartPins: SpecRule<EnvironmentSpec> = {
  id: 'spec-chart-pins',
  engine: 'spec',
  level: 'error',
  title: 'Chart versions are pinned exactly',
  rationale: 'Promotion copies pinned versions from stage to stage: a range, a tag like latest or a floating version changes what runs without a commit or a review.',
  controls: { soc2: ['CC8.1'], pciDss: ['6.5.1'], iso27001: ['A.8.32'], gdpr: [] },
  check: (spec) =>
    (Object.keys(spec.charts) as (keyof ChartVersions)[]).flatMap((chart) =>
      unless(
        matches(spec.charts[chart], EXACT_SEMVER),
        `charts.${chart}`,
        spec.charts[chart],
        "must be an exact chart version MAJOR.MINOR.PATCH (no range, '*', 'latest', 'HEAD' or leading 'v'): promotion copies pinned versions, and a floating one changes without a commit",
        'pin the exact version from the chart repository, e.g. 3.3.4',
      ),
    ),
};
