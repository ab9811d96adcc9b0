// Worker: commit_100k_per_s. Our merge (fingerprints, speakers' roles and bios, change tracking, FTS)
// against the peer: plain prepared inserts of the same rows into the same schema and FTS index,
// one transaction, no merge logic. Both write to a fresh on-disk database with the app's pragmas and,
// like the import worker, leave the WAL checkpoint until after the commit (store/connection.ts,
// deferCheckpoints): the figure is the time until the import is durable and can be reported.
import type { Database as Db } from 'better-sqlite3';
import { performance } from 'node:perf_hooks';
import { mergeSchedule } from '../../src/main/import/merge.ts';
import { deferCheckpoints } from '../../src/main/store/connection.ts';
import type { ParsedSchedule } from '../../src/shared/domain.ts';
import { adoptAsDataset, DATASET_NOW, DATASET_SIZE } from '../lib/dataset.ts';
import { collect, pastDeadline } from '../lib/run-plan.ts';
import { generateSchedule } from '../lib/sessions.ts';
import { median, round } from '../lib/stats.ts';
import { freshStore } from '../lib/store.ts';
import { runWorker } from '../lib/worker.ts';

/**
 * The peer: the same rows, written the obvious way, one statement per row: each session with its
 * speakers (migration 130), a speaker row for each role or bio. The schema's triggers fill its FTS
 * index row by row (ours indexes its rows in one statement at the end, deferSearchIndex).
 */
function rawInsert(db: Db, schedule: ParsedSchedule): void {
  const insertConference = db.prepare('INSERT INTO conference (title, identity, time_zone, created_at) VALUES (?, ?, ?, ?)');
  const insertSource = db.prepare(
    `INSERT INTO source (conference_id, format, file_name, content_hash, raw_text, zone_rule, zone_detail, imported_at)
     VALUES (?, ?, NULL, '', '', ?, ?, ?)`
  );
  const insertSession = db.prepare(
    `INSERT INTO session (conference_id, key, title, description, start_ms, end_ms, all_day, venue, room, track, type,
                          url, status, attributes, speakers_text, fingerprint, source_id, speakers)
     VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, '', ?, ?)`
  );
  const insertSpeaker = db.prepare('INSERT OR IGNORE INTO speaker (name, affiliation, role, bio) VALUES (?, ?, ?, ?)');
  db.transaction(() => {
    const c = schedule.conference;
    const conferenceId = insertConference.run(c.title, `peer ${c.title}`, c.timeZone, DATASET_NOW).lastInsertRowid;
    const sourceId = insertSource.run(conferenceId, schedule.format, schedule.zone.rule, schedule.zone.detail, DATASET_NOW).lastInsertRowid;
    for (const s of schedule.sessions) {
      const speakersText = s.speakers.map((p) => (p.affiliation ? `${p.name} ${p.affiliation}` : p.name)).join(' · ');
      const speakers = JSON.stringify(s.speakers.map((p) => [p.name, p.affiliation ?? '']));
      insertSession.run(
        conferenceId, s.key, s.title, s.description, s.start, s.end, s.allDay ? 1 : 0, s.venue, s.room, s.track, s.type,
        s.url, s.status, JSON.stringify(s.attributes), speakersText, sourceId, speakers
      );
      for (const p of s.speakers) if (p.role || p.bio) insertSpeaker.run(p.name, p.affiliation ?? '', p.role || null, p.bio || null);
    }
  }).immediate();
}

function perSecond(count: number, ms: number): number {
  return count / (ms / 1000);
}

await runWorker(async (ctx) => {
  await ctx.attempt(['commit_100k_per_s'], () => {
    const schedule = generateSchedule(DATASET_SIZE);
    const count = schedule.sessions.length;
    // Warm both paths (JIT, SQLite code pages) on a tenth of the size before timing.
    const small = generateSchedule(10_000, 7);
    for (const write of [(db: Db) => mergeSchedule(db, { schedule: small, rawText: '', fileName: null, now: DATASET_NOW }), (db: Db) => rawInsert(db, small)]) {
      const warm = freshStore(ctx.shared, 'commit-warm');
      write(warm.db);
      warm.remove();
    }
    collect();

    // Ours and the peer alternate; the figure is recorded after every pair, so a worker stopped
    // by the time cap keeps what it measured.
    const ours: number[] = [];
    const peer: number[] = [];
    const checkpoints: number[] = [];
    const started = performance.now();
    for (let i = 0; i < 3; i++) {
      collect();
      const store = freshStore(ctx.shared, `commit-ours-${i}`);
      const checkpoint = deferCheckpoints(store.db);
      const t0 = performance.now();
      mergeSchedule(store.db, { schedule, rawText: '', fileName: null, now: DATASET_NOW });
      ours.push(perSecond(count, performance.now() - t0));
      const t2 = performance.now();
      checkpoint();
      checkpoints.push(performance.now() - t2);
      store.db.close();
      // The newest committed database becomes the search and memory dataset right away.
      adoptAsDataset(ctx.shared, store.path);
      collect();
      const raw = freshStore(ctx.shared, `commit-peer-${i}`);
      deferCheckpoints(raw.db);
      const t1 = performance.now();
      rawInsert(raw.db, schedule);
      peer.push(perSecond(count, performance.now() - t1));
      raw.remove();
      const m = median(ours);
      ctx.record('commit_100k_per_s', ours, { peer, ratio: m / median(peer), note: `${count} sessions in ${round(count / m)} s (median); then the WAL checkpoint after the answer, ${round(median(checkpoints))} ms` });
      if (pastDeadline() || (i >= 1 && performance.now() - started > 40_000)) break;
    }
  });
});
