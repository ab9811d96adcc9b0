// Turns whatever a ClientApi call rejected with into something a person can read. The api layer
// rethrows the services' wire errors ({code, message, where}); anything else is unexpected and
// gets a calm generic sentence rather than a stack trace.
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
    const message = typeof err['message'] === 'string' && err['message'].trim() !== '' ? err['message'] : fallback;
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
