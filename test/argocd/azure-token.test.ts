import { Testing } from 'cdktf';
import { ARGO_CD_ADDON } from '../../constructs/platform/addons/argo-cd';
import { azureEstate } from '../../constructs/terraform/azure/estate';
import { AZURE_TOKEN_EXCHANGE_AUDIENCE } from '../../constructs/terraform/azure/federated-credentials';
import { addCloudStacks } from '../../constructs/terraform/cloud-estate';
import type { AksClusterSpec, EnvironmentSpec } from '../../environments/types';
import { manifestOf, objectsOf } from '../platform/render-environment';
import { fixtureEstate } from '../support/fixture-environment';
import { blocksOf, stackNamed, synthJson } from '../terraform/terraform-json';

const ENVIRONMENTS = fixtureEstate();

function aks(name: string, role: AksClusterSpec['role'], cidr: string): AksClusterSpec {
  return {
    name,
    role,
    cloud: 'azure',
    region: 'westeurope',
    apiServer: `https://${name}.hcp.westeurope.azmk8s.io:443`,
    caData: 'Q0E=',
    tenantId: '11111111-2222-4333-8444-555555555555',
    argocdClientId: '66666666-7777-4888-9999-000000000000',
    workloadClientIds: {
      terraformDrift: '22222222-3333-4444-8555-666666666666',
      policyReporter: '33333333-4444-4555-8666-777777777777',
      velero: '44444444-5555-4666-8777-888888888888',
    },
    oidcIssuerUrl: `https://westeurope.oic.prod-aks.azure.com/11111111-2222-4333-8444-555555555555/${name}/`,
    egressIp: '192.0.2.7',
    kubernetesVersion: '1.34',
    networkCidr: cidr,
    apiAccess: { privateEndpoint: false, allowedCidrs: ['203.0.113.0/24'] },
    nodePool: { machineType: 'Standard_D4s_v5', minNodes: 1, maxNodes: 3 },
  };
}
const base = ENVIRONMENTS.find((e) => e.clouds.azure !== undefined)!;
const SPEC: EnvironmentSpec = {
  ...base,
  name: 'hubspoke',
  clusters: [aks('hub-aks', 'management', '10.60.0.0/16'), aks('spoke-aks', 'workload', '10.61.0.0/16')],
  clouds: { azure: { ...base.clouds.azure!, tenantId: '11111111-2222-4333-8444-555555555555' } },
};

describe("Argo CD's Azure workload identity token for AKS workload clusters", () => {
  it('projects the token file the cluster Secret names, for the audience the federated credentials accept, in the controller and the server', () => {
    const secret = manifestOf(objectsOf(SPEC), 'Secret', 'cluster-spoke-aks');
    const env = (JSON.parse((secret.stringData as Record<string, string>).config!) as { execProviderConfig: { env: Record<string, string> } }).execProviderConfig.env;
    const file = env.AZURE_FEDERATED_TOKEN_FILE!;
    const values = ARGO_CD_ADDON.values(SPEC) as Record<string, { volumes?: unknown[]; volumeMounts?: { name: string; mountPath: string }[] }>;
    for (const component of ['controller', 'server']) {
      const mount = values[component]!.volumeMounts!.find((m) => file.startsWith(`${m.mountPath}/`))!;
      expect(mount).toMatchObject({ name: 'azure-identity-token', readOnly: true });
      expect(values[component]!.volumes).toContainEqual({
        name: mount.name,
        projected: { sources: [{ serviceAccountToken: { audience: AZURE_TOKEN_EXCHANGE_AUDIENCE, expirationSeconds: 3600, path: file.slice(mount.mountPath.length + 1) } }] },
      });
    }
    const stack = synthJson(
      stackNamed(
        addCloudStacks(azureEstate, Testing.app(), SPEC, (n) => n),
        'azure-cluster-spoke-aks',
      ),
    );
    const audiences = Object.values(blocksOf(stack, 'azurerm_federated_identity_credential')).map((c) => c.audience);
    expect(new Set(audiences.flat())).toEqual(new Set([AZURE_TOKEN_EXCHANGE_AUDIENCE]));
  });

  it('mounts nothing when there is no AKS workload cluster', () => {
    const spec: EnvironmentSpec = { ...SPEC, clusters: [SPEC.clusters[0]!] };
    expect(ARGO_CD_ADDON.values(spec).controller).not.toHaveProperty('volumes');
  });
});
