// The date/time phrase reader against chrono-node, on real lines of the corpus (issue #15).
// Both get the same visible text (markup already taken off, as the outline reader sees it) and
// the post's own date as reference; a reading counts when month/day (if the line has one), start
// and end all match what a person reads. The kept reader (date-phrases.ts with clock-order.ts)
// must be at least as exact as chrono on every line set, and exact on all of them.
import * as chrono from 'chrono-node';
import { describe, expect, it } from 'vitest';
import { formatClock, settleClocks } from '../../src/main/import/parsers/prose/clock-order.ts';
import { findWhen } from '../../src/main/import/parsers/prose/date-phrases.ts';

interface Case {
  /** Where the line is in tests/fixtures/real. */
  from: string;
  text: string;
  /** The post's date (or the event's first day) as reference. */
  ref: string;
  date: string | null; // "MM-DD"
  start: string;
  end: string | null;
  /** A table cell holding only a clock ("0845-0900"). */
  cell?: boolean;
}

const CASES: Case[] = [
  { from: 'blog/otel-kubecon-na-2023.md:32', text: 'Tuesday, November 7 • 11:00am - 11:35am', ref: '2023-10-02', date: '11-07', start: '11:00', end: '11:35' },
  { from: 'blog/otel-kubecon-na-2023.md:55', text: 'Wednesday, November 8 • 11:00am - 12:30pm', ref: '2023-10-02', date: '11-08', start: '11:00', end: '12:30' },
  { from: 'blog/otel-kubecon-na-2023.md:76', text: 'Thursday, November 9 • 4:55pm - 5:30pm', ref: '2023-10-02', date: '11-09', start: '16:55', end: '17:30' },
  { from: 'blog/otel-kubecon-na-2023.md:20', text: 'OpenTelemetry Contribfest, on Wednesday November 8, 2023 from 2:30pm - 3:55pm. There will be several opportunities to contribute:', ref: '2023-10-02', date: '11-08', start: '14:30', end: '15:55' },
  { from: 'blog/otel-kubecon-na-2023.md:98', text: 'Tuesday, November 7: 10:30am – 8:00pm (includes KubeCrawl + CloudNativeFest from 6:00pm – 8:00pm)', ref: '2023-10-02', date: '11-07', start: '10:30', end: '20:00' },
  { from: 'blog/carvel-kubecon-na-2022.md:14', text: 'Tuesday, October 25 • 4:15pm–4:45pm', ref: '2022-10-20', date: '10-25', start: '16:15', end: '16:45' },
  { from: 'blog/carvel-kubecon-na-2022.md:25', text: '4:00pm – How I gave all my TAS developers automatic access to TAP using ytt by David Stevenson', ref: '2022-10-20', date: null, start: '16:00', end: null },
  { from: 'blog/carvel-kubecon-eu-2024.md:24', text: 'When: Wednesday, March 20 • 15:25 - 16:00', ref: '2024-03-14', date: '03-20', start: '15:25', end: '16:00' },
  { from: 'blog/carvel-kubecon-eu-2024.md:16', text: 'When: 11:40–11:47', ref: '2024-03-14', date: null, start: '11:40', end: '11:47' },
  { from: 'blog/harbor-kubecon-eu-2024.md:25', text: 'March 20 | 17:25 - 18:00 (local time)', ref: '2024-03-13', date: '03-20', start: '17:25', end: '18:00' },
  { from: 'blog/harbor-kubecon-eu-2024.md:32', text: 'March 22nd - 14:00 - 14:35 (local time)', ref: '2024-03-13', date: '03-22', start: '14:00', end: '14:35' },
  { from: 'blog/harbor-kubecon-eu-2024.md:41', text: 'Thursday, March 21nd - 13:30 – 17:00 (local time)', ref: '2024-03-13', date: '03-21', start: '13:30', end: '17:00' },
  { from: 'blog/harbor-kubecon-eu-2025.md:64', text: 'Thursday, April 3, 2025, 17:30 - 18:00 BST', ref: '2025-02-07', date: '04-03', start: '17:30', end: '18:00' },
  { from: 'blog/kcp-kubecon-eu-2024.md:23', text: 'Mar 18, 5:40pm: Unlocking New Possibilities: Bridging Linux and Kubernetes at Cloud Native Rejekts -- Mangirdas Judeikis', ref: '2024-03-06', date: '03-18', start: '17:40', end: null },
  { from: 'blog/kcp-kubecon-eu-2025.md:25', text: 'Thrusday, April 3, 11:00 - 11:30 BST: Extending Kubernetes Resource Model (KRM) Beyond Kubernetes Workloads', ref: '2025-03-27', date: '04-03', start: '11:00', end: '11:30' },
  { from: 'blog/kcp-kubecon-eu-2025.md:19', text: 'meet our maintainers at the Project Pavilion on Wednesday, April 2, from 15:30 to 19:45 BST at the Kiosk 5A.', ref: '2025-03-27', date: '04-02', start: '15:30', end: '19:45' },
  { from: 'blog/kcp-kubecon-eu-2026.md:27', text: 'Sat, Mar 21, 2026 17:45-18:15 CET', ref: '2026-03-16', date: '03-21', start: '17:45', end: '18:15', cell: true },
  { from: 'blog/kubevirt-kubecon-na-2018.markdown:27', text: 'Tuesday, December 11 @ 10:50 AM PST', ref: '2018-11-26', date: '12-11', start: '10:50', end: null },
  { from: 'blog/kubevirt-kubecon-na-2018.markdown:51', text: 'Time: 6:45 - 8:45 PM PST', ref: '2018-11-26', date: null, start: '18:45', end: '20:45' },
  { from: 'blog/guix-online-day-2020.md:23', text: '10:00–10:25: GNU Guix in psychology research and teaching', ref: '2020-11-16', date: null, start: '10:00', end: '10:25' },
  { from: 'blog/guix-online-day-2020.md:43', text: '17:30–xx:yy: (BoF) The ways forward (roadmap and beyond)', ref: '2020-11-16', date: null, start: '17:30', end: null },
  { from: 'blog/noeldemartin-fosdem-2019.md:19', text: '9:30-9:55 @ Janson - Welcome', ref: '2019-01-30', date: null, start: '09:30', end: '09:55' },
  { from: 'blog/otel-kubecon-china-2024.md:23', text: 'Wednesday, August 21 • 3:35 - 4:10', ref: '2024-07-10', date: '08-21', start: '15:35', end: '16:10' },
  { from: 'blog/otel-kubecon-china-2024.md:38', text: 'Thursday, August 22 • 1:50 - 2:25', ref: '2024-07-10', date: '08-22', start: '13:50', end: '14:25' },
  { from: 'blog/pivotal-scale18x.md:34', text: 'Workshop: Introduction to Containers and Kubernetes (by Marissa Bosche and Ryan Schneider), Room 106, 10:00 to 13:00', ref: '2020-03-02', date: null, start: '10:00', end: '13:00' },
  { from: 'blog/pivotal-scale18x.md:58', text: 'You will find out booth in the Exhibition hall on Saturday from 10:00 to 18:00, and on Sunday from 10:00 to 14:00.', ref: '2020-03-02', date: null, start: '10:00', end: '18:00' },
  { from: 'agenda/containerplumbing-2021.md:52', text: '9:30-9:55 AM', ref: '2021-03-09', date: null, start: '09:30', end: '09:55', cell: true },
  { from: 'agenda/containerplumbing-2021.md:58', text: '01:00-01:25 PM', ref: '2021-03-09', date: null, start: '13:00', end: '13:25', cell: true },
  { from: 'agenda/containerplumbing-2021.md:80', text: '01:00-01:55PM', ref: '2021-03-09', date: null, start: '13:00', end: '13:55', cell: true },
  { from: 'agenda/containerplumbing-2021.md:61', text: 'Hallway Track: 9:00am/14:00utc to 3:00pm/20:00utc', ref: '2021-03-09', date: null, start: '09:00', end: '15:00' },
  { from: 'agenda/openjs-collab-summit-2018-vancouver.md:71', text: '9:15 - 10:45', ref: '2018-10-13', date: null, start: '09:15', end: '10:45', cell: true },
  { from: 'agenda/openjs-collab-summit-2018-vancouver.md:78', text: '12:30 - 1:30', ref: '2018-10-13', date: null, start: '12:30', end: '13:30', cell: true },
  { from: 'agenda/openjs-collab-summit-2018-vancouver.md:79', text: '1:30 - 2:45', ref: '2018-10-13', date: null, start: '13:30', end: '14:45', cell: true },
  { from: 'agenda/openjs-collab-summit-2019-berlin.md:51', text: '1430', ref: '2019-05-30', date: null, start: '14:30', end: null, cell: true },
  { from: 'agenda/openjs-collab-summit-2020-online.md:42', text: '0845-0900', ref: '2020-06-22', date: null, start: '08:45', end: '09:00', cell: true },
  { from: 'html/dh2017-schedule.html:121', text: '9:30 – 5:30 Workshops', ref: '2017-08-07', date: null, start: '09:30', end: '17:30' },
  { from: 'html/dh2017-schedule.html:135', text: '11:30 – 1:30 Lunch break.', ref: '2017-08-07', date: null, start: '11:30', end: '13:30' },
  { from: 'html/pyconfr-2012-schedule.html:389', text: '09:30Matin', ref: '2012-09-15', date: null, start: '09:30', end: null, cell: true },
  { from: 'html/pyconfr-2012-schedule.html:294', text: '02:00Après-midi', ref: '2012-09-15', date: null, start: '14:00', end: null, cell: true },
  { from: 'html/3dor2021-programme.html:72', text: 'Thursday, September 2nd, 2021', ref: '2021-08-01', date: '09-02', start: '', end: null }
];

