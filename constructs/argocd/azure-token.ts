/**
 * Where Argo CD's token for Azure workload identity lives, as `argocd-k8s-auth azure` reads it
 * (AZURE_FEDERATED_TOKEN_FILE in the cluster Secret's exec env). The Azure workload identity
 * webhook would mount it only into pods labelled `azure.workload.identity/use: "true"` (and only
 * on AKS); the argo-cd chart labels nothing, so the file never existed. Argo CD mounts it itself:
 * a projected service account token for the audience Entra ID's token exchange requires, the one
 * every federated credential of the estate names (terraform/azure/federated-credentials.ts).
 */
export const AZURE_TOKEN_DIR = '/var/run/secrets/azure/tokens';
export const AZURE_TOKEN_PATH = 'azure-identity-token';
export const AZURE_TOKEN_FILE = `${AZURE_TOKEN_DIR}/${AZURE_TOKEN_PATH}`;
export const AZURE_TOKEN_AUDIENCE = 'api://AzureADTokenExchange';
