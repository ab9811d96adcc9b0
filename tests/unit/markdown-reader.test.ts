// The structural Markdown reader on the shapes real posts use (issue #15): wrapped link text,
// times on a link's closing line or split over two lines, times first, day headings with an
// event, "Wed 18" prefixes, speakers on a "> " line, years only in the front matter, tables with
// 12-hour times without am/pm, and talks listed without a time.
import { describe, expect, it } from 'vitest';
import { toIsoUtc } from '../../src/shared/time.ts';
import { parseMarkdown } from '../../src/main/import/parsers/markdown/read.ts';
import type { ParsedSchedule } from '../../src/shared/domain.ts';

function session(r: ParsedSchedule, title: string) {
  const s = r.sessions.find((x) => x.title === title);
  if (!s) throw new Error(`no session “${title}” among ${JSON.stringify(r.sessions.map((x) => x.title))}`);
  return s;
}

const POST = [
  '---', // 1
  'title: Our talks at KubeCon EU',
  'date: 2022-05-10',
  '---',
  '',
  'See you in Valencia! All times are CEST.', // 6
  '',
  '### Tuesday 17 May - [GitOpsCon](https://events.example.org/gitopscon)', // 8
  '',
  '- 9:45 - 10:15 GitOpsCon: [Flux at Scale](https://sched.co/abc1)', // 10
  '  > Stefan Prodan, Weaveworks', // 11
  '- [Progressive Delivery with', // 12
  '  Flagger](https://sched.co/abc2) (14:10 -', // 13
  '  14:40)', // 14
  '',
  '## Wed 18: Maintainer track', // 16
  '',
  '- [A Very Long Title That Wraps', // 18
  '  Over Two Lines](https://sched.co/abc3) (9:00 - 9:35)', // 19
  '- [Service Mesh for Humans](https://sched.co/abc4) 11:00 - 11:30 - Thomas Graf, Bill Mulligan & Liz Rice, Isovalent; Purvi Desai, Google', // 20
  '- [Networking in the Cloud- Deepak Bansal, Microsoft](https://sched.co/abc5) 12:00 - 12:30', // 21
  '- [An Untimed Deep Dive](https://sched.co/abc6)', // 22
  ''
].join('\n');

describe('parseMarkdown reads blog posts by their structure', () => {
  const r = parseMarkdown(POST, {});

  it('finds every timed talk and nothing else', () => {
    expect(r.sessions.map((s) => s.title)).toEqual([
      'Flux at Scale',
      'Progressive Delivery with Flagger',
      'A Very Long Title That Wraps Over Two Lines',
      'Service Mesh for Humans',
      'Networking in the Cloud'
    ]);
    expect(r.zone.zone).toBe('Europe/Madrid');
  });

  it('takes the day from the heading and the year from the front matter', () => {
    const flux = session(r, 'Flux at Scale');
    expect(toIsoUtc(flux.start)).toBe('2022-05-17T07:45:00Z');
    expect(toIsoUtc(flux.end)).toBe('2022-05-17T08:15:00Z');
    expect(flux.track).toBe('GitOpsCon');
    expect(flux.type).toBe('GitOpsCon');
    expect(flux.key).toBe('sched:abc1');
    expect(r.warnings.some((w) => w.line === 8 && /no year given; read as Tuesday, May 17, 2022/.test(w.message))).toBe(true);
  });

  it('reads the speaker on a following "> " line', () => {
    expect(session(r, 'Flux at Scale').speakers.map((s) => [s.name, s.affiliation])).toEqual([['Stefan Prodan', 'Weaveworks']]);
  });

  it('joins a link whose text wraps and a range split over two lines', () => {
    const flagger = session(r, 'Progressive Delivery with Flagger');
    expect(toIsoUtc(flagger.start)).toBe('2022-05-17T12:10:00Z');
    expect(toIsoUtc(flagger.end)).toBe('2022-05-17T12:40:00Z');
    expect(flagger.line).toBe(12);
  });

  it('reads "Wed 18" in a heading as the 18th of the month near the post date', () => {
    const wraps = session(r, 'A Very Long Title That Wraps Over Two Lines');
    expect(toIsoUtc(wraps.start)).toBe('2022-05-18T07:00:00Z');
    expect(toIsoUtc(wraps.end)).toBe('2022-05-18T07:35:00Z');
    expect(wraps.track).toBe('Maintainer track');
  });

  it('keeps every person of "A, B & C, Org; D, Org" and reads a tight dash before a speaker', () => {
    expect(session(r, 'Service Mesh for Humans').speakers.map((s) => s.name)).toEqual(['Thomas Graf', 'Bill Mulligan', 'Liz Rice', 'Purvi Desai']);
    expect(session(r, 'Networking in the Cloud').speakers.map((s) => [s.name, s.affiliation])).toEqual([['Deepak Bansal', 'Microsoft']]);
  });

  it('names a talk listed without a time in a warning with its line', () => {
    expect(r.warnings.some((w) => w.line === 22 && w.message.includes('“An Untimed Deep Dive” has no time'))).toBe(true);
  });
});

