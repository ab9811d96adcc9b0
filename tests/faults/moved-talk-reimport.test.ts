// A talk the organisers move, re-imported from a real feed into a real SQLite file. Keys follow the
// talk, so the re-import must report it "moved" (not removed + added), keep the plan, note, priority
// and attendance window on the new time, and export it under the same UID with a higher SEQUENCE,
// never as a CANCELLED ghost of the old slot. And untitled pastes: an unrelated second paste becomes
// its own conference instead of marking the first one's sessions removed.
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import type { ImportReport } from '../../src/shared/contract.ts';
import { PEER_DIR, tempDir, tempServices } from '../integration/helpers.ts';

const MINUTE = 60_000;
const cleanups: (() => void)[] = [];
afterAll(() => cleanups.forEach((c) => c()));

function services() {
  let now = Date.UTC(2024, 11, 1, 12, 0);
  const host = tempServices({ now: () => (now += MINUTE) });
  cleanups.push(host.cleanup);
  return host;
}

/** Write the edited copy to a real file and read it back, as the import dialog reads a dropped file. */
function editedCopy(original: string, name: string, edit: (text: string) => string): string {
  const dir = tempDir();
  cleanups.push(dir.cleanup);
  const file = join(dir.dir, name);
  writeFileSync(file, edit(readFileSync(original, 'utf8')));
  return readFileSync(file, 'utf8');
}

/** Replace text that must be there: a fixture that changed makes the test fail, not pass vacuously. */
function replaceOnce(text: string, from: string, to: string): string {
  const at = text.indexOf(from);
  expect(at, `the fixture should contain ${from.slice(0, 80)}`).toBeGreaterThanOrEqual(0);
  expect(text.indexOf(from, at + 1)).toBe(-1);
  return text.slice(0, at) + to + text.slice(at + from.length);
}

function vevents(ics: string): string[] {
  return ics.split('BEGIN:VEVENT').slice(1).map((v) => v.slice(0, v.indexOf('END:VEVENT')).replace(/\r\n[ \t]/g, ''));
}
const field = (vevent: string, name: string): string | undefined => new RegExp(`^${name}(?:;[^:\\r\\n]*)?:(.*)$`, 'm').exec(vevent)?.[1]?.trim();

interface Case {
  name: string;
  file: string;
  fileName: string;
  key: string;
  title: string;
  edit: (text: string) => string;
  newStart: number;
}

const CASES: Case[] = [
  {
    name: 'frab XML (38C3)',
    file: join(PEER_DIR, 'frab-xml', '38c3_2025-12-06.xml'),
    fileName: '38c3.xml',
    key: '78910469-adfa-5c79-8529-1a9d66ef9e6a',
    title: 'BioTerrorism Will Save Your Life with the 4 Thieves Vinegar Collective',
    // From Friday 19:15 to Saturday 14:00, Berlin time.
    edit: (text) =>
      replaceOnce(
        text,
        '<event guid="78910469-adfa-5c79-8529-1a9d66ef9e6a" id="316">\n                <date>2024-12-27T19:15:00+01:00</date>\n                <start>19:15</start>',
        '<event guid="78910469-adfa-5c79-8529-1a9d66ef9e6a" id="316">\n                <date>2024-12-28T14:00:00+01:00</date>\n                <start>14:00</start>'
      ),
    newStart: Date.UTC(2024, 11, 28, 13, 0)
  },
  {
    name: 'pretalx schedule JSON (DemoCon)',
    file: join(PEER_DIR, 'schedule-json', 'pretalx-democon.json'),
    fileName: 'democon.json',
    key: '8079583e-8321-506c-95af-fd2903a5f075',
    title: 'Focused 5thgeneration hardware',
    // From Monday 09:00 to Tuesday 16:30 (+01:00).
    edit: (text) => {
      const doc = JSON.parse(text) as { schedule: { conference: { days: { rooms: Record<string, Record<string, unknown>[]> }[] } } };
      const events = doc.schedule.conference.days.flatMap((d) => Object.values(d.rooms).flat());
      const ev = events.filter((e) => e.guid === '8079583e-8321-506c-95af-fd2903a5f075');
      expect(ev).toHaveLength(1);
      expect(ev[0]).toMatchObject({ date: '2020-12-14T09:00:00+01:00', start: '09:00' });
      ev[0]!.date = '2020-12-15T16:30:00+01:00';
      ev[0]!.start = '16:30';
      return JSON.stringify(doc, null, 2);
    },
    newStart: Date.UTC(2020, 11, 15, 15, 30)
  }
];

