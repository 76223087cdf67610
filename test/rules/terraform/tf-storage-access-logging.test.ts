import { tfStorageAccessLogging as rule } from '../../../constructs/rules/terraform/tf-storage-access-logging';
import { checkTerraform, expectCompliant, expectFailure, expectNotApplicable, resource } from '../fixtures';
import { awsStateStore, azureStateStore, gcpStateStore, viewsOf } from '../storage-fixtures';

describe('tf-storage-access-logging', () => {
  it('accepts an S3 bucket that sends server access logs to a log bucket', () => {
    const store = awsStateStore();
    expectCompliant(checkTerraform(rule, store.bucket, viewsOf(store)));
  });

  it('rejects an S3 bucket without server access logging', () => {
    const store = awsStateStore();
    expectFailure(checkTerraform(rule, store.bucket, viewsOf({ ...store, logging: undefined })), { field: 'aws_s3_bucket_logging.target_bucket', problem: /logging is off/ });
  });

  it('does not check the log bucket itself, also when the logging resource lives in another stack', () => {
    const store = awsStateStore();
    expectNotApplicable(checkTerraform(rule, store.logs, viewsOf(store)));
    const stackOfLogs = [store.logs];
    expectNotApplicable(checkTerraform(rule, store.logs, stackOfLogs, undefined, viewsOf(store)));
  });

  it('accepts an Azure account whose blob service has an audit diagnostic setting', () => {
    const store = azureStateStore();
    expectCompliant(checkTerraform(rule, store.account, viewsOf(store)));
  });

  it('rejects an Azure account whose diagnostic setting sends metrics only', () => {
    const store = azureStateStore();
    const metricsOnly = resource('azurerm_monitor_diagnostic_setting', 'blob-diagnostics', {
      target_resource_id: '${azurerm_storage_account.state.id}/blobServices/default',
      enabled_metric: [{ category: 'Transaction' }],
    });
    expectFailure(checkTerraform(rule, store.account, viewsOf({ ...store, diagnostics: metricsOnly })), { field: 'azurerm_monitor_diagnostic_setting.enabled_log' });
  });

  it('accepts a GCS bucket with a log bucket', () => {
    const store = gcpStateStore();
    expectCompliant(checkTerraform(rule, store.bucket, viewsOf(store)));
    expectNotApplicable(checkTerraform(rule, store.logs, viewsOf(store)));
  });

  it('rejects a GCS bucket without a log bucket', () => {
    const unlogged = resource('google_storage_bucket', 'unlogged', { name: 'unlogged' });
    expectFailure(checkTerraform(rule, unlogged, [unlogged]), { field: 'logging.log_bucket', value: undefined });
  });
});
