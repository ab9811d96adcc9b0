import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { SCHED_SEED } from '../fixtures/paths.ts';
import { ClashlessError } from '../../src/shared/contract.ts';
import { toIsoUtc } from '../../src/shared/time.ts';
import { parseSchedText } from '../../src/main/import/parsers/text/sched.ts';

const SEED = readFileSync(SCHED_SEED, 'utf8');
const parsed = parseSchedText(SEED, {});
const byTitle = (prefix: string) => {
  const s = parsed.sessions.find((x) => x.title.startsWith(prefix));
  if (!s) throw new Error(`no session starting “${prefix}”`);
  return s;
};

describe('parseSchedText on the Sched page copy seed', () => {
  it('names the conference from the registration blurb and reads the zone from the display-zone sentence', () => {
    expect(parsed.format).toBe('sched-text');
    expect(parsed.conference.title).toBe('KubeCon + CloudNativeCon North America 2024');
    expect(parsed.conference.timeZone).toBe('America/Denver');
    expect(parsed.zone.zone).toBe('America/Denver');
    expect(parsed.zone.guessed).toBe(false);
    expect(parsed.zone.detail).toContain('Mountain Standard Time');
    expect(parsed.zone.detail).toContain('line 9');
  });

  it('finds exactly the 18 sessions and no spurious warning from the page furniture', () => {
    expect(parsed.sessions).toHaveLength(18);
    expect(parsed.warnings).toEqual([]);
  });

  it('reads the first session completely', () => {
    const first = parsed.sessions[0]!;
    expect(first.title).toBe('All Your Routes Are Ready, More or Less');
    expect(toIsoUtc(first.start)).toBe('2024-11-13T18:15:00Z');
    expect(toIsoUtc(first.end)).toBe('2024-11-13T18:50:00Z');
    expect(first.venue).toBe('Salt Palace');
    expect(first.room).toBe('Level 1 | 155 EF');
    expect(first.track).toBe('Connectivity');
    expect(first.line).toBe(16);
    expect(first.speakers).toHaveLength(1);
    const dave = first.speakers[0]!;
    expect(dave.name).toBe('Dave Protasowski');
    expect(dave.affiliation).toBe('Broadcom');
    expect(dave.role).toBe('Staff Engineer');
    expect(dave.bio).toMatch(/^Dave Protasowski is part of Knative Technical Committee/);
    expect(dave.bio).toMatch(/Pivotal\.$/);
    expect(first.description).toMatch(/^Gateway API is the official next gen Kubernetes API/);
    expect(first.description).toMatch(/show some numbers!$/);
  });

  it('never leaves the speaker suffix in a title', () => {
    for (const s of parsed.sessions) {
      expect(s.title).not.toMatch(/ - [^-]+, [^,]+$/);
      for (const sp of s.speakers) expect(s.title).not.toContain(sp.name);
    }
    expect(byTitle('Cilium, EBPF').title).toBe(
      'Cilium, EBPF, WireGuard: Can We Tame the Network Encryption Performance Gap?'
    );
  });

  it('cleans block-name artefacts and keeps the fuller name from the title', () => {
    expect(byTitle('One Gateway API').speakers.map((s) => s.name)).toEqual(['Flynn']);
    const egress = byTitle('Securing Outgoing Traffic');
    expect(egress.speakers.map((s) => s.name).sort()).toEqual(['Akshita Agarwal', 'Edie Yang']);
    expect(egress.speakers.every((s) => s.affiliation === 'Airbnb')).toBe(true);
  });

  it('treats differently spaced spellings as one speaker, listed once', () => {
    const multicast = byTitle('Seeing Double?');
    expect(multicast.speakers).toHaveLength(1);
    expect(multicast.speakers[0]!.name).toBe('Louis De Los Santos');
    expect(multicast.speakers[0]!.affiliation).toBe('Isovalent at Cisco');
    // "Louis DeLosSantos, Isovalent at Cisco" is name + company, not a job title.
    expect(multicast.speakers[0]!.role).toBeNull();
  });

  it('lists every speaker of a session exactly once', () => {
    for (const s of parsed.sessions) {
      const names = s.speakers.map((x) => x.name);
      expect(new Set(names).size).toBe(names.length);
      expect(names.length).toBeGreaterThan(0);
    }
  });

  it('prefers the title suffix company and takes the role from the block', () => {
    const girish = byTitle('Thousands of Gamers').speakers.find((s) => s.name === 'Girish Moodalbail')!;
    expect(girish.affiliation).toBe('NVIDIA Inc');
    expect(girish.role).toBe('Distinguished Engineer');
    const surya = byTitle('Thousands of Gamers').speakers.find((s) => s.name === 'Surya Seetharaman')!;
    expect(surya.affiliation).toBe('Red Hat');
    expect(surya.role).toBe('Principal Software Engineer');
    expect(surya.bio).not.toMatch(/Read More/);
    expect(surya.bio).toMatch(/Networked Services and Systems$/);
  });

  it('keeps the two Friday 2:55pm sessions apart, each in its own room', () => {
    const friday = parsed.sessions.filter((s) => toIsoUtc(s.start) === '2024-11-15T21:55:00Z');
    expect(friday).toHaveLength(2);
    expect(friday.map((s) => s.room).sort()).toEqual(['Level 1 | 155 EF', 'Level 2 | 255 EF']);
    for (const s of friday) expect(toIsoUtc(s.end)).toBe('2024-11-15T22:30:00Z');
  });

  it('reads attribute bullets after the track', () => {
    expect(byTitle('One Gateway API to Rule Them All').attributes).toEqual({ 'Content Experience Level': 'Any' });
    expect(parsed.sessions[0]!.attributes).toEqual({});
  });

  it('gives every session a unique content key and end >= start', () => {
    const keys = parsed.sessions.map((s) => s.key);
    expect(new Set(keys).size).toBe(keys.length);
    for (const s of parsed.sessions) {
      expect(s.key).toMatch(/^h-[0-9a-f]{16}$/);
      expect(s.end).toBeGreaterThanOrEqual(s.start);
    }
  });

  it('moves the instants but keeps the wall-clock times when the person picks another zone', () => {
    const chicago = parseSchedText(SEED, { timeZone: 'America/Chicago' });
    expect(chicago.zone.rule).toBe('option');
    expect(toIsoUtc(chicago.sessions[0]!.start)).toBe('2024-11-13T17:15:00Z');
    expect(chicago.sessions.map((s) => s.key)).toEqual(parsed.sessions.map((s) => s.key));
  });
});

