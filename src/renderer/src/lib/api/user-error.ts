// The renderer's one reading of a failed ClientApi call: what a person is told. Both clients (the
// preload and the browser host's web client) reject with the services' wire errors
// ({code, message, where, question?}); anything else is unexpected and gets a calm generic sentence
// rather than a stack trace.
import type { ErrorCode } from '../../../../shared/contract.ts';
import { isErrorCode } from '../../../../shared/errors.ts';
import { readQuestion, type ImportQuestion } from '../../../../shared/errors.ts';

export interface UserError {
  code: ErrorCode | 'unknown';
  message: string;
  /** "line 12", "field title" … when the service said where. */
  where: string | null;
  /** What the import asks before it can go on ('first-day-required'), or null. */
  question?: ImportQuestion | null;
}


function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null;
}

export function toUserError(err: unknown, fallback = 'Something went wrong. Nothing was changed.'): UserError {
  if (isRecord(err)) {
    const code = isErrorCode(err['code']) ? err['code'] : 'unknown';
    // Electron's own wrapping of a rejected invoke ("Error invoking remote method 'x': …") is noise.
    const raw = typeof err['message'] === 'string' ? err['message'].replace(/^Error invoking remote method '[^']*': (?:\w*Error: )?/, '') : '';
    const message = raw.trim() !== '' ? raw : fallback;
    const where = typeof err['where'] === 'string' && err['where'] !== '' ? err['where'] : null;
    // An Error that did not come from the services (network, a bug) may carry internals: say less.
    if (code === 'unknown') return { code, message: fallback, where: null };
    const question = readQuestion(err['question']);
    return question === null ? { code, message, where } : { code, message, where, question };
  }
  return { code: 'unknown', message: fallback, where: null };
}

/** "Could not read line 12: …" style sentence for an error with a location. */
export function errorSentence(e: UserError): string {
  return e.where === null ? e.message : `${e.message} (${e.where})`;
}

/** A sentence for people from anything thrown by the api: the service's own words, never a stack. */
export function describeError(err: unknown): string {
  return errorSentence(toUserError(err, 'Something went wrong inside Clashless. Your data was not changed.'));
}
