import ICAL from 'ical.js';
import { describe, expect, it } from 'vitest';
import { entryFingerprint, entryUid, type AgendaEntry } from '../../src/main/export/agenda.ts';
import { buildIcs, foldLine } from '../../src/main/export/ics.ts';
import { ClashlessError } from '../../src/shared/contract.ts';
import type { Session } from '../../src/shared/domain.ts';
import { agendaInput, blockEntry, entryFor, mst, seedSessions } from '../fixtures/export-agenda.ts';

/** Content lines with folds undone (CRLF + one space or tab). */
function unfoldedLines(ics: string): string[] {
  return ics.replace(/\r\n[ \t]/g, '').split('\r\n').filter((l) => l.length > 0);
}

function vevents(ics: string): ICAL.Component[] {
  return new ICAL.Component(ICAL.parse(ics)).getAllSubcomponents('vevent');
}

function eventByUid(ics: string, uid: string): ICAL.Component {
  const found = vevents(ics).find((v) => v.getFirstPropertyValue('uid') === uid);
  if (!found) throw new Error(`no VEVENT with UID ${uid}`);
  return found;
}

function text(v: ICAL.Component, name: string): string {
  const value = v.getFirstPropertyValue(name);
  return typeof value === 'string' ? value : String(value);
}

const sessions = seedSessions();
const seedEntries = (): AgendaEntry[] => sessions.map((s) => entryFor(s));

describe('.ics export of the KubeCon seed plan', () => {
  const ics = buildIcs(agendaInput(seedEntries()));
  const lines = unfoldedLines(ics);

  it('writes one VEVENT per planned session', () => {
    expect(lines.filter((l) => l === 'BEGIN:VEVENT')).toHaveLength(18);
    expect(vevents(ics)).toHaveLength(18);
  });

  it('writes the first session in UTC with its seed instants', () => {
    const first = lines.slice(lines.indexOf('UID:k1@clashless'), lines.indexOf('END:VEVENT') + 1);
    expect(first).toContain('DTSTART:20241113T181500Z');
    expect(first).toContain('DTEND:20241113T185000Z');
    expect(first).toContain('SUMMARY:All Your Routes Are Ready\\, More or Less');
    expect(first).toContain('DTSTAMP:20241101T120000Z');
    expect(first).toContain('SEQUENCE:0');
    expect(first).toContain('STATUS:CONFIRMED');
    expect(first).toContain('CATEGORIES:Connectivity');
    expect(first).toContain('URL:https://kccncna2024.sched.com/event/k1');
  });

  it('puts venue and room in LOCATION and the speakers with affiliation in DESCRIPTION', () => {
    const k1 = eventByUid(ics, 'k1@clashless');
    expect(text(k1, 'location')).toBe('Salt Palace, Level 1 | 155 EF');
    expect(text(k1, 'location')).toContain('155 EF');
    const description = text(k1, 'description');
    expect(description.split('\n')).toContain('Dave Protasowski (Broadcom)');
    expect(description).toContain('Gateway API is the official next gen Kubernetes API');
    expect(description).toContain('https://kccncna2024.sched.com/event/k1');
    const k2 = text(eventByUid(ics, 'k2@clashless'), 'description').split('\n');
    expect(k2).toContain('Lior Lieberman (Google)');
    expect(k2).toContain('Surya Seetharaman (Red Hat)');
  });

  it('names the calendar and identifies the product', () => {
    expect(lines).toContain('X-WR-CALNAME:Clashless — KubeCon + CloudNativeCon North America 2024');
    expect(lines).toContain('PRODID:-//Clashless//Agenda//EN');
    expect(lines[0]).toBe('BEGIN:VCALENDAR');
    expect(lines.at(-1)).toBe('END:VCALENDAR');
  });

  it('keeps UIDs, and the whole file, identical across two exports', () => {
    const again = buildIcs(agendaInput(seedEntries()));
    const uids = (s: string) => unfoldedLines(s).filter((l) => l.startsWith('UID:'));
    expect(uids(again)).toEqual(uids(ics));
    expect(new Set(uids(ics)).size).toBe(18);
    expect(again).toBe(ics);
  });

  it('does not depend on the computer’s time zone', () => {
    const saved = process.env.TZ;
    try {
      process.env.TZ = 'Pacific/Kiritimati';
      const far = buildIcs(agendaInput(seedEntries()));
      expect(far).toBe(ics);
    } finally {
      if (saved === undefined) delete process.env.TZ;
      else process.env.TZ = saved;
    }
  });

  it('uses CRLF line endings only', () => {
    expect(ics.endsWith('END:VCALENDAR\r\n')).toBe(true);
    expect(ics.replace(/\r\n/g, '')).not.toMatch(/[\r\n]/);
  });
});

