// The one contract between the UI and the services. Every channel is declared here once, as
// 'domain.verb' → request schema and response type. Electron IPC (main/ipc.ts), the browser host
// (web/server.ts) and the preload/fetch clients are all derived from this table, and the services
// object is typed `satisfies Api`, so a missing or extra handler fails to compile.
//
// Policy: requests are untrusted. Every schema is strict (unknown keys are refused, which also
// refuses "__proto__"/"constructor" keys), strings and arrays are bounded, numbers are finite.
import type { IdRunList } from './id-runs.ts';
import { z } from 'zod';
import { CHANNEL_NAMES, EVENT_NAMES } from './channels.ts';
import type { DesktopApi } from './desktop-contract.ts';
import { parseChannelRequest } from './request-schema.ts';
import type { MenuCommand } from './channels.ts';

export { ClashlessError, toWireError } from './errors.ts';
export { DESKTOP_CHANNELS, desktopSchemas, parseDesktopRequest } from './desktop-contract.ts';
export type { DesktopApi, DesktopChannel, DesktopResponses } from './desktop-contract.ts';
export type { ErrorCode, WireError, WireResult } from './errors.ts';
export { isExternalLinkAllowed } from './links.ts';
export { EVENT_NAMES, MENU_COMMANDS } from './channels.ts';
export type { MenuCommand } from './channels.ts';
import { CONFERENCE_TITLE_MAX, CSV_FIELDS } from './domain.ts';
export { CONFERENCE_TITLE_MAX } from './domain.ts';
import type { SplitPlan } from './split.ts';
import { friendSchemas } from './friend-contract.ts';
import type { FriendResponses } from './friend-contract.ts';
import type {
  Clash,
  Conference,
  CsvColumn,
  ImportFormat,
  ImportWarning,
  PlanItem,
  ScheduleChange,
  Session,
  SessionSummary,
  ZoneDecision
} from './domain.ts';

const id = z.number().int().positive().max(Number.MAX_SAFE_INTEGER);
const epochMs = z.number().int().min(0).max(8.64e15);
const shortText = z.string().max(2_000);
/** Import text: 20 MB of UTF-16 code units at most (the decode step enforces bytes). */
const importText = z.string().max(20 * 1024 * 1024);
const zoneName = z.string().min(1).max(64);
const planState = z.enum(['going', 'backup', 'maybe']);
/** A plan item's own reminder (domain Reminder); null hands it back to the export's default. */
const reminder = z.union([z.literal('none'), z.literal(5), z.literal(10), z.literal(15), z.literal(30)], {
  error: 'a reminder is "none", 5, 10, 15 or 30 (minutes before), or null for the export’s default'
});
const formatName = z.enum(['auto', 'sched-text', 'markdown', 'text', 'ics', 'frab-xml', 'schedule-json', 'csv', 'html']);

const importRequest = z.strictObject({
  text: importText,
  fileName: z.string().max(500).optional(),
  format: formatName.optional(),
  timeZone: zoneName.optional(),
  /**
   * Weekday-only schedules: the date of the first day (YYYY-MM-DD), the person's answer to
   * 'first-day-required'. The import checks it and says in words what is wrong with it.
   */
  firstDay: z.string().max(32).optional(),
  /** CSV: the person's column mapping from the preview. */
  columns: z
    .array(z.strictObject({ header: z.string().max(500), field: z.enum(CSV_FIELDS).nullable() }))
    .max(1_000)
    .optional()
});

/** What the person looks at: a conference, and whether My week (every conference of its week) is on. */
export interface ViewScope {
  conferenceId: number | null;
  myWeek: boolean;
}

