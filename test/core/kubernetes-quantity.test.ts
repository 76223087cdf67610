import { cpuCores, GIB, memoryBytes, quantityProblem, quantityValue } from '../../constructs/core/kubernetes-quantity';

describe('Kubernetes quantities', () => {
  it.each([
    ['500m', 0.5],
    ['2', 2],
    ['1.5', 1.5],
    ['.5', 0.5],
    ['100m', 0.1],
    ['1k', 1000],
    ['1e3', 1000],
    ['2E-3', 0.002],
  ])('reads CPU %s as %d cores', (quantity, cores) => {
    expect(cpuCores(quantity)).toBeCloseTo(cores, 9);
  });

  it.each([
    ['128Mi', 128 * 2 ** 20],
    ['4Gi', 4 * GIB],
    ['1Ti', 2 ** 40],
    ['512Ki', 512 * 1024],
    ['16G', 16e9],
    ['1M', 1e6],
    ['1T', 1e12],
    ['1000', 1000],
    ['1.5Gi', 1.5 * GIB],
  ])('reads memory %s as %d bytes', (quantity, bytes) => {
    expect(memoryBytes(quantity)).toBe(bytes);
  });

  it.each(['4GB', '4gi', 'Gi', '', ' 4Gi', '1.2.3', 'four', '4 Gi', '1e', 'm'])('refuses %j with a reason naming the units', (quantity) => {
    expect(quantityValue(quantity)).toBeUndefined();
    expect(quantityProblem(quantity)).toMatch(/not a Kubernetes quantity/);
    expect(() => memoryBytes(quantity)).toThrow(
      new RegExp(`memory ${JSON.stringify(quantity).replace(/[.*+?^${}()|[\]\\]/g, '\\$&')} is not a Kubernetes quantity: write .*'4Gi'`),
    );
  });

  it('refuses negative amounts and values that are not strings', () => {
    expect(quantityProblem('-1')).toMatch(/negative/);
    expect(quantityProblem(2)).toMatch(/not a Kubernetes quantity string/);
    expect(quantityProblem('2')).toBeUndefined();
  });
});
