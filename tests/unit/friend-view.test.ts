// Friends on screen: initials that tell friends apart, the badge row's words, the catalog's friend
// filter, "who is where now", and one palette colour per friend.
import { describe, expect, it } from 'vitest';
import { friendFilter, friendsNow, friendStyle, goingText } from '../../src/renderer/src/lib/friends/friend-view.ts';
import Database from 'better-sqlite3';
import { friendInitials, sameFriendName, type FriendInfo } from '../../src/shared/friends.ts';
import { TRACK_PALETTE } from '../../src/renderer/src/lib/views/track-palette.ts';
import { seedSessions } from '../fixtures/export-agenda.ts';
import { summaryOf } from '../fixtures/session-summary.ts';

function friend(id: number, name: string): FriendInfo {
  return { id, name, initials: name[0] ?? '?', owner: null, fileName: null, sessions: 0, conferences: 0 };
}

describe('friendInitials', () => {
  it('takes the first letters of the first two words, one letter for a one-word name', () => {
    expect(friendInitials(['Alex Kim', 'bea', 'Jean-Luc Picard Jr.'])).toEqual(['AK', 'B', 'JP']);
  });
  it('gives one-word names a second letter when two friends would share one', () => {
    expect(friendInitials(['Alex', 'Anna', 'Bo'])).toEqual(['Al', 'An', 'B']);
    expect(friendInitials(['Alex', 'Ana Ortiz'])).toEqual(['A', 'AO']);
  });
  it('skips punctuation and copes with names without letters', () => {
    expect(friendInitials(['“Zoë”', '!!!'])).toEqual(['Z', '?']);
  });
});

describe('showing friends', () => {
  const alex = friend(1, 'Alex');
  const bea = friend(2, 'Bea');
  const chris = friend(3, 'Chris');
  const sessions = seedSessions().map(summaryOf);
  const attendance = new Map<number, number[]>([
    [1, [2, 1]],
    [2, [3]],
    [6, [1]]
  ]);

  it('says who goes in words', () => {
    expect(goingText([])).toBe('');
    expect(goingText([alex])).toBe('Alex goes');
    expect(goingText([alex, bea])).toBe('Alex and Bea go');
    expect(goingText([alex, bea, chris])).toBe('Alex, Bea and Chris go');
  });

  it('filters the catalog by any friend or by one', () => {
    expect(friendFilter('', attendance)).toBeNull();
    const any = friendFilter('any', attendance)!;
    expect(sessions.filter((s) => any(s.id)).map((s) => s.id)).toEqual([1, 2, 6]);
    const alexOnly = friendFilter('1', attendance)!;
    expect(sessions.filter((s) => alexOnly(s.id)).map((s) => s.id)).toEqual([1, 6]);
  });

  it('lists the sessions friends are in at a moment, each with who is there', () => {
    const during = sessions[0]!.start + 60_000;
    const now = friendsNow(during, sessions, attendance, [alex, bea, chris]);
    expect(now.map((r) => [r.session.id, r.friends.map((f) => f.name)])).toEqual([[1, ['Alex', 'Bea']]]);
    expect(friendsNow(sessions[0]!.end, sessions, attendance, [alex, bea, chris])).toEqual([]);
    const cancelled = sessions.map((s) => (s.id === 1 ? { ...s, status: 'cancelled' as const } : s));
    expect(friendsNow(during, cancelled, attendance, [alex])).toEqual([]);
  });

  it('gives each friend a palette colour by id, the same every time', () => {
    const first = TRACK_PALETTE[1]!;
    expect(friendStyle(1)).toContain(`--track-light:${first.light}`);
    expect(friendStyle(1 + TRACK_PALETTE.length)).toBe(friendStyle(1));
    expect(friendStyle(2)).not.toBe(friendStyle(1));
  });
});

describe('sameFriendName', () => {
  it('folds A–Z only, as the database’s NOCASE does, so the panel, the CLI and the store agree', () => {
    expect(sameFriendName('Alex', ' ALEX ')).toBe(true);
    expect(sameFriendName('Émile', 'émile')).toBe(false);
    expect(sameFriendName('Bea', 'Béa')).toBe(false);
    // The same answers as SQLite's own NOCASE, which the friend table's UNIQUE name uses.
    const db = new Database(':memory:');
    const nocase = db.prepare('SELECT ? = ? COLLATE NOCASE AS same').pluck();
    for (const [a, b] of [['Alex', 'ALEX'], ['Émile', 'émile'], ['Bea', 'Béa'], ['ZOË', 'zoë'], ['İlker', 'ilker']] as const) {
      expect(sameFriendName(a, b), `${a} / ${b}`).toBe(nocase.get(a, b) === 1);
    }
    db.close();
  });
});
