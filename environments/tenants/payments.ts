import type { TenantSpec } from '../types';

/**
 * The payments team: one namespace on every cluster, a partner card processor reachable on 443,
 * its manifests in its own repository (one folder per environment). An example: replace the
 * groups, repository and addresses with your own.
 */
const PAYMENTS: Omit<TenantSpec, 'applications' | 'policyCanary'> = {
  name: 'payments',
  description: 'Checkout and card payments',
  ownerGroups: ['payments-leads'],
  memberGroups: ['payments-developers'],
  viewerGroups: ['payments-support'],
  namespaces: [{ name: 'payments' }],
  quota: {
    cpu: '1',
    memory: '2Gi',
    memoryLimit: '4Gi',
    pods: 20,
    storage: '20Gi',
    objects: { services: 10, 'services.loadbalancers': 0, 'services.nodeports': 0, persistentvolumeclaims: 4, secrets: 30, configmaps: 30 },
  },
  limits: {
    defaultRequest: { cpu: '100m', memory: '128Mi' },
    defaultLimit: { memory: '256Mi' },
    max: { cpu: '1', memory: '1Gi' },
  },
  // The card processor's public API (documentation range: replace with the partner's).
  egress: [{ name: 'card-processor', cidr: '203.0.113.0/24', ports: [{ port: 443 }] }],
  costCentre: 'cc-4100',
  budget: { monthlyLimit: 300, currency: 'USD', alertThresholds: [80, 100], notifyEmails: ['payments-leads@acme.example'] },
};

const PAYMENTS_REPOSITORY = 'https://github.com/acme/payments-deploy.git';

/** Development follows the team's main branch. */
export const PAYMENTS_DEV: TenantSpec = {
  ...PAYMENTS,
  applications: [{ name: 'checkout', repoUrl: PAYMENTS_REPOSITORY, revision: 'main', path: 'deploy/dev', namespace: 'payments' }],
};

/** Staging follows main too, and its namespaces are canaries of the policy rollout. */
export const PAYMENTS_STAGING: TenantSpec = {
  ...PAYMENTS,
  applications: [{ name: 'checkout', repoUrl: PAYMENTS_REPOSITORY, revision: 'main', path: 'deploy/staging', namespace: 'payments' }],
  policyCanary: true,
};
