// One import, start to finish: validate the zone option, parse, refuse a guessed zone, merge. The
// same code runs in the services' own thread (small inputs, the CLI) and in a worker thread
// (large inputs in the app and the browser host), so both give the same result.
import type { Database as Db } from 'better-sqlite3';
import { ClashlessError } from '../../shared/errors.ts';
import type { Request } from '../../shared/contract.ts';
import type { ImportWarning, ParsedSchedule, ZoneDecision, ImportFormat } from '../../shared/domain.ts';
import { isValidZone } from '../../shared/time.ts';
import { mergeSchedule } from './merge.ts';
import type { MergeResult } from './merge.ts';
import { parseImport, systemZone } from './pipeline.ts';
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
  return parseImport(req.text, {
    format: req.format,
    timeZone: req.timeZone,
    fileName: req.fileName,
    fallbackZone: systemZone(),
    columns: req.columns
  });
}

/** Zones the preview offers besides its decision: every reading of an abbreviation it saw, and this computer's zone. */
export function zoneCandidates(parsed: ParsedSchedule): string[] {
  const out = new Set<string>();
  for (const m of parsed.zone.detail.matchAll(/“([A-Z]{2,5})”/g)) {
    for (const z of abbreviationCandidates(m[1]!)) out.add(z);
  }
  out.add(systemZone());
  out.delete(parsed.zone.zone);
  return [...out];
}

/**
 * A schedule whose times could only be read by guessing the zone is not committed silently: the
 * person must choose (preview) or pass --tz (CLI). Files in UTC are exact whatever the display zone.
 */
function requireZone(parsed: ParsedSchedule, req: ImportRequest): void {
  if (parsed.zone.rule === 'fallback' && req.timeZone === undefined) {
    throw new ClashlessError(
      'zone-required',
      `This schedule does not say which time zone its times are in (${parsed.zone.detail}). Choose the conference's zone and import again (CLI: --tz ZONE).`
    );
  }
}

/** Parse and commit in one go; the merge is one transaction, so a failure changes nothing. */
export function commitImport(db: Db, req: ImportRequest, now: number, onProgress: ProgressListener): CommitResult {
  onProgress('parse', 0, 1);
  const parsed = parseForImport(req);
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