interface Reading {
  date: string | null;
  start: string;
  end: string | null;
}

const two = (n: number): string => String(n).padStart(2, '0');

/** Ours: the phrase reader, with a 1-12 time without am/pm settled by conference hours. */
function ours(c: Case): Reading | null {
  const phrases = findWhen(c.text, { compact: c.cell === true });
  const timed = phrases.find((p) => p.start !== null);
  const dated = phrases.find((p) => p.date !== null);
  if (!timed?.start) return dated?.date ? { date: `${two(dated.date.month)}-${two(dated.date.day)}`, start: '', end: null } : null;
  const [settled] = settleClocks([{ sequence: 'one', start: timed.start, end: timed.end, clock12: timed.clock12 }], timed.written24);
  const day = timed.date ?? dated?.date ?? null;
  return { date: day ? `${two(day.month)}-${two(day.day)}` : null, start: formatClock(settled!.start), end: settled!.end ? formatClock(settled!.end) : null };
}

/** chrono-node with the post's date as reference (forward dates), its best reading of the line. */
function theirs(c: Case): Reading | null {
  const results = chrono.parse(c.text, new Date(`${c.ref}T12:00:00Z`), { forwardDate: true });
  const timed = results.find((r) => r.start.isCertain('hour'));
  const dated = results.find((r) => r.start.isCertain('day') && r.start.isCertain('month'));
  const date = dated ? `${two(dated.start.get('month') ?? 0)}-${two(dated.start.get('day') ?? 0)}` : null;
  if (!timed) return dated ? { date, start: '', end: null } : null;
  const clock = (h: number | null, m: number | null): string => `${two(h ?? 0)}:${two(m ?? 0)}`;
  return {
    date,
    start: clock(timed.start.get('hour'), timed.start.get('minute')),
    end: timed.end ? clock(timed.end.get('hour'), timed.end.get('minute')) : null
  };
}

function exact(r: Reading | null, c: Case): boolean {
  if (!r) return false;
  return (c.date === null || r.date === c.date) && r.start === c.start && r.end === c.end;
}

describe('date/time phrases: our reader and chrono-node on real lines', () => {
  const oursExact = CASES.filter((c) => exact(ours(c), c));
  const chronoExact = CASES.filter((c) => exact(theirs(c), c));

  it('reads every real line exactly', () => {
    const missed = CASES.filter((c) => !oursExact.includes(c)).map((c) => `${c.from}: ${JSON.stringify(ours(c))}`);
    expect(missed).toEqual([]);
  });

  it('is at least as exact as chrono-node on the same lines (the reason it is kept)', () => {
    const chronoOnly = chronoExact.filter((c) => !oursExact.includes(c)).map((c) => c.from);
    console.log(
      `date phrases on ${CASES.length} real lines: date-phrases.ts ${oursExact.length} exact, chrono-node ${chronoExact.length} exact; ` +
        `chrono misses: ${CASES.filter((c) => !chronoExact.includes(c)).map((c) => c.from.split('/').pop()).join(', ')}`
    );
    expect(chronoOnly).toEqual([]);
    expect(oursExact.length).toBeGreaterThan(chronoExact.length);
  });
});
