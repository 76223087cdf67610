import { KmsCryptoKey } from '@cdktf/provider-google/lib/kms-crypto-key';
import { KmsCryptoKeyIamMember } from '@cdktf/provider-google/lib/kms-crypto-key-iam-member';
import { KmsKeyRing } from '@cdktf/provider-google/lib/kms-key-ring';
import type { ITerraformDependable } from 'cdktf';
import { Construct } from 'constructs';

/** New key versions every 90 days: data encrypted later uses the new version, old ones still decrypt. */
export const KEY_ROTATION_PERIOD = `${90 * 24 * 3600}s`;

/**
 * Longest window in which a destroyed key version can still be restored: a version scheduled for
 * destruction by mistake can be cancelled for 30 days (GCP allows up to 120).
 */
export const KEY_DESTROY_SCHEDULED_DURATION = `${30 * 24 * 3600}s`;

/** A Google service agent that encrypts and decrypts with the key on behalf of a service. */
export interface KeyUser {
  /** Short construct id of the grant, e.g. `storage-agent`. */
  readonly id: string;
  /** IAM member, e.g. `serviceAccount:service-123@gs-project-accounts.iam.gserviceaccount.com`. */
  readonly member: string;
}

export interface CustomerManagedKeyProps {
  /** Key ring name; key rings can never be deleted, so the name is permanent in its location. */
  readonly keyRing: string;
  readonly key: string;
  /** KMS location: a region, or a multi-region such as `europe`; must match what it encrypts. */
  readonly location: string;
  /** Service agents allowed to encrypt and decrypt with the key. */
  readonly users: readonly KeyUser[];
  /** Resources to create first (the Cloud KMS API). @default - none */
  readonly dependsOn?: ITerraformDependable[];
}

/**
 * A customer-managed encryption key (CMEK) in its own key ring, rotated every 90 days and
 * protected from `terraform destroy`: destroying the key makes everything it encrypted unreadable.
 * Only the listed service agents may use it; no human or CI identity is granted it here.
 */
export class CustomerManagedKey extends Construct {
  readonly keyRing: KmsKeyRing;
  readonly key: KmsCryptoKey;
  /** The grants; resources encrypted with the key depend on them (the service must be able to use it). */
  readonly grants: KmsCryptoKeyIamMember[];

  constructor(scope: Construct, id: string, props: CustomerManagedKeyProps) {
    super(scope, id);
    this.keyRing = new KmsKeyRing(this, 'ring', {
      name: props.keyRing,
      location: props.location,
      lifecycle: { preventDestroy: true },
      dependsOn: props.dependsOn,
    });
    this.key = new KmsCryptoKey(this, 'key', {
      name: props.key,
      keyRing: this.keyRing.id,
      purpose: 'ENCRYPT_DECRYPT',
      rotationPeriod: KEY_ROTATION_PERIOD,
      destroyScheduledDuration: KEY_DESTROY_SCHEDULED_DURATION,
      lifecycle: { preventDestroy: true },
    });
    this.grants = props.users.map(
      (user) =>
        new KmsCryptoKeyIamMember(this, user.id, {
          cryptoKeyId: this.key.id,
          role: 'roles/cloudkms.cryptoKeyEncrypterDecrypter',
          member: user.member,
        }),
    );
  }
}
