// The real-document corpus (tests/fixtures/real, issue #15): every hand-written schedule goes
// through the real import pipeline (decode → detect → parser → zone) and is held to the
// expectation a person wrote by reading it. A document is exact when every check passes; the
// score (documents exact, checks passed) is printed for the README to quote.
//
// Checks per document: the number of timed entries; each untimed talk named in a warning; for a
// document that does not state its zone, that the import asks for one (zone-required, or a zone
// decision marked as a guess for the preview to confirm) rather than guessing silently; for a
// document whose days are only weekdays (`firstDayAsked`), that the import asks on which date the
// first one is (first-day-required), answered as a person would after reading the conference's
// site: the date of the asked weekday in the week of the first expected session; and for each
// expected session its title, start and end instants, speakers (as a set of names) and room.
// An expected `end: null` means the document gives only a start: the importer must then still
// give an end at or after the start (its own default), and nothing more is asked of it.
import { readFileSync, readdirSync } from 'node:fs';
import { afterAll, describe, expect, it } from 'vitest';
import { ClashlessError } from '../../src/shared/contract.ts';
import { zoneNeedsConfirmation, type ParsedSchedule, type ParsedSession } from '../../src/shared/domain.ts';
import { addDaysIso, epochToWall, isoDateInZone, parseIsoInstant, toIsoUtc } from '../../src/shared/time.ts';
import { decodeBytes } from '../../src/main/import/decode.ts';
import { parseImport } from '../../src/main/import/pipeline.ts';

const REAL_DIR = new URL('../fixtures/real/', import.meta.url);

interface ExpectedSession {
  title: string;
  start: string;
  end: string | null;
  speakers: string[];
  room: string | null;
}

interface Expectation {
  document: string;
  timeZone: string;
  zoneStated: boolean;
  /** The document names its days only as weekdays: the import must ask for the first day's date. */
  firstDayAsked?: boolean;
  count: number;
  untimed: string[];
  sessions: ExpectedSession[];
}

interface Outcome {
  document: string;
  passed: number;
  failures: string[];
}

function documents(): string[] {
  const out: string[] = [];
  for (const kind of readdirSync(REAL_DIR, { withFileTypes: true })) {
    if (!kind.isDirectory()) continue;
    for (const f of readdirSync(new URL(`${kind.name}/`, REAL_DIR)).sort()) {
      if (f.endsWith('.expect.json')) out.push(`${kind.name}/${f.slice(0, -'.expect.json'.length)}`);
    }
  }
  return out.sort();
}

const iso = (ms: number): string => toIsoUtc(ms);
const names = (s: ParsedSession): string[] => s.speakers.map((p) => p.name).sort();
const show = (v: unknown): string => JSON.stringify(v);

/** The imported session an expected one stands for: same title and start, else same title. */
function counterpart(all: readonly ParsedSession[], e: ExpectedSession, used: Set<ParsedSession>): ParsedSession | null {
  const free = all.filter((s) => !used.has(s));
  return (
    free.find((s) => s.title === e.title && iso(s.start) === e.start) ??
    free.find((s) => s.title === e.title) ??
    free.find((s) => iso(s.start) === e.start && s.title.includes(e.title)) ??
    null
  );
}

/**
 * The person's answer to "On which date is the first day, <weekday>?": the expectation's sessions
 * come from the conference's own pages, so the earliest of them gives the week, and the asked
 * weekday is the last one on or before it.
 */
function firstDayAnswer(expectation: Expectation, weekday: number): string {
  const earliest = Math.min(...expectation.sessions.map((e) => parseIsoInstant(e.start)));
  const back = (epochToWall(earliest, expectation.timeZone).weekday - weekday + 7) % 7;
  return addDaysIso(isoDateInZone(earliest, expectation.timeZone), -back);
}

/** Asks for the first day: the answer, or a failure saying what happened instead. */
function askedFirstDay(text: string, fileName: string, expectation: Expectation): { answer: string } | { failure: string } {
  try {
    parseImport(text, { fileName, timeZone: expectation.timeZone });
    return { failure: 'the days are only weekdays, yet the import placed them without asking for the first day' };
  } catch (err) {
    if (err instanceof ClashlessError && err.code === 'first-day-required' && err.question?.kind === 'first-day') {
      return { answer: firstDayAnswer(expectation, err.question.weekday) };
    }
    return { failure: `the import does not ask for the first day: ${err instanceof Error ? err.message : String(err)}` };
  }
}

