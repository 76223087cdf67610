import { quantityValue } from '../../../apps/verify/tenant-pod-admission';

describe('quantityValue', () => {
  it('compares what the API server normalised with what the LimitRange wrote', () => {
    expect(quantityValue('500m')).toBe(quantityValue('0.5'));
    expect(quantityValue('1Gi')).toBe(quantityValue('1024Mi'));
    expect(quantityValue('64Mi')).toBe(64 * 2 ** 20);
    expect(quantityValue('1G')).toBe(1e9);
    expect(quantityValue('128Mi')).not.toBe(quantityValue('128M'));
  });

  it('is not a number for what it cannot read, so it never equals a default', () => {
    expect(quantityValue('1e3')).toBeNaN();
    expect(quantityValue('lots')).toBeNaN();
  });
});
