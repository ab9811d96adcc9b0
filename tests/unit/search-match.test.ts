import { describe, expect, it } from 'vitest';
import { abstractSnippet, highlightParts, matchRank, rankMatches, searchWords } from '../../src/renderer/src/lib/catalog/search-match.ts';
import type { Session, SessionSummary } from '../../src/shared/domain.ts';
import { summaryOf } from '../fixtures/session-summary.ts';

function session(id: number, title: string, extra: Partial<Session> = {}): SessionSummary {
  return summaryOf({
    id,
    conferenceId: 1,
    key: `k${id}`,
    title,
    description: null,
    start: Date.UTC(2024, 11, 27, 10) + id * 60_000,
    end: Date.UTC(2024, 11, 27, 11) + id * 60_000,
    allDay: false,
    venue: null,
    room: null,
    track: null,
    type: null,
    url: null,
    status: 'scheduled',
    speakers: [],
    attributes: {},
    ...extra
  } as Session);
}

const lit = (parts: { text: string; hit: boolean }[]): string => parts.map((p) => (p.hit ? `[${p.text}]` : p.text)).join('');

describe('search results: ranking and highlighting', () => {
  it('puts the exact title first, even when a longer title is earlier in the schedule (38C3 "Hacker Jeopardy")', () => {
    const rows = [
      session(1, 'Hacker*innen Jeopardy'),
      session(2, 'Quiz night', { description: 'Like hacker jeopardy, but with cats' }),
      session(3, 'Hacker Jeopardy'),
      session(4, 'Hacker Jeopardy Zeroday')
    ];
    const words = searchWords('Hacker Jeopardy');
    expect(rows.map((s) => matchRank(s, words))).toEqual([2, 4, 0, 1]);
    expect(rankMatches(rows, words).map((s) => s.id)).toEqual([3, 4, 1, 2]);
  });

  it('keeps schedule order within a rank, and the input order when nothing is typed', () => {
    const rows = [session(1, 'Rust in the kernel'), session(2, 'Why rust?'), session(3, 'Rustaceans meetup')];
    expect(rankMatches(rows, searchWords('rust')).map((s) => s.id)).toEqual([1, 3, 2]);
    expect(rankMatches(rows, []).map((s) => s.id)).toEqual([1, 2, 3]);
  });

  it('ranks a match by speaker or room above a match found only in the abstract', () => {
    const bySpeaker = session(1, 'Keynote', { speakers: [{ name: 'Liz Rice', affiliation: 'Isovalent', role: null, bio: null }] });
    const byAbstract = session(2, 'Closing', { description: 'Thanks to Liz for the keynote' });
    expect(matchRank(bySpeaker, searchWords('liz'))).toBe(3);
    expect(matchRank(byAbstract, searchWords('liz'))).toBe(4);
  });

  it('lights the typed prefix of each word, ignoring case and accents, and leaves the rest of the text alone', () => {
    expect(lit(highlightParts('Hacker*innen Jeopardy', searchWords('hack jeo')))).toBe('[Hack]er*innen [Jeo]pardy');
    expect(lit(highlightParts('Überwachung im Café', searchWords('uber cafe')))).toBe('[Über]wachung im [Café]');
    expect(lit(highlightParts('No match here', searchWords('zz')))).toBe('No match here');
    expect(lit(highlightParts('Anything', []))).toBe('Anything');
  });

  it('shows where the abstract matched, cut at words with an ellipsis, and nothing when it did not', () => {
    const text = `${'Lorem ipsum dolor sit amet '.repeat(6)}the Hacker Jeopardy returns ${'consectetur adipiscing elit '.repeat(6)}`;
    const snippet = lit(abstractSnippet(text, searchWords('jeopardy'), 60)!);
    expect(snippet).toMatch(/^….*\[Jeopardy\].*…$/);
    expect(snippet.length).toBeLessThanOrEqual(70);
    expect(snippet).not.toMatch(/…\S*[a-z]…/);
    expect(abstractSnippet(text, searchWords('kubernetes'))).toBeNull();
    expect(abstractSnippet(null, searchWords('x'))).toBeNull();
    // No space in the 30 characters before the hit: the snippet still starts at or before it.
    const url = `See https://example.org/${'a'.repeat(60)}/wettkampf-ergebnisse and more`;
    expect(lit(abstractSnippet(url, searchWords('wettkampf'), 60)!)).toContain('[wettkampf]');
  });
});
