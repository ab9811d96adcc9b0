// The `export_state` table: for each calendar UID ever exported, the fingerprint of what the event
// showed and the SEQUENCE written then. A UID's SEQUENCE rises only when what the event shows
// changed since the last export, so calendars update the event instead of ignoring or duplicating it.
import type { Database as Db } from 'better-sqlite3';

/** One event about to be exported: its UID and the fingerprint of what it shows. */
export interface ExportedEvent {
  uid: string;
  fingerprint: string;
}

/** The SEQUENCE of each event (0 when new, +1 when changed), remembered in one transaction. */
export function exportSequences(db: Db, events: readonly ExportedEvent[]): Map<string, number> {
  const get = db.prepare('SELECT fingerprint, sequence FROM export_state WHERE uid = ?');
  const put = db.prepare(
    `INSERT INTO export_state (uid, fingerprint, sequence) VALUES (?, ?, ?)
     ON CONFLICT (uid) DO UPDATE SET fingerprint = excluded.fingerprint, sequence = excluded.sequence`
  );
  const out = new Map<string, number>();
  db.transaction(() => {
    for (const { uid, fingerprint } of events) {
      const old = get.get(uid) as { fingerprint: string; sequence: number } | undefined;
      const seq = !old ? 0 : old.fingerprint === fingerprint ? old.sequence : old.sequence + 1;
      if (!old || old.fingerprint !== fingerprint) put.run(uid, fingerprint, seq);
      out.set(uid, seq);
    }
  })();
  return out;
}