describe('.ics STATUS, SEQUENCE and alarms', () => {
  const s = sessions;
  const entries: AgendaEntry[] = [
    entryFor(s[0]!),
    entryFor(s[1]!, { state: 'backup' }),
    entryFor(s[2]!, { state: 'maybe' }),
    entryFor({ ...s[3]!, status: 'removed' }),
    entryFor({ ...s[4]!, status: 'cancelled' }, { state: 'backup' })
  ];

  it('maps going → CONFIRMED, backup and maybe → TENTATIVE, removed and cancelled → CANCELLED', () => {
    const ics = buildIcs(agendaInput(entries));
    expect(text(eventByUid(ics, 'k1@clashless'), 'status')).toBe('CONFIRMED');
    expect(text(eventByUid(ics, 'k2@clashless'), 'status')).toBe('TENTATIVE');
    expect(text(eventByUid(ics, 'k3@clashless'), 'status')).toBe('TENTATIVE');
    expect(text(eventByUid(ics, 'k4@clashless'), 'status')).toBe('CANCELLED');
    expect(text(eventByUid(ics, 'k5@clashless'), 'status')).toBe('CANCELLED');
    expect(text(eventByUid(ics, 'k4@clashless'), 'description')).toMatch(/^Removed from the schedule\./);
  });

  it('writes a 10-minute display alarm as TRIGGER:-PT10M, and none on cancelled sessions', () => {
    const ics = buildIcs(agendaInput(entries, { alarmMinutes: 10 }));
    const lines = unfoldedLines(ics);
    expect(lines.filter((l) => l === 'TRIGGER:-PT10M')).toHaveLength(3);
    const alarm = eventByUid(ics, 'k1@clashless').getFirstSubcomponent('valarm');
    expect(alarm?.getFirstPropertyValue('action')).toBe('DISPLAY');
    expect(alarm?.getFirstPropertyValue('description')).toBe('Reminder');
    expect(eventByUid(ics, 'k4@clashless').getFirstSubcomponent('valarm')).toBeNull();
  });

  it('puts each alarm inside its own event, whichever events around it have none', () => {
    const mixed: AgendaEntry[] = [
      entryFor(s[0]!),
      entryFor({ ...s[1]!, status: 'cancelled' }),
      entryFor(s[2]!, { reminder: 5 }),
      entryFor(s[3]!, { reminder: 'none' }),
      entryFor(s[4]!, { reminder: 30 }),
      entryFor(s[5]!)
    ];
    const ics = buildIcs(agendaInput(mixed, { alarmMinutes: 10 }));
    const alarms = Object.fromEntries(
      vevents(ics).map((v) => [
        v.getFirstPropertyValue('uid'),
        v.getAllSubcomponents('valarm').map((a) => `${a.getFirstProperty('trigger')?.toICALString()} ${a.getFirstPropertyValue('description')}`)
      ])
    );
    expect(alarms).toEqual({
      'k1@clashless': ['TRIGGER:-PT10M Reminder'],
      'k2@clashless': [],
      'k3@clashless': [`TRIGGER:-PT5M ${s[2]!.title}`],
      'k4@clashless': [],
      'k5@clashless': [`TRIGGER:-PT30M ${s[4]!.title}`],
      'k6@clashless': ['TRIGGER:-PT10M Reminder']
    });
  });

  it('writes no VALARM without a reminder, and a valid trigger for a reminder at the start', () => {
    expect(buildIcs(agendaInput(entries))).not.toContain('BEGIN:VALARM');
    const atStart = unfoldedLines(buildIcs(agendaInput(entries.slice(0, 1), { alarmMinutes: 0 })));
    expect(atStart).toContain('TRIGGER;VALUE=DATE-TIME:20241113T181500Z');
    expect(atStart.some((l) => /^TRIGGER:-?PT$/.test(l))).toBe(false);
  });

  it('refuses a negative or fractional reminder with a bad-request error', () => {
    expect(() => buildIcs(agendaInput(entries, { alarmMinutes: -5 }))).toThrow(ClashlessError);
    try {
      buildIcs(agendaInput(entries, { alarmMinutes: 2.5 }));
      expect.unreachable();
    } catch (err) {
      expect(err).toBeInstanceOf(ClashlessError);
      expect((err as ClashlessError).code).toBe('bad-request');
      expect((err as ClashlessError).message).toContain('whole number of minutes');
    }
  });

  it('writes the SEQUENCE the services keep for each UID', () => {
    const ics = buildIcs(agendaInput(entries, { sequences: new Map([['k2@clashless', 4]]) }));
    expect(eventByUid(ics, 'k2@clashless').getFirstPropertyValue('sequence')).toBe(4);
    expect(eventByUid(ics, 'k1@clashless').getFirstPropertyValue('sequence')).toBe(0);
  });

  it('reports an event whose start is not a valid instant as a bad request naming it', () => {
    const broken = entryFor({ ...s[0]!, start: Number.NaN });
    try {
      buildIcs(agendaInput([broken]));
      expect.unreachable();
    } catch (err) {
      expect((err as ClashlessError).code).toBe('bad-request');
      expect((err as ClashlessError).message).toContain('All Your Routes Are Ready');
      expect((err as ClashlessError).where).toBe('event k1@clashless');
    }
  });
});