export const schemas = {
  'app.info': z.strictObject({}),
  'conference.list': z.strictObject({}),
  'conference.remove': z.strictObject({ conferenceId: id }),
  'conference.rename': z.strictObject({
    conferenceId: id,
    title: z
      .string()
      .trim()
      .min(1, 'the new title is empty; give the conference a name')
      .max(CONFERENCE_TITLE_MAX, `the new title is longer than ${CONFERENCE_TITLE_MAX} characters`)
  }),
  'view.get': z.strictObject({}),
  /** `myWeek`: the person looks at every conference of the shown week together (omitted: unchanged). */
  'view.set': z.strictObject({ conferenceId: id.nullable(), myWeek: z.boolean().optional() }),
  'session.list': z.strictObject({
    conferenceId: id.optional(),
    search: z.string().max(500).optional(),
    limit: z.number().int().min(1).max(100_000).optional()
  }),
  /** One conference's sessions as the week and the catalog hold them, in schedule order. */
  'session.summaries': z.strictObject({
    conferenceId: id,
    limit: z.number().int().min(1).max(100_000).optional()
  }),
  'session.get': z.strictObject({ sessionId: id }),
  'session.search': z.strictObject({
    conferenceId: id.optional(),
    search: z.string().max(500)
  }),
  'import.preview': importRequest,
  'import.commit': importRequest,
  'change.list': z.strictObject({ conferenceId: id }),
  'plan.list': z.strictObject({ conferenceId: id.optional() }),
  'plan.add': z.strictObject({
    sessionIds: z.array(id).min(1).max(100_000),
    state: planState.optional()
  }),
  'plan.remove': z.strictObject({ itemIds: z.array(id).min(1).max(100_000) }),
  'plan.update': z.strictObject({
    itemId: id,
    state: planState.optional(),
    priority: z.number().int().min(1).max(5).optional(),
    note: shortText.nullable().optional(),
    arriveAt: epochMs.nullable().optional(),
    leaveAt: epochMs.nullable().optional()
  }),
  'plan.remind': z.strictObject({
    itemIds: z.array(id).min(1).max(100_000),
    reminder: reminder.nullable()
  }),
  /** After the talk: mark items attended/missed (null clears) and rate them (null clears); one undoable step. */
  'plan.mark': z.strictObject({
    itemIds: z.array(id).min(1).max(100_000),
    outcome: z.enum(['attended', 'missed']).nullable().optional(),
    rating: z.number().int().min(1).max(5).nullable().optional()
  }),
  'block.create': z.strictObject({
    conferenceId: id,
    title: z.string().min(1).max(500),
    start: epochMs,
    end: epochMs,
    place: z.string().max(500).nullable().optional()
  }),
  'block.update': z.strictObject({
    itemId: id,
    title: z.string().min(1).max(500).optional(),
    start: epochMs.optional(),
    end: epochMs.optional(),
    place: z.string().max(500).nullable().optional()
  }),
  'history.undo': z.strictObject({}),
  'history.redo': z.strictObject({}),
  'clash.list': z.strictObject({
    conferenceId: id.optional(),
    /** Without conferenceId: only the plans of these conferences (My week's), not every conference. */
    conferenceIds: z.array(id).max(1_000).optional()
  }),
  'clash.resolve': z.strictObject({
    a: id,
    b: id,
    action: z.enum(['keep-a', 'keep-b', 'split', 'remove-a', 'remove-b'])
  }),
  'clash.resolveAll': z.strictObject({ conferenceId: id, apply: z.boolean() }),
  'travel.list': z.strictObject({ conferenceId: id }),
  'travel.set': z.strictObject({
    conferenceId: id,
    from: z.string().min(1).max(500),
    to: z.string().min(1).max(500),
    minutes: z.number().int().min(0).max(24 * 60)
  }),
  'backup.list': z.strictObject({}),
  'backup.restore': z.strictObject({ name: z.string().min(1).max(255) }),
  'export.agenda': z.strictObject({
    /** report-md / report-html: "my conference", what was attended, rated and missed (export/report.ts). */
    format: z.enum(['ics', 'md', 'csv', 'html', 'report-md', 'report-html']),
    conferenceId: id.optional(),
    states: z.array(planState).max(3).optional(),
    includeBlocks: z.boolean().optional(),
    alarmMinutes: z.number().int().min(0).max(7 * 24 * 60).optional(),
    /** "Share mine": the name written as X-CLASHLESS-OWNER, so a friend's import proposes it. */
    owner: z.string().trim().max(60).optional()
  }),
  ...friendSchemas
} as const;

export type Channel = keyof typeof schemas;
export const CHANNELS: readonly Channel[] = CHANNEL_NAMES;
export type Request<C extends Channel> = z.infer<(typeof schemas)[C]>;

export interface AppInfo {
  version: string;
  dbPath: string;
  /** Set when the database was unreadable on start and moved aside; the UI must tell the person. */
  recovery: { movedTo: string; restoredFrom: string | null; reason: string } | null;
  /** Set when the daily backup could not be saved on start (the start went on); the UI tells the person once. */
  backupFailed: string | null;
}

export interface ImportPreview {
  format: ImportFormat;
  conference: { title: string; timeZone: string };
  zone: ZoneDecision;
  sessions: PreviewSession[];
  warnings: ImportWarning[];
  /** CSV: every column and the field it is read as, so the person can correct the mapping; null for other formats. */
  columns: CsvColumn[] | null;
  /** Other zones the person may mean (what an abbreviation could stand for, this computer's zone). */
  candidates: string[];
  /**
   * The existing conference the commit will update, found by the same title or, for a schedule
   * without a title (a paste), by sharing most of its sessions; null when the commit creates a new
   * conference, named `conference.title`.
   */
  mergesInto: { conferenceId: number; title: string; matchedBy: 'title' | 'content' } | null;
}

/** A session in the preview, before it has an id. */
export type PreviewSession = Omit<Session, 'id' | 'conferenceId' | 'status'> & {
  status: 'scheduled' | 'cancelled';
};

export interface ImportReport {
  conferenceId: number;
  format: ImportFormat;
  zone: ZoneDecision;
  total: number;
  added: number;
  updated: number;
  unchanged: number;
  removed: number;
  changes: ScheduleChange[];
  warnings: ImportWarning[];
}

export interface PlanChangeResult {
  items: PlanItem[];
}