describe('parseMarkdown reads agenda tables', () => {
  const AGENDA = [
    '# Community Day', // 1
    '',
    'Held at the Berlin Congress Center.', // 3
    '',
    '## Monday, June 3, 2024', // 5
    '',
    '| Time | Room | Session | Speaker |', // 7
    '|------|------|---------|---------|',
    '| 9:00-9:15 | | Welcome and Introduction | |', // 9
    '| 9:15-10:30 | Main | Keynote: Open Source at Scale | Ada Lovelace |',
    '| 10:30-12:00 | Main | Hands-on Workshop | Grace Hopper, Alan Turing |',
    '| 12:00-1:00 | | Lunch | |', // 12
    '| 1:00-2:30 | Hall B | Afternoon Talks | |', // 13
    '| 2:30 | Hall B | Closing | |', // 14
    '| | | Lightning Talk Without a Slot | Barbara Liskov |', // 15
    '| 3:00-3:30 | | Free | |' // 16
  ].join('\n');
  const r = parseMarkdown(AGENDA, {});

  it('reads a row per talk with its room and people', () => {
    expect(r.sessions.map((s) => s.title)).toEqual([
      'Welcome and Introduction',
      'Keynote: Open Source at Scale',
      'Hands-on Workshop',
      'Lunch',
      'Afternoon Talks',
      'Closing'
    ]);
    expect(session(r, 'Hands-on Workshop').speakers.map((s) => s.name)).toEqual(['Grace Hopper', 'Alan Turing']);
    expect(session(r, 'Afternoon Talks').room).toBe('Hall B');
    expect(session(r, 'Lunch').room).toBeNull();
  });

  it('reads 12-hour times without am/pm in order: 12:00-1:00 is midday, 1:00 and 2:30 the afternoon', () => {
    expect(toIsoUtc(session(r, 'Welcome and Introduction').start)).toBe('2024-06-03T07:00:00Z');
    expect(toIsoUtc(session(r, 'Lunch').start)).toBe('2024-06-03T10:00:00Z');
    expect(toIsoUtc(session(r, 'Lunch').end)).toBe('2024-06-03T11:00:00Z');
    expect(toIsoUtc(session(r, 'Afternoon Talks').start)).toBe('2024-06-03T11:00:00Z');
    expect(toIsoUtc(session(r, 'Afternoon Talks').end)).toBe('2024-06-03T12:30:00Z');
    expect(toIsoUtc(session(r, 'Closing').start)).toBe('2024-06-03T12:30:00Z');
  });

  it('names each line whose am/pm it decided', () => {
    for (const line of [12, 13, 14]) expect(r.warnings.some((w) => w.line === line && /has no am\/pm/.test(w.message))).toBe(true);
    expect(r.warnings.some((w) => w.line === 9 && /has no am\/pm/.test(w.message))).toBe(false);
  });

  it('reports a row without a time by its title, and does not count a "Free" slot', () => {
    expect(r.warnings.some((w) => w.line === 15 && w.message.includes('“Lightning Talk Without a Slot” has no time'))).toBe(true);
    expect(r.sessions.some((s) => s.title === 'Free')).toBe(false);
  });
});

describe('parseMarkdown reads lists under weekday headings', () => {
  it('places weekday-only headings on or after the post date, as one run of days', () => {
    const doc = ['---', 'date: 2020-03-02', '---', '', '## Thursday', '', '* Workshop: [Containers](https://x.org/c), Room 106, 10:00 to 13:00', '', '## Friday', '', '* [Data Types](https://x.org/d) (by Ann Lee and Bo Chen), Room 104, 09:30 to 12:30', ''].join('\n');
    const r = parseMarkdown(doc, { timeZone: 'America/Los_Angeles' });
    expect(r.sessions.map((s) => [s.title, toIsoUtc(s.start), s.room, s.type])).toEqual([
      ['Containers', '2020-03-05T18:00:00Z', 'Room 106', 'Workshop'],
      ['Data Types', '2020-03-06T17:30:00Z', 'Room 104', null]
    ]);
    expect(r.sessions[1]!.speakers.map((s) => s.name)).toEqual(['Ann Lee', 'Bo Chen']);
    expect(r.warnings.some((w) => w.line === 5 && /“Thursday” has no date; read as Thursday, March 5, 2020/.test(w.message))).toBe(true);
  });

  it('asks for the first day when weekday-only headings have nothing to date them', () => {
    expect(() => parseMarkdown('## Saturday\n\n- 10:00 - 11:00 [Talk](https://x.org/t)\n', { timeZone: 'UTC' })).toThrowError(
      expect.objectContaining({ code: 'first-day-required', message: expect.stringMatching(/^On which date is the first day, Saturday\?/) })
    );
  });
});
