import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { BLOG_SEED } from '../fixtures/paths.ts';
import { ClashlessError } from '../../src/shared/contract.ts';
import { overlapMinutes, toIsoUtc } from '../../src/shared/time.ts';
import { parseMarkdown } from '../../src/main/import/parsers/markdown/read.ts';

const SEED = readFileSync(BLOG_SEED, 'utf8');
const parsed = parseMarkdown(SEED, {});
const byTitle = (prefix: string) => {
  const s = parsed.sessions.find((x) => x.title.startsWith(prefix));
  if (!s) throw new Error(`no session starting “${prefix}”`);
  return s;
};

describe('parseMarkdown on the blog-post seed', () => {
  it('takes the conference title from front matter and resolves CST to Chicago, saying how', () => {
    expect(parsed.format).toBe('markdown');
    expect(parsed.conference.title).toBe('Cilium Talks at KubeCon NA 2023');
    expect(parsed.zone.zone).toBe('America/Chicago');
    expect(parsed.zone.rule).toBe('abbreviation');
    expect(parsed.zone.detail).toContain('“CST” on line 182');
    expect(parsed.zone.detail).toMatch(/North America|NA/);
    expect(parsed.zone.detail).toMatch(/→ America\/Chicago$/);
  });

  it('finds exactly 25 talks with their heading as track', () => {
    expect(parsed.sessions).toHaveLength(25);
    const tracks = new Map<string, number>();
    for (const s of parsed.sessions) tracks.set(s.track ?? '', (tracks.get(s.track ?? '') ?? 0) + 1);
    expect(Object.fromEntries(tracks)).toEqual({ 'CiliumCon NA 2023': 14, ArgoCon: 1, 'KubeCon + CloudNativeCon': 10 });
  });

  it('reads the first talk with its Sched id as key and its link as url', () => {
    const first = parsed.sessions[0]!;
    expect(first.title).toBe("From Imagination to Implementation: Inside Adobe's Production-Grade Deployment with Cilium");
    expect(toIsoUtc(first.start)).toBe('2023-11-06T15:15:00Z');
    expect(toIsoUtc(first.end)).toBe('2023-11-06T15:40:00Z');
    expect(first.key).toBe('sched:1Rj0z');
    expect(first.url).toMatch(/^https:\/\/colocatedeventsna2023\.sched\.com\/event\/1Rj0z\//);
    expect(first.line).toBe(31);
  });

  it('keys every talk on its Sched event id and strips the embed query from links', () => {
    for (const s of parsed.sessions) {
      expect(s.key).toMatch(/^sched:[A-Za-z0-9]+$/);
      expect(s.url).not.toContain('?');
    }
    expect(new Set(parsed.sessions.map((s) => s.key)).size).toBe(25);
  });

  it('places the three date lines without a year in 2023', () => {
    expect(toIsoUtc(byTitle('Paint the Picture!').start)).toBe('2023-11-08T23:25:00Z');
    expect(toIsoUtc(byTitle('Documentary Film').start)).toBe('2023-11-09T00:15:00Z');
    expect(toIsoUtc(byTitle('Documentary Film').end)).toBe('2023-11-09T01:00:00Z');
    expect(toIsoUtc(byTitle('Scaling Kubernetes Networking').start)).toBe('2023-11-09T20:55:00Z');
    expect(toIsoUtc(byTitle('Scaling Kubernetes Networking').end)).toBe('2023-11-09T21:30:00Z');
  });

  it('reads the time variants: no space before pm, a trailing zone, mixed spacing', () => {
    expect(toIsoUtc(byTitle('Past, Present, Future of Tetragon').start)).toBe('2023-11-06T18:15:00Z');
    expect(toIsoUtc(byTitle('Cilium: From Service Mesh').start)).toBe('2023-11-09T20:00:00Z');
    expect(toIsoUtc(byTitle('Cilium: From Service Mesh').end)).toBe('2023-11-09T20:35:00Z');
  });

  it('keeps a title whose dash part is not a speaker list', () => {
    const film = byTitle('Documentary Film');
    expect(film.title).toBe('Documentary Film - eBPF: Unlocking the Kernel');
    expect(film.speakers).toEqual([]);
    expect(byTitle('Keynote: CNCF Graduated').title).toBe('Keynote: CNCF Graduated Project Updates');
    expect(byTitle('Keynote: CNCF Graduated').speakers).toEqual([]);
    expect(byTitle('Paint the Picture!').title).toBe(
      'Paint the Picture! - Detecting Suspicious Data Patterns in Encrypted Traffic with eBPF and KTLS'
    );
  });

  it('splits a typo separator and multi-speaker lists with affiliations', () => {
    const mutual = byTitle('Sponsored Keynote: Effortless');
    expect(mutual.title).toBe('Sponsored Keynote: Effortless Mutual Authentication With Cilium');
    expect(mutual.speakers.map((s) => [s.name, s.affiliation])).toEqual([['Christine Kim', 'Isovalent']]);
    const battle = byTitle('Service Mesh Battle Scars');
    expect(battle.title).toBe('Service Mesh Battle Scars: Technology, Timing, and Tradeoffs');
    expect(battle.speakers.map((s) => [s.name, s.affiliation])).toEqual([
      ['Keith Mattix', 'Microsoft'],
      ['John Howard', 'Google'],
      ['Lin Sun', 'solo.io'],
      ['Thomas Graf', 'Isovalent'],
      ['Flynn', 'Buoyant']
    ]);
    const beyond = byTitle('Cilium: From Service Mesh');
    expect(beyond.speakers.map((s) => [s.name, s.affiliation])).toEqual([
      ['James McShane', 'SuperOrbital'],
      ['Hemanth Malla', 'Datadog'],
      ['Liz Rice', 'Isovalent'],
      ['Thomas Graf', 'Isovalent']
    ]);
    const bgp = byTitle('Come BGP with Me');
    expect(bgp.speakers.map((s) => [s.name, s.affiliation])).toEqual([
      ['Daneyon Hansen', 'Solo.io'],
      ['Yutaro Hayakawa', 'Isovalent']
    ]);
  });

  it('has the Tuesday tutorial and the battle-scars panel overlap by 35 minutes', () => {
    const tutorial = byTitle('Tutorial: Demystifying Cilium');
    const panel = byTitle('Service Mesh Battle Scars');
    expect(toIsoUtc(tutorial.start)).toBe('2023-11-07T22:30:00Z');
    expect(toIsoUtc(tutorial.end)).toBe('2023-11-08T00:00:00Z');
    expect(overlapMinutes(tutorial.start, tutorial.end, panel.start, panel.end)).toBe(35);
  });

  it('gathers description paragraphs and list items without swallowing the next talk', () => {
    const liz = byTitle('When Is a Secure Connection Not Encrypted?');
    expect(liz.description).toContain('- Explore the mTLS handshake step-by-step');
    expect(liz.description).toMatch(/best meets your needs\.$/);
    for (const s of parsed.sessions) {
      expect(s.description).not.toBeNull();
      expect(s.description).not.toMatch(/\]\(https:\/\/[a-z0-9]+\.sched\.com\/event/);
    }
    expect(byTitle('Tutorial: Demystifying').description).not.toContain('Battle Scars');
  });

  it('gives every talk a title and end >= start', () => {
    for (const s of parsed.sessions) {
      expect(s.title.length).toBeGreaterThan(0);
      expect(s.end).toBeGreaterThanOrEqual(s.start);
    }
  });
});

describe('parseMarkdown on small documents', () => {
  it('carries a day heading to time-only lines and reads 24-hour ranges with en dashes', () => {
    const doc = [
      '# DevRoom at FOSDEM',
      '',
      '## Saturday, February 3, 2024',
      '',
      '### [Rust in the kernel - Ana Lopez, Red Hat](https://example.org/talk/1)',
      '**16:00 – 17:15**',
      '',
      'A look at the state of Rust.',
      ''
    ].join('\n');
    const r = parseMarkdown(doc, {});
    expect(r.conference.title).toBe('DevRoom at FOSDEM');
    expect(r.zone.zone).toBe('Europe/Brussels');
    expect(r.sessions).toHaveLength(1);
    const s = r.sessions[0]!;
    expect(s.title).toBe('Rust in the kernel');
    expect(s.speakers).toEqual([{ name: 'Ana Lopez', affiliation: 'Red Hat', role: null, bio: null }]);
    expect(toIsoUtc(s.start)).toBe('2024-02-03T15:00:00Z');
    expect(toIsoUtc(s.end)).toBe('2024-02-03T16:15:00Z');
    expect(s.url).toBe('https://example.org/talk/1');
    expect(s.key).toMatch(/^h-/);
  });

  it('says when a year was taken from a nearby line without a weekday to confirm it', () => {
    const doc = ['[Talk A](https://x.org/a)', '**March 3, 2025 • 9:00 am - 9:30 am EST**', '', '[Talk B](https://x.org/b)', '**March 4 • 9:00 am - 9:30 am**'].join('\n');
    const r = parseMarkdown(doc, {});
    expect(r.sessions).toHaveLength(2);
    expect(toIsoUtc(r.sessions[1]!.start)).toBe('2025-03-04T14:00:00Z');
    expect(r.warnings.some((w) => w.line === 5 && /no year given/.test(w.message))).toBe(true);
  });

  it('throws parse-failed when no talk has a date line', () => {
    expect(() => parseMarkdown('# Notes\n\n[link](https://x.org)\n\nJust prose.', {})).toThrowError(ClashlessError);
    try {
      parseMarkdown('# Notes\n\nJust prose.', {});
    } catch (e) {
      expect((e as ClashlessError).code).toBe('parse-failed');
      expect((e as ClashlessError).message).toMatch(/^No sessions found: /);
    }
  });

  it('reads a link with nested brackets after an image as the title', () => {
    const r = parseMarkdown('## Monday, March 3, 2025\n\n![cover](c.png) [Talk [beta]](https://x.org/t)\n\n**9:00 am - 9:30 am EST**\n', {});
    expect(r.sessions.map((s) => [s.title, s.url])).toEqual([['Talk [beta]', 'https://x.org/t']]);
  });
});