function check(doc: string): Outcome {
  const expectation = JSON.parse(readFileSync(new URL(`${doc}.expect.json`, REAL_DIR), 'utf8')) as Expectation;
  const fileName = doc.split('/').pop() ?? doc;
  const text = decodeBytes(new Uint8Array(readFileSync(new URL(doc, REAL_DIR))), { name: fileName });
  const outcome: Outcome = { document: doc, passed: 0, failures: [] };
  const ok = (passed: boolean, what: string): void => {
    if (passed) outcome.passed++;
    else outcome.failures.push(what);
  };

  let firstDay: string | undefined;
  if (expectation.firstDayAsked) {
    const asked = askedFirstDay(text, fileName, expectation);
    ok('answer' in asked, 'failure' in asked ? asked.failure : '');
    if ('answer' in asked) firstDay = asked.answer;
  }

  if (!expectation.zoneStated) {
    // Without a zone the import must ask, not guess silently.
    let asks: boolean;
    let how: string;
    try {
      const r = parseImport(text, { fileName, firstDay });
      asks = zoneNeedsConfirmation(r.zone);
      how = `imported with zone ${r.zone.zone} (${r.zone.rule}) without asking`;
    } catch (err) {
      asks = err instanceof ClashlessError && err.code === 'zone-required';
      how = err instanceof ClashlessError ? `refused with ${err.code}: ${err.message}` : String(err);
    }
    ok(asks, `without a zone the import does not ask for one: ${how}`);
  }

  let result: ParsedSchedule;
  try {
    result = parseImport(text, { fileName, firstDay, timeZone: expectation.zoneStated ? undefined : expectation.timeZone });
  } catch (err) {
    const why = err instanceof Error ? err.message : String(err);
    const total = 1 + expectation.untimed.length + expectation.sessions.length * 5;
    for (let i = 0; i < total; i++) outcome.failures.push(i === 0 ? `import refused: ${why}` : 'import refused');
    return outcome;
  }

  ok(result.sessions.length === expectation.count, `count ${result.sessions.length}, expected ${expectation.count}`);
  for (const title of expectation.untimed) {
    const named = result.warnings.some((w) => w.message.includes(title) && w.line !== null);
    ok(named, `untimed “${title}” is not named in a warning with its line`);
  }
  const used = new Set<ParsedSession>();
  for (const e of expectation.sessions) {
    const s = counterpart(result.sessions, e, used);
    const label = `“${e.title}” @ ${e.start}`;
    if (!s) {
      outcome.failures.push(`${label}: no session with this title; titles near that time: ${show(result.sessions.filter((x) => Math.abs(x.start - Date.parse(e.start)) <= 3_600_000).map((x) => x.title).slice(0, 4))}`);
      for (let i = 0; i < 4; i++) outcome.failures.push(`${label}: not checked`);
      continue;
    }
    used.add(s);
    ok(s.title === e.title, `${label}: title ${show(s.title)}`);
    ok(iso(s.start) === e.start, `${label}: start ${iso(s.start)}`);
    ok(e.end === null ? s.end >= s.start : iso(s.end) === e.end, `${label}: end ${iso(s.end)}, expected ${e.end ?? 'an end at or after the start'}`);
    ok(show(names(s)) === show([...e.speakers].sort()), `${label}: speakers ${show(names(s))}, expected ${show([...e.speakers].sort())}`);
    ok(s.room === e.room, `${label}: room ${show(s.room)}, expected ${show(e.room)}`);
  }
  return outcome;
}

const DOCS = documents();
const outcomes = new Map<string, Outcome>();

describe('the real-document corpus', () => {
  it('holds the documents the README describes', () => {
    expect(DOCS.length).toBe(27);
  });

  it.each(DOCS)('%s imports as a person reads it', (doc) => {
    const outcome = check(doc);
    outcomes.set(doc, outcome);
    expect(outcome.failures).toEqual([]);
  });

  afterAll(() => {
    const all = [...outcomes.values()];
    const exact = all.filter((o) => o.failures.length === 0).length;
    const passed = all.reduce((n, o) => n + o.passed, 0);
    const total = all.reduce((n, o) => n + o.passed + o.failures.length, 0);
    const detail = process.env['CORPUS_DETAIL'] !== undefined;
    const lines = all
      .filter((o) => o.failures.length > 0)
      .map((o) => `  ${o.document}: ${o.failures.length} failing${detail ? `\n    ${o.failures.filter((f) => !f.endsWith('not checked') && f !== 'import refused').join('\n    ')}` : ''}`);
    console.log(`real corpus: ${exact}/${all.length} documents exact, ${passed}/${total} checks passed\n${lines.join('\n')}`);
  });
});
