import { tfNetworkFlowLogs as rule } from '../../../constructs/rules/terraform/tf-network-flow-logs';
import { checkTerraform, expectCompliant, expectFailure, ref, resource } from '../fixtures';

describe('tf-network-flow-logs', () => {
  const vpc = resource('aws_vpc', 'vpc', { cidr_block: '10.30.0.0/16' });

  it('accepts a VPC with a flow log of all traffic', () => {
    const log = resource('aws_flow_log', 'flow-log', { vpc_id: ref(vpc, 'id'), traffic_type: 'ALL', log_destination_type: 'cloud-watch-logs' });
    expectCompliant(checkTerraform(rule, vpc, [vpc, log]));
  });

  it('rejects a VPC without a flow log, or one that records rejected traffic only', () => {
    expectFailure(checkTerraform(rule, vpc, [vpc]), { field: 'aws_flow_log.traffic_type', value: undefined, problem: /no flow log/ });
    const rejected = resource('aws_flow_log', 'flow-log', { vpc_id: ref(vpc, 'id'), traffic_type: 'REJECT' });
    expectFailure(checkTerraform(rule, vpc, [vpc, rejected]), { field: 'aws_flow_log.traffic_type', value: 'REJECT' });
  });

  it('accepts a GCP subnetwork with log_config', () => {
    const subnet = resource('google_compute_subnetwork', 'subnet', { log_config: { aggregation_interval: 'INTERVAL_5_SEC' } });
    expectCompliant(checkTerraform(rule, subnet, [subnet]));
  });

  it('rejects a GCP subnetwork without log_config', () => {
    const silent = resource('google_compute_subnetwork', 'subnet', {});
    expectFailure(checkTerraform(rule, silent, [silent]), { field: 'log_config' });
  });

  it('accepts an Azure VNet with an enabled VNet flow log', () => {
    const vnet = resource('azurerm_virtual_network', 'vnet', { address_space: ['10.10.0.0/16'] });
    const log = resource('azurerm_network_watcher_flow_log', 'flow-log', { target_resource_id: ref(vnet, 'id'), enabled: true });
    expectCompliant(checkTerraform(rule, vnet, [vnet, log]));
  });

  it('rejects an Azure VNet without a flow log', () => {
    const vnet = resource('azurerm_virtual_network', 'vnet', { address_space: ['10.10.0.0/16'] });
    expectFailure(checkTerraform(rule, vnet, [vnet]), { field: 'azurerm_network_watcher_flow_log.target_resource_id' });
  });
});
