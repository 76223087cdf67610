import { PrivateDnsZone } from '@cdktf/provider-azurerm/lib/private-dns-zone';
import { PrivateDnsZoneVirtualNetworkLink } from '@cdktf/provider-azurerm/lib/private-dns-zone-virtual-network-link';
import { PrivateEndpoint } from '@cdktf/provider-azurerm/lib/private-endpoint';
import { Construct } from 'constructs';

/** A firewalled resource of the foundation that pods of the cluster must reach. */
export interface PrivateTarget {
  /** Construct id suffix and endpoint name part, e.g. `state-blob`. */
  readonly id: string;
  /** Resource Manager id (read from the foundation's state). */
  readonly resourceId: string;
  /** Sub-resource: `blob` for a storage account, `vault` for a Key Vault. */
  readonly subresource: 'blob' | 'vault';
}

export interface StatePrivateEndpointsProps {
  readonly clusterName: string;
  readonly resourceGroupName: string;
  readonly location: string;
  readonly virtualNetworkId: string;
  /** Subnet the endpoints' network interfaces go into. */
  readonly subnetId: string;
  readonly targets: readonly PrivateTarget[];
}

/** The private DNS zone Azure resolves each sub-resource's public name to (privatelink CNAME). */
const PRIVATE_DNS_ZONE: Readonly<Record<PrivateTarget['subresource'], string>> = {
  blob: 'privatelink.blob.core.windows.net',
  vault: 'privatelink.vaultcore.azure.net',
};

/**
 * Private endpoints in the cluster's VNet for the foundation's firewalled state account and Key
 * Vaults, so that pods of the cluster (the Terraform drift check: `terraform plan` reads the state
 * blob and refreshes the vaults' keys) reach them. An IP rule cannot admit them: requests from the
 * storage account's own region reach it from private Azure addresses, which IP network rules never
 * match (learn.microsoft.com/azure/storage/common/storage-network-security, "Restrictions for IP
 * network rules"); a private endpoint's traffic bypasses the public firewall altogether. Each
 * sub-resource's privatelink zone is linked to the VNet, so the public names resolve to the
 * endpoints' private addresses there and nowhere else.
 */
export class StatePrivateEndpoints extends Construct {
  readonly endpoints: readonly PrivateEndpoint[];

  constructor(scope: Construct, id: string, props: StatePrivateEndpointsProps) {
    super(scope, id);
    const inGroup = { resourceGroupName: props.resourceGroupName };
    const zones = new Map<PrivateTarget['subresource'], PrivateDnsZone>();
    for (const subresource of [...new Set(props.targets.map((t) => t.subresource))]) {
      const zone = new PrivateDnsZone(this, `${subresource}-zone`, { ...inGroup, name: PRIVATE_DNS_ZONE[subresource] });
      new PrivateDnsZoneVirtualNetworkLink(this, `${subresource}-zone-link`, {
        ...inGroup,
        name: `${props.clusterName}-${subresource}`,
        privateDnsZoneName: zone.name,
        virtualNetworkId: props.virtualNetworkId,
        registrationEnabled: false,
      });
      zones.set(subresource, zone);
    }
    this.endpoints = props.targets.map(
      (target) =>
        new PrivateEndpoint(this, target.id, {
          ...inGroup,
          location: props.location,
          name: `pe-${props.clusterName}-${target.id}`,
          subnetId: props.subnetId,
          privateServiceConnection: {
            name: `${props.clusterName}-${target.id}`,
            privateConnectionResourceId: target.resourceId,
            subresourceNames: [target.subresource],
            isManualConnection: false,
          },
          privateDnsZoneGroup: { name: target.subresource, privateDnsZoneIds: [zones.get(target.subresource)!.id] },
        }),
    );
  }
}
