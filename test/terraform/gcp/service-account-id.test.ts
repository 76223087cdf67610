import { serviceAccountId } from '../../../constructs/terraform/gcp/service-account-id';

describe('serviceAccountId', () => {
  it('joins prefix and name when they fit in 30 characters', () => {
    expect(serviceAccountId('argocd', 'dev-gke-euw1')).toBe('argocd-dev-gke-euw1');
  });

  it('cuts long ids to 30 characters and keeps them apart with a hash of the full id', () => {
    const a = serviceAccountId('argocd', 'production-gke-europe-west1-blue');
    const b = serviceAccountId('argocd', 'production-gke-europe-west1-green');
    expect(a).toHaveLength(30);
    expect(b.length).toBeLessThanOrEqual(30);
    expect(a).not.toBe(b);
    expect(a).toMatch(/^argocd-production-gke-eur-[0-9a-f]{4}$/);
    expect(serviceAccountId('argocd', 'production-gke-europe-west1-blue')).toBe(a);
  });

  it('rejects an id that would be too short', () => {
    expect(() => serviceAccountId('a', 'b')).toThrow(/service account id "a-b"/);
  });
});
