// The services object (createApi): the one implementation of the contract behind all three doors (Electron IPC,
// the browser host, the CLI). It is typed `satisfies Api`, so a missing or extra channel fails to
// compile. Requests arriving here have already been validated by the door (parseRequest); handlers
// still refuse ids that do not exist with a clear message.
import { Worker } from 'node:worker_threads';
import type { Database as Db } from 'better-sqlite3';
import { ClashlessError } from '../../shared/contract.ts';
import type { Api, EventName, Events, ImportPreview, ImportReport, Request, ViewScope } from '../../shared/contract.ts';
import type { CsvColumn, ParsedSchedule } from '../../shared/domain.ts';
import type { CommitResult, LastPreview, ProgressListener } from '../import/import-job.ts';
import type { ImportWorkerData, ImportWorkerMessage } from '../import/import-worker.ts';
import { loadOnDemand } from './load-on-demand.ts';
import { listClashes, listTravel, resolveAll, resolveClash, setTravel } from './clash-ops.ts';
import { exportAgenda, type IcsWriter } from './export-ops.ts';
import { addSessions, createBlock, removeItems, updateBlock, updateItem } from './plan-ops.ts';
import { historyResult, removeConference, renameConference } from './conference-ops.ts';
import { addFriend, friendAttendance, friendList, previewFriend, removeFriend } from './friend-ops.ts';
import { changesByIds, latestChanges } from '../store/changes.ts';
import { describeBackups, restoreBackup } from '../store/backups.ts';
import type { Recovery } from '../store/open.ts';
import { listPlan, redo, undo } from '../store/plan.ts';
import { setReminders } from '../store/reminders.ts';
import { markItems } from '../store/outcomes.ts';
import { readSetting, writeSetting } from '../store/settings-table.ts';
import { getConference, getSessions, listConferences, listSessions, listSessionSummaries } from '../store/sessions.ts';
import { searchSessionRuns } from '../store/session-search.ts';

export const APP_VERSION = '0.1.0';

/** Inputs at least this long are imported in a worker thread when the host provides one. */
export const WORKER_IMPORT_CHARS = 256 * 1024;

/** A preview with no sessions yet: the CSV's columns and what is missing, for the mapping step. */
function csvMappingPreview(req: Request<'import.preview'>, columns: CsvColumn[], err: ClashlessError, systemZone: () => string): ImportPreview {
  const zone = req.timeZone ?? systemZone();
  return {
    format: 'csv',
    conference: { title: req.fileName?.replace(/\.[^.]+$/, '') || 'Imported schedule', timeZone: zone },
    zone: { zone, rule: req.timeZone ? 'option' : 'fallback', detail: 'chosen after the columns are mapped', guessed: !req.timeZone },
    sessions: [],
    warnings: [{ line: 1, message: err.message }],
    columns,
    candidates: [],
    mergesInto: null
  };
}

/**
 * Run one import job in a worker thread, relaying its progress. 'commit' resolves with what
 * commitImport returns, 'preview' with the parsed schedule; errors come back as ClashlessErrors.
 */
function inWorker(workerPath: string, data: ImportWorkerData & { op: 'commit' }, onProgress: ProgressListener): Promise<CommitResult>;
function inWorker(workerPath: string, data: ImportWorkerData & { op: 'preview' }, onProgress: ProgressListener): Promise<ParsedSchedule>;
function inWorker(workerPath: string, data: ImportWorkerData, onProgress: ProgressListener): Promise<CommitResult | ParsedSchedule> {
  return new Promise((resolve, reject) => {
    const worker = new Worker(workerPath, { workerData: data });
    let settled = false;
    worker.on('message', (message: ImportWorkerMessage) => {
      if (message.type === 'progress') onProgress(message.phase, message.done, message.total);
      else if (message.type === 'done' || message.type === 'parsed') {
        settled = true;
        resolve(message.type === 'done' ? message.result : message.parsed);
      } else {
        settled = true;
        reject(ClashlessError.fromWire(message.error));
      }
    });
    worker.on('error', () => {
      if (!settled) reject(new ClashlessError('internal', 'The import stopped unexpectedly. Nothing was changed.'));
      settled = true;
    });
    worker.on('exit', (code) => {
      if (!settled) reject(new ClashlessError('internal', `The import stopped unexpectedly (code ${code}). Nothing was changed.`));
      settled = true;
    });
  });
}

