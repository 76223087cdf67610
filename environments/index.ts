import { dev } from './dev';
import { prod } from './prod';
import { staging } from './staging';
import type { EnvironmentSpec } from './types';

/** Every environment `npm run synth` builds, in promotion order. Add a new one here. */
export const ENVIRONMENTS: readonly EnvironmentSpec[] = [dev, staging, prod];

export type * from './types';
