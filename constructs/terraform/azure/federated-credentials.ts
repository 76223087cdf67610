import { FederatedIdentityCredential } from '@cdktf/provider-azurerm/lib/federated-identity-credential';
import type { UserAssignedIdentity } from '@cdktf/provider-azurerm/lib/user-assigned-identity';
import type { TerraformResource } from 'cdktf';
import type { Construct } from 'constructs';

/** Audience Entra ID requires in a token it exchanges for a managed identity's access token. */
export const AZURE_TOKEN_EXCHANGE_AUDIENCE = 'api://AzureADTokenExchange';

/** One token subject an identity trusts. */
export interface TrustedSubject {
  /** Construct id of the credential. */
  readonly id: string;
  /** Name of the credential on the identity (letters, digits, dashes). */
  readonly name: string;
  /** The token's `sub`, matched exactly (Entra ID has no wildcards). */
  readonly subject: string;
}

export interface FederatedCredentialsOptions {
  readonly identity: UserAssignedIdentity;
  readonly resourceGroupName: string;
  /** OIDC issuer of the tokens: GitHub Actions, or a cluster's service account issuer. */
  readonly issuer: string;
  readonly subjects: readonly TrustedSubject[];
}

/**
 * Lets `identity` be used with OIDC tokens of `issuer` whose subject is one of `subjects`, for the
 * token-exchange audience only: no secret or certificate exists. The credentials are written one
 * after the other, because Entra ID refuses concurrent writes of federated credentials on one
 * identity.
 */
export function addFederatedCredentials(scope: Construct, options: FederatedCredentialsOptions): FederatedIdentityCredential[] {
  let previous: TerraformResource | undefined;
  return options.subjects.map((subject) => {
    const credential = new FederatedIdentityCredential(scope, subject.id, {
      name: subject.name,
      parentId: options.identity.id,
      resourceGroupName: options.resourceGroupName,
      issuer: options.issuer,
      audience: [AZURE_TOKEN_EXCHANGE_AUDIENCE],
      subject: subject.subject,
      dependsOn: previous === undefined ? undefined : [previous],
    });
    previous = credential;
    return credential;
  });
}