export function createApi(
  db: Db,
  dbPath: string,
  recovery: Recovery | null,
  emit: <E extends EventName>(event: E, payload: Events[E]) => void,
  clock: () => number,
  importWorker: string | null = null,
  /** The day's backup notice, when it could not be written (read when asked: a first run backs up after seeding). */
  backupFailed: () => string | null = () => null,
  writeIcs?: IcsWriter
) {
  const planChanged = (conferenceId: number | null) => emit('plan.changed', { conferenceId });
  /** One event per conference the items belong to (a CLI edit may span several). */
  const planChangedFor = (items: readonly { conferenceId: number }[]) => {
    const conferences = new Set(items.map((i) => i.conferenceId));
    if (conferences.size === 0) planChanged(null);
    for (const id of conferences) planChanged(id);
  };
  const onProgress: ProgressListener = (phase, done, total) => emit('import.progress', { phase, done, total });
  const useWorker = (req: Request<'import.preview'>) =>
    importWorker !== null && dbPath !== ':memory:' && req.text.length >= WORKER_IMPORT_CHARS;
  // Parsed in this thread by the last preview; a commit of the same request reuses it (parse once).
  // Made with the file-reading code, at the first import.
  let lastPreview: LastPreview | null = null;

  const api = {
    async 'app.info'() {
      return { version: APP_VERSION, dbPath, recovery, backupFailed: backupFailed() };
    },
    async 'conference.list'() {
      return listConferences(db);
    },
    async 'conference.remove'(req: Request<'conference.remove'>) {
      // One undoable step that takes its sessions' search entries and plan along (services/conference-ops.ts).
      const result = removeConference(db, clock(), req.conferenceId);
      if (result.removed) {
        emit('data.changed', { conferenceId: req.conferenceId });
        planChanged(req.conferenceId);
      }
      return result;
    },
    async 'conference.rename'(req: Request<'conference.rename'>) {
      const result = renameConference(db, clock(), req.conferenceId, req.title);
      emit('data.changed', { conferenceId: req.conferenceId });
      return result;
    },
    async 'session.list'(req: Request<'session.list'>) {
      return listSessions(db, req);
    },
    async 'session.summaries'(req: Request<'session.summaries'>) {
      return listSessionSummaries(db, req);
    },
    async 'session.get'(req: Request<'session.get'>) {
      const s = getSessions(db, [req.sessionId])[0];
      if (!s) throw new ClashlessError('not-found', `No session with id ${req.sessionId}.`, 'field sessionId');
      return s;
    },
    async 'session.search'(req: Request<'session.search'>) {
      return { runs: searchSessionRuns(db, req) };
    },
    async 'import.preview'(req: Request<'import.preview'>): Promise<ImportPreview> {
      const { detectFormat, csvColumns, parseForImport, LastPreview, systemZone, chooseTarget, zoneCandidates } = await loadOnDemand();
      const csv = (req.format ?? 'auto') === 'auto' ? detectFormat(req.text, req.fileName) === 'csv' : req.format === 'csv';
      const columns = csv ? csvColumns(req.text, req.columns) : null;
      let parsed: ParsedSchedule;
      try {
        // A large file is read in the worker too, so the services keep answering meanwhile.
        parsed = useWorker(req)
          ? await inWorker(importWorker!, { op: 'preview', dbPath, req, now: clock() }, onProgress)
          : parseForImport(req);
        if (!useWorker(req)) (lastPreview ??= new LastPreview()).remember(req, parsed);
      } catch (err) {
        // A CSV whose columns could not be matched is not a dead end: show the columns so the
        // person can say which one holds the title or the start, instead of an error alone.
        if (csv && err instanceof ClashlessError && err.code === 'parse-failed' && columns && columns.length > 0) {
          return csvMappingPreview(req, columns, err, systemZone);
        }
        throw err;
      }
      // The same choice the commit makes: same title, or for an untitled paste the same sessions, else new.
      const target = chooseTarget(db, parsed);
      return {
        format: parsed.format,
        conference: { title: target.title, timeZone: parsed.conference.timeZone },
        zone: parsed.zone,
        sessions: parsed.sessions.map(({ line: _line, ...s }) => s),
        warnings: parsed.warnings,
        columns,
        candidates: zoneCandidates(parsed),
        mergesInto:
          target.conferenceId !== null && target.matchedBy !== null
            ? { conferenceId: target.conferenceId, title: target.currentTitle ?? target.title, matchedBy: target.matchedBy }
            : null
      };
    },
    async 'import.commit'(req: Request<'import.commit'>): Promise<ImportReport> {
      const { commitImport } = await loadOnDemand();
      const job = useWorker(req)
        ? await inWorker(importWorker!, { op: 'commit', dbPath, req, now: clock() }, onProgress)
        : commitImport(db, req, clock(), onProgress, lastPreview?.take(req) ?? null);
      const { merged, total } = job;
      emit('import.progress', { phase: 'done', done: total, total });
      emit('data.changed', { conferenceId: merged.conferenceId });
      planChanged(merged.conferenceId);
      return {
        conferenceId: merged.conferenceId,
        format: job.format,
        zone: job.zone,
        total,
        added: merged.added,
        updated: merged.updated,
        unchanged: merged.unchanged,
        removed: merged.removed,
        changes: changesByIds(db, merged.changeIds),
        warnings: job.warnings
      };
    },
    async 'change.list'(req: Request<'change.list'>) {
      return latestChanges(db, req.conferenceId);
    },
    async 'plan.list'(req: Request<'plan.list'>) {
      return listPlan(db, req.conferenceId);
    },
    async 'plan.add'(req: Request<'plan.add'>) {
      const items = addSessions(db, clock(), req.sessionIds, req.state);
      planChangedFor(items);
      return { items };
    },
    async 'plan.remove'(req: Request<'plan.remove'>) {
      const items = removeItems(db, clock(), req.itemIds);
      planChangedFor(items);
      return { items };
    },
    async 'plan.update'(req: Request<'plan.update'>) {
      const items = updateItem(db, clock(), req);
      planChangedFor(items);
      return { items };
    },
    async 'plan.remind'(req: Request<'plan.remind'>) {
      const items = setReminders(db, clock(), req.itemIds, req.reminder);
      planChangedFor(items);
      return { items };
    },
    async 'plan.mark'(req: Request<'plan.mark'>) {
      const items = markItems(db, clock(), req.itemIds, req);
      planChangedFor(items);
      return { items };
    },
    async 'block.create'(req: Request<'block.create'>) {
      const items = createBlock(db, clock(), req);
      planChanged(req.conferenceId);
      return { items };
    },
    async 'block.update'(req: Request<'block.update'>) {
      const items = updateBlock(db, clock(), req);
      planChangedFor(items);
      return { items };
    },
    async 'history.undo'() {
      const done = undo(db);
      if (done?.conference) emit('data.changed', { conferenceId: null });
      if (done) planChanged(null);
      return historyResult(done);
    },
    async 'history.redo'() {
      const done = redo(db);
      if (done?.conference) emit('data.changed', { conferenceId: null });
      if (done) planChanged(null);
      return historyResult(done);
    },
    async 'clash.list'(req: Request<'clash.list'>) {
      return listClashes(db, req.conferenceId, req.conferenceIds);
    },
    async 'clash.resolve'(req: Request<'clash.resolve'>) {
      const items = resolveClash(db, clock(), req);
      planChangedFor(items);
      return { items };
    },
    async 'clash.resolveAll'(req: Request<'clash.resolveAll'>) {
      const result = resolveAll(db, clock(), req.conferenceId, req.apply);
      if (req.apply) planChanged(req.conferenceId);
      return result;
    },
    async 'view.get'() {
      return viewScope(db);
    },
    async 'view.set'(req: Request<'view.set'>) {
      if (req.conferenceId !== null && !getConference(db, req.conferenceId)) {
        throw new ClashlessError('not-found', `No conference with id ${req.conferenceId}.`, 'field conferenceId');
      }
      writeSetting(db, VIEWED_CONFERENCE, req.conferenceId === null ? null : String(req.conferenceId));
      if (req.myWeek !== undefined) writeSetting(db, VIEWED_SCOPE, req.myWeek ? 'my-week' : null);
      return viewScope(db);
    },
    async 'travel.list'(req: Request<'travel.list'>) {
      return listTravel(db, req.conferenceId);
    },
    async 'travel.set'(req: Request<'travel.set'>) {
      if (!getConference(db, req.conferenceId)) {
        throw new ClashlessError('not-found', `No conference with id ${req.conferenceId}.`, 'field conferenceId');
      }
      const list = setTravel(db, req);
      planChanged(req.conferenceId);
      return list;
    },
    async 'backup.list'() {
      return describeBackups(dbPath);
    },
    async 'backup.restore'(req: Request<'backup.restore'>) {
      const result = restoreBackup(db, dbPath, req.name, clock());
      emit('data.changed', { conferenceId: null });
      planChanged(null);
      return result;
    },
    async 'export.agenda'(req: Request<'export.agenda'>) {
      if (req.conferenceId !== undefined && !getConference(db, req.conferenceId)) {
        throw new ClashlessError('not-found', `No conference with id ${req.conferenceId}.`, 'field conferenceId');
      }
      return exportAgenda(db, clock(), req, writeIcs);
    },
    // Friends' overlays (services/friend-ops.ts): never part of the person's own plan.
    async 'friends.list'() {
      return friendList(db);
    },
    async 'friends.preview'(req: Request<'friends.preview'>) {
      const { readFriendAgenda } = await loadOnDemand();
      return previewFriend(db, readFriendAgenda(req.text, req.fileName));
    },
    async 'friends.add'(req: Request<'friends.add'>) {
      const { readFriendAgenda } = await loadOnDemand();
      const added = addFriend(db, clock(), req, readFriendAgenda(req.text, req.fileName));
      emit('data.changed', { conferenceId: null });
      return added;
    },
    async 'friends.remove'(req: Request<'friends.remove'>) {
      const removed = removeFriend(db, clock(), req.friendId);
      if (removed.removed) emit('data.changed', { conferenceId: null });
      return removed;
    },
    async 'friends.sessions'(req: Request<'friends.sessions'>) {
      return friendAttendance(db, req.conferenceId);
    }
  } satisfies Api;
  return api;
}

const VIEWED_CONFERENCE = 'view.conference';
/** 'my-week' while the person looks at every conference of the week together; unset otherwise. */
const VIEWED_SCOPE = 'view.scope';

function viewScope(db: Db): ViewScope {
  return { conferenceId: lastViewedConference(db), myWeek: readSetting(db, VIEWED_SCOPE) === 'my-week' };
}

/** The conference the person last looked at, while it still exists (null falls back to another). */
function lastViewedConference(db: Db): number | null {
  const id = Number(readSetting(db, VIEWED_CONFERENCE));
  return Number.isInteger(id) && id > 0 && getConference(db, id) ? id : null;
}
