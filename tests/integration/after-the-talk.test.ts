// After the talk, through the services on real SQLite files: marking planned sessions attended or
// missed and rating them is one undoable step, blocks and bad values are refused (nothing changes);
// a FOSDEM re-import that only adds the recordings fills in the recording link and keeps the marks;
// the "my conference" report lists what was attended and what to watch later with its recording;
// migration 70 on a populated schema-60 database keeps every row.
import Database from 'better-sqlite3';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import type { PlanItem } from '../../src/shared/domain.ts';
import { openStore } from '../../src/main/store/open.ts';
import { LATEST_VERSION } from '../../src/main/store/migrations/index.ts';
import { databaseAtVersion, refusedWith, ROOT, tempServices } from './helpers.ts';

const cleanups: (() => void)[] = [];
afterAll(() => cleanups.forEach((c) => c()));

const FOSDEM = readFileSync(join(ROOT, 'tests/fixtures/peer/frab-xml/fosdem_2021.xml'), 'utf8');
/** The same schedule before the recordings were published: no video.fosdem.org links. */
const FOSDEM_BEFORE = FOSDEM.replace(/\s*<link href="https:\/\/video\.fosdem\.org\/[^"]*">[^<]*<\/link>/g, '');
const WELCOME_MP4 = 'https://video.fosdem.org/2021/K.fosdem/keynotes_welcome.mp4';

function host() {
  let t = Date.UTC(2021, 1, 8);
  const h = tempServices({ now: () => (t += 1_000) });
  cleanups.push(h.cleanup);
  return h;
}
type Host = ReturnType<typeof host>;


/** Import FOSDEM and plan three talks (welcome, then two more) and a block. */
async function planned(text: string) {
  const h = host();
  const { conferenceId } = await h.api['import.commit']({ text, fileName: 'fosdem_2021.xml', timeZone: 'Europe/Brussels' });
  const sessions = await h.api['session.list']({ conferenceId });
  const welcome = sessions.find((s) => s.key === 'fosdem-2021:11795')!;
  const others = sessions.filter((s) => s.key === 'fosdem-2021:11164' || s.key === 'fosdem-2021:11064');
  const [a, b, c] = (await h.api['plan.add']({ sessionIds: [welcome.id, ...others.map((s) => s.id)] })).items;
  const start = welcome.start + 3 * 3_600_000;
  const [block] = (await h.api['block.create']({ conferenceId, title: 'Lunch', start, end: start + 1_800_000 })).items;
  return { h, conferenceId, welcome: a!, b: b!, c: c!, block: block! };
}

const marks = async (h: Host) => (await h.api['plan.list']({})).map((p: PlanItem) => [p.title, p.outcome ?? null, p.rating ?? null]);

describe('plan.mark', () => {
  it('marks and rates as one undoable step each, and refuses blocks and bad values', async () => {
    const { h, welcome, b, c, block } = await planned(FOSDEM);
    const done = await h.api['plan.mark']({ itemIds: [welcome.id, b.id], outcome: 'attended' });
    expect(done.items.map((i) => i.outcome)).toEqual(['attended', 'attended']);
    await h.api['plan.mark']({ itemIds: [welcome.id], rating: 4 });
    await h.api['plan.mark']({ itemIds: [c.id], outcome: 'missed' });
    await h.api['plan.update']({ itemId: welcome.id, note: 'Great intro' });
    const before = await marks(h);
    expect(before).toContainEqual(['Welcome to FOSDEM 2021', 'attended', 4]);

    expect((await refusedWith(h.api['plan.mark']({ itemIds: [block.id], outcome: 'attended' }), 'bad-request')).message).toMatch(/“Lunch” is a personal block/);
    await refusedWith(h.api['plan.mark']({ itemIds: [welcome.id, 99_999], outcome: 'missed' }), 'not-found');
    await refusedWith(h.api['plan.mark']({ itemIds: [welcome.id], rating: 6 }), 'bad-request');
    await refusedWith(h.api['plan.mark']({ itemIds: [welcome.id] }), 'bad-request');
    expect(await marks(h)).toEqual(before);

    await h.api['history.undo']({}); // the note
    expect((await h.api['history.undo']({})).label).toMatch(/^Mark “.*” missed$/);
    expect((await h.api['history.undo']({})).label).toBe('Rate “Welcome to FOSDEM 2021” 4/5');
    expect(await marks(h)).toContainEqual(['Welcome to FOSDEM 2021', 'attended', null]);
    expect((await h.api['history.undo']({})).label).toBe('Mark 2 items attended');
    expect((await marks(h)).every(([, o, r]) => o === null && r === null)).toBe(true);
    await h.api['history.redo']({});
    expect(await marks(h)).toContainEqual(['Welcome to FOSDEM 2021', 'attended', null]);

    // null clears; the rest of the item stays.
    const cleared = (await h.api['plan.mark']({ itemIds: [welcome.id], outcome: null, rating: null })).items[0]!;
    expect(cleared).toMatchObject({ outcome: null, rating: null, state: 'going' });
  });

  it('keeps the marks when a removed conference is put back by undo', async () => {
    const { h, conferenceId, welcome, c } = await planned(FOSDEM);
    await h.api['plan.mark']({ itemIds: [welcome.id], outcome: 'attended', rating: 5 });
    await h.api['plan.mark']({ itemIds: [c.id], outcome: 'missed' });
    const before = await marks(h);
    await h.api['conference.remove']({ conferenceId });
    await h.api['history.undo']({});
    expect(await marks(h)).toEqual(before);
  });
});

