import type { ClusterSpec, EnvironmentSpec } from '../../../environments/types';
import { ARGOCD_SUBJECTS, argoCd, check, clusterSecret, gke, irsaTrust, kubernetes, object, SPEC, terraform, view, WORK_ROLE } from './cross-engine-fixtures';

describe('cross-engine consistency', () => {
  it('passes when every role, issuer and endpoint one engine names is created by the other', () => {
    expect(check(kubernetes(), terraform())).toEqual([]);
  });

  it('rejects a cluster Secret naming an IAM role no stack creates, naming the Secret, the field and the role', () => {
    const views = terraform().filter((v) => v.address !== 'aws_iam_role.argocd-role');
    const violations = check(kubernetes(), views);
    expect(violations).toEqual([
      expect.objectContaining({
        environment: 'fixture',
        path: expect.stringContaining('dist/k8s/fixture/clusters/secret-cluster-work.yaml'),
        field: 'stringData.config',
        value: JSON.stringify(WORK_ROLE),
        problem: expect.stringMatching(/IAM role .*argocd-work, which no Terraform stack of fixture creates \(Terraform end: none\)/),
        fix: expect.stringContaining('create it'),
      }),
    ]);
  });

  it('rejects a service account annotation naming a Google service account no stack creates', () => {
    const annotated = object('dist/k8s/fixture/x/serviceaccount-x.yaml', {
      apiVersion: 'v1',
      kind: 'ServiceAccount',
      metadata: { name: 'x', annotations: { 'iam.gke.io/gcp-service-account': 'uploader@acme-fixture.iam.gserviceaccount.com' } },
    });
    expect(check([...kubernetes(), annotated], terraform())).toEqual([
      expect.objectContaining({
        field: 'metadata.annotations.iam.gke.io/gcp-service-account',
        problem: expect.stringContaining('Google service account uploader@acme-fixture.iam.gserviceaccount.com, which no Terraform stack'),
      }),
    ]);
  });

  it('rejects a workload identity Terraform creates for a service account that no Kubernetes object uses, naming the stack and resource', () => {
    const objects = [argoCd('controller: {}\n'), ...kubernetes().slice(1)];
    expect(check(objects, terraform())).toEqual([
      expect.objectContaining({
        path: 'dist/terraform/fixture/aws-cluster-mgmt/main.tf (aws_iam_role.argocd)',
        field: 'name',
        problem: expect.stringMatching(
          /argocd-mgmt trusts system:serviceaccount:argocd:argocd-application-controller, .* no Kubernetes object of fixture names it \(Kubernetes end: none\)/,
        ),
      }),
    ]);
  });

  it('lets Terraform itself use an identity (an EKS add-on role) without a Kubernetes reference', () => {
    const views = [
      ...terraform(),
      irsaTrust('aws-cluster-mgmt', 'cni-trust', '${aws_iam_openid_connect_provider.irsa-oidc.arn}', ['system:serviceaccount:kube-system:aws-node']),
      view('aws-cluster-mgmt', 'aws_iam_role', 'cni', { name: 'mgmt-aws-node', assume_role_policy: '${data.aws_iam_policy_document.cni-trust.json}' }),
      view('aws-cluster-mgmt', 'aws_eks_addon', 'vpc-cni', { service_account_role_arn: '${aws_iam_role.cni.arn}' }),
    ];
    expect(check(kubernetes(), views)).toEqual([]);
  });

  it("rejects a trust of Argo CD's service accounts on the issuer of a cluster Argo CD does not run on, naming both ends", () => {
    const views = terraform().map((v) =>
      v.address === 'data.aws_iam_policy_document.argocd-trust'
        ? irsaTrust('aws-cluster-mgmt', 'argocd-trust', '${data.terraform_remote_state.other.outputs.oidc_provider_arn}', ARGOCD_SUBJECTS)
        : v,
    );
    views.push(view('aws-cluster-mgmt', 'terraform_remote_state', 'other', { backend: 's3', config: { key: 'aws-cluster-work/terraform.tfstate' } }, 'data'));
    expect(check(kubernetes(), views)).toEqual([
      expect.objectContaining({
        path: 'dist/terraform/fixture/aws-cluster-mgmt/main.tf (data.aws_iam_policy_document.argocd-trust)',
        problem: expect.stringContaining('on the issuer of cluster work, but Argo CD runs on mgmt (dist/k8s/fixture/addons/application-argo-cd.yaml (spec.destination))'),
      }),
    ]);
  });

  it('rejects a GKE workload pool binding for Argo CD when Argo CD does not run on GKE', () => {
    const views = [
      ...terraform(),
      view('gcp-cluster-gke', 'google', 'default', { project: 'acme-fixture' }, 'provider'),
      view('gcp-cluster-gke', 'google_service_account', 'argocd', { account_id: 'argocd-gke' }),
      view('gcp-cluster-gke', 'google_service_account_iam_member', 'argocd-server', {
        service_account_id: '${google_service_account.argocd.name}',
        role: 'roles/iam.workloadIdentityUser',
        member: 'serviceAccount:acme-fixture.svc.id.goog[argocd/argocd-server]',
      }),
    ];
    const objects = [
      ...kubernetes(),
      object('dist/k8s/fixture/x/configmap-x.yaml', {
        apiVersion: 'v1',
        kind: 'ConfigMap',
        metadata: { name: 'x' },
        data: { sa: 'argocd-gke@acme-fixture.iam.gserviceaccount.com' },
      }),
    ];
    expect(check(objects, views)).toEqual([
      expect.objectContaining({
        path: expect.stringContaining('google_service_account_iam_member.argocd-server'),
        problem: expect.stringContaining('the GKE clusters of project acme-fixture'),
      }),
    ]);
  });

  it('rejects a private-only cluster with no path from the management cluster, listing each missing piece', () => {
    const views = terraform().filter((v) => !['aws_vpc_security_group_ingress_rule', 'aws_route', 'aws_route53_resolver_rule'].includes(v.type));
    expect(check(kubernetes(), views)).toEqual([
      expect.objectContaining({
        path: 'dist/terraform/fixture/aws-cluster-work/main.tf (aws_eks_cluster.cluster)',
        value: '"private endpoint only"',
        problem: expect.stringMatching(
          /registered for Argo CD on mgmt \(dist\/k8s\/fixture\/clusters\/secret-cluster-work\.yaml stringData\.server\).*no rule opens 443 on work's API server to mgmt's network 10\.50\.0\.0\/16; no route from work's network to 10\.50\.0\.0\/16; no route from mgmt's network to 10\.51\.0\.0\/16; no DNS forwarding rule resolves work\.gr7\.eu-west-1\.eks\.amazonaws\.com from mgmt's network/,
        ),
      }),
    ]);
  });

  it("accepts a forwarding rule named by the cluster's own endpoint attribute in its own stack, and only there", () => {
    const ownEndpoint = '${replace(aws_eks_cluster.cluster.endpoint, "https://", "")}';
    const withoutRule = terraform().filter((v) => v.type !== 'aws_route53_resolver_rule');
    const ruleIn = (stack: string) => view(stack, 'aws_route53_resolver_rule', 'api', { domain_name: ownEndpoint, rule_type: 'FORWARD' });
    expect(check(kubernetes(), [...withoutRule, ruleIn('aws-cluster-work')])).toEqual([]);
    // The same reference in the management cluster's stack names the management cluster's endpoint.
    expect(check(kubernetes(), [...withoutRule, ruleIn('aws-cluster-mgmt')])).toEqual([
      expect.objectContaining({ problem: expect.stringContaining('no DNS forwarding rule resolves work.gr7.eu-west-1.eks.amazonaws.com') }),
    ]);
  });

  it("follows a route table read from another stack's state to that stack's network", () => {
    // Both routes in the workload cluster's stack: the one on the management route table counts for mgmt.
    const views = [
      ...terraform().filter((v) => v.address !== 'aws_route.to-work'),
      view('aws-cluster-work', 'terraform_remote_state', 'management-network', { backend: 's3', config: { key: 'aws-network-mgmt/terraform.tfstate' } }, 'data'),
      view('aws-cluster-work', 'aws_route', 'from-mgmt', {
        destination_cidr_block: '10.51.0.0/16',
        route_table_id: '${element(data.terraform_remote_state.management-network.outputs.private_route_table_ids, 0)}',
        vpc_peering_connection_id: '${aws_vpc_peering_connection_accepter.peer.id}',
      }),
    ];
    expect(check(kubernetes(), views)).toEqual([]);
    const unread = views.map((v) => (v.address === 'aws_route.from-mgmt' ? { ...v, attributes: { ...v.attributes, route_table_id: '${aws_route_table.private.id}' } } : v));
    expect(check(kubernetes(), unread)).toEqual([expect.objectContaining({ problem: expect.stringContaining("no route from mgmt's network to 10.51.0.0/16") })]);
  });

  it('rejects a registered cluster that no stack creates', () => {
    const objects = [...kubernetes(), clusterSecret('ghost', 'https://ghost.example', { tlsClientConfig: { insecure: false } })];
    expect(check(objects, terraform())).toEqual([
      expect.objectContaining({
        path: expect.stringContaining('secret-cluster-ghost.yaml'),
        field: 'stringData.server',
        problem: expect.stringContaining('registers cluster ghost, which no Terraform stack of fixture creates'),
      }),
    ]);
  });

  describe('a GKE cluster managed from another cloud', () => {
    const spec: EnvironmentSpec = { ...SPEC, clusters: [...SPEC.clusters, gke] };
    const views = [...terraform(), view('gcp-cluster-gke', 'google_container_cluster', 'cluster', { name: 'gke', private_cluster_config: { enable_private_endpoint: false } })];
    const gcpSecret = (server: string) => clusterSecret('gke', server, { execProviderConfig: { command: 'argocd-k8s-auth', args: ['gcp'] }, tlsClientConfig: { insecure: false } });
    const credentials = object('dist/k8s/fixture/addons/configmap-argocd-google-credentials.yaml', {
      apiVersion: 'v1',
      kind: 'ConfigMap',
      metadata: { name: 'argocd-google-credentials' },
      data: { 'credentials.json': JSON.stringify({ type: 'external_account', audience: '//iam.googleapis.com/projects/1/locations/global/workloadIdentityPools/p/providers/q' }) },
    });

    it('rejects registering it at a private address the management cluster cannot reach', () => {
      expect(check([...kubernetes(), gcpSecret('https://172.16.0.2'), credentials], views, spec)).toEqual([
        expect.objectContaining({
          field: 'stringData.server',
          value: '"https://172.16.0.2"',
          problem: expect.stringContaining('private address 172.16.0.2, which Argo CD on mgmt (aws) cannot reach'),
        }),
      ]);
    });

    it('rejects argocd-k8s-auth gcp without a Google credential configuration, and accepts it with one', () => {
      expect(check([...kubernetes(), gcpSecret('https://34.1.2.3')], views, spec)).toEqual([
        expect.objectContaining({
          field: 'stringData.config.execProviderConfig',
          problem: expect.stringContaining('reads Application Default Credentials, but Argo CD runs on mgmt (aws)'),
        }),
      ]);
      expect(check([...kubernetes(), gcpSecret('https://34.1.2.3'), credentials], views, spec)).toEqual([]);
    });
  });

  describe('Argo CD on AKS calling a public endpoint of another cloud', () => {
    const aks: ClusterSpec = {
      name: 'hub',
      role: 'management',
      cloud: 'azure',
      region: 'westeurope',
      apiServer: 'https://hub.example',
      caData: 'Q0E=',
      tenantId: 't',
      argocdClientId: 'c',
      workloadClientIds: { terraformDrift: 'd', policyReporter: 'p', velero: 'v' },
      oidcIssuerUrl: 'https://issuer.example/hub/',
      egressIp: '192.0.2.7',
      kubernetesVersion: '1.34',
      networkCidr: '10.80.0.0/16',
      apiAccess: { privateEndpoint: false, allowedCidrs: ['203.0.113.0/24'] },
      nodePool: { machineType: 'Standard_D4s_v5', minNodes: 1, maxNodes: 2 },
    };
    const spec: EnvironmentSpec = { ...SPEC, clusters: [aks, gke] };
    const credentials = object('dist/k8s/fixture/argocd-config/configmap-argocd-google-credentials.yaml', {
      apiVersion: 'v1',
      kind: 'ConfigMap',
      metadata: { name: 'argocd-google-credentials' },
      data: { 'gke.json': JSON.stringify({ type: 'external_account', audience: '//iam.googleapis.com/projects/1/locations/global/workloadIdentityPools/p/providers/hub' }) },
    });
    const objects = [
      object('dist/k8s/fixture/addons/application-argo-cd.yaml', {
        apiVersion: 'argoproj.io/v1alpha1',
        kind: 'Application',
        metadata: { name: 'argo-cd' },
        spec: { destination: { name: 'hub' } },
      }),
      clusterSecret('hub', 'https://kubernetes.default.svc', {}),
      clusterSecret('gke', 'https://192.0.2.90', { execProviderConfig: { command: 'argocd-k8s-auth', args: ['gcp'] } }),
      credentials,
    ];
    const tf = (authorised: string[], outboundIps: string[]) => [
      view('azure-cluster-hub', 'azurerm_kubernetes_cluster', 'cluster', { name: 'hub', network_profile: { load_balancer_profile: { outbound_ip_address_ids: outboundIps } } }),
      view('gcp-cluster-gke', 'google_container_cluster', 'cluster', {
        name: 'gke',
        master_authorized_networks_config: { cidr_blocks: authorised.map((cidr_block) => ({ cidr_block })) },
      }),
      view('gcp-cluster-gke', 'google_iam_workload_identity_pool', 'pool', { workload_identity_pool_id: 'p' }),
      view('gcp-cluster-gke', 'google_iam_workload_identity_pool_provider', 'provider', {
        workload_identity_pool_id: '${google_iam_workload_identity_pool.pool.workload_identity_pool_id}',
        oidc: { issuer_uri: 'https://issuer.example/hub/' },
      }),
      view('gcp-cluster-gke', 'google_service_account_iam_member', 'server', {
        service_account_id: '${google_service_account.argocd.name}',
        role: 'roles/iam.workloadIdentityUser',
        member: `principal://iam.googleapis.com/\${google_iam_workload_identity_pool.pool.name}/subject/${ARGOCD_SUBJECTS[1]}`,
      }),
    ];

    it("passes when the endpoint admits the management cluster's pinned egress and the pool trusts its issuer", () => {
      expect(check(objects, tf(['203.0.113.0/24', '192.0.2.7/32'], ['${azurerm_public_ip.egress-ip.id}']), spec)).toEqual([]);
    });

    it('rejects authorised networks that do not admit the egress address, naming the Terraform end', () => {
      expect(check(objects, tf(['203.0.113.0/24'], ['${azurerm_public_ip.egress-ip.id}']), spec)).toEqual([
        expect.objectContaining({
          path: expect.stringContaining('secret-cluster-gke.yaml'),
          problem: expect.stringContaining(
            "egress address 192.0.2.7, which gke's authorised networks do not admit (Terraform end: dist/terraform/fixture/gcp-cluster-gke/main.tf google_container_cluster.cluster.master_authorized_networks_config)",
          ),
        }),
      ]);
    });

    it('rejects an egress address that Terraform does not pin on the management cluster', () => {
      expect(check(objects, tf(['192.0.2.7/32'], []), spec)).toEqual([
        expect.objectContaining({ problem: expect.stringContaining('hub leaves through addresses Azure picks, not one Terraform pins') }),
      ]);
    });

    it("rejects a pool provider trusting an issuer that is not the management cluster's", () => {
      const views = tf(['192.0.2.7/32'], ['${azurerm_public_ip.egress-ip.id}']).map((v) =>
        v.type === 'google_iam_workload_identity_pool_provider' ? { ...v, attributes: { ...v.attributes, oidc: { issuer_uri: 'https://issuer.example/other/' } } } : v,
      );
      expect(check(objects, views, spec)).toEqual([
        expect.objectContaining({
          path: expect.stringContaining('google_service_account_iam_member.server'),
          problem: expect.stringContaining('an issuer Terraform does not tie to a cluster (https://issuer.example/other/)'),
        }),
      ]);
    });
  });

  it('reports every dangling reference at once', () => {
    const views = terraform().filter((v) => v.type !== 'aws_iam_role');
    const objects = [...kubernetes(), clusterSecret('ghost', 'https://ghost.example', {})];
    expect(check(objects, views).map((v) => v.problem.split(',')[0])).toHaveLength(3);
  });
});
