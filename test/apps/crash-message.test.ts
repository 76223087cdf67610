import { crashMessage } from '../../apps/synth/crash-message';
import { OutputNotWrittenError } from '../../apps/synth/output-tree';

describe('crashMessage', () => {
  const error = new TypeError("Cannot read properties of undefined (reading 'pattern')");
  error.stack = `TypeError: Cannot read properties of undefined (reading 'pattern')\n    at checkRegion (/work/repo/node_modules/.cache/gitops-cdk/synth.cjs:123:45)`;

  it('prints one line without a stack trace or machine path, and says how to get the stack', () => {
    const message = crashMessage(error, {}, '/work/repo');
    expect(message).toBe("nothing was written: Cannot read properties of undefined (reading 'pattern') (run again with GITOPS_CDK_DEBUG=1 for the stack trace)");
    expect(message).not.toContain('/work/repo');
  });

  it('prints the stack with GITOPS_CDK_DEBUG=1', () => {
    expect(crashMessage(error, { GITOPS_CDK_DEBUG: '1' }, '/work/repo')).toContain('at checkRegion (/work/repo/node_modules/.cache/gitops-cdk/synth.cjs:123:45)');
  });

  it('makes the paths in a message relative to the working folder', () => {
    const denied = new Error("EACCES: permission denied, open '/work/repo/environments/pins.json'");
    expect(crashMessage(denied, {}, '/work/repo')).toMatch(/^nothing was written: EACCES: permission denied, open 'environments\/pins\.json'/);
  });

  it('lets a failed write say itself that nothing was written', () => {
    expect(crashMessage(new OutputNotWrittenError('dist/k8s is not writable'), {}, '/work/repo')).toBe('nothing was written: dist/k8s is not writable');
  });
});
