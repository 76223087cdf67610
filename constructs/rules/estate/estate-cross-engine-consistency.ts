import { crossEngineFindings } from './cross-engine-consistency';
import type { EstateRule } from './estate-rule';

/**
 * What one engine names, the other creates: identities, issuers and cluster endpoints agree
 * between the Kubernetes and Terraform output (cross-engine-consistency.ts holds the check).
 */
export const estateCrossEngineConsistency: EstateRule = {
  id: 'estate-cross-engine-consistency',
  engine: 'estate',
  level: 'error',
  title: 'Identities, issuers and endpoints named by Kubernetes objects are created by Terraform, and the reverse',
  rationale:
    'Each engine can be correct on its own while the pair fails at run time: a cluster Secret naming a role no stack ' +
    'creates, a trust on the issuer of the wrong cluster, an endpoint Argo CD has no network path to.',
  controls: {
    soc2: ['CC6.1', 'CC8.1'],
    pciDss: ['7.2.1'],
    iso27001: ['A.5.16', 'A.8.9'],
    gdpr: [],
  },
  reads: ['kubernetes', 'terraform'],
  check: crossEngineFindings,
};
