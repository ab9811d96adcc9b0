// The renderer's one reading of a failed api call: what a person is told for each kind of failure.
import { describe, expect, it } from 'vitest';
import { ClashlessError } from '../../src/shared/errors.ts';
import { describeError, errorSentence, toUserError } from '../../src/renderer/src/lib/api/user-error.ts';

const GENERIC = 'Something went wrong inside Clashless. Your data was not changed.';

describe('describeError and toUserError', () => {
  it('says the service’s own words and where', () => {
    const err = new ClashlessError('parse-failed', 'This line has no time.', 'line 12');
    expect(describeError(err)).toBe('This line has no time. (line 12)');
    expect(toUserError(err)).toEqual({ code: 'parse-failed', message: 'This line has no time.', where: 'line 12' });
  });

  it('reads the plain record the preload rejects with (contextBridge drops Error properties)', () => {
    expect(describeError({ name: 'ClashlessError', code: 'not-found', message: 'No such session.', where: null })).toBe('No such session.');
  });

  it('drops Electron’s “Error invoking remote method” wrapping', () => {
    const wrapped = { code: 'conflict', message: "Error invoking remote method 'plan.add': Error: The plan changed meanwhile." };
    expect(describeError(wrapped)).toBe('The plan changed meanwhile.');
  });

  it('never shows a stack or an internal message for something that is not a service error', () => {
    expect(describeError(new TypeError('Cannot read properties of undefined (reading "x")'))).toBe(GENERIC);
    expect(describeError({ code: 'EACCES', message: '/home/x/.config: permission denied' })).toBe(GENERIC);
    expect(describeError('boom')).toBe(GENERIC);
    expect(errorSentence(toUserError(null, 'Nothing was changed.'))).toBe('Nothing was changed.');
  });
});
