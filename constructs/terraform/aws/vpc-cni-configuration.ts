/**
 * Configuration values of the EKS `vpc-cni` add-on.
 *
 * VPC CNI stores NetworkPolicies but enforces none until `enableNetworkPolicy` is set: the add-on then
 * runs its network policy agent (eBPF, "standard" mode) next to the CNI on every node, EKS's control
 * plane resolves the policies into PolicyEndpoints, and every existing NetworkPolicy takes effect at
 * once, Kyverno's generated `default-deny` in every non-platform namespace included. GKE (Dataplane V2)
 * and AKS (Calico) enforce policies already; without this, tenant isolation would hold on those clouds
 * only. The value is a string in the add-on's configuration schema
 * (`aws eks describe-addon-configuration --addon-name vpc-cni --addon-version <v>`), and needs
 * vpc-cni v1.14.0-eksbuild.3 or later, older than any default version EKS installs for the Kubernetes
 * versions this estate runs (the stack pins no addonVersion, so EKS picks the default for the cluster).
 * Sources: https://aws.github.io/amazon-vpc-cni-k8s/docs/network-policy-faq.html ("not enabled by
 * default"), awsdocs/amazon-eks-user-guide latest/ug/networking/eks-networking-add-ons.adoc
 * ("Enable the network policy parameter for the add-on", `{"enableNetworkPolicy": "true"}`).
 */
export const VPC_CNI_CONFIGURATION = { enableNetworkPolicy: 'true' } as const;