describe('.ics split time, blocks and all-day items', () => {
  it('writes the attendance window as DTSTART/DTEND and says so in the description', () => {
    const split = entryFor(sessions[0]!, { arriveAt: mst(13, '11:30'), leaveAt: mst(13, '11:45') });
    const ics = buildIcs(agendaInput([split]));
    const lines = unfoldedLines(ics);
    expect(lines).toContain('DTSTART:20241113T183000Z');
    expect(lines).toContain('DTEND:20241113T184500Z');
    expect(text(eventByUid(ics, 'k1@clashless'), 'description')).toContain(
      'You planned to attend 11:30–11:45 of 11:15–11:50 (split time)'
    );
  });

  it('ignores a window that no longer fits the session', () => {
    const stale = entryFor(sessions[0]!, { arriveAt: mst(13, '09:00'), leaveAt: mst(13, '09:30') });
    const lines = unfoldedLines(buildIcs(agendaInput([stale])));
    expect(lines).toContain('DTSTART:20241113T181500Z');
    expect(lines.join('\n')).not.toContain('split time');
  });

  it('exports personal blocks with their own UID, and leaves them out when asked', () => {
    const lunch = blockEntry(7, 'Lunch', mst(13, '12:00'), mst(13, '13:00'), { venue: 'Caffè Molise', note: 'Table for 2' });
    const ics = buildIcs(agendaInput([entryFor(sessions[0]!), lunch]));
    const block = eventByUid(ics, 'block-7@clashless');
    expect(text(block, 'summary')).toBe('Lunch');
    expect(text(block, 'location')).toBe('Caffè Molise');
    expect(text(block, 'description')).toBe('Note: Table for 2');
    expect(vevents(buildIcs(agendaInput([entryFor(sessions[0]!), lunch], { includeBlocks: false })))).toHaveLength(1);
  });

  it('includes only the requested plan states', () => {
    const entries = [entryFor(sessions[0]!), entryFor(sessions[1]!, { state: 'backup' }), entryFor(sessions[2]!, { state: 'maybe' })];
    const uids = vevents(buildIcs(agendaInput(entries, { states: ['going', 'maybe'] }))).map((v) => v.getFirstPropertyValue('uid'));
    expect(uids).toEqual(['k1@clashless', 'k3@clashless']);
  });

  it('writes an all-day item as DATE values with an exclusive end', () => {
    const day: Session = { ...sessions[0]!, key: 'expo', title: 'Expo hall', allDay: true, start: Date.UTC(2024, 10, 12, 7), end: Date.UTC(2024, 10, 14, 7) };
    const lines = unfoldedLines(buildIcs(agendaInput([entryFor(day)], { alarmMinutes: 10 })));
    expect(lines).toContain('DTSTART;VALUE=DATE:20241112');
    expect(lines).toContain('DTEND;VALUE=DATE:20241114');
    expect(lines).not.toContain('BEGIN:VALARM');
  });
});

