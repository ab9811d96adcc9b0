// Clashes as the panel shows them: both sides with titles and times, a one-line summary, and the
// schedule change that caused it. Pure, so the wording and order are easy to test.
import type { ClashView, Request } from '../../../../shared/contract.ts';
import { clashItemFromPlan, effectiveEnd, effectiveStart } from '../../../../shared/clashes.ts';
import type { PlanItem, PlanState } from '../../../../shared/domain.ts';
import { splitRefusal } from '../../../../shared/split.ts';
import { changeKindLabel } from '../../../../shared/change-text.ts';
import { MINUTE } from '../../../../shared/time.ts';
import { formatMinutes, formatTime } from '../import/format-when.ts';

export type ClashAction = Request<'clash.resolve'>['action'];

export interface ClashSide {
  id: number;
  /** The planned session, for matching a schedule change; null for a personal block. */
  sessionId: number | null;
  title: string;
  start: number;
  end: number;
  /** "Salt Palace · 155 EF", or null. */
  place: string | null;
  state: PlanState | null;
  priority: number | null;
  /** The plan item was not in the plan list (deleted meanwhile); the row still renders. */
  missing: boolean;
  /** The conference the item belongs to (null when missing): My week names it on the card. */
  conferenceId: number | null;
}

export interface ClashRow {
  key: string;
  clash: ClashView;
  a: ClashSide;
  b: ClashSide;
  /** "overlap 35 min" or "transfer: 15 min short of the 20-min walk". */
  summary: string;
  /** "A moved in the last import: Wed 11:15 → Wed 11:30" when a re-import caused it. */
  cause: string | null;
}

function side(id: number, item: PlanItem | undefined): ClashSide {
  if (item === undefined) {
    return { id, sessionId: null, title: `Plan item ${id}`, start: 0, end: 0, place: null, state: null, priority: null, missing: true, conferenceId: null };
  }
  const place = [item.venue, item.room].filter((x): x is string => x !== null && x !== '').join(' · ');
  // The attendance window (as the clash engine reads it) is what the person actually spends there.
  const engineView = clashItemFromPlan(item);
  return {
    id,
    sessionId: item.sessionId,
    title: item.title,
    start: effectiveStart(engineView),
    end: effectiveEnd(engineView),
    place: place === '' ? null : place,
    state: item.state,
    priority: item.priority,
    missing: false,
    conferenceId: item.conferenceId
  };
}

/**
 * The one-line summary. For a transfer clash the engine reports only how many minutes are
 * missing; the walk itself is that plus the gap the person has between the two.
 */
export function clashSummary(clash: ClashView, a: ClashSide, b: ClashSide): string {
  if (clash.kind === 'overlap') return `overlap ${formatMinutes(clash.minutes)}`;
  if (a.missing || b.missing) return `transfer: ${formatMinutes(clash.minutes)} short of the walk`;
  // The engine rounds the shortfall up, so the gap rounds down for the two to add up to the walk.
  const gap = Math.max(0, Math.floor((b.start - a.end) / MINUTE));
  return `transfer: ${formatMinutes(clash.minutes)} short of the ${gap + clash.minutes}-min walk`;
}

export function buildClashRow(clash: ClashView, itemsById: ReadonlyMap<number, PlanItem>): ClashRow {
  const a = side(clash.a, itemsById.get(clash.a));
  const b = side(clash.b, itemsById.get(clash.b));
  return {
    key: `${clash.a}-${clash.b}-${clash.kind}`,
    clash,
    a,
    b,
    summary: clashSummary(clash, a, b),
    cause: causeText(clash, a, b)
  };
}

/** Name the side the change happened to by its letter: the titles are right below. */
function causeText(clash: ClashView, a: ClashSide, b: ClashSide): string | null {
  const change = clash.cause;
  if (change === null) return null;
  const who = change.sessionId === a.sessionId ? 'A' : change.sessionId === b.sessionId ? 'B' : `“${change.title}”`;
  const detail = change.detail ? `: ${change.detail}` : '';
  return `${who} ${changeKindLabel(change.kind)} in the last import${detail}`;
}

/** Clashes a schedule change caused come first (newest change first): those are news to the person. */
export function sortClashRows(rows: readonly ClashRow[]): ClashRow[] {
  return [...rows].sort((x, y) => {
    const cx = x.clash.cause;
    const cy = y.clash.cause;
    if (cx !== null && cy === null) return -1;
    if (cx === null && cy !== null) return 1;
    if (cx !== null && cy !== null && cx.importedAt !== cy.importedAt) return cy.importedAt - cx.importedAt;
    return x.a.start - y.a.start || x.b.start - y.b.start || x.a.id - y.a.id;
  });
}

export function buildClashRows(clashes: readonly ClashView[], items: readonly PlanItem[]): ClashRow[] {
  const byId = new Map(items.map((i) => [i.id, i]));
  return sortClashRows(clashes.map((c) => buildClashRow(c, byId)));
}

/** What a resolution did, in the person's words, for the status line. */
export function resolutionMessage(action: ClashAction, a: string, b: string): string {
  switch (action) {
    case 'keep-a':
      return `Keeping “${a}”; “${b}” is now a backup.`;
    case 'keep-b':
      return `Keeping “${b}”; “${a}” is now a backup.`;
    case 'split':
      return `Split the time between “${a}” and “${b}”.`;
    case 'remove-a':
      return `Removed “${a}” from your plan.`;
    case 'remove-b':
      return `Removed “${b}” from your plan.`;
  }
}

/**
 * What "Split time" would do, in the person's words, or why it cannot be done. The split itself
 * comes from the services (src/shared/split.ts), so the button promises exactly what a click does.
 */
export function splitText(row: ClashRow, zone: string): { possible: boolean; text: string } {
  const split = row.clash.split;
  if (!split.possible) return { possible: false, text: splitRefusal(split) };
  const arrive = split.walkMinutes > 0 ? `walk ${split.walkMinutes} min and arrive` : 'arrive';
  return {
    possible: true,
    text: `Leave “${row.a.title}” at ${formatTime(split.aLeaveAt, zone)}, ${arrive} at “${row.b.title}” at ${formatTime(split.bArriveAt, zone)}`
  };
}

/** Hover text for each button, so "Keep A" never has to be guessed. */
export function actionHint(action: ClashAction, a: string, b: string): string {
  switch (action) {
    case 'keep-a':
      return `Go to “${a}”; “${b}” becomes a backup`;
    case 'keep-b':
      return `Go to “${b}”; “${a}” becomes a backup`;
    case 'split':
      return `Leave “${a}” early and arrive late at “${b}”, so both fit`;
    case 'remove-a':
      return `Take “${a}” out of your plan`;
    case 'remove-b':
      return `Take “${b}” out of your plan`;
  }
}

export function clashCountLabel(count: number): string {
  return count === 0 ? 'No clashes' : count === 1 ? '1 clash' : `${count} clashes`;
}
