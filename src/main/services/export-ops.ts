// Exporting the plan: builds the agenda model from the store and renders the chosen format.
// An .ics export asks store/export-state.ts for each event's SEQUENCE (it rises only when what the
// event shows changed since the last export).
import type { Database as Db } from 'better-sqlite3';
import type { ExportedFile, Request } from '../../shared/contract.ts';
import { PLAN_STATES } from '../../shared/domain.ts';
import type { PlanItem } from '../../shared/domain.ts';
import { isoDateInZone } from '../../shared/time.ts';
import { entryFingerprint, entryUid } from '../export/agenda.ts';
import type { AgendaEntry, AgendaInput } from '../export/agenda.ts';
import { buildCsv } from '../export/csv.ts';
import { buildIcs } from '../export/ics.ts';
import { buildMarkdown } from '../export/markdown.ts';
import { buildPrintHtml } from '../export/print-html.ts';
import { buildReportHtml } from '../export/report-html.ts';
import { buildReportMarkdown } from '../export/report.ts';
import { listPlan } from '../store/plan.ts';
import { exportSequences } from '../store/export-state.ts';
import { exportUids, getConference, getSessions, sessionSpans } from '../store/sessions.ts';
import { dayBoundaryMinutes } from '../../shared/conference-days.ts';
import { planClashes } from './clash-ops.ts';

/** Writes the .ics file: buildIcs in this thread, or a ParallelIcsWriter when the host has worker threads for it. */
export type IcsWriter = (input: AgendaInput) => string | Promise<string>;

function slug(text: string): string {
  return (
    text
      .normalize('NFKD')
      .replace(/[\u0300-\u036f]/g, '')
      .toLowerCase()
      .replace(/[^a-z0-9]+/g, '-')
      .replace(/^-+|-+$/g, '')
      .slice(0, 60) || 'agenda'
  );
}

function buildEntries(db: Db, plan: PlanItem[]): AgendaEntry[] {
  const sessions = new Map(getSessions(db, plan.flatMap((p) => (p.sessionId === null ? [] : [p.sessionId]))).map((s) => [s.id, s]));
  const clashes = planClashes(db, plan).map((c) => c.clash);
  const titles = new Map(plan.map((p) => [p.id, p.title]));
  // UIDs kept from before a key change, so calendars keep updating the same events.
  const uids = exportUids(db, [...sessions.keys()]);
  const clashNames = new Map<number, string[]>();
  for (const c of clashes) {
    clashNames.set(c.a, [...(clashNames.get(c.a) ?? []), titles.get(c.b) ?? '']);
    clashNames.set(c.b, [...(clashNames.get(c.b) ?? []), titles.get(c.a) ?? '']);
  }
  return plan.map((item) => ({
    item,
    session: item.sessionId === null ? null : (sessions.get(item.sessionId) ?? null),
    clashesWith: clashNames.get(item.id) ?? [],
    uid: item.sessionId === null ? null : (uids.get(item.sessionId) ?? null)
  }));
}

/** Everything is read from the store before the first await, so the file shows one moment of the plan. */
export async function exportAgenda(db: Db, now: number, req: Request<'export.agenda'>, writeIcs: IcsWriter = buildIcs): Promise<ExportedFile> {
  const conf = req.conferenceId !== undefined ? getConference(db, req.conferenceId) : undefined;
  const plan = listPlan(db, req.conferenceId);
  const entries = buildEntries(db, plan);
  const states = req.states ?? PLAN_STATES;
  const report = req.format === 'report-md' || req.format === 'report-html';
  // The report is about talks: personal blocks never go in it.
  const includeBlocks = !report && (req.includeBlocks ?? true);
  const included = entries.filter(
    (e) => states.includes(e.item.state) && (includeBlocks || e.item.kind === 'session')
  );
  const firstConf = conf ?? (plan[0] ? getConference(db, plan[0].conferenceId) : undefined);
  const zone = firstConf?.timeZone ?? 'UTC';
  // A report on a plan of one conference is about that conference, even without conferenceId.
  const named = conf ?? (report && new Set(plan.map((p) => p.conferenceId)).size === 1 ? firstConf : undefined);
  const input: AgendaInput = {
    calendarName: named ? `Clashless — ${named.title}` : 'Clashless agenda',
    timeZone: zone,
    entries: included,
    sequences:
      req.format === 'ics' ? exportSequences(db, included.map((e) => ({ uid: entryUid(e), fingerprint: entryFingerprint(e) }))) : new Map(),
    now,
    alarmMinutes: req.alarmMinutes ?? null,
    states,
    includeBlocks,
    // Days start where the conference's days start (a night programme's 00:15 talk stays on its night).
    dayBoundaryMinutes: dayBoundaryMinutes([...(firstConf ? sessionSpans(db, firstConf.id) : []), ...plan], zone),
    owner: req.owner ?? null
  };
  const base = `${slug(named?.title ?? 'clashless-agenda')}-${isoDateInZone(now, zone)}`;
  switch (req.format) {
    case 'ics':
      return { fileName: `${slug(conf?.title ?? 'clashless-agenda')}.ics`, mimeType: 'text/calendar', content: await writeIcs(input), count: included.length };
    case 'md':
      return { fileName: `${base}.md`, mimeType: 'text/markdown', content: buildMarkdown(input), count: included.length };
    case 'csv':
      return { fileName: `${base}.csv`, mimeType: 'text/csv', content: buildCsv(input), count: included.length };
    case 'html':
      return { fileName: `${base}.html`, mimeType: 'text/html', content: buildPrintHtml(input), count: included.length };
    case 'report-md':
      return { fileName: `${base}-report.md`, mimeType: 'text/markdown', content: buildReportMarkdown(input), count: included.length };
    case 'report-html':
      return { fileName: `${base}-report.html`, mimeType: 'text/html', content: buildReportHtml(input), count: included.length };
  }
}
