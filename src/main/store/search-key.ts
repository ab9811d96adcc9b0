// The search index's key (migration 100): start minute × 2^36 + session id, so walking the index in
// key order walks the matches in start order (to the minute), and the id can be read back from the
// key alone. The generated column `session.search_key` computes it in SQL; this is the same rule for
// the queries that need a key's parts. Keys pass 2^53, so in JavaScript they are bigints (statements
// that return them use safeIntegers). tests/integration/search-order.test.ts proves the two agree.

/** Ids stay below this; the key's remainder by it is the session id. */
export const KEY_ID_SPAN = 2n ** 36n;
const BUCKET_MS = 60_000;
/** Starts are clamped to 1970-01-01 … this (about the year 2223), so every key fits 63 bits. */
const LAST_START_MS = 8_000_000_000_000;

/** The key of a session starting at `startMs` with this id. */
export function searchKey(startMs: number, id: number): bigint {
  const minute = Math.trunc(Math.min(Math.max(startMs, 0), LAST_START_MS) / BUCKET_MS);
  return BigInt(minute) * KEY_ID_SPAN + BigInt(id);
}

/** The last key that shares `key`'s start minute: the key cannot tell those sessions' start order apart. */
export function lastKeyOfMinute(key: bigint): bigint {
  return (key / KEY_ID_SPAN) * KEY_ID_SPAN + KEY_ID_SPAN - 1n;
}
