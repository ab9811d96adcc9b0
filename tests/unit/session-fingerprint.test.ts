// A session's fingerprint is stored (session.fingerprint) and compared on every re-import, so its
// rule can never drift: a changed digest would report every talk of every stored conference as
// updated on the next import. These pin it to the rule written out with a separate SHA-1 hasher.
import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { sessionFingerprint } from '../../src/main/import/merge.ts';
import type { ParsedSession } from '../../src/shared/domain.ts';

const base: ParsedSession = {
  key: 'k1',
  title: 'Zoë’s talk, “quoted”',
  description: 'Line one\nline two 🚀',
  start: Date.UTC(2025, 11, 27, 10, 30),
  end: Date.UTC(2025, 11, 27, 11, 10),
  allDay: false,
  venue: 'CCH',
  room: 'Saal 1',
  track: 'Hardware',
  type: 'Talk',
  url: 'https://example.org/t/1',
  speakers: [
    { name: 'Ada', affiliation: 'Analytical', role: 'Engineer', bio: null },
    { name: 'Bob', affiliation: null, role: null, bio: 'Bio.' }
  ],
  attributes: { Language: 'en' },
  status: 'scheduled',
  line: 12
};

/** The stored rule, spelled out: SHA-1 of the JSON list of what a person sees, base64url. */
function writtenOut(s: ParsedSession): string {
  const seen = [
    s.title, s.description, s.start, s.end, s.allDay, s.venue, s.room, s.track, s.type, s.url, s.status,
    s.speakers.map((p) => [p.name, p.affiliation, p.role, p.bio]), s.attributes,
    ...(s.recordingUrl ? [{ recording: s.recordingUrl }] : [])
  ];
  return createHash('sha1').update(JSON.stringify(seen)).digest('base64url');
}

describe('session fingerprint', () => {
  it('is the stored rule, for a session with and without a recording', () => {
    for (const s of [base, { ...base, recordingUrl: 'https://media.example.org/1.mp4' }, { ...base, description: null, speakers: [], attributes: {} }]) {
      expect(sessionFingerprint(s)).toBe(writtenOut(s));
    }
  });

  it('is the digest databases already hold for this session (a literal, so even the JSON rule cannot drift)', () => {
    expect(sessionFingerprint(base)).toBe('nGXkUpoB6K44MKc-uxBgutqE6tY');
  });

  it('ignores what a person does not see (key, source line) and changes with what they do', () => {
    expect(sessionFingerprint({ ...base, key: 'other', line: 99 })).toBe(sessionFingerprint(base));
    expect(sessionFingerprint({ ...base, room: 'Saal 2' })).not.toBe(sessionFingerprint(base));
    expect(sessionFingerprint({ ...base, recordingUrl: null })).toBe(sessionFingerprint(base));
  });
});