describe('.ics text encoding', () => {
  const longNote = 'Ask about the Ünïcødé routing demo — 日本語のメモ ✓ and emoji 🚀 '.repeat(6);
  const special: Session = {
    ...sessions[0]!,
    title: 'Zoë’s talk; with “quotes”, commas and a backslash \\ inside',
    track: 'AI, ML',
    url: 'https://Example.COM/Event/k1'
  };
  const ics = buildIcs(agendaInput([entryFor(special, { note: longNote })]));

  it('folds every line at 75 octets without splitting a UTF-8 sequence', () => {
    const physical = ics.split('\r\n').filter((l) => l.length > 0);
    for (const line of physical) expect(Buffer.byteLength(line, 'utf8')).toBeLessThanOrEqual(75);
    expect(physical.some((l) => l.startsWith(' '))).toBe(true);
    // Each physical line is valid UTF-8 on its own: no replacement characters after a round trip.
    for (const line of physical) expect(Buffer.from(line, 'utf8').toString('utf8')).toBe(line);
    const description = text(eventByUid(ics, 'k1@clashless'), 'description');
    expect(description).toContain(`Note: ${longNote.trim()}`);
  });

  it('keeps a track with a comma as one category', () => {
    expect(unfoldedLines(ics)).toContain('CATEGORIES:AI\\, ML');
    const categories = eventByUid(ics, 'k1@clashless').getFirstProperty('categories')?.getValues();
    expect(categories).toEqual(['AI, ML']);
  });

  it('round-trips punctuation in the summary and normalises the URL host', () => {
    const v = eventByUid(ics, 'k1@clashless');
    expect(text(v, 'summary')).toBe(special.title);
    expect(text(v, 'url')).toBe('https://example.com/Event/k1');
  });

  it('drops a URL the package would reject but keeps it in the description', () => {
    const odd = buildIcs(agendaInput([entryFor({ ...sessions[0]!, url: 'ftp://files.example.org/slides.pdf' })]));
    expect(unfoldedLines(odd).some((l) => l.startsWith('URL:'))).toBe(false);
    expect(text(eventByUid(odd, 'k1@clashless'), 'description')).toContain('ftp://files.example.org/slides.pdf');
  });

  it('turns a lone carriage return into a line break instead of a raw one', () => {
    const cr = buildIcs(agendaInput([entryFor({ ...sessions[0]!, description: 'first\rsecond' })]));
    expect(cr.replace(/\r\n/g, '')).not.toMatch(/\r/);
    expect(text(eventByUid(cr, 'k1@clashless'), 'description')).toContain('first\nsecond');
  });

  it('folds by octets: 75 ASCII octets stay on one line, a 3-octet character moves whole', () => {
    expect(foldLine('x'.repeat(75))).toBe('x'.repeat(75));
    const folded = foldLine('x'.repeat(74) + '日本');
    expect(folded).toBe(`${'x'.repeat(74)}\r\n 日本`);
  });
});

