import { Testing } from 'cdktf';
import { parse } from 'yaml';
import { ARGO_CD_ADDON } from '../../../constructs/platform/addons/argo-cd';
import { azureEstate } from '../../../constructs/terraform/azure/estate';
import { addCloudStacks } from '../../../constructs/terraform/cloud-estate';
import { ARGOCD_GOOGLE_DIR, argocdGoogleAudience, argocdGoogleServiceAccount } from '../../../constructs/terraform/gcp/argocd-google-federation';
import { gcpEstate } from '../../../constructs/terraform/gcp/estate';
import { clusterStackName } from '../../../constructs/terraform/stack-names';
import type { AksClusterSpec, EnvironmentSpec, GkeClusterSpec } from '../../../environments/types';
import { manifestOf, objectsOf } from '../../platform/render-environment';
import { fixtureEstate } from '../../support/fixture-environment';
import { at, block, blocksOf, stackNamed, synthJson } from '../terraform-json';

const ENVIRONMENTS = fixtureEstate();

/** A fixture: Argo CD on AKS `hub-aks`, managing GKE `spoke-gke` in project `acme-fed` (number 99). */
const AKS: AksClusterSpec = {
  name: 'hub-aks',
  role: 'management',
  cloud: 'azure',
  region: 'westeurope',
  apiServer: 'https://hub-aks.hcp.westeurope.azmk8s.io:443',
  caData: 'Q0E=',
  tenantId: '11111111-2222-4333-8444-555555555555',
  argocdClientId: '66666666-7777-4888-9999-000000000000',
  workloadClientIds: {
    terraformDrift: '22222222-3333-4444-8555-666666666666',
    policyReporter: '33333333-4444-4555-8666-777777777777',
    velero: '44444444-5555-4666-8777-888888888888',
  },
  oidcIssuerUrl: 'https://westeurope.oic.prod-aks.azure.com/11111111-2222-4333-8444-555555555555/abc/',
  egressIp: '192.0.2.7',
  kubernetesVersion: '1.34',
  networkCidr: '10.70.0.0/16',
  apiAccess: { privateEndpoint: false, allowedCidrs: ['203.0.113.0/24'] },
  nodePool: { machineType: 'Standard_D4s_v5', minNodes: 1, maxNodes: 3 },
};
const GKE: GkeClusterSpec = {
  name: 'spoke-gke',
  role: 'workload',
  cloud: 'gcp',
  region: 'europe-west1',
  apiServer: 'https://192.0.2.90',
  caData: 'Q0E=',
  projectId: 'acme-fed',
  projectNumber: '99',
  kubernetesVersion: '1.34',
  networkCidr: '10.71.0.0/16',
  apiAccess: { privateEndpoint: false, allowedCidrs: ['203.0.113.0/24'] },
  nodePool: { machineType: 'e2-standard-4', minNodes: 1, maxNodes: 3 },
};
const base = ENVIRONMENTS.find((e) => e.clouds.azure !== undefined && e.clouds.gcp !== undefined)!;
const SPEC: EnvironmentSpec = {
  ...base,
  name: 'fed',
  clusters: [AKS, GKE],
  clouds: { azure: { ...base.clouds.azure!, tenantId: AKS.tenantId }, gcp: { projectId: 'acme-fed', region: 'europe-west1', billingAccount: '0A1B2C-3D4E5F-6A7B8C' } },
};
const SUBJECTS = ['system:serviceaccount:argocd:argocd-application-controller', 'system:serviceaccount:argocd:argocd-server'];
const AUDIENCE = '//iam.googleapis.com/projects/99/locations/global/workloadIdentityPools/argocd-spoke-gke/providers/hub-aks';

