// Every migration, in order. Append only: a shipped migration is never edited or removed.
import { createCore } from './0010-create-core.ts';
import { talkKeys } from './0020-talk-keys.ts';
import { sessionFtsTriggers } from './0030-session-fts-triggers.ts';
import { sessionConferenceIndex } from './0040-session-conference-index.ts';
import { planReminders } from './0050-plan-reminders.ts';
import { conferenceCustomTitle } from './0060-conference-custom-title.ts';
import { afterTheTalk } from './0070-after-the-talk.ts';
import { friends } from './0080-friends.ts';
import { deferredSearchIndex } from './0090-deferred-search-index.ts';
import { scheduleOrderedSearch } from './0100-schedule-ordered-search.ts';
import { searchIndexBuffer } from './0110-search-index-buffer.ts';
import { noSpeakerSessionIndex } from './0120-no-speaker-session-index.ts';
import { speakersOnSession } from './0130-speakers-on-session.ts';
import type { Database } from 'better-sqlite3';
import type { Migration } from './types.ts';

export const MIGRATIONS: readonly Migration[] = [
  createCore,
  talkKeys,
  sessionFtsTriggers,
  sessionConferenceIndex,
  planReminders,
  conferenceCustomTitle,
  afterTheTalk,
  friends,
  deferredSearchIndex,
  scheduleOrderedSearch,
  searchIndexBuffer,
  noSpeakerSessionIndex,
  speakersOnSession
];

export const LATEST_VERSION = MIGRATIONS[MIGRATIONS.length - 1]?.version ?? 0;

/**
 * Run every migration newer than the database's schema, in order, each recording its version
 * (PRAGMA user_version). Call inside one transaction, so a failure leaves the schema as it was.
 * Returns the version the database had.
 */
export function migrate(db: Database): number {
  const version = db.pragma('user_version', { simple: true }) as number;
  for (const m of MIGRATIONS.filter((x) => x.version > version)) {
    m.up(db);
    db.pragma(`user_version = ${m.version}`);
  }
  return version;
}
