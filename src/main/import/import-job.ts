// One import, start to finish: validate the zone option, parse, refuse a guessed zone, merge. The
// same code runs in the services' own thread (small inputs, the CLI) and in a worker thread
// (large inputs in the app and the browser host), so both give the same result.
import type { Database as Db } from 'better-sqlite3';
import { ClashlessError } from '../../shared/errors.ts';
import type { Request } from '../../shared/contract.ts';
import { zoneNeedsConfirmation, type ImportWarning, type ParsedSchedule, type ZoneDecision, type ImportFormat } from '../../shared/domain.ts';
import { isValidZone } from '../../shared/time.ts';
import { mergeSchedule } from './merge.ts';
import type { MergeResult } from './merge.ts';
import { parseImport, systemZone } from './pipeline.ts';
import { readFirstDay } from './parsers/outline/first-day.ts';
import { abbreviationCandidates } from './zones.ts';

export type ImportRequest = Request<'import.preview'>;

/** What a committed import reports back (plain data, so it can cross a worker boundary). */
export interface CommitResult {
  format: ImportFormat;
  zone: ZoneDecision;
  warnings: ImportWarning[];
  total: number;
  merged: MergeResult;
}

export type ProgressListener = (phase: 'parse' | 'commit', done: number, total: number) => void;

export function parseForImport(req: ImportRequest): ParsedSchedule {
  if (req.timeZone !== undefined && !isValidZone(req.timeZone)) {
    throw new ClashlessError('bad-request', `“${req.timeZone}” is not a time zone name. Use an IANA name like Europe/Berlin.`, 'field timeZone');
  }
  readFirstDay(req.firstDay); // a date that is not one is refused whatever the format

  return parseImport(req.text, {
    format: req.format,
    timeZone: req.timeZone,
    fileName: req.fileName,
    fallbackZone: systemZone(),
    columns: req.columns,
    firstDay: req.firstDay
  });
}

/**
 * Zones the preview offers besides its decision: every zone the document's places pointed at, every
 * reading of an abbreviation it saw, and this computer's zone.
 */
export function zoneCandidates(parsed: ParsedSchedule): string[] {
  const out = new Set<string>();
  for (const c of parsed.zone.candidates ?? []) out.add(c.zone);
  for (const m of parsed.zone.detail.matchAll(/“([A-Z]{2,5})”/g)) {
    for (const z of abbreviationCandidates(m[1]!)) out.add(z);
  }
  out.add(systemZone());
  out.delete(parsed.zone.zone);
  return [...out];
}

/**
 * A schedule that does not state its zone is not committed silently, whether nothing or only a
 * place pointed at one: the person must choose or confirm (preview) or pass --tz (CLI). Files in
 * UTC are exact whatever the display zone.
 */
function requireZone(parsed: ParsedSchedule, req: ImportRequest): void {
  if (req.timeZone !== undefined || !zoneNeedsConfirmation(parsed.zone)) return;
  const proposals = parsed.zone.candidates ?? [];
  if (parsed.zone.rule === 'fallback' || proposals.length === 0) {
    throw new ClashlessError(
      'zone-required',
      `This schedule does not say which time zone its times are in (${parsed.zone.detail}). Choose the conference's zone and import again (CLI: --tz ZONE).`
    );
  }
  const listed = proposals.map((c) => `${c.place} (${c.zone}): ${c.reason}`).join('; ');
  throw new ClashlessError(
    'zone-required',
    `This schedule does not state which time zone its times are in; it points at ${listed}. Confirm the conference's zone and import again (CLI: --tz ${parsed.zone.zone}, or another zone).`
  );
}

/**
 * The parse of the last previewed request, so that committing exactly what was previewed reads the
 * text once: the CLI previews, then commits the same request, and a 20 MB paste took as long again
 * to parse a second time. Only the identical request (the same text and every option) reuses it;
 * anything else parses afresh. One entry: it lives from a preview to the next import call.
 */
export class LastPreview {
  #req: ImportRequest | null = null;
  #parsed: ParsedSchedule | null = null;

  remember(req: ImportRequest, parsed: ParsedSchedule): void {
    this.#req = req;
    this.#parsed = parsed;
  }

  /** The previewed parse when `req` asks for exactly the same thing; it is given out once. */
  take(req: ImportRequest): ParsedSchedule | null {
    const hit = this.#req !== null && sameRequest(this.#req, req) ? this.#parsed : null;
    this.#req = null;
    this.#parsed = null;
    return hit;
  }
}

/** Every field counts, so a field added to the request later can never reuse a stale parse. */
function sameRequest(a: ImportRequest, b: ImportRequest): boolean {
  const options = ({ text: _text, ...rest }: ImportRequest): string =>
    JSON.stringify(Object.entries({ ...rest, format: rest.format ?? 'auto' }).filter(([, v]) => v !== undefined).sort(([x], [y]) => x.localeCompare(y)));
  return a.text === b.text && options(a) === options(b);
}

/**
 * Parse (unless the identical request was just previewed: `previewed`) and commit in one go; the
 * merge is one transaction, so a failure changes nothing.
 */
export function commitImport(db: Db, req: ImportRequest, now: number, onProgress: ProgressListener, previewed: ParsedSchedule | null = null): CommitResult {
  onProgress('parse', 0, 1);
  const parsed = previewed ?? parseForImport(req);
  requireZone(parsed, req);
  const total = parsed.sessions.length;
  onProgress('commit', 0, total);
  const merged = mergeSchedule(db, {
    schedule: parsed,
    rawText: req.text,
    fileName: req.fileName ?? null,
    now,
    onProgress: (done) => onProgress('commit', done, total)
  });
  return { format: parsed.format, zone: parsed.zone, warnings: parsed.warnings, total, merged };
}
