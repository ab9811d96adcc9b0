import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { BLOG_SEED, SCHED_SEED } from '../fixtures/paths.ts';
import { ClashlessError } from '../../src/shared/contract.ts';
import { offsetMinutesAt, toIsoUtc, wallToEpoch } from '../../src/shared/time.ts';
import { abbreviationCandidates, resolveZone } from '../../src/main/import/zones.ts';

const seed = (path: string) => readFileSync(path, 'utf8');

describe('resolveZone rules, in order', () => {
  it('option: the chosen zone wins over everything in the text', () => {
    const z = resolveZone('Talks at 10:00 CET in Berlin', { timeZone: 'Asia/Tokyo' });
    expect(z).toMatchObject({ zone: 'Asia/Tokyo', rule: 'option', guessed: false });
  });

  it('option: an unknown zone name is a bad request naming the field', () => {
    try {
      resolveZone('x', { timeZone: 'Mars/Olympus' });
      expect.unreachable();
    } catch (e) {
      expect(e).toBeInstanceOf(ClashlessError);
      expect((e as ClashlessError).code).toBe('bad-request');
      expect((e as ClashlessError).where).toBe('field timeZone');
      expect((e as ClashlessError).message).toContain('Mars/Olympus');
    }
  });

  it('zone-name: an IANA name in the text, but not one inside a link', () => {
    expect(resolveZone('All times are Europe/Berlin.\n10:00 CET', {})).toMatchObject({ zone: 'Europe/Berlin', rule: 'zone-name' });
    expect(resolveZone('see https://example.org/America/Denver/page\n10:00 CET', {}).rule).toBe('abbreviation');
  });

  it('zone-name: a structured hint (X-WR-TIMEZONE) counts as the document naming its zone', () => {
    expect(resolveZone('10:00', { hint: 'Europe/Amsterdam' })).toMatchObject({ zone: 'Europe/Amsterdam', rule: 'zone-name' });
  });

  it('utc-offset: the Sched display sentence with "(UTC -7)" and the spelled-out zone → Denver', () => {
    const z = resolveZone(seed(SCHED_SEED), {});
    expect(z).toMatchObject({ zone: 'America/Denver', rule: 'utc-offset', guessed: false });
    expect(z.detail).toBe('“(UTC -7)” with “Mountain Standard Time” on line 9 and “MST” on line 14 → America/Denver');
  });

  it('utc-offset: the offset picks the abbreviation candidate that fits it', () => {
    expect(resolveZone('Keynote 9:00 CST (UTC+8) on 2024-05-01', {}).zone).toBe('Asia/Shanghai');
    expect(resolveZone('Keynote 9:00 CST (UTC-6) on 2024-01-10', {}).zone).toBe('America/Chicago');
  });

  it('utc-offset: an offset with a place in the same season → that place', () => {
    expect(resolveZone('Amsterdam, 2024-02-01\nTalk 10:00 (UTC+01:00)', {})).toMatchObject({
      zone: 'Europe/Amsterdam',
      rule: 'utc-offset',
      guessed: false
    });
  });

  it('utc-offset: an offset alone becomes a fixed-offset zone, flagged as a guess', () => {
    const z = resolveZone('Talk 10:00 UTC+02:00', {});
    expect(z).toMatchObject({ zone: 'Etc/GMT-2', rule: 'utc-offset', guessed: true });
    expect(offsetMinutesAt(Date.UTC(2024, 0, 1), z.zone)).toBe(120);
  });

  it('abbreviation: CST with North America context → Chicago, citing the line', () => {
    const z = resolveZone(seed(BLOG_SEED), {});
    expect(z).toMatchObject({ zone: 'America/Chicago', rule: 'abbreviation', guessed: false });
    expect(z.detail).toMatch(/^“CST” on line 182, with “North America” on line 21 and “NA” in the title \(line 4\) → America\/Chicago$/);
  });

  it('abbreviation: CST with China context → Shanghai', () => {
    expect(resolveZone('Summit in Beijing, China\nKeynote 10:00 CST', {}).zone).toBe('Asia/Shanghai');
  });

  it('abbreviation: CST with no context is Chicago but a guess that names the alternative', () => {
    const z = resolveZone('Keynote 10:00 CST', {});
    expect(z).toMatchObject({ zone: 'America/Chicago', guessed: true });
    expect(z.detail).toContain('Asia/Shanghai');
  });

  it('abbreviation: MST in winter is Denver (same clock as Phoenix then), in summer Phoenix as a guess', () => {
    expect(resolveZone('2024-01-10 9:00 MST', {})).toMatchObject({ zone: 'America/Denver', guessed: false });
    expect(resolveZone('2024-07-10 9:00 MST', {})).toMatchObject({ zone: 'America/Phoenix', guessed: true });
    expect(resolveZone('9:00 MST, Mountain time', {}).zone).toBe('America/Denver');
    expect(resolveZone('2024-07-10 9:00 MST in Arizona', {})).toMatchObject({ zone: 'America/Phoenix', guessed: false });
  });

  it('abbreviation: CET → Berlin, or Brussels when FOSDEM or Brussels is named', () => {
    expect(resolveZone('Talk 10:00 CET', {})).toMatchObject({ zone: 'Europe/Berlin', guessed: false });
    expect(resolveZone('FOSDEM 2024\nTalk 10:00 CET', {}).zone).toBe('Europe/Brussels');
    expect(resolveZone('We meet in Brussels\nTalk 10:00 CEST', {}).zone).toBe('Europe/Brussels');
  });

  it('abbreviation: BST and IST follow their country words', () => {
    expect(resolveZone('Talk 10:00 BST', {})).toMatchObject({ zone: 'Europe/London', guessed: true });
    expect(resolveZone('Dhaka, Bangladesh\nTalk 10:00 BST', {}).zone).toBe('Asia/Dhaka');
    expect(resolveZone('Talk 10:00 IST\nHyderabad', {}).zone).toBe('Asia/Kolkata');
    expect(resolveZone('Talk 10:00 IST\nDublin, Ireland', {}).zone).toBe('Europe/Dublin');
    expect(resolveZone('Talk 10:00 IST\nTel Aviv, Israel', {}).zone).toBe('Asia/Jerusalem');
  });

  it('abbreviation: unambiguous ones decide alone; UTC is its own rule', () => {
    expect(resolveZone('Talk 10:00 JST', {})).toMatchObject({ zone: 'Asia/Tokyo', guessed: false });
    expect(resolveZone('Talk 10:00 AEDT', {}).zone).toBe('Australia/Sydney');
    expect(resolveZone('Talk 10:00 AEST in Melbourne', {}).zone).toBe('Australia/Melbourne');
    expect(resolveZone('Talk 10:00 UTC', {})).toMatchObject({ zone: 'UTC', rule: 'utc' });
  });

  it('abbreviation: short ones like "PT" count only next to a time', () => {
    expect(resolveZone('Doors open 10am PT', {}).zone).toBe('America/Los_Angeles');
    expect(resolveZone('PT Barnum and the ET movie', {}).rule).toBe('fallback');
  });

  it('place: a conference city decides when nothing else does', () => {
    const z = resolveZone('KubeCon Europe in Valencia\nMonday 9:00', {});
    expect(z).toMatchObject({ zone: 'Europe/Madrid', rule: 'place' });
    expect(z.detail).toContain('“Valencia”');
  });

  it('place: names that are also first names need "in"/"at" or ", State"', () => {
    expect(resolveZone('Talk by Austin Smith', {}).rule).toBe('fallback');
    expect(resolveZone('Held in Austin, TX', {}).zone).toBe('America/Chicago');
  });

  it('fallback: nothing in the text → the fallback zone, flagged as a guess', () => {
    expect(resolveZone('Talk at 10:00', {})).toMatchObject({ zone: 'UTC', rule: 'fallback', guessed: true });
    expect(resolveZone('Talk at 10:00', { fallbackZone: 'Europe/Paris' }).zone).toBe('Europe/Paris');
    expect(resolveZone('Talk at 10:00', { fallbackZone: 'Not/AZone' }).zone).toBe('UTC');
  });

  it('lists the candidates of an abbreviation for the zone picker', () => {
    expect(abbreviationCandidates('cst')).toEqual(['America/Chicago', 'Asia/Shanghai', 'Asia/Taipei']);
    expect(abbreviationCandidates('IST')).toContain('Europe/Dublin');
    expect(abbreviationCandidates('XYZ')).toEqual([]);
  });
});

describe('DST correctness of the resolved zone', () => {
  it('a Chicago session on 2023-11-06 is UTC-6, one on 2023-11-03 would be UTC-5', () => {
    const zone = resolveZone(seed(BLOG_SEED), {}).zone;
    expect(toIsoUtc(wallToEpoch({ year: 2023, month: 11, day: 6, hour: 9, minute: 15 }, zone))).toBe('2023-11-06T15:15:00Z');
    expect(toIsoUtc(wallToEpoch({ year: 2023, month: 11, day: 3, hour: 9, minute: 15 }, zone))).toBe('2023-11-03T14:15:00Z');
  });
});
