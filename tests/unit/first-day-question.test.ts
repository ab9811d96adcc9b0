// A schedule whose days are only weekdays ("Thursday", "Saturday") and no date: the import asks
// on which date the first day is ('first-day-required', with a typed question), never guesses the
// week; the answer (ParseOptions.firstDay) places the weekdays from that date onwards; an answer
// on another weekday is refused, saying which weekday each is.
import { describe, expect, it } from 'vitest';
import { ClashlessError, readQuestion, type ImportQuestion } from '../../src/shared/errors.ts';
import { toIsoUtc } from '../../src/shared/time.ts';
import { parseImport } from '../../src/main/import/pipeline.ts';
import { parseForImport } from '../../src/main/import/import-job.ts';

const WITH_YEAR = [
  '# Example Conf 2012',
  '',
  '## Thursday',
  '',
  '- 10:00 - 11:00 Opening talk',
  '- 11:00 - 12:00 Second talk',
  '',
  '## Saturday',
  '',
  '- 09:00 - 10:00 Weekend keynote',
  '',
  '## Sunday',
  '',
  '- 09:00 - 10:00 Closing',
  ''
].join('\n');

const NO_YEAR = '# Example Conf\n\n## Tuesday\n\n- 14:00 - 15:00 Only talk\n';

const HTML = `<!doctype html><html><head><title>Weekday Fest 2012</title></head><body>
<h2>Saturday</h2>
<table><tr><th>Time</th><th>Agora</th></tr>
<tr><td>10:00</td><td>Talk one</td></tr>
<tr><td>11:00</td><td>Talk two</td></tr></table>
<h2>Sunday</h2>
<table><tr><th>Time</th><th>Agora</th></tr>
<tr><td>10:00</td><td>Talk three</td></tr>
<tr><td>11:00</td><td>Talk four</td></tr></table>
</body></html>`;

/** The error an import throws, or a failure when it does not throw. */
function refusal(run: () => unknown): ClashlessError {
  try {
    run();
  } catch (err) {
    if (err instanceof ClashlessError) return err;
    throw err;
  }
  throw new Error('the import did not refuse');
}

