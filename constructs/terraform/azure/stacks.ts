import type { CloudStacks } from '../stack-entry';

/** The Azure stacks of an environment with an Azure subscription, in apply order. */
export const azureStacks: CloudStacks = () => [];
