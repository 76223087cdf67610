/**
 * Days a compliance report is kept in its cloud's report store, the same on every cloud: 400, a
 * year of evidence plus a quarter, so that an annual audit (SOC 2 type II, ISO 27001 surveillance)
 * still finds the whole period it looks at when it starts late. Older reports expire: storage
 * limitation, and each lists every workload's weaknesses.
 */
export const REPORT_RETENTION_DAYS = 400;
