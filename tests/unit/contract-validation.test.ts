import { describe, expect, it } from 'vitest';
import { CHANNELS, ClashlessError, DESKTOP_CHANNELS, isChannel, isExternalLinkAllowed, parseDesktopRequest, parseRequest } from '../../src/shared/contract.ts';

function rejects(fn: () => unknown): ClashlessError {
  try {
    fn();
  } catch (err) {
    expect(err).toBeInstanceOf(ClashlessError);
    expect((err as ClashlessError).code).toBe('bad-request');
    return err as ClashlessError;
  }
  throw new Error('expected the payload to be rejected');
}

const hostile: [string, unknown][] = [
  ['a string', 'plan'],
  ['an array', [1, 2]],
  ['a number', 42],
  ['an unknown key', { bogus: 1 }],
  ['a __proto__ key', JSON.parse('{"__proto__": {"polluted": true}}')],
  ['a constructor key', JSON.parse('{"constructor": {"prototype": {"polluted": true}}}')]
];

describe('every contract channel validates its payload', () => {
  for (const channel of CHANNELS) {
    for (const [what, payload] of hostile) {
      it(`${channel} rejects ${what}`, () => {
        rejects(() => parseRequest(channel, payload));
        expect(({} as Record<string, unknown>).polluted).toBeUndefined();
      });
    }
  }
  for (const channel of DESKTOP_CHANNELS) {
    it(`${channel} rejects an unknown key`, () => {
      rejects(() => parseDesktopRequest(channel, { bogus: 1 }));
    });
  }

  it('names the field that failed', () => {
    const err = rejects(() => parseRequest('plan.add', { sessionIds: ['1; DROP TABLE session'] }));
    expect(err.where).toBe('field sessionIds.0');
  });

  it('refuses ids that are not positive safe integers and oversized strings', () => {
    rejects(() => parseRequest('session.get', { sessionId: -1 }));
    rejects(() => parseRequest('session.get', { sessionId: 1.5 }));
    rejects(() => parseRequest('session.get', { sessionId: Number.NaN }));
    rejects(() => parseRequest('session.list', { search: 'x'.repeat(501) }));
    rejects(() => parseRequest('block.create', { conferenceId: 1, title: '', start: 0, end: 1 }));
    expect(parseRequest('plan.add', { sessionIds: [3], state: 'backup' })).toEqual({ sessionIds: [3], state: 'backup' });
    rejects(() => parseRequest('view.set', { conferenceId: 0 }));
    rejects(() => parseRequest('view.set', { conferenceId: '3' }));
    rejects(() => parseRequest('view.set', {}));
    expect(parseRequest('view.set', { conferenceId: null })).toEqual({ conferenceId: null });
    expect(parseRequest('view.set', { conferenceId: 2, myWeek: true })).toEqual({ conferenceId: 2, myWeek: true });
    rejects(() => parseRequest('view.set', { conferenceId: 2, myWeek: 'yes' }));
  });

  it('plan.mark takes attended, missed or null and a rating of 1 to 5 or null', () => {
    expect(parseRequest('plan.mark', { itemIds: [4], outcome: 'missed', rating: null })).toEqual({ itemIds: [4], outcome: 'missed', rating: null });
    expect(parseRequest('plan.mark', { itemIds: [4], rating: 5 })).toEqual({ itemIds: [4], rating: 5 });
    expect(rejects(() => parseRequest('plan.mark', { itemIds: [4], outcome: 'skipped' })).where).toBe('field outcome');
    expect(rejects(() => parseRequest('plan.mark', { itemIds: [4], rating: 0 })).where).toBe('field rating');
    rejects(() => parseRequest('plan.mark', { itemIds: [4], rating: 2.5 }));
    rejects(() => parseRequest('plan.mark', { itemIds: [], outcome: 'attended' }));
    expect(parseRequest('export.agenda', { format: 'report-html' })).toEqual({ format: 'report-html' });
  });

  it('checks a friend’s name and plan file, and an export’s owner', () => {
    expect(rejects(() => parseRequest('friends.add', { text: 'x', name: '   ' })).where).toBe('field name');
    expect(rejects(() => parseRequest('friends.add', { text: 'x', name: 'a'.repeat(61) })).message).toMatch(/longer than 60 characters/);
    expect(parseRequest('friends.add', { text: 'x', name: '  Alex ' })).toEqual({ text: 'x', name: 'Alex' });
    rejects(() => parseRequest('friends.remove', { friendId: 0 }));
    rejects(() => parseRequest('friends.sessions', {}));
    rejects(() => parseRequest('export.agenda', { format: 'ics', owner: 'x'.repeat(61) }));
  });

  it('knows its channels and nothing else', () => {
    expect(isChannel('plan.add')).toBe(true);
    expect(isChannel('toString')).toBe(false);
    expect(isChannel('__proto__')).toBe(false);
  });
});

describe('external links', () => {
  it('allows only http(s) without credentials', () => {
    expect(isExternalLinkAllowed('https://kccncna2024.sched.com/event/1i7k0')).toBe(true);
    expect(isExternalLinkAllowed('http://example.org/a?b#c')).toBe(true);
    for (const bad of ['file:///etc/passwd', 'javascript:alert(1)', 'https://user:pw@example.org/', 'smb://host/share', 'https://exa mple.org', 'app://clashless/index.html']) {
      expect(isExternalLinkAllowed(bad), bad).toBe(false);
    }
  });
});
