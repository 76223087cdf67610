import { block, boolAt, stringAt } from '../inspect/attributes';
import { companionsOf } from '../inspect/references';
import { COMPLIANT, nonCompliant } from '../outcome';
import type { TerraformRule } from '../types';

/**
 * Cluster networks record their traffic: an AWS VPC has an `aws_flow_log` of `ALL` traffic, a GCP
 * subnetwork a `log_config`, an Azure virtual network an enabled `azurerm_network_watcher_flow_log`
 * targeting it (VNet flow logs).
 */
export const tfNetworkFlowLogs: TerraformRule = {
  id: 'tf-network-flow-logs',
  engine: 'terraform',
  level: 'error',
  title: 'Cluster networks record flow logs',
  rationale:
    'Flow logs show which addresses talked to the cluster and its nodes: the evidence for spotting exfiltration or ' + 'lateral movement, and for proving that segmentation works.',
  controls: {
    soc2: ['CC7.2'],
    pciDss: ['10.2.1'],
    iso27001: ['A.8.15', 'A.8.16', 'A.8.20'],
    gdpr: ['Art. 32'],
  },
  resourceTypes: ['aws_vpc', 'google_compute_subnetwork', 'azurerm_virtual_network'],
  check(resource, context) {
    if (resource.type === 'aws_vpc') {
      const logs = companionsOf(resource, context.stackResources, 'aws_flow_log', 'vpc_id');
      if (logs.some((l) => stringAt(l.attributes, 'traffic_type') === 'ALL')) return COMPLIANT;
      return nonCompliant(
        'aws_flow_log.traffic_type',
        logs.length === 0 ? undefined : stringAt(logs[0]!.attributes, 'traffic_type'),
        logs.length === 0 ? 'the VPC has no flow log' : 'the flow log records only part of the traffic',
        'add an aws_flow_log with vpc_id = the VPC and traffic_type = "ALL"',
      );
    }
    if (resource.type === 'google_compute_subnetwork') {
      if (block(resource.attributes.log_config) !== undefined) return COMPLIANT;
      return nonCompliant(
        'log_config',
        undefined,
        'the subnetwork records no flow logs',
        'add log_config { aggregation_interval = "INTERVAL_5_SEC", flow_sampling = 0.5, metadata = "INCLUDE_ALL_METADATA" }',
      );
    }
    const logs = companionsOf(resource, context.stackResources, 'azurerm_network_watcher_flow_log', 'target_resource_id');
    if (logs.some((l) => boolAt(l.attributes, 'enabled') === true)) return COMPLIANT;
    return nonCompliant(
      'azurerm_network_watcher_flow_log.target_resource_id',
      undefined,
      'the virtual network has no enabled flow log',
      'add an azurerm_network_watcher_flow_log with target_resource_id = the VNet id and enabled = true',
    );
  },
};