describe.each(CASES)('a moved talk re-imported from $name', (c) => {
  it('is reported moved, keeps its plan, note, priority and window, and exports under the same UID', async () => {
    const host = services();
    const { api } = host;
    const original = readFileSync(c.file, 'utf8');
    const first = await api['import.commit']({ text: original, fileName: c.fileName });
    const found = (await api['session.list']({ conferenceId: first.conferenceId })).filter((s) => s.title === c.title);
    expect(found).toHaveLength(1);
    const session = found[0]!;
    // The key is the talk's guid alone: no start in it.
    expect(session.key).toBe(c.key);
    const before = await api['session.get']({ sessionId: session.id });
    expect(before.start).not.toBe(c.newStart);

    // Plan it with a note, a priority and an attendance window (10 minutes late, 5 early).
    const item = (await api['plan.add']({ sessionIds: [session.id] })).items[0]!;
    await api['plan.update']({
      itemId: item.id,
      priority: 5,
      note: 'Front row, bring questions',
      arriveAt: before.start + 10 * MINUTE,
      leaveAt: before.end - 5 * MINUTE
    });
    const firstExport = vevents((await api['export.agenda']({ format: 'ics', conferenceId: first.conferenceId })).content);
    expect(firstExport).toHaveLength(1);
    const uid = field(firstExport[0]!, 'UID');
    expect(uid).toBeTruthy();
    expect(field(firstExport[0]!, 'SEQUENCE')).toBe('0');

    const report: ImportReport = await api['import.commit']({ text: editedCopy(c.file, c.fileName, c.edit), fileName: c.fileName });
    expect(report.conferenceId).toBe(first.conferenceId);
    expect(report.added).toBe(0);
    expect(report.removed).toBe(0);
    expect(report.changes.filter((ch) => ch.kind === 'added' || ch.kind === 'removed')).toEqual([]);
    expect(report.changes.map((ch) => [ch.sessionId, ch.kind, ch.planned])).toEqual([[session.id, 'moved', true]]);
    expect(host.sessionsByKey(c.key).map((s) => s.id)).toEqual([session.id]);

    const plan = await api['plan.list']({ conferenceId: first.conferenceId });
    expect(plan).toHaveLength(1);
    expect(plan[0]).toMatchObject({
      id: item.id,
      sessionId: session.id,
      start: c.newStart,
      end: c.newStart + (before.end - before.start),
      status: 'scheduled',
      state: 'going',
      priority: 5,
      note: 'Front row, bring questions',
      arriveAt: c.newStart + 10 * MINUTE,
      leaveAt: c.newStart + (before.end - before.start) - 5 * MINUTE
    });

    const ics = (await api['export.agenda']({ format: 'ics', conferenceId: first.conferenceId })).content;
    expect(ics).not.toContain('CANCELLED');
    const again = vevents(ics);
    expect(again).toHaveLength(1);
    expect(field(again[0]!, 'UID')).toBe(uid);
    expect(Number(field(again[0]!, 'SEQUENCE'))).toBeGreaterThan(0);
    const start = new Date(c.newStart + 10 * MINUTE).toISOString().replace(/[-:]|\.000/g, '');
    expect(field(again[0]!, 'DTSTART')).toBe(start);
  });
});

/** A pasted plain-text schedule with no heading of its own (its first line is a talk). */
function paste(day: string, talks: [string, string][]): string {
  return talks.map(([title, time]) => `${title}\n${day} ${time}\n`).join('\n');
}