describe('the first-day question is asked', () => {
  it('for weekday headings with only a year: the first weekday, its line, and the year as evidence', () => {
    const err = refusal(() => parseImport(WITH_YEAR, { fileName: 'conf.md', timeZone: 'Europe/Paris' }));
    expect(err.code).toBe('first-day-required');
    expect(err.message).toMatch(/^On which date is the first day, Thursday\?/);
    expect(err.message).toContain('--first-day');
    expect(err.where).toBe('line 3');
    expect(err.question).toEqual({ kind: 'first-day', weekday: 4, line: 3, year: { value: 2012, from: 'the year in “Example Conf 2012”' } });
  });

  it('for weekday headings with no year at all: no year is offered', () => {
    const err = refusal(() => parseImport(NO_YEAR, { fileName: 'conf.md', timeZone: 'UTC' }));
    expect(err.code).toBe('first-day-required');
    expect(err.question).toEqual({ kind: 'first-day', weekday: 2, line: 3, year: null });
    expect(err.message).toMatch(/^On which date is the first day, Tuesday\?.*names no date and no year/);
  });

  it('for pasted plain text whose day lines are weekdays', () => {
    const err = refusal(() => parseImport('Weekday Fest 2012\n\nFriday\n\n10:00 - 11:00 Opening\n\nSaturday\n\n09:00 - 10:00 Keynote\n', { format: 'text', timeZone: 'UTC' }));
    expect(err.code).toBe('first-day-required');
    expect(err.question).toEqual({ kind: 'first-day', weekday: 5, line: 3, year: { value: 2012, from: 'the year in “Weekday Fest 2012”' } });
    const r = parseImport('Weekday Fest 2012\n\nFriday\n\n10:00 - 11:00 Opening\n\nSaturday\n\n09:00 - 10:00 Keynote\n', { format: 'text', timeZone: 'UTC', firstDay: '2012-09-14' });
    expect(r.sessions.map((s) => toIsoUtc(s.start))).toEqual(['2012-09-14T10:00:00Z', '2012-09-15T09:00:00Z']);
    expect(() => parseImport('Friday\n\n10:00 - 11:00 Opening\n', { format: 'text', timeZone: 'UTC', firstDay: '2012-09-13' })).toThrowError(/2012-09-13 is a Thursday, but the schedule's first day is Friday/);
  });

  it('for a saved web page whose day headings are weekdays', () => {
    const err = refusal(() => parseImport(HTML, { fileName: 'fest.html', timeZone: 'Europe/Paris' }));
    expect(err.code).toBe('first-day-required');
    expect(err.question?.weekday).toBe(6);
  });

  it('the question crosses the wire as data and is read back intact', () => {
    const err = refusal(() => parseImport(WITH_YEAR, { fileName: 'conf.md', timeZone: 'Europe/Paris' }));
    const wire = JSON.parse(JSON.stringify(err.toWire())) as { code: string; where: string; question: unknown };
    expect(wire).toMatchObject({ code: 'first-day-required', where: 'line 3' });
    expect(readQuestion(wire.question)).toEqual(err.question);
  });

  it('a malformed question from the wire is dropped, not trusted', () => {
    const bad: unknown[] = [{ kind: 'first-day', weekday: 9, line: 1, year: null }, { kind: 'other', weekday: 1 }, 'first-day', null];
    for (const q of bad) expect(readQuestion(q)).toBeNull();
    const ok: ImportQuestion = { kind: 'first-day', weekday: 7, line: null, year: null };
    expect(readQuestion(ok)).toEqual(ok);
  });
});

describe('the answer places the weekdays', () => {
  it('the first heading on the date given, later weekdays on the following matching dates', () => {
    const r = parseImport(WITH_YEAR, { fileName: 'conf.md', timeZone: 'Europe/Paris', firstDay: '2012-09-13' });
    expect(r.sessions.map((s) => [s.title, toIsoUtc(s.start), toIsoUtc(s.end)])).toEqual([
      ['Opening talk', '2012-09-13T08:00:00Z', '2012-09-13T09:00:00Z'],
      ['Second talk', '2012-09-13T09:00:00Z', '2012-09-13T10:00:00Z'],
      ['Weekend keynote', '2012-09-15T07:00:00Z', '2012-09-15T08:00:00Z'],
      ['Closing', '2012-09-16T07:00:00Z', '2012-09-16T08:00:00Z']
    ]);
    // The person's own answer is not reported back as a guess.
    expect(r.warnings.filter((w) => /has no date/.test(w.message))).toEqual([]);
  });

  it('a first day in the following week moves every day by a week', () => {
    const r = parseImport(HTML, { fileName: 'fest.html', timeZone: 'Europe/Paris', firstDay: '2012-09-22' });
    expect(r.sessions.map((s) => toIsoUtc(s.start))).toEqual(['2012-09-22T08:00:00Z', '2012-09-22T09:00:00Z', '2012-09-23T08:00:00Z', '2012-09-23T09:00:00Z']);
  });

  it('a first day in another year than the document names is kept, with a warning saying so', () => {
    const r = parseImport(WITH_YEAR, { fileName: 'conf.md', timeZone: 'UTC', firstDay: '2013-09-12' });
    expect(toIsoUtc(r.sessions[0]!.start)).toBe('2013-09-12T10:00:00Z');
    expect(r.warnings.some((w) => w.line === 3 && /names the year 2012/.test(w.message))).toBe(true);
  });

  it('an answer for a schedule whose days all have dates changes nothing and says it was not needed', () => {
    const dated = '# Conf\n\n## Thursday, September 13, 2012\n\n- 10:00 - 11:00 Opening talk\n';
    const r = parseImport(dated, { fileName: 'conf.md', timeZone: 'UTC', firstDay: '2012-09-20' });
    expect(toIsoUtc(r.sessions[0]!.start)).toBe('2012-09-13T10:00:00Z');
    expect(r.warnings.some((w) => /first day given \(2012-09-20\) was not needed/.test(w.message))).toBe(true);
  });
});

describe('a wrong answer is refused with a clear message', () => {
  it('a date on another weekday: the question again, naming both weekdays', () => {
    const err = refusal(() => parseImport(WITH_YEAR, { fileName: 'conf.md', timeZone: 'Europe/Paris', firstDay: '2012-09-15' }));
    expect(err.code).toBe('first-day-required');
    expect(err.message).toMatch(/^2012-09-15 is a Saturday, but the schedule's first day is Thursday\. Give the date of that Thursday/);
    expect(err.question?.weekday).toBe(4);
  });

  it('something that is not a date: bad-request, before any parsing, whatever the format', () => {
    for (const firstDay of ['2012-02-30', '13/09/2012', '2012-9-13', 'soon']) {
      const err = refusal(() => parseForImport({ text: WITH_YEAR, fileName: 'conf.md', timeZone: 'UTC', firstDay }));
      expect(err.code).toBe('bad-request');
      expect(err.message).toBe(`“${firstDay}” is not a date. Give the first day as YYYY-MM-DD, e.g. 2012-09-13.`);
    }
  });
});
