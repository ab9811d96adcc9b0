// Migration 0020 on a real database written the way schema 10 wrote it: a real frab import keyed
// "guid@start", re-imported once with a moved talk (so it holds a removed ghost whose new key would
// collide with its live copy), a plan with notes, priorities and a window, and one .ics export.
// Opened with the current code, everything must carry over, the exported UIDs must stay the ones
// calendars know, and a re-import that moves a planned talk must now report "moved".
import Database from 'better-sqlite3';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { entryFingerprint, entryUid } from '../../src/main/export/agenda.ts';
import type { AgendaEntry } from '../../src/main/export/agenda.ts';
import { buildIcs } from '../../src/main/export/ics.ts';
import { mergeSchedule } from '../../src/main/import/merge.ts';
import { parseImport } from '../../src/main/import/pipeline.ts';
import { openBackend } from '../../src/main/backend.ts';
import { addSessions, updateItem } from '../../src/main/services/plan-ops.ts';
import { createCore } from '../../src/main/store/migrations/0010-create-core.ts';
import { LATEST_VERSION } from '../../src/main/store/migrations/index.ts';
import { listPlan } from '../../src/main/store/plan.ts';
import { getSessions } from '../../src/main/store/sessions.ts';
import type { ParsedSchedule } from '../../src/shared/domain.ts';
import { openStore } from '../../src/main/store/open.ts';
import { copyIntoOldSchema, PEER_DIR, SEED_DIR, tempDir } from './helpers.ts';

const MINUTE = 60_000;
const FILE = join(PEER_DIR, 'frab-xml', '36c3_merged.xml');
const X = 'c73debf0-e6be-4bde-84b5-afaddbe0e3fa'; // Fri 27 Dec 2019 16:10 Berlin, planned with a note
const G = '479cc703-bacb-49e2-b364-e16f5ba000b9'; // Fri 17:30, moved by the old re-import: a ghost
const W = '4f5c1cc5-ad99-52dc-89cd-699eae66bcb8'; // one workshop, two slots (Fri 16:00, Sun 14:00)

const cleanups: (() => void)[] = [];
afterAll(() => cleanups.forEach((c) => c()));

/** Move the one event with this guid: its <date> and <start>. */
function moveEvent(xml: string, guid: string, date: string, start: string): string {
  const at = xml.indexOf(`guid="${guid}"`);
  expect(at).toBeGreaterThan(0);
  expect(xml.indexOf(`guid="${guid}"`, at + 1)).toBe(-1);
  const end = xml.indexOf('</event>', at);
  const block = xml.slice(at, end);
  const moved = block.replace(/<date>[^<]*<\/date>/, `<date>${date}</date>`).replace(/<start>[^<]*<\/start>/, `<start>${start}</start>`);
  expect(moved).not.toBe(block);
  return xml.slice(0, at) + moved + xml.slice(end);
}

const compactUtc = (ms: number): string => new Date(ms).toISOString().replace(/[-:]|\.\d{3}/g, '');

/** The keys the code before schema 20 gave these sessions: guid + "@" + start. */
function keyedTheOldWay(parsed: ParsedSchedule): ParsedSchedule {
  return { ...parsed, sessions: parsed.sessions.map((s) => ({ ...s, key: `${s.key.replace(/#\d+$/, '')}@${compactUtc(s.start)}` })) };
}

function vevents(ics: string): Map<string, string> {
  const out = new Map<string, string>();
  for (const v of ics.split('BEGIN:VEVENT').slice(1)) {
    const body = v.slice(0, v.indexOf('END:VEVENT')).replace(/\r\n[ \t]/g, '');
    out.set(/^UID:(.*)$/m.exec(body)![1]!.trim(), body);
  }
  return out;
}
const sequence = (vevent: string | undefined): number => Number(/^SEQUENCE:(\d+)/m.exec(vevent ?? '')?.[1] ?? NaN);

