import { isHttpsUrl } from '../../constructs/core/https-url';
import { isDnsLabel, isLabelKey, isLabelValue } from '../../constructs/core/kubernetes-names';

describe('Kubernetes name formats', () => {
  it('accepts DNS labels starting with a letter, up to the given length', () => {
    expect(isDnsLabel('prod-eu', 32)).toBe(true);
    expect(['Prod', 'prod_eu', '1prod', 'prod-', 'p'.repeat(33), 42].map((v) => isDnsLabel(v, 32))).toEqual([false, false, false, false, false, false]);
  });

  it('accepts label values of up to 63 characters, alphanumeric at both ends, and the empty value', () => {
    expect(['', 'platform-team', 'a.b_c'].map(isLabelValue)).toEqual([true, true, true]);
    expect(['platform team', 'cc/4711', 'c'.repeat(64), '-a', undefined].map(isLabelValue)).toEqual([false, false, false, false, false]);
  });

  it('accepts label keys with an optional DNS subdomain prefix', () => {
    expect(['zone', 'gitops-cdk.io/zone', 'a.b.c/x_y'].map(isLabelKey)).toEqual([true, true, true]);
    expect(['bad key!', 'Gitops.IO/zone', '/zone', `p/${'n'.repeat(64)}`].map(isLabelKey)).toEqual([false, false, false, false]);
  });

  it('accepts https URLs with a host only', () => {
    expect(['https://api.example.com', 'https://10.0.0.1:6443/'].map(isHttpsUrl)).toEqual([true, true]);
    expect(['http://api.example.com', 'api.example.com:443', 'https://', 7].map(isHttpsUrl)).toEqual([false, false, false, false]);
  });
});