describe('.ics of an empty plan', () => {
  it('is a valid calendar with zero events', () => {
    const ics = buildIcs(agendaInput([]));
    const calendar = new ICAL.Component(ICAL.parse(ics));
    expect(calendar.name).toBe('vcalendar');
    expect(calendar.getAllSubcomponents('vevent')).toHaveLength(0);
    expect(calendar.getFirstPropertyValue('version')).toBe('2.0');
    expect(ics.endsWith('END:VCALENDAR\r\n')).toBe(true);
  });
});

describe('UIDs and fingerprints', () => {
  it('derives UIDs from the session key and the block id', () => {
    expect(entryUid(entryFor(sessions[0]!))).toBe('k1@clashless');
    expect(entryUid(blockEntry(42, 'Lunch', 0, 1))).toBe('block-42@clashless');
    expect(entryUid(entryFor({ ...sessions[0]!, key: 'guid-1#2' }))).toBe('guid-1#2@clashless');
  });

  it('a session that kept its first exported UID across a key change (migration 0020) is exported under it', () => {
    const kept = { ...entryFor({ ...sessions[0]!, key: 'guid-1' }), uid: 'guid-1@20241227T093000Z@clashless' };
    expect(entryUid(kept)).toBe('guid-1@20241227T093000Z@clashless');
    expect(buildIcs(agendaInput([kept]))).toContain('UID:guid-1@20241227T093000Z@clashless');
    expect(entryUid({ ...kept, uid: null })).toBe('guid-1@clashless');
  });

  it('keeps UIDs ASCII and safe, and distinct for keys that differ only in unsafe characters', () => {
    const a = entryUid(entryFor({ ...sessions[0]!, key: 'sched 9f/ünï' }));
    const b = entryUid(entryFor({ ...sessions[0]!, key: 'sched 9f?ünï' }));
    expect(a).toMatch(/^[A-Za-z0-9._:#@-]+@clashless$/);
    expect(a.startsWith('sched-9f--n--')).toBe(true);
    expect(a).not.toBe(b);
    expect(entryUid(entryFor({ ...sessions[0]!, key: 'sched 9f/ünï' }))).toBe(a);
    // Pinned: a UID that changes between versions duplicates every event in people's calendars.
    expect(entryUid(entryFor({ ...sessions[0]!, key: 'expo hall/2024' }))).toBe('expo-hall-2024-53bb3f00@clashless');
  });

  it('gives an unchanged entry the same fingerprint and a changed one a different one', () => {
    const base = entryFor(sessions[0]!);
    expect(entryFingerprint(entryFor(sessions[0]!))).toBe(entryFingerprint(base));
    const variants: AgendaEntry[] = [
      entryFor({ ...sessions[0]!, start: sessions[0]!.start + 15 * 60_000 }),
      entryFor({ ...sessions[0]!, room: 'Level 2 | 255 EF' }),
      entryFor({ ...sessions[0]!, title: 'All Your Routes Are Ready' }),
      entryFor({ ...sessions[0]!, status: 'cancelled' }),
      entryFor({ ...sessions[0]!, description: 'New abstract' }),
      entryFor(sessions[0]!, { note: 'bring laptop' }),
      entryFor(sessions[0]!, { state: 'backup' }),
      entryFor(sessions[0]!, { leaveAt: mst(13, '11:40') })
    ];
    const prints = new Set(variants.map(entryFingerprint));
    expect(prints.size).toBe(variants.length);
    expect(prints.has(entryFingerprint(base))).toBe(false);
  });

  it('ignores what the event does not show (priority, clash list)', () => {
    const base = entryFor(sessions[0]!);
    expect(entryFingerprint(entryFor(sessions[0]!, { priority: 5 }, ['Other talk']))).toBe(entryFingerprint(base));
  });
});
