import type { CloudStacks } from '../stack-entry';

/** The GCP stacks of an environment with a GCP project, in apply order. */
export const gcpStacks: CloudStacks = () => [];
