// Session keys: the identity that lets a re-import update a session instead of duplicating it.
//
// Rule: a key follows the talk, never its slot, so a re-import that moves a talk updates it
// ("moved", plan and note kept) instead of removing it and adding a stranger. Per format:
//   frab / Pentabarf XML      the event's guid, else acronym + ":" + its id, else the content key
//   c3voc / pretalx JSON      the same: guid, else acronym + ":" + id (pretalx's code when no id)
//   Sched (Markdown export)   "sched:" + the Sched event id, else the content key
//   CSV                       "csv:" + the id column, else the content key
//   Sched page text, text     the content key (pasted text carries no id)
//   .ics                      the UID; an occurrence of a series, or an override of one, adds
//                             "@" + its RECURRENCE-ID (the slot the rule gave it, which a moved
//                             occurrence keeps), so moving one occurrence still matches
// The content key is a hash of the normalised title + speakers. The start is deliberately NOT part
// of any key (frab and JSON keys were "guid@start" until schema 20; migration 0020 rewrote them).
//
// One talk in several slots of one file (36C3 lists the same guid for each slot of a multi-day
// workshop) keeps one session per slot: the slots of a key are numbered in time order, the first
// keeping the plain key, the second "key#2", and so on (see slotKeys). Time order and not
// document order, because feeds list events day by day and room by room, so document order says
// nothing a re-import preserves. It is stable enough because it changes only when one slot of the
// same talk moves past another slot of that same talk: a talk with one slot (nearly all of them)
// keeps its plain key however far it moves, and a multi-slot workshop whose slots all move
// together keeps its numbers. When slots do swap, the sessions swap identities, which the merge
// reports as two moves — no session is lost or duplicated.
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

/**
 * Number the slots of sessions that share a key, in time order (ties in document order): the
 * earliest keeps the key, the next becomes "key#2", then "key#3", skipping suffixes the document
 * uses as keys of its own. The result stays in document order. See the rule at the top.
 */
export function slotKeys<T extends { key: string; start: number }>(sessions: T[]): T[] {
  const order = sessions.map((_, i) => i).sort((a, b) => sessions[a]!.start - sessions[b]!.start || a - b);
  const numbered = uniqueKeys(order.map((i) => sessions[i]!));
  const out: T[] = new Array<T>(sessions.length);
  order.forEach((docIndex, timeIndex) => {
    out[docIndex] = numbered[timeIndex]!;
  });
  return out;
}