export interface ClashView extends Clash {
  /** When a re-import caused this clash, what changed. */
  cause: ScheduleChange | null;
  /** What "split time" would do (the windows) or why it cannot (see src/shared/split.ts). */
  split: SplitPlan;
}

export interface ResolveAllPreview {
  keep: number[];
  toBackup: number[];
  totalPriority: number;
  /** Pairs of the person's own blocks that still clash: resolving never demotes a block, so they stay. */
  unresolved: number;
  applied: boolean;
}

export interface TravelEntry {
  from: string;
  to: string;
  /** null: unknown, because one of the two is a place the person typed (no transfer clash is claimed). */
  minutes: number | null;
  /** True when the person set it; false for the derived default. */
  custom: boolean;
}

export interface ExportedFile {
  fileName: string;
  mimeType: string;
  content: string;
  count: number;
}

export interface HistoryResult {
  /** What was undone/redone, for the status line ("Undo: add “All Your Routes…”"), or null when nothing was left. */
  label: string | null;
  /** Set when the undo put back a removed conference: its id (the app shows it again). */
  restoredConferenceId?: number;
}

/** What conference.rename did: the title before and the title now. */
export interface ConferenceRenaming {
  conferenceId: number;
  oldTitle: string;
  title: string;
}

/** What conference.remove removed (one undoable step); `removed` is false when there was no such conference. */
export interface ConferenceRemoval {
  removed: boolean;
  title: string | null;
  /** Its sessions on the schedule, its planned sessions and its personal blocks. */
  sessions: number;
  planned: number;
  blocks: number;
}

export interface Responses extends FriendResponses {
  'app.info': AppInfo;
  'conference.list': Conference[];
  'conference.remove': ConferenceRemoval;
  'conference.rename': ConferenceRenaming;
  /** The conference the person last viewed (kept in the database, so every door and restart agrees); null when unset or deleted. */
  'view.get': ViewScope;
  'view.set': ViewScope;
  'session.list': Session[];
  'session.summaries': SessionSummary[];
  'session.get': Session;
  /**
   * The matching session ids as runs of consecutive ids ([start, length, …], see `id-runs.ts`);
   * null when the text is not a search yet (empty, one letter).
   */
  'session.search': { runs: IdRunList | null };
  'import.preview': ImportPreview;
  'import.commit': ImportReport;
  'change.list': ScheduleChange[];
  'plan.list': PlanItem[];
  'plan.add': PlanChangeResult;
  'plan.remove': PlanChangeResult;
  'plan.update': PlanChangeResult;
  'plan.remind': PlanChangeResult;
  'plan.mark': PlanChangeResult;
  'block.create': PlanChangeResult;
  'block.update': PlanChangeResult;
  'history.undo': HistoryResult;
  'history.redo': HistoryResult;
  'clash.list': ClashView[];
  'clash.resolve': PlanChangeResult;
  'clash.resolveAll': ResolveAllPreview;
  'travel.list': TravelEntry[];
  'travel.set': TravelEntry[];
  'export.agenda': ExportedFile;
  'backup.list': BackupInfo[];
  'backup.restore': { savedCurrentAs: string };
}

export interface BackupInfo {
  /** File name inside the backups folder (never a path). */
  name: string;
  takenAt: number;
  sizeBytes: number;
}

/** The services object: one async function per channel. */
export type Api = { [C in Channel]: (req: Request<C>) => Promise<Responses[C]> };

/** Events pushed to every window/page. */
export interface Events {
  'plan.changed': { conferenceId: number | null };
  'data.changed': { conferenceId: number | null };
  'import.progress': { phase: 'decode' | 'parse' | 'commit' | 'done'; done: number; total: number };
  /** Electron only: a native menu item or accelerator was used. */
  'menu.command': { command: MenuCommand };
  /** Electron only: a file was dropped on the window or opened from the OS. */
  'file.opened': { fileName: string; text: string };
}
export type EventName = keyof Events;

/** What the renderer sees as `window.api`: the channels, the host's abilities, and event subscription. */
export type ClientApi = Api & {
  desktop: DesktopApi & { kind: 'electron' | 'web' };
  on<E extends EventName>(event: E, listener: (payload: Events[E]) => void): () => void;
};

/** Validate a request for a channel; throws a ClashlessError('bad-request') that names the field. */
export function parseRequest<C extends Channel>(channel: C, payload: unknown): Request<C> {
  return parseChannelRequest(schemas[channel] as unknown as z.ZodType<Request<C>>, channel, payload);
}

export function isChannel(name: unknown): name is Channel {
  return typeof name === 'string' && Object.prototype.hasOwnProperty.call(schemas, name);
}

// The name lists in channels.ts are written out by hand so the renderer needs no zod; these
// compile-time checks make a list that differs from the schemas fail to build.
type Same<A, B> = [A] extends [B] ? ([B] extends [A] ? true : false) : false;
const channelsMatch: Same<(typeof CHANNEL_NAMES)[number], Channel> = true;
const eventsMatch: Same<(typeof EVENT_NAMES)[number], EventName> = true;
void channelsMatch;
void eventsMatch;
