import { timeZoneProblem } from '../../constructs/core/time-zone';

describe('timeZoneProblem', () => {
  it.each(['UTC', 'Etc/UTC', 'Europe/Berlin', 'America/New_York', 'US/Pacific'])('accepts %s, a zone Go loads', (zone) => {
    expect(timeZoneProblem(zone)).toBeUndefined();
  });

  it.each([['Mars/Olympus_Mons'], [''], [42], [undefined]])('refuses %j, which is no IANA zone', (zone) => {
    expect(timeZoneProblem(zone)).toEqual({ problem: 'not an IANA time zone', fix: "use a zone such as 'Europe/Berlin' or 'UTC'" });
  });

  it('refuses a zone in the wrong case, which Intl accepts and Go does not, naming the spelling', () => {
    expect(timeZoneProblem('europe/berlin')).toEqual({
      problem: 'an IANA time zone in the wrong case; Argo CD reads zone names case-sensitively',
      fix: "spell it 'Europe/Berlin'",
    });
  });
});
