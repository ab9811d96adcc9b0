import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { BLOG_SEED, SCHED_SEED } from '../fixtures/paths.ts';
import { ClashlessError } from '../../src/shared/contract.ts';
import { offsetMinutesAt, toIsoUtc, wallToEpoch } from '../../src/shared/time.ts';
import { zoneNeedsConfirmation } from '../../src/shared/domain.ts';
import { abbreviationCandidates, collectZoneEvidence, resolveZone } from '../../src/main/import/zones.ts';

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

describe('zone evidence is weighed, not grabbed (issue #15)', () => {
  const placeKinds = (text: string) => collectZoneEvidence(text).filter((e) => ['venue', 'series', 'mention'].includes(e.kind));

  it('a newspaper among the users is not where KubeCon EU 2023 was: Amsterdam is proposed, never stated', () => {
    const post = [
      '---',
      "title: 'Our talks at KubeCon + CloudNativeCon EU 2023'",
      '---',
      '',
      'We are proud to share talks from users like Bloomberg, New York Times and the Financial Times.',
      '',
      '## Wednesday, April 19, 2023',
      '',
      '11:00 - 11:30 Scaling etcd without tears',
      '14:00 - 14:35 What the Times learned from running 400 clusters'
    ].join('\n');
    const z = resolveZone(post, {});
    expect(z).toMatchObject({ zone: 'Europe/Amsterdam', rule: 'place', guessed: true });
    expect(z.candidates?.map((c) => c.zone)).toEqual(['Europe/Amsterdam']);
    expect(z.detail).toContain('not counted: “New York Times” on line 5');
    expect(zoneNeedsConfirmation(z)).toBe(true);
    expect(placeKinds(post).flatMap((e) => e.zones)).not.toContain('America/New_York');
  });

  it('a KubeCon EU 2023 post naming no zone proposes Amsterdam with the edition as its reason', () => {
    const post = 'Cilium at KubeCon EU 2023\n\nTuesday, April 18, 2023\n10:30 - 11:00 eBPF for the rest of us\n';
    const z = resolveZone(post, {});
    expect(z).toMatchObject({ zone: 'Europe/Amsterdam', rule: 'place', guessed: true });
    expect(z.candidates).toEqual([
      { zone: 'Europe/Amsterdam', place: 'Amsterdam', reason: 'KubeCon EU 2023 was held in Amsterdam (“KubeCon EU 2023” in the title (line 1))' }
    ]);
    // Without a year in its name the edition comes from the document's dates, and weighs less.
    const undated = resolveZone('Our KubeCon Europe picks\n\nThursday, March 21, 2024\n09:00 Keynotes\n', {});
    expect(undated).toMatchObject({ zone: 'Europe/Paris', guessed: true });
    expect(undated.candidates?.[0]?.reason).toContain('with the document’s dates in that year');
  });

  it('a university name does not choose Vienna for a Paris event', () => {
    const doc = [
      'Rust Days 2024',
      '',
      'The meetup takes place at Station F, Paris.',
      '',
      'Tuesday 14 May 2024',
      '09:30 Keynote: Ownership in practice - Prof. Anna Berger (Technische Universität Wien)',
      '11:00 Lunch talk - Marc Dubois, Université de Lyon'
    ].join('\n');
    const z = resolveZone(doc, {});
    expect(z).toMatchObject({ zone: 'Europe/Paris', rule: 'place', guessed: true });
    expect(z.candidates?.map((c) => c.zone)).toEqual(['Europe/Paris']);
    expect(z.candidates?.[0]?.reason).toBe('“Paris” on line 3, where it is held (“takes place at Station F, Paris”)');
    expect(z.detail).toContain('“Universität Wien” on line 6');
  });

  it('organisation names are recognised by pattern, before or after the place', () => {
    const names = [
      'University of Chicago',
      'Universidad de Madrid',
      'Wirtschaftsuniversität Wien',
      'TU München',
      'Imperial College London',
      'Bank of America',
      'Washington Post',
      'Los Angeles Times',
      'Boston Dynamics',
      'Berlin Partner GmbH',
      'Indian Institute of Science',
      'New York University'
    ];
    for (const name of names) expect(placeKinds(`Speaker: Jo Doe, ${name}`), name).toEqual([]);
    // A region word inside a name does not settle an abbreviation either.
    expect(resolveZone('Keynote 10:00 CST, sponsored by Bank of China', {})).toMatchObject({ zone: 'America/Chicago', guessed: true });
    // …but an organisation named as the venue is where the event is.
    expect(resolveZone('The workshop is held at the University of Vienna.\n10:00 Welcome', {})).toMatchObject({ zone: 'Europe/Vienna', rule: 'place' });
  });

  it('conflicting evidence asks: the title says EU, the text names Chicago as the venue; both are listed', () => {
    const doc = [
      '# KubeCon EU 2023 watch party',
      '',
      'Join us in Chicago for a local watch party of the keynotes.',
      '',
      'Thursday, April 20, 2023',
      '10:00 Keynotes (streamed)'
    ].join('\n');
    const z = resolveZone(doc, {});
    expect(z.guessed).toBe(true);
    expect(zoneNeedsConfirmation(z)).toBe(true);
    expect(z.candidates?.map((c) => c.zone).sort()).toEqual(['America/Chicago', 'Europe/Amsterdam']);
    const chicago = z.candidates?.find((c) => c.zone === 'America/Chicago');
    expect(chicago).toMatchObject({ place: 'Chicago', reason: '“Chicago” on line 3, where it is held (“Join us in Chicago”)' });
    expect(z.candidates?.find((c) => c.zone === 'Europe/Amsterdam')?.reason).toMatch(/^KubeCon EU 2023 was held in Amsterdam/);
    expect(z.detail).toMatch(/but also/);
  });

  it('an explicit CEST beats a series row; a series row of the same clock only names the city', () => {
    const picks = [
      '# KubeCon + CloudNativeCon North America 2023: our picks',
      '',
      'All times below are CEST, for our team in Europe.',
      '',
      '2023-11-07',
      '16:00 CEST Keynote replay'
    ].join('\n');
    const z = resolveZone(picks, {});
    expect(z).toMatchObject({ zone: 'Europe/Berlin', rule: 'abbreviation', guessed: false });
    expect(z.candidates).toBeUndefined();
    expect(z.detail).toContain('the document also points at America/Chicago: KubeCon NA 2023 was held in Chicago');
    expect(resolveZone('KubeCon EU 2023 schedule\n\n2023-04-19\n11:00 CEST Opening', {})).toMatchObject({
      zone: 'Europe/Amsterdam',
      rule: 'abbreviation',
      guessed: false
    });
  });

  it('an organisation name and a real venue sentence: the venue decides, Vienna, still to be confirmed', () => {
    const doc = [
      '# Open Source Summit Europe 2024',
      '',
      'Talks by researchers from Technische Universität Wien and engineers from Deutsche Bahn and Bank of America.',
      'The summit is held at the Austria Center Vienna, 16–18 September 2024.',
      '',
      'Monday, September 16, 2024',
      '09:00 - 09:30 Welcome'
    ].join('\n');
    const z = resolveZone(doc, {});
    expect(z).toMatchObject({ zone: 'Europe/Vienna', rule: 'place', guessed: true });
    expect(z.candidates).toEqual([
      { zone: 'Europe/Vienna', place: 'Vienna', reason: '“Vienna” on line 4, where it is held (“held at the Austria Center Vienna”)' }
    ]);
    expect(zoneNeedsConfirmation(z)).toBe(true);
    expect(collectZoneEvidence(doc).map((e) => [e.kind, e.text])).toEqual([['venue', 'held at the Austria Center Vienna']]);
  });

  it('the series table: FOSDEM, the CCC congresses, PyCon US', () => {
    expect(resolveZone('FOSDEM 2025 Rust devroom\n10:00 Welcome', {})).toMatchObject({ zone: 'Europe/Brussels', guessed: true });
    expect(resolveZone('36C3 Fahrplan\n11:00 Opening', {}).candidates?.[0]).toMatchObject({ zone: 'Europe/Berlin', place: 'Leipzig' });
    expect(resolveZone('38C3 Fahrplan\n11:00 Opening', {}).candidates?.[0]).toMatchObject({ zone: 'Europe/Berlin', place: 'Hamburg' });
    expect(resolveZone('PyCon US 2024 tutorials\n9:00 Intro to pandas', {}).candidates?.[0]).toMatchObject({
      zone: 'America/New_York',
      place: 'Pittsburgh'
    });
    // An edition the table does not know proposes nothing.
    expect(resolveZone('KubeCon EU 2019 recap\n10:00 Keynotes', {}).rule).toBe('fallback');
  });

  it('a stated zone never needs confirming; a place-only or empty one always does', () => {
    expect(zoneNeedsConfirmation(resolveZone(seed(SCHED_SEED), {}))).toBe(false);
    expect(zoneNeedsConfirmation(resolveZone(seed(BLOG_SEED), {}))).toBe(false);
    expect(zoneNeedsConfirmation(resolveZone('Held in Austin, TX\n10:00 Talk', {}))).toBe(true);
    expect(zoneNeedsConfirmation(resolveZone('Talk at 10:00', {}))).toBe(true);
    expect(zoneNeedsConfirmation(resolveZone('Held in Austin, TX\n10:00 Talk', { timeZone: 'America/Chicago' }))).toBe(false);
  });
});
