// Errors cross the process boundary as data, never as stack traces. Zod-free on purpose: the
// renderer imports this, and the schemas (contract.ts) stay in the processes that validate.

/** Every error code, the one list (the web client and the renderer's error helper read it). */
export const ERROR_CODES = [
  'bad-request', // the payload failed its schema
  'not-found',
  'parse-failed', // the import text could not be read
  'zone-required', // the document names no zone: ask the person
  'first-day-required', // the days are only weekdays: ask on which date the first one is
  'too-large',
  'empty',
  'conflict',
  'forbidden',
  'internal'
] as const;

/** Errors cross the boundary as data, never as stack traces. */
export type ErrorCode = (typeof ERROR_CODES)[number];

/** Whether a code came from this version's list (an answer from elsewhere may carry any string). */
export function isErrorCode(code: unknown): code is ErrorCode {
  return typeof code === 'string' && (ERROR_CODES as readonly string[]).includes(code);
}

/**
 * The schedule names its days only as weekdays ("Saturday", "Sunday"), so the import asks on which
 * date the first of them falls. The answer comes back as ParseOptions.firstDay (CLI: --first-day).
 */
export interface FirstDayQuestion {
  kind: 'first-day';
  /** The first weekday that has sessions, ISO numbering: 1 = Monday … 7 = Sunday. */
  weekday: number;
  /** The line of its heading, when known. */
  line: number | null;
  /**
   * The year the document itself names (its title, a heading, the file name), with where it was
   * found; null when it names none. Evidence for the person, never an answer chosen for them.
   */
  year: { value: number; from: string } | null;
}

/** A question the import needs answered before it can go on. */
export type ImportQuestion = FirstDayQuestion;

export interface WireError {
  code: ErrorCode;
  message: string;
  /** Where: "line 12", "field title" … */
  where?: string | undefined;
  /** With 'first-day-required': what to ask, so the page can ask it. */
  question?: ImportQuestion | undefined;
}

export type WireResult<T> = { ok: true; value: T } | { ok: false; error: WireError };

/** The shape of a WireResult, checked before its fields are read (IPC and HTTP answers alike). */
export function isWireResult(value: unknown): value is WireResult<unknown> {
  return typeof value === 'object' && value !== null && typeof (value as { ok?: unknown }).ok === 'boolean';
}

export class ClashlessError extends Error {
  readonly code: ErrorCode;
  readonly where: string | undefined;
  readonly question: ImportQuestion | undefined;
  constructor(code: ErrorCode, message: string, where?: string, question?: ImportQuestion) {
    super(message);
    this.name = 'ClashlessError';
    this.code = code;
    this.where = where;
    this.question = question;
  }
  /** The error a wire answer from a worker thread describes: the inverse of toWire. */
  static fromWire(wire: WireError): ClashlessError {
    return new ClashlessError(wire.code, wire.message, wire.where, wire.question);
  }
  toWire(): WireError {
    const wire: WireError = { code: this.code, message: this.message };
    if (this.where !== undefined) wire.where = this.where;
    if (this.question !== undefined) wire.question = this.question;
    return wire;
  }
}

/** The weekday names questions and messages use, ISO numbering (index 1 = Monday). */
export const WEEKDAY_NAMES: readonly string[] = ['', 'Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday', 'Sunday'];

/** Read a question back from untrusted wire data (another process, the network); null if it is not one. */
export function readQuestion(value: unknown): ImportQuestion | null {
  if (typeof value !== 'object' || value === null) return null;
  const q = value as Record<string, unknown>;
  const weekday = q['weekday'];
  if (q['kind'] !== 'first-day' || typeof weekday !== 'number' || !Number.isInteger(weekday) || weekday < 1 || weekday > 7) return null;
  const line = typeof q['line'] === 'number' && Number.isInteger(q['line']) && q['line'] > 0 ? q['line'] : null;
  const y = q['year'] as Record<string, unknown> | null | undefined;
  const year =
    typeof y === 'object' && y !== null && typeof y['value'] === 'number' && Number.isInteger(y['value']) && typeof y['from'] === 'string'
      ? { value: y['value'], from: y['from'] }
      : null;
  return { kind: 'first-day', weekday, line, year };
}

/** Convert anything thrown by a service into a wire error without leaking internals. */
export function toWireError(err: unknown): WireError {
  if (err instanceof ClashlessError) return err.toWire();
  return { code: 'internal', message: 'Something went wrong inside Clashless. Your data was not changed.' };
}
