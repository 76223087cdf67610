import { captureStackTrace } from 'cdktf/lib/tokens/private/stack-trace';
import { skipTokenCreationStacks } from '../../apps/synth/token-stack-traces';

describe('skipTokenCreationStacks', () => {
  const original = Error.captureStackTrace;
  afterEach(() => {
    Error.captureStackTrace = original;
  });

  it("skips cdktf's capture of a token's creation stack", () => {
    expect(captureStackTrace().length).toBeGreaterThan(0);
    skipTokenCreationStacks();
    expect(captureStackTrace()).toEqual([]);
  });

  it('passes every other capture on, and installs itself once', () => {
    skipTokenCreationStacks();
    const patched = Error.captureStackTrace;
    skipTokenCreationStacks();
    expect(Error.captureStackTrace).toBe(patched);
    const error = { stack: 'before' };
    Error.captureStackTrace(error);
    expect(error.stack).toMatch(/token-stack-traces\.test/);
    const real = new Error('x');
    Error.captureStackTrace(real);
    expect(real.stack).toMatch(/token-stack-traces\.test/);
  });
});
