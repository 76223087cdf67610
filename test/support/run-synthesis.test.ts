import { readFileSync, writeFileSync } from 'node:fs';
import { synthesize } from '../../apps/synth/synthesize';
import { fixtureEnvironment } from './fixture-environment';
import { fixtureException } from './fixture-exception';
import { storedSynthesisOf, synthesizedOnce } from './run-synthesis';

// Test files share fixture estates through the run's temporary folder: what they read must be what
// a synth gives, and a second request must read the stored files instead of synthesizing again.
describe('synthesizedOnce', () => {
  const estate = [fixtureEnvironment({ tier: 'development' })];
  const today = '2026-12-03';

  it('gives the files a synth of the estate gives, in the same order', async () => {
    const [shared, fresh] = [await synthesizedOnce(estate, [], today), await synthesize(estate, estate, { today, exceptions: [] })];
    expect([...shared]).toEqual([...fresh.files]);
  });

  it("reads an estate built before from the run's folder, under a key of the specs, the exceptions and the day", async () => {
    await synthesizedOnce(estate, [], today);
    const stored = storedSynthesisOf(estate, [], today)!;
    expect(stored.startsWith(`${process.env.GITOPS_CDK_JEST_TMP}/`)).toBe(true);
    expect(storedSynthesisOf(estate, [], '2026-12-04')).not.toBe(stored);
    expect(storedSynthesisOf(estate, [fixtureException(['lab'])], today)).not.toBe(stored);
    expect(storedSynthesisOf([fixtureEnvironment({ tier: 'development', name: 'lab2' })], [], today)).not.toBe(stored);
    const files = JSON.parse(readFileSync(stored, 'utf8')) as [string, string][];
    writeFileSync(stored, JSON.stringify([...files, ['marker.txt', 'read from the stored estate']]));
    expect((await synthesizedOnce(estate, [], today)).get('marker.txt')).toBe('read from the stored estate');
    writeFileSync(stored, JSON.stringify(files));
  });

  it('keeps no estate whose spec holds code, as no key can describe it', () => {
    const withCode = { ...estate[0]!, name: 'code', extra: () => 'behaviour' };
    expect(storedSynthesisOf([withCode], [], today)).toBeUndefined();
  });
});
