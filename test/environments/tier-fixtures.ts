import type { EnvironmentSpec } from '../../environments/types';
import { fixtureEnvironment } from '../support/fixture-environment';

/**
 * The fixture spec of each tier (test/support/fixture-environment.ts, named lab, stage and live),
 * which the spec-rule tests break one value at a time. Not the example estate: renaming the
 * organisation or adding an environment or a cluster to environments/ changes none of these tests.
 */
export const dev: EnvironmentSpec = fixtureEnvironment({ tier: 'development' });
export const staging: EnvironmentSpec = fixtureEnvironment({ tier: 'staging' });
export const prod: EnvironmentSpec = fixtureEnvironment({ tier: 'production' });

/** The fixture fleet in promotion order: what these tests iterate instead of ENVIRONMENTS. */
export const FIXTURE_FLEET: readonly EnvironmentSpec[] = [dev, staging, prod];
