/** SSO groups bound to the roles of the environment's AppProjects. */
export interface AccessSpec {
  readonly readOnlyGroups: readonly string[];
  readonly deployerGroups: readonly string[];
  /** May sync manually outside sync windows; the two-approver break-glass of the seeds. */
  readonly emergencyGroups: readonly string[];
}