describe('recordings and the report', () => {
  it('a re-import that only adds the recordings fills them in and keeps the plan and its marks', async () => {
    const { h, conferenceId, welcome, c } = await planned(FOSDEM_BEFORE);
    expect((await h.api['session.get']({ sessionId: welcome.sessionId! })).recordingUrl).toBeNull();
    await h.api['plan.mark']({ itemIds: [welcome.id], outcome: 'missed' });
    await h.api['plan.update']({ itemId: c.id, state: 'backup' });
    const noRecording = await h.api['export.agenda']({ format: 'report-md', conferenceId });
    expect(noRecording.content).toContain('- Welcome to FOSDEM 2021 _(missed)_');
    expect(noRecording.content).toContain('  - No recording yet');

    const report = await h.api['import.commit']({ text: FOSDEM, fileName: 'fosdem_2021.xml', timeZone: 'Europe/Brussels' });
    expect(report.conferenceId).toBe(conferenceId);
    expect(report.updated).toBe(FOSDEM.match(/<event [\s\S]*?<\/event>/g)!.filter((e) => e.includes('href="https://video.fosdem.org/')).length);
    expect((await h.api['session.get']({ sessionId: welcome.sessionId! })).recordingUrl).toBe(WELCOME_MP4);
    expect(await h.api['change.list']({ conferenceId })).toEqual([]);
    expect((await h.api['plan.list']({ conferenceId })).find((p) => p.id === welcome.id)).toMatchObject({ outcome: 'missed' });

    const md = (await h.api['export.agenda']({ format: 'report-md', conferenceId })).content;
    expect(md).toContain(`- Welcome to FOSDEM 2021 _(missed)_`);
    expect(md).toContain(`  - Recording: <${WELCOME_MP4}>`);
    expect(md).not.toContain('Lunch');
    expect(md).toMatch(/Attended 0 sessions and missed 1\. 2 to watch later, 2 with a recording\./);
  });

  it('the report lists attended sessions by day with rating and note, escaped in HTML', async () => {
    const { h, conferenceId, welcome, b } = await planned(FOSDEM);
    await h.api['plan.mark']({ itemIds: [welcome.id], outcome: 'attended', rating: 4 });
    await h.api['plan.update']({ itemId: welcome.id, note: 'Ask about <video> & "streams"' });
    await h.api['plan.mark']({ itemIds: [b.id], outcome: 'missed', rating: 2 });
    const md = await h.api['export.agenda']({ format: 'report-md', conferenceId });
    expect(md.fileName).toMatch(/-report\.md$/);
    expect(md.content).toContain('## Attended\n\n### Saturday, February 6, 2021\n\n- **');
    expect(md.content).toContain('Welcome to FOSDEM 2021');
    expect(md.content).toContain('— 4/5 ★★★★☆');
    expect(md.content).toContain('  - Note: Ask about \\<video\\> & "streams"');
    expect(md.content).toContain('Rated 2, on average 3 of 5. 1 planned session not marked yet.');
    const html = await h.api['export.agenda']({ format: 'report-html', conferenceId });
    expect(html.mimeType).toBe('text/html');
    expect(html.content).toContain('Ask about &lt;video&gt; &amp; &quot;streams&quot;');
    expect(html.content).not.toContain('<video>');
    expect(html.content).toContain(`<a href="${WELCOME_MP4}">`);
  });
});

describe('migration 70: after the talk', () => {
  it('adds outcome, rating and recording_url (NULL) to a populated schema-60 database and changes no row', () => {
    const { dbPath, old, cleanup } = databaseAtVersion(60, (old) => {
      old.prepare("INSERT INTO conference (id, title, identity, time_zone, created_at) VALUES (1, 'Old Conf', 'old conf', 'Europe/Brussels', 5)").run();
      old.prepare("INSERT INTO source (id, conference_id, format, content_hash, raw_text, zone_rule, zone_detail, imported_at) VALUES (1, 1, 'frab-xml', 'h', '', 'zone-name', 'd', 6)").run();
      old
        .prepare(
          `INSERT INTO session (id, conference_id, key, title, start_ms, end_ms, all_day, status, attributes, speakers_text, fingerprint, source_id)
           VALUES (1, 1, 'k1', 'A talk', 1000, 2000, 0, 'scheduled', '{}', '', 'fp', 1)`
        )
        .run();
      old.prepare("INSERT INTO plan_item (conference_id, session_id, state, priority, note, created_at, reminder_minutes) VALUES (1, 1, 'backup', 4, 'mine', 7, 15)").run();
    });
    cleanups.push(cleanup);
    const dump = (db: Database.Database) => ({
      session: db.prepare('SELECT id, key, title, fingerprint, status FROM session ORDER BY id').all(),
      plan_item: db.prepare('SELECT id, session_id, state, priority, note, reminder_minutes FROM plan_item ORDER BY id').all()
    });
    const before = dump(old);
    old.close();

    const { db } = openStore(dbPath, { now: Date.UTC(2026, 0, 1) });
    try {
      expect(db.pragma('user_version', { simple: true })).toBe(LATEST_VERSION);
      expect(LATEST_VERSION).toBeGreaterThanOrEqual(70); // later migrations (80: friends) run after it; this test is about 70
      expect(dump(db)).toEqual(before);
      expect(db.prepare('SELECT outcome, rating FROM plan_item').all()).toEqual([{ outcome: null, rating: null }]);
      expect(db.prepare('SELECT recording_url FROM session').pluck().all()).toEqual([null]);
      expect(() => db.prepare("UPDATE plan_item SET outcome = 'maybe'").run()).toThrow(/CHECK/);
      expect(() => db.prepare('UPDATE plan_item SET rating = 0').run()).toThrow(/CHECK/);
      expect(() => db.prepare('UPDATE plan_item SET rating = 6').run()).toThrow(/CHECK/);
    } finally {
      db.close();
    }
  });
});
