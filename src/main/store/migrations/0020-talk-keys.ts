// Migration 20: frab XML and schedule JSON session keys follow the talk, not its slot.
//
// Before, a frab / c3voc / pretalx talk was keyed "guid@20241227T093000Z" (or "acr:id@…" when its id
// repeated, "…#2" for an exact copy), so a re-import that moved it made a removed ghost plus a new,
// unplanned session. The parsers now key it "guid" and number the slots of one key in time order
// ("guid", "guid#2"; see import/keys.ts). This rewrites the stored keys to that form, so the next
// re-import matches them and reports "moved":
// - Only sessions whose source is frab-xml or schedule-json. An .ics occurrence key also ends in
//   "@start", but there the start is the RECURRENCE-ID, which is the occurrence's identity.
// - Per conference, those keys are grouped by what is left without "@start" and "#n", and each group
//   is numbered the way the parser numbers a file: sessions still on the schedule first, in time
//   order, then removed ones (ties by the old suffix, then id). So old keys that would become one
//   ("g@t1" removed, "g@t2" current) stay apart ("g", "g#2"): nothing is merged or dropped. A number
//   another source's key already uses in the conference is skipped.
// - Nothing else holds keys: plan_item, change and history's plan rows refer to sessions by id, so
//   plans, notes, priorities, attendance windows, the change log and undo carry over untouched.
// - The exception is the exported calendar UID, derived from the key. A calendar knows an exported
//   event by the UID it got, so a session whose old UID is in export_state keeps it in the new
//   column session.export_uid (the export prefers it); export_state stays valid and SEQUENCE keeps
//   counting. A session never exported simply gets the UID of its new key.
// Shipped migrations are history: never edit this file, add a new one. It therefore carries its own
// copy of the old UID rule instead of importing the exporter's.
import type { Database } from 'better-sqlite3';
import { createHash } from 'node:crypto';
import type { Migration } from './types.ts';

const FEED_FORMATS = new Set(['frab-xml', 'schedule-json']);
/** "guid@20241227T093000Z#2" → base "guid", copy 2. */
const OLD_KEY = /^(.*?)(?:@\d{8}T\d{6}Z)?(?:#([2-9]|[1-9]\d+))?$/s;

interface Row {
  id: number;
  conference_id: number;
  key: string;
  start_ms: number;
  status: string;
  format: string | null;
}

interface Member extends Row {
  base: string;
  copy: number;
}

/** The UID the exporter derived from a key up to schema 20 (export/agenda.ts entryUid then). */
function uidOfKey(key: string): string {
  const safe = key.replace(/[^A-Za-z0-9._:#@-]/g, '-');
  if (safe === key) return `${key}@clashless`;
  return `${safe}-${createHash('sha256').update(key).digest('hex').slice(0, 8)}@clashless`;
}

/** New keys for one conference's sessions: id → key, only for those that change. */
function newKeys(rows: Row[]): Map<number, string> {
  const taken = new Set<string>();
  const groups = new Map<string, Member[]>();
  for (const r of rows) {
    if (r.format === null || !FEED_FORMATS.has(r.format)) {
      taken.add(r.key);
      continue;
    }
    const m = OLD_KEY.exec(r.key);
    const base = m?.[1] || r.key;
    const member: Member = { ...r, base, copy: Number(m?.[2] ?? 1) };
    const group = groups.get(base);
    if (group) group.push(member);
    else groups.set(base, [member]);
  }
  const out = new Map<number, string>();
  for (const [base, members] of groups) {
    members.sort(
      (a, b) =>
        Number(a.status === 'removed') - Number(b.status === 'removed') ||
        a.start_ms - b.start_ms ||
        a.copy - b.copy ||
        a.id - b.id
    );
    let n = 0;
    for (const m of members) {
      let key: string;
      do {
        n++;
        key = n === 1 ? base : `${base}#${n}`;
      } while (taken.has(key));
      taken.add(key);
      if (key !== m.key) out.set(m.id, key);
    }
  }
  return out;
}

export const talkKeys: Migration = {
  version: 20,
  name: 'talk-keys',
  up(db: Database) {
    db.exec('ALTER TABLE session ADD COLUMN export_uid TEXT');
    const rows = db
      .prepare(
        `SELECT s.id, s.conference_id, s.key, s.start_ms, s.status,
                coalesce((SELECT format FROM source WHERE id = s.source_id),
                         (SELECT format FROM source WHERE conference_id = s.conference_id ORDER BY imported_at DESC, id DESC LIMIT 1)) AS format
           FROM session s
          ORDER BY s.conference_id, s.id`
      )
      .all() as Row[];
    const byConference = new Map<number, Row[]>();
    for (const r of rows) {
      const list = byConference.get(r.conference_id);
      if (list) list.push(r);
      else byConference.set(r.conference_id, [r]);
    }
    const oldKeys = new Map(rows.map((r) => [r.id, r.key]));
    const changes = new Map<number, string>();
    for (const list of byConference.values()) for (const [id, key] of newKeys(list)) changes.set(id, key);
    if (changes.size === 0) return;

    const exported = db.prepare('SELECT 1 FROM export_state WHERE uid = ?').pluck();
    const setKey = db.prepare('UPDATE session SET key = ? WHERE id = ?');
    const pin = db.prepare('UPDATE session SET export_uid = ? WHERE id = ?');
    // Two passes, so a key freed by one session can be taken by another under UNIQUE(conference_id, key).
    for (const id of changes.keys()) setKey.run(`\u0000migrating ${id}`, id);
    for (const [id, key] of changes) {
      setKey.run(key, id);
      const oldUid = uidOfKey(oldKeys.get(id) ?? '');
      if (exported.get(oldUid) !== undefined) pin.run(oldUid, id);
    }
  }
};