describe('migration 0020: talk keys', () => {
  it('keeps plans, notes, priorities, history and exported UIDs, and a moved talk then reports "moved"', async () => {
    const tmp = tempDir();
    cleanups.push(tmp.cleanup);
    const dbPath = join(tmp.dir, 'clashless.db');
    const original = readFileSync(FILE, 'utf8');
    const gMoved = moveEvent(original, G, '2019-12-28T12:00:00+01:00', '12:00');
    let now = Date.UTC(2019, 11, 20, 9, 0);

    // --- Schema 10, filled with what the previous version kept. ---
    // Rows written by today's merge and plan code into a current database; copied, column by column
    // of schema 10, into a schema-10 database before the current code opens that.
    const written = join(tmp.dir, 'written.db');
    const old = openStore(written, { now }).db;
    for (const text of [original, gMoved]) {
      const parsed = keyedTheOldWay(parseImport(text, { fileName: '36c3.xml' }));
      mergeSchedule(old, { schedule: parsed, rawText: text, fileName: '36c3.xml', now: (now += MINUTE) });
    }
    const byKey = (key: string) => old.prepare('SELECT id, status FROM session WHERE key = ?').get(key) as { id: number; status: string };
    const x = byKey(`${X}@20191227T151000Z`);
    const ghost = byKey(`${G}@20191227T163000Z`);
    const gLive = byKey(`${G}@20191228T110000Z`);
    const w1 = byKey(`${W}@20191227T150000Z`);
    const w2 = byKey(`${W}@20191229T130000Z`);
    expect([x.status, ghost.status, gLive.status, w1.status, w2.status]).toEqual(['scheduled', 'removed', 'scheduled', 'scheduled', 'scheduled']);

    const [xItem, ghostItem, , w2Item] = addSessions(old, (now += MINUTE), [x.id, ghost.id, gLive.id, w2.id]);
    const xStart = Date.UTC(2019, 11, 27, 15, 10);
    updateItem(old, (now += MINUTE), { itemId: xItem!.id, note: 'Bring the safe', priority: 5, arriveAt: xStart + 5 * MINUTE });
    updateItem(old, (now += MINUTE), { itemId: ghostItem!.id, note: 'Was at 17:30', priority: 2, state: 'maybe' });
    updateItem(old, (now += MINUTE), { itemId: w2Item!.id, priority: 4, state: 'backup' });
    // One .ics export, as the previous version did it: UIDs from the keys, remembered in export_state.
    const plan = listPlan(old);
    const sessions = new Map(getSessions(old, plan.flatMap((p) => (p.sessionId === null ? [] : [p.sessionId]))).map((s) => [s.id, s]));
    const entries: AgendaEntry[] = plan.map((item) => ({ item, session: sessions.get(item.sessionId!) ?? null, clashesWith: [] }));
    const put = old.prepare('INSERT INTO export_state (uid, fingerprint, sequence) VALUES (?, ?, 0)');
    for (const e of entries) put.run(entryUid(e), entryFingerprint(e));
    const firstIcs = vevents(
      buildIcs({
        calendarName: 'Clashless — 36C3',
        timeZone: 'Europe/Berlin',
        entries,
        sequences: new Map(entries.map((e) => [entryUid(e), 0])),
        now,
        alarmMinutes: null,
        states: ['going', 'backup', 'maybe'],
        includeBlocks: true
      })
    );
    const uidOf = (sessionId: number) => entryUid(entries.find((e) => e.item.sessionId === sessionId)!);
    expect(uidOf(x.id)).toBe(`${X}@20191227T151000Z@clashless`);
    expect([...firstIcs.keys()].sort()).toEqual([x.id, ghost.id, gLive.id, w2.id].map(uidOf).sort());
    const planBefore = listPlan(old).map(({ sessionKey: _key, ...p }) => p);
    const historyBefore = old.prepare('SELECT * FROM history ORDER BY id').all();
    const changesBefore = old.prepare('SELECT id, session_id, kind, detail FROM change ORDER BY id').all();
    const sessionCount = (old.prepare('SELECT count(*) AS n FROM session').get() as { n: number }).n;
    old.close();
    copyIntoOldSchema(written, dbPath, [createCore], 10);

    // --- The current code opens it and migrates. ---
    const host = openBackend({ dbPath, seedDir: SEED_DIR, seedOnFirstRun: false, now: () => (now += MINUTE) });
    cleanups.push(() => host.close());
    const db = new Database(dbPath, { readonly: true });
    cleanups.push(() => db.close());
    expect(db.pragma('user_version', { simple: true })).toBe(LATEST_VERSION);
    const keyOf = (id: number) => (db.prepare('SELECT key FROM session WHERE id = ?').get(id) as { key: string }).key;
    expect(keyOf(x.id)).toBe(X);
    // The live copy takes the plain key; the removed ghost is kept apart, not merged.
    expect(keyOf(gLive.id)).toBe(G);
    expect(keyOf(ghost.id)).toBe(`${G}#2`);
    // Slots of one workshop: numbered in time order, as the parser numbers them.
    expect([keyOf(w1.id), keyOf(w2.id)]).toEqual([W, `${W}#2`]);
    expect((db.prepare('SELECT count(*) AS n FROM session').get() as { n: number }).n).toBe(sessionCount);
    expect((db.prepare("SELECT count(*) AS n FROM session WHERE key LIKE '%@%'").get() as { n: number }).n).toBe(0);

    const planAfter = (await host.api['plan.list']({})).map(({ sessionKey: _key, ...p }) => p);
    expect(planAfter).toEqual(planBefore);
    expect(planAfter.find((p) => p.id === xItem!.id)).toMatchObject({ note: 'Bring the safe', priority: 5, arriveAt: xStart + 5 * MINUTE });
    expect(planAfter.find((p) => p.id === ghostItem!.id)).toMatchObject({ note: 'Was at 17:30', priority: 2, state: 'maybe', status: 'removed' });
    expect(db.prepare('SELECT * FROM history ORDER BY id').all()).toEqual(historyBefore);
    expect(db.prepare('SELECT id, session_id, kind, detail FROM change ORDER BY id').all()).toEqual(changesBefore);

    // Same UIDs as the calendar already has, and nothing changed, so no SEQUENCE rose.
    const conferenceId = (await host.api['conference.list']({}))[0]!.id;
    const afterMigration = vevents((await host.api['export.agenda']({ format: 'ics', conferenceId })).content);
    expect([...afterMigration.keys()].sort()).toEqual([...firstIcs.keys()].sort());
    for (const body of afterMigration.values()) expect(sequence(body)).toBe(0);
    // A session first exported after the migration gets the UID of its new key.
    await host.api['plan.add']({ sessionIds: [w1.id] });

    // --- The organisers move the planned talk; the re-import follows it. ---
    const xMoved = moveEvent(gMoved, X, '2019-12-28T20:00:00+01:00', '20:00');
    const report = await host.api['import.commit']({ text: xMoved, fileName: '36c3.xml' });
    expect(report.conferenceId).toBe(conferenceId);
    expect([report.added, report.removed]).toEqual([0, 0]);
    expect(report.changes.map((c) => [c.sessionId, c.kind, c.planned])).toEqual([[x.id, 'moved', true]]);
    const xNow = (await host.api['plan.list']({ conferenceId })).find((p) => p.id === xItem!.id)!;
    expect(xNow).toMatchObject({ sessionId: x.id, start: Date.UTC(2019, 11, 28, 19, 0), note: 'Bring the safe', priority: 5, status: 'scheduled' });
    expect(xNow.arriveAt).toBe(Date.UTC(2019, 11, 28, 19, 5));

    const finalIcs = vevents((await host.api['export.agenda']({ format: 'ics', conferenceId })).content);
    const xUid = `${X}@20191227T151000Z@clashless`;
    expect(finalIcs.has(xUid)).toBe(true);
    expect(sequence(finalIcs.get(xUid))).toBe(1);
    expect(finalIcs.get(xUid)).not.toContain('CANCELLED');
    expect(finalIcs.has(`${W}@clashless`)).toBe(true);
    expect([...finalIcs.keys()].sort()).toEqual([...firstIcs.keys(), `${W}@clashless`].sort());
  });
});
