import { matches, unless } from '../../../constructs/core/finding';
import { isHttpsUrl } from '../../../constructs/core/https-url';
import type { SpecRule } from '../../../constructs/rules/spec-rule';
import type { EnvironmentSpec } from '../../../environments/types';
import { eachCluster } from './support/each-cluster';

const PEM_CERTIFICATE = '-----BEGIN CERTIFICATE-----';
const BASE64 = /^(?:[A-Za-z0-9+/]{4})*(?:[A-Za-z0-9+/]{2}==|[A-Za-z0-9+/]{3}=)?$/;

function decodesToCertificate(caData: unknown): boolean {
  if (!matches(caData, BASE64) || caData === '') return false;
  return Buffer.from(caData as string, 'base64')
    .toString('utf8')
    .startsWith(PEM_CERTIFICATE);
}

/** Argo CD reaches each cluster's API server over TLS, verified against the cluster's own CA. */
export const specClusterEndpoint: SpecRule<EnvironmentSpec> = {
  id: 'spec-cluster-endpoint',
  engine: 'spec',
  level: 'error',
  title: 'Argo CD reaches every API server over verified TLS',
  rationale:
    'Argo CD sends cluster credentials to the API server: over plain http, or without the certificate authority to verify it, they can be read or the server impersonated.',
  controls: { soc2: ['CC6.7'], pciDss: [], iso27001: ['A.8.24'], gdpr: ['Art. 32'] },
  check: (spec) =>
    eachCluster(spec.clusters, (cluster, at) => [
      ...unless(
        isHttpsUrl(cluster.apiServer),
        `${at}.apiServer`,
        cluster.apiServer,
        'the API server must be an https:// URL: Argo CD would otherwise send cluster credentials without TLS',
        `use the cluster endpoint, e.g. 'https://<id>.gr7.<region>.eks.amazonaws.com'`,
      ),
      ...unless(
        decodesToCertificate(cluster.caData),
        `${at}.caData`,
        cluster.caData,
        `caData must be base64 of a PEM bundle starting with '${PEM_CERTIFICATE}': Argo CD verifies the API server's TLS certificate with it`,
        'paste the base64 certificate-authority data from the cloud CLI (aws eks describe-cluster, az aks show, gcloud container clusters describe)',
      ),
    ]),
};