const PASTE_A = paste('Saturday 3 February 2024', [
  ['Opening keynote', '09:00 - 09:45'],
  ['Rust in production', '10:00 - 10:45'],
  ['Lunch talks', '12:00 - 12:30'],
  ['Closing panel', '16:00 - 17:00']
]);
const PASTE_B = paste('Thursday 14 March 2024', [
  ['Gardening with sensors', '14:00 - 14:30'],
  ['Soil and signals', '15:00 - 15:45']
]);

describe('untitled pastes', () => {
  it('two unrelated pastes stay two conferences; a re-paste of the first updates it', async () => {
    const host = services();
    const { api } = host;
    const tz = 'Europe/Brussels';

    const previewA = await api['import.preview']({ text: PASTE_A, timeZone: tz });
    expect(previewA.mergesInto).toBeNull();
    expect(previewA.conference.title).toBe('Schedule, 3 Feb 2024');
    const a = await api['import.commit']({ text: PASTE_A, timeZone: tz });
    const opening = (await api['session.list']({ conferenceId: a.conferenceId })).find((s) => s.title === 'Opening keynote')!;
    await api['plan.add']({ sessionIds: [opening.id] });

    // The CLI names standard input "standard input"; that is no title either.
    const previewB = await api['import.preview']({ text: PASTE_B, timeZone: tz, fileName: 'standard input' });
    expect(previewB.mergesInto).toBeNull();
    expect(previewB.conference.title).toBe('Schedule, 14 Mar 2024');
    const b = await api['import.commit']({ text: PASTE_B, timeZone: tz, fileName: 'standard input' });
    expect(b.conferenceId).not.toBe(a.conferenceId);
    expect(b.removed).toBe(0);
    expect(b.added).toBe(2);

    const conferences = await api['conference.list']({});
    expect(conferences.map((c) => [c.title, c.sessionCount]).sort()).toEqual([
      ['Schedule, 14 Mar 2024', 2],
      ['Schedule, 3 Feb 2024', 4]
    ]);
    const planA = await api['plan.list']({ conferenceId: a.conferenceId });
    expect(planA.map((p) => [p.title, p.status])).toEqual([['Opening keynote', 'scheduled']]);
    expect((await api['session.list']({ conferenceId: a.conferenceId })).every((s) => s.status === 'scheduled')).toBe(true);

    // Pasting the first schedule again, with the keynote moved, is the same source: it updates it.
    const moved = PASTE_A.replace('09:00 - 09:45', '11:00 - 11:45');
    const previewAgain = await api['import.preview']({ text: moved, timeZone: tz });
    expect(previewAgain.mergesInto).toEqual({ conferenceId: a.conferenceId, title: 'Schedule, 3 Feb 2024', matchedBy: 'content' });
    const again = await api['import.commit']({ text: moved, timeZone: tz });
    expect(again.conferenceId).toBe(a.conferenceId);
    expect(again.changes.map((ch) => [ch.title, ch.kind, ch.planned])).toEqual([['Opening keynote', 'moved', true]]);
    expect(await api['conference.list']({})).toHaveLength(2);
  });

  it('a paste sharing only a few talks with a conference is not the same source', async () => {
    const host = services();
    const { api } = host;
    const tz = 'Europe/Brussels';
    const a = await api['import.commit']({ text: PASTE_A, timeZone: tz });
    // One of A's four talks plus two others: shared talks are a third of the paste, a quarter of A.
    const mixed = paste('Saturday 3 February 2024', [
      ['Opening keynote', '09:00 - 09:45'],
      ['Knitting for hackers', '13:00 - 13:30'],
      ['Tea ceremony', '14:00 - 14:30']
    ]);
    const preview = await api['import.preview']({ text: mixed, timeZone: tz });
    expect(preview.mergesInto).toBeNull();
    // Same dates, so the name gets a number rather than repeating the first conference's.
    expect(preview.conference.title).toBe('Schedule, 3 Feb 2024 (2)');
    const b = await api['import.commit']({ text: mixed, timeZone: tz });
    expect(b.conferenceId).not.toBe(a.conferenceId);
    expect((await api['session.list']({ conferenceId: a.conferenceId })).filter((s) => s.status === 'removed')).toEqual([]);
  });
});
