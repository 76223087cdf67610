import type { JsonObject } from '../../../estate-unit';

/** What one cloud's resource types are to a reviewer: which hold data or protection, which are clusters, which are budgets. */
export interface CloudResources {
  readonly cloud: string;
  /** Types whose destruction loses data, keys or a whole cluster: destroying or replacing one is high in every tier. */
  readonly stateful: readonly StatefulType[];
  /** Kubernetes cluster types: adding or removing one is a fleet change. */
  readonly clusterTypes: readonly string[];
  readonly budgets: readonly BudgetType[];
}

export interface StatefulType {
  readonly type: string;
  /** Why losing it matters, for the reason line: `the objects it holds are deleted with it`. */
  readonly why: string;
  /** Only when the block keeps Terraform state or reports (storage-purpose.ts): any other bucket is an ordinary resource. */
  readonly onlyStateOrReports?: boolean;
}

/** How a budget resource states its amount and its alerts. */
export interface BudgetType {
  readonly type: string;
  /** The amount path, for the finding's `path`. */
  readonly amountPath: string;
  readonly amount: (body: JsonObject) => number | undefined;
  /**
   * Every alert the budget sends, one string per threshold and recipient (`80% ACTUAL -> finops@acme.example`):
   * an alert missing from the head is an alert nobody receives any more.
   */
  readonly alerts: (body: JsonObject) => string[];
}
