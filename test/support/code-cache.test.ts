import { CodeCache } from './code-cache';

// The jest runtime (jest-runtime.js) compiles every module of a worker through one CodeCache: a
// module compiled again must run from V8's data for it, and a changed source must never.
describe('CodeCache', () => {
  const options = (filename: string) => ({ filename });

  it('compiles the same file with the same source from the data kept the first time, to the same function', () => {
    const cache = new CodeCache();
    const source = 'return a + b * 2;';
    const first = cache.compileFunction(source, ['a', 'b'], options('/x/same.js'));
    const second = cache.compileFunction(source, ['a', 'b'], options('/x/same.js'));
    expect(cache.hits).toBe(1);
    expect([first(1, 2), second(1, 2)]).toEqual([5, 5]);
  });

  it('compiles a changed source from itself, never from the data of the old one, even at the same length', () => {
    const cache = new CodeCache();
    cache.compileFunction('return a + b * 2;', ['a', 'b'], options('/x/changed.js'));
    const changed = cache.compileFunction('return a - b * 3;', ['a', 'b'], options('/x/changed.js'));
    expect(cache.hits).toBe(0);
    expect(changed(1, 2)).toBe(-5);
  });

  it('keeps files apart: the same source in another file is compiled for it', () => {
    const cache = new CodeCache();
    cache.compileFunction('return 1;', [], options('/x/one.js'));
    cache.compileFunction('return 1;', [], options('/x/two.js'));
    expect(cache.hits).toBe(0);
  });
});
