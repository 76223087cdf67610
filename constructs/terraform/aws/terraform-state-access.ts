import type { DataAwsIamPolicyDocumentStatement } from '@cdktf/provider-aws/lib/data-aws-iam-policy-document';

/** Where the Terraform state of an environment lives: the bucket and the key encrypting it, by ARN. */
export interface TerraformStateStore {
  readonly bucketArn: string;
  readonly keyArn: string;
}

/**
 * Whether the identity takes the S3 state lock: `terraform plan` does (it writes `<key>.tflock`
 * next to the state), a drift check that runs `terraform plan -lock=false` does not.
 */
export type StateLocking = 'takes-lock' | 'no-lock';

/**
 * What an identity that runs `terraform plan` needs on the state store beyond reading the
 * resources (`ReadOnlyAccess`): list and read every state object, decrypt it, and with
 * `takes-lock` create and delete the lock files, encrypted with the state key. It never writes a
 * state. One list for the CI plan role and the drift-check role, so that the two cannot diverge.
 */
export function terraformStateStatements(store: TerraformStateStore, locking: StateLocking): DataAwsIamPolicyDocumentStatement[] {
  const lock = locking === 'takes-lock';
  return [
    { sid: 'ListState', effect: 'Allow', actions: ['s3:ListBucket'], resources: [store.bucketArn] },
    { sid: 'ReadState', effect: 'Allow', actions: ['s3:GetObject'], resources: [`${store.bucketArn}/*`] },
    ...(lock
      ? [
          {
            // `terraform plan` takes the S3 lock (`<key>.tflock`) too; it never writes a state.
            sid: 'WriteLockFiles',
            effect: 'Allow',
            actions: ['s3:PutObject', 's3:DeleteObject'],
            resources: [`${store.bucketArn}/*.tflock`],
          },
        ]
      : []),
    {
      sid: 'UseStateKey',
      effect: 'Allow',
      // Writing a lock file encrypts it with the state key (the backend's `kms_key_id`).
      actions: lock ? ['kms:Decrypt', 'kms:Encrypt', 'kms:GenerateDataKey', 'kms:DescribeKey'] : ['kms:Decrypt', 'kms:DescribeKey'],
      resources: [store.keyArn],
    },
  ];
}
