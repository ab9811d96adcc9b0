// Errors cross the process boundary as data, never as stack traces. Zod-free on purpose: the
// renderer imports this, and the schemas (contract.ts) stay in the processes that validate.

/** Errors cross the boundary as data, never as stack traces. */
export type ErrorCode =
  | 'bad-request' // the payload failed its schema
  | 'not-found'
  | 'parse-failed' // the import text could not be read
  | 'zone-required' // the document names no zone: ask the person
  | 'too-large'
  | 'empty'
  | 'conflict'
  | 'forbidden'
  | 'internal';

export interface WireError {
  code: ErrorCode;
  message: string;
  /** Where: "line 12", "field title" … */
  where?: string | undefined;
}

export type WireResult<T> = { ok: true; value: T } | { ok: false; error: WireError };

export class ClashlessError extends Error {
  readonly code: ErrorCode;
  readonly where: string | undefined;
  constructor(code: ErrorCode, message: string, where?: string) {
    super(message);
    this.name = 'ClashlessError';
    this.code = code;
    this.where = where;
  }
  toWire(): WireError {
    return this.where === undefined
      ? { code: this.code, message: this.message }
      : { code: this.code, message: this.message, where: this.where };
  }
}

/** Convert anything thrown by a service into a wire error without leaking internals. */
export function toWireError(err: unknown): WireError {
  if (err instanceof ClashlessError) return err.toWire();
  return { code: 'internal', message: 'Something went wrong inside Clashless. Your data was not changed.' };
}