describe('Argo CD on AKS reaching GKE through workload identity federation', () => {
  const gcp = synthJson(
    stackNamed(
      addCloudStacks(gcpEstate, Testing.app(), SPEC, (n) => n),
      clusterStackName('gcp', GKE.name),
    ),
  );
  const objects = objectsOf(SPEC);

  it("creates a pool whose OIDC provider trusts the AKS cluster's issuer and only Argo CD's two service accounts", () => {
    expect(block(gcp, 'google_iam_workload_identity_pool', 'argocd-federation-pool')).toMatchObject({ workload_identity_pool_id: 'argocd-spoke-gke' });
    const provider = block(gcp, 'google_iam_workload_identity_pool_provider', 'argocd-federation-provider');
    expect(provider).toMatchObject({
      workload_identity_pool_provider_id: 'hub-aks',
      oidc: { issuer_uri: AKS.oidcIssuerUrl },
      attribute_mapping: { 'google.subject': 'assertion.sub' },
      attribute_condition: `assertion.sub in ['${SUBJECTS[0]}', '${SUBJECTS[1]}']`,
    });
    // No allowed_audiences: GCP then accepts exactly the provider's canonical name, the token's audience.
    expect(at(provider, 'oidc')).not.toHaveProperty('allowed_audiences');
  });

  it("lets those two principals, not GKE's own pool, impersonate the cluster's Argo CD service account", () => {
    const members = Object.values(blocksOf(gcp, 'google_service_account_iam_member'))
      .filter((m) => m.service_account_id === '${google_service_account.argocd.name}')
      .map((m) => [m.role, m.member]);
    expect(members).toEqual(
      SUBJECTS.map((s) => ['roles/iam.workloadIdentityUser', `principal://iam.googleapis.com/\${google_iam_workload_identity_pool.argocd-federation-pool.name}/subject/${s}`]),
    );
    expect(JSON.stringify(members)).not.toContain('svc.id.goog');
  });

  it("admits the AKS cluster's static egress address on the GKE authorised networks", () => {
    const cidrs = at(block(gcp, 'google_container_cluster', 'cluster'), 'master_authorized_networks_config', 'cidr_blocks') as { cidr_block: string }[];
    expect(cidrs.map((c) => c.cidr_block)).toEqual(['203.0.113.0/24', '192.0.2.7/32']);
  });

  it('refuses a private-only GKE endpoint that Argo CD on AKS could not reach', () => {
    const spec = { ...SPEC, clusters: [AKS, { ...GKE, apiAccess: { privateEndpoint: true, allowedCidrs: [] } }] };
    expect(() => addCloudStacks(gcpEstate, Testing.app(), spec, (n) => n)).toThrow(/reaches spoke-gke through its public endpoint/);
  });

  it('gives the AKS cluster a static outbound address of its own, publishes it, and lets AKS use it', () => {
    const azure = synthJson(
      stackNamed(
        addCloudStacks(azureEstate, Testing.app(), SPEC, (n) => n),
        'azure-cluster-hub-aks',
      ),
    );
    expect(block(azure, 'azurerm_public_ip', 'egress-ip')).toMatchObject({ allocation_method: 'Static', sku: 'Standard' });
    expect(at(block(azure, 'azurerm_kubernetes_cluster', 'cluster'), 'network_profile', 'load_balancer_profile')).toEqual({
      outbound_ip_address_ids: ['${azurerm_public_ip.egress-ip.id}'],
    });
    expect(block(azure, 'azurerm_role_assignment', 'egress-ip-access')).toMatchObject({ role_definition_name: 'Network Contributor', scope: '${azurerm_public_ip.egress-ip.id}' });
    expect(at(azure, 'output', 'egress_ip')).toMatchObject({ value: '${azurerm_public_ip.egress-ip.ip_address}' });
  });

  it('mounts a credential configuration that exchanges the projected token at the pool and impersonates that service account', () => {
    const configMap = manifestOf(objects, 'ConfigMap', 'argocd-google-credentials');
    const credentials: unknown = JSON.parse((configMap.data as Record<string, string>)['spoke-gke.json']!);
    expect(credentials).toEqual({
      type: 'external_account',
      audience: AUDIENCE,
      subject_token_type: 'urn:ietf:params:oauth:token-type:jwt',
      token_url: 'https://sts.googleapis.com/v1/token',
      service_account_impersonation_url:
        'https://iamcredentials.googleapis.com/v1/projects/-/serviceAccounts/argocd-spoke-gke@acme-fed.iam.gserviceaccount.com:generateAccessToken',
      credential_source: { file: `${ARGOCD_GOOGLE_DIR}/spoke-gke.token`, format: { type: 'text' } },
    });
    expect(argocdGoogleServiceAccount(GKE)).toBe(`${String(block(gcp, 'google_service_account', 'argocd').account_id)}@acme-fed.iam.gserviceaccount.com`);
    expect(argocdGoogleAudience(GKE, AKS)).toBe(AUDIENCE);
  });

  it("projects a token for the pool's audience next to it in the controller and the server", () => {
    const values = ARGO_CD_ADDON.values(SPEC) as Record<string, Record<string, unknown>>;
    for (const component of ['controller', 'server']) {
      expect(values[component]!.volumeMounts).toEqual([{ name: 'google-credentials', mountPath: ARGOCD_GOOGLE_DIR, readOnly: true }]);
      expect(values[component]!.volumes).toEqual([
        {
          name: 'google-credentials',
          projected: {
            sources: [
              { configMap: { name: 'argocd-google-credentials', items: [{ key: 'spoke-gke.json', path: 'spoke-gke.json' }] } },
              { serviceAccountToken: { audience: AUDIENCE, expirationSeconds: 3600, path: 'spoke-gke.token' } },
            ],
          },
        },
      ]);
    }
  });

  it('points argocd-k8s-auth gcp of the cluster Secret at that file (GOOGLE_APPLICATION_CREDENTIALS)', () => {
    const secret = manifestOf(objects, 'Secret', 'cluster-spoke-gke');
    const config = JSON.parse((secret.stringData as Record<string, string>).config!) as Record<string, unknown>;
    expect(config.execProviderConfig).toMatchObject({ command: 'argocd-k8s-auth', args: ['gcp'], env: { GOOGLE_APPLICATION_CREDENTIALS: `${ARGOCD_GOOGLE_DIR}/spoke-gke.json` } });
    expect((secret.stringData as Record<string, string>).server).toBe('https://192.0.2.90');
  });

  it('keeps GKE workload identity (no credential file) when Argo CD runs on GKE', () => {
    const hub: GkeClusterSpec = { ...GKE, name: 'hub-gke', role: 'management', networkCidr: '10.72.0.0/16' };
    const spec: EnvironmentSpec = { ...SPEC, clusters: [hub, GKE], clouds: { gcp: SPEC.clouds.gcp } };
    const secret = manifestOf(objectsOf(spec), 'Secret', 'cluster-spoke-gke');
    expect((secret.stringData as Record<string, string>).config).not.toContain('GOOGLE_APPLICATION_CREDENTIALS');
    const json = synthJson(
      stackNamed(
        addCloudStacks(gcpEstate, Testing.app(), spec, (n) => n),
        clusterStackName('gcp', GKE.name),
      ),
    );
    expect(blocksOf(json, 'google_iam_workload_identity_pool')).toEqual({});
    expect(parse(JSON.stringify(ARGO_CD_ADDON.values(spec)))).not.toHaveProperty('controller.volumes');
  });
});