describe('parseSchedText on small documents', () => {
  it('reads a session without a speakers block and without the closing range line', () => {
    const doc = [
      'Wednesday, November 13',
      '',
      '9:00am MST',
      '',
      'Opening Remarks - Priyanka Sharma',
      'Wednesday November 13, 2024 9:00am - 9:15am MST',
      'Welcome to the conference.',
      ''
    ].join('\n');
    const r = parseSchedText(doc, {});
    expect(r.sessions).toHaveLength(1);
    // A bare name with no company and no speakers block is not taken for a speaker list.
    expect(r.sessions[0]!.title).toBe('Opening Remarks - Priyanka Sharma');
    expect(r.sessions[0]!.description).toBe('Welcome to the conference.');
    expect(toIsoUtc(r.sessions[0]!.start)).toBe('2024-11-13T16:00:00Z');
  });

  it('does not lose the next session when one has no closing range line', () => {
    const doc = [
      'Talk A - Ann Lee, Acme',
      'Wednesday November 13, 2024 9:00am - 9:30am MST',
      'About A.',
      'Talk B - Bo Chen, Initech',
      'Wednesday November 13, 2024 9:00am - 9:30am MST',
      'About B.',
      'Wednesday November 13, 2024 9:00am - 9:30am MST',
      'Salt Palace | Hall C',
      '  Security'
    ].join('\n');
    const r = parseSchedText(doc, {});
    expect(r.sessions.map((s) => s.title)).toEqual(['Talk A', 'Talk B']);
    expect(r.sessions[1]!.room).toBe('Hall C');
    expect(r.sessions[1]!.track).toBe('Security');
    // Same title+speakers would share a key; these differ, and keys stay unique anyway.
    expect(new Set(r.sessions.map((s) => s.key)).size).toBe(2);
  });

  it('throws parse-failed naming what it expected when there is no session', () => {
    try {
      parseSchedText('Loading…\nFilter sessions\n  • Tutorials\n', {});
      expect.unreachable();
    } catch (e) {
      expect(e).toBeInstanceOf(ClashlessError);
      expect((e as ClashlessError).code).toBe('parse-failed');
      expect((e as ClashlessError).message).toMatch(/^No sessions found: expected Sched page text/);
      expect((e as ClashlessError).where).toBe('line 1');
    }
  });

  it('warns about a range line that has no title before it', () => {
    const doc = ['Talk A - Ann Lee, Acme', 'Wednesday November 13, 2024 9:00am - 9:30am MST', '', '', '', '', 'Wednesday November 13, 2024 10:00am - 10:30am MST'].join('\n');
    const r = parseSchedText(doc, {});
    expect(r.sessions).toHaveLength(1);
    expect(r.warnings.some((w) => w.line === 7 && /without a session title/.test(w.message))).toBe(true);
  });
});

describe('parseSchedText: entries without an abstract', () => {
  it('reads the place and track of a coffee break as its place and track, not its description', () => {
    const doc = [
      'Wednesday, November 13',
      '',
      '10:30am MST',
      '',
      'Coffee Break',
      'Wednesday November 13, 2024 10:30am - 11:00am MST',
      'Salt Palace | Level 1 | Hall B',
      '\u00a0 Breaks',
      '',
      '11:15am MST',
      '',
      'All Your Routes Are Ready - Dave Protasowski, Broadcom',
      'Wednesday November 13, 2024 11:15am - 11:50am MST',
      'Gateway API is the next gen API.',
      'Wednesday November 13, 2024 11:15am - 11:50am MST',
      'Salt Palace | Level 1 | 155 EF',
      '\u00a0 Connectivity'
    ].join('\n');
    const r = parseSchedText(doc, {});
    expect(r.sessions.map((s) => s.title)).toEqual(['Coffee Break', 'All Your Routes Are Ready']);
    const coffee = r.sessions[0]!;
    expect(coffee.description).toBeNull();
    expect(coffee.venue).toBe('Salt Palace');
    expect(coffee.room).toBe('Level 1 | Hall B');
    expect(coffee.track).toBe('Breaks');
    expect(coffee.speakers).toEqual([]);
    expect(r.sessions[1]!.description).toBe('Gateway API is the next gen API.');
    expect(r.sessions[1]!.room).toBe('Level 1 | 155 EF');
  });
});
