// Session keys: the identity that lets a re-import update a session instead of duplicating it.
// Policy: the source's own id where it has one, else a hash of the normalised title + speakers.
// The start is deliberately NOT part of the content key (architecture.md first said it was): a
// pasted schedule whose session moved must match its old copy so the merge can report "moved"
// and keep it planned. Repeats of the same title+speakers (multi-slot workshops) are told apart
// by their order in the document (see uniqueKeys).
import { createHash } from 'node:crypto';

/** Lower-case, accents folded, punctuation and runs of space collapsed. */
export function normaliseForKey(text: string): string {
  return text
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^\p{L}\p{N}]+/gu, ' ')
    .trim();
}

/** A short, stable hash key: "h-" + 16 hex digits of SHA-256 over the normalised parts. */
export function hashKey(parts: readonly (string | number | null | undefined)[]): string {
  const text = parts.map((p) => (typeof p === 'number' ? String(p) : normaliseForKey(p ?? ''))).join('\u001f');
  return 'h-' + createHash('sha256').update(text).digest('hex').slice(0, 16);
}

/** Key from a session's content when the source has no id. */
export function contentKey(title: string, speakerNames: readonly string[]): string {
  return hashKey([title, [...speakerNames].map(normaliseForKey).sort().join(',')]);
}

/**
 * Make keys unique within one document, in document order: the second "k" becomes "k#2", the
 * third "k#3", skipping any suffix the document already uses as a key of its own (ids "a", "a",
 * "a#2" give "a", "a#3", "a#2"). Sessions must be in a stable order for this to be stable.
 */
export function uniqueKeys<T extends { key: string }>(sessions: T[]): T[] {
  const taken = new Set(sessions.map((s) => s.key));
  const used = new Set<string>();
  const next = new Map<string, number>();
  return sessions.map((s) => {
    if (!used.has(s.key)) {
      used.add(s.key);
      return s;
    }
    let n = next.get(s.key) ?? 2;
    while (taken.has(`${s.key}#${n}`) || used.has(`${s.key}#${n}`)) n++;
    next.set(s.key, n + 1);
    const key = `${s.key}#${n}`;
    used.add(key);
    return { ...s, key };
  });
}
