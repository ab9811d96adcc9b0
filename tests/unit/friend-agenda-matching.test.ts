// Reading a friend's agenda and matching it back to stored sessions: on a real export written by
// buildIcs from the KubeCon seed (UIDs from keys, a kept export_uid, a key that needs hashing),
// and on a foreign favourites file that only shares start and title.
import { describe, expect, it } from 'vitest';
import { buildIcs } from '../../src/main/export/ics.ts';
import { matchFriendEvents, type StoredSession } from '../../src/main/friends/match.ts';
import { readFriendAgenda } from '../../src/main/friends/read-agenda.ts';
import { parseIcs } from '../../src/main/import/parsers/ics/read.ts';
import { ClashlessError } from '../../src/shared/contract.ts';
import { agendaInput, entryFor, mst, seedSessions } from '../fixtures/export-agenda.ts';

const sessions = seedSessions();

function stored(overrides: Partial<StoredSession>[] = []): StoredSession[] {
  return sessions.map((s, i) => ({ id: s.id, conferenceId: 1, key: s.key, exportUid: null, title: s.title, start: s.start, ...overrides[i] }));
}

describe('a Clashless export read back as a friend’s agenda', () => {
  // Three going, one maybe (TENTATIVE), one cancelled session, and one attended only in part.
  const entries = [
    entryFor(sessions[0]!),
    entryFor(sessions[5]!, { state: 'maybe' }),
    entryFor(sessions[14]!, { arriveAt: sessions[14]!.start + 10 * 60_000 }),
    entryFor({ ...sessions[16]!, status: 'cancelled' })
  ];
  const ics = buildIcs(agendaInput(entries, { owner: 'Alex; the “Router”, Kim' }));

  it('writes the owner once, escaped, right after PRODID', () => {
    const lines = ics.split('\r\n');
    const at = lines.findIndex((l) => l.startsWith('PRODID:'));
    expect(lines[at + 1]).toBe('X-CLASHLESS-OWNER:Alex\\; the “Router”\\, Kim');
    expect(lines.filter((l) => l.startsWith('X-CLASHLESS-OWNER'))).toHaveLength(1);
  });

  it('reads the owner unescaped and each event with its UID and state', () => {
    const agenda = readFriendAgenda(ics, 'alex.ics');
    expect(agenda.owner).toBe('Alex; the “Router”, Kim');
    expect(agenda.events.map((e) => [e.uid, e.state, e.cancelled])).toEqual([
      ['k1@clashless', 'going', false],
      ['k6@clashless', 'maybe', false],
      ['k15@clashless', 'going', false],
      ['k17@clashless', 'going', true]
    ]);
  });

  it('matches every event by UID, wherever the time moved, and leaves the cancelled one out', () => {
    const { events } = readFriendAgenda(ics);
    // The part-attended session starts later in the file than on the schedule: the UID still matches.
    const result = matchFriendEvents(events, stored());
    expect(result.matches).toEqual([
      { sessionId: 1, state: 'going' },
      { sessionId: 6, state: 'maybe' },
      { sessionId: 15, state: 'going' }
    ]);
    expect(result.unmatched).toEqual([]);
  });

  it('follows a kept export_uid and a key that had to be hashed into a UID', () => {
    const odd = { ...sessions[0]!, key: 'sched key/1' };
    const text = buildIcs(agendaInput([entryFor(odd), { ...entryFor(sessions[5]!), uid: 'old-guid@start' }]));
    const { events } = readFriendAgenda(text);
    const result = matchFriendEvents(events, stored([{ key: 'sched key/1' }, {}, {}, {}, {}, { exportUid: 'old-guid@start' }]));
    expect(result.matches.map((m) => m.sessionId)).toEqual([1, 6]);
  });

  it('imported as a schedule instead, says it is a friend’s plan and where it belongs', () => {
    const warnings = parseIcs(ics, { fileName: 'alex.ics' }).warnings.map((w) => w.message);
    expect(warnings).toContain(
      'This is Alex; the “Router”, Kim’s plan, shared from Clashless. To see it next to yours, add it in the Friends panel (clashless friends add FILE) instead of importing it as a schedule.'
    );
    expect(parseIcs(buildIcs(agendaInput([entryFor(sessions[0]!)])), {}).warnings).toEqual([]);
  });

  it('has no owner when the export was written without a name', () => {
    expect(readFriendAgenda(buildIcs(agendaInput([entryFor(sessions[0]!)]))).owner).toBeNull();
  });
});

describe('a foreign favourites file', () => {
  const foreign = [
    'BEGIN:VCALENDAR',
    'VERSION:2.0',
    'PRODID:-//Sched//Favourites//EN',
    'BEGIN:VEVENT',
    'UID:fav-1@sched.example',
    'DTSTART:20241113T181500Z',
    'DTEND:20241113T185000Z',
    'SUMMARY:ALL your routes are ready — more or less!',
    'END:VEVENT',
    'BEGIN:VEVENT',
    'UID:1Rj1R',
    'DTSTART:20241114T180000Z',
    'DTEND:20241114T183500Z',
    'SUMMARY:Renamed in the feed',
    'STATUS:TENTATIVE',
    'END:VEVENT',
    'BEGIN:VEVENT',
    'UID:fav-3@sched.example',
    'DTSTART:20241116T090000Z',
    'DTEND:20241116T100000Z',
    'SUMMARY:A party we never imported',
    'END:VEVENT',
    'END:VCALENDAR',
    ''
  ].join('\r\n');

  it('matches by start and normalised title, or by a UID that is a stored key, and lists what it could not', () => {
    const { events, owner } = readFriendAgenda(foreign, 'favourites.ics');
    expect(owner).toBeNull();
    const result = matchFriendEvents(events, stored([{}, {}, {}, {}, {}, { key: '1Rj1R' }]));
    expect(result.matches).toEqual([
      { sessionId: 1, state: 'going' },
      { sessionId: 6, state: 'maybe' }
    ]);
    expect(result.unmatched).toEqual([{ title: 'A party we never imported', start: Date.UTC(2024, 10, 16, 9, 0) }]);
  });

  it('prefers the conference that takes most of the file when a talk is stored twice', () => {
    const { events } = readFriendAgenda(foreign);
    const twice: StoredSession[] = [
      ...stored([{}, {}, {}, {}, {}, { key: '1Rj1R' }]),
      { id: 101, conferenceId: 2, key: 'x', exportUid: null, title: sessions[0]!.title, start: mst(13, '11:15') }
    ];
    expect(matchFriendEvents(events, twice).matches.map((m) => m.sessionId)).toEqual([1, 6]);
  });

  it('refuses a file that is not an .ics agenda, saying what it wants', () => {
    expect(() => readFriendAgenda('Title,Start\nA talk,2024-11-13 10:00\n', 'plan.csv')).toThrow(ClashlessError);
    expect(() => readFriendAgenda('Title,Start\nA talk,2024-11-13 10:00\n', 'plan.csv')).toThrow(/plan\.csv is not an \.ics agenda/);
    expect(() => readFriendAgenda('   ')).toThrow(/empty/);
  });
});
