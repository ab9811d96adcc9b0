import { describe, expect, it } from 'vitest';
import { zoneForOffset } from '../../src/main/import/offset-zones.ts';
import { labelToZone, offsetNameToZone, resolveZoneName, windowsToIana } from '../../src/main/import/windows-zones.ts';

describe('Windows zone ids (CLDR windowsZones)', () => {
  it('maps the ids Outlook and Exchange write to the CLDR primary zone', () => {
    expect(windowsToIana('Eastern Standard Time')).toBe('America/New_York');
    expect(windowsToIana('W. Europe Standard Time')).toBe('Europe/Berlin');
    expect(windowsToIana('Pacific Standard Time')).toBe('America/Los_Angeles');
    expect(windowsToIana('GMT Standard Time')).toBe('Europe/London');
    expect(windowsToIana('AUS Eastern Standard Time')).toBe('Australia/Sydney');
    expect(windowsToIana('Tokyo Standard Time')).toBe('Asia/Tokyo');
  });

  it('ignores case and surrounding space in Windows ids', () => {
    expect(windowsToIana('  romance standard time ')).toBe('Europe/Paris');
  });

  it('returns null for a name that is not a Windows id', () => {
    expect(windowsToIana('Customized Time Zone')).toBeNull();
  });
});

describe('Windows display labels', () => {
  it('maps the current "(UTC±hh:mm) cities" labels through the Windows id', () => {
    expect(labelToZone('(UTC+01:00) Amsterdam, Berlin, Bern, Rome, Stockholm, Vienna')).toMatchObject({ zone: 'Europe/Berlin', exact: true });
    expect(labelToZone('(UTC-05:00) Eastern Time (US & Canada)')).toMatchObject({ zone: 'America/New_York', exact: true });
    expect(labelToZone('(UTC+07:00) Bangkok, Hanoi, Jakarta')?.zone).toBe('Asia/Bangkok');
    expect(labelToZone('(UTC+05:30) Chennai, Kolkata, Mumbai, New Delhi')?.zone).toBe('Asia/Kolkata');
  });

  it('reads the older "(GMT±hh:mm)" wording and "and" for "&"', () => {
    expect(labelToZone('(GMT+10:00) Canberra, Melbourne, Sydney')?.zone).toBe('Australia/Sydney');
    expect(labelToZone('(UTC-05:00) Eastern Time (US and Canada)')?.zone).toBe('America/New_York');
    expect(labelToZone('(GMT) Greenwich Mean Time : Dublin, Edinburgh, Lisbon, London')?.zone).toBe('Europe/London');
  });

  it('falls back to a named city whose standard offset agrees, marked inexact', () => {
    const match = labelToZone('(UTC+01:00) Oslo, Copenhagen');
    expect(match).toMatchObject({ zone: 'Europe/Oslo', kind: 'label', exact: false });
  });

  it('falls back to the bare offset when no city is known', () => {
    expect(labelToZone('(UTC+03:00) Somewhere Unlisted')).toMatchObject({ zone: 'Etc/GMT-3', kind: 'offset', exact: false, offsetMinutes: 180 });
  });

  it('does not take a city whose offset disagrees with the label', () => {
    // Paris is UTC+1, so "(UTC+05:00) Paris" cannot mean Europe/Paris.
    expect(labelToZone('(UTC+05:00) Paris')?.zone).toBe('Etc/GMT-5');
  });
});

describe('offset names', () => {
  it('reads "UTC+11", "GMT+0100", "UTC-05:00" and plain "GMT"', () => {
    expect(offsetNameToZone('UTC+11')).toMatchObject({ zone: 'Etc/GMT-11', offsetMinutes: 660, exact: true });
    expect(offsetNameToZone('GMT+0100')).toMatchObject({ zone: 'Etc/GMT-1', offsetMinutes: 60 });
    expect(offsetNameToZone('UTC-05:00')).toMatchObject({ zone: 'Etc/GMT+5', offsetMinutes: -300 });
    expect(offsetNameToZone('GMT')).toMatchObject({ zone: 'UTC', offsetMinutes: 0 });
  });

  it('keeps a part-hour offset exact while naming a stand-in zone', () => {
    expect(offsetNameToZone('UTC+05:30')).toMatchObject({ zone: 'Asia/Kolkata', offsetMinutes: 330, exact: false });
  });

  it('rejects offsets beyond ±14 hours', () => {
    expect(offsetNameToZone('UTC+15')).toBeNull();
    expect(zoneForOffset(15 * 60)).toBeNull();
  });
});

describe('resolveZoneName', () => {
  it('prefers an IANA name and canonicalises its spelling', () => {
    expect(resolveZoneName('Europe/Berlin')).toMatchObject({ zone: 'Europe/Berlin', kind: 'iana' });
    expect(resolveZoneName('europe/berlin')?.zone).toBe('Europe/Berlin');
  });

  it('uses current zone names, not the superseded ones ICU and CLDR keep', () => {
    expect(resolveZoneName('Asia/Kolkata')?.zone).toBe('Asia/Kolkata');
    expect(resolveZoneName('Europe/Kiev')?.zone).toBe('Europe/Kyiv');
    expect(resolveZoneName('India Standard Time')?.zone).toBe('Asia/Kolkata');
    expect(resolveZoneName('FLE Standard Time')?.zone).toBe('Europe/Kyiv');
  });

  it('finds the IANA name inside Mozilla-style TZID paths', () => {
    expect(resolveZoneName('/mozilla.org/20070129_1/Europe/Paris')).toMatchObject({ zone: 'Europe/Paris', kind: 'iana' });
    expect(resolveZoneName('/citadel.org/20190914_1/America/Argentina/Buenos_Aires')?.zone).toBe('America/Argentina/Buenos_Aires');
  });

  it('strips quotes and iCalendar escapes from TZID text', () => {
    expect(resolveZoneName('"(UTC+07:00) Bangkok\\, Hanoi\\, Jakarta"')?.zone).toBe('Asia/Bangkok');
  });

  it('tries Windows ids, then labels, then offsets, in that order', () => {
    expect(resolveZoneName('W. Europe Standard Time')).toMatchObject({ zone: 'Europe/Berlin', kind: 'windows' });
    expect(resolveZoneName('(UTC+01:00) Amsterdam, Berlin, Bern, Rome, Stockholm, Vienna')).toMatchObject({ zone: 'Europe/Berlin', kind: 'label' });
    expect(resolveZoneName('UTC+11')).toMatchObject({ zone: 'Etc/GMT-11', kind: 'offset' });
  });

  it('returns null for names nothing can place', () => {
    expect(resolveZoneName('Customized Time Zone')).toBeNull();
    expect(resolveZoneName('')).toBeNull();
    expect(resolveZoneName(' 1')).toBeNull();
  });
});
