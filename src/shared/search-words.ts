// What a word is to search, in one place for the store (which turns typed words into an FTS5 query)
// and the catalog (which lights matched words up): a run of letters and digits. The search index's
// tokenizer (SQLite's unicode61) classifies characters by Unicode 6.1, and 21 code points that are
// letters today were marks then; it splits words at them, so the search does too. So a word made
// here is always exactly one token of the index, never a phrase (which the index, storing no word
// positions, would refuse): tests/integration/search-words.test.ts holds this to the tokenizer for
// every code point. The other way round is not exact: the tokenizer also keeps a few characters
// inside words that are not letters or digits (private-use characters, some combining marks).

const SPLIT_BY_INDEX = '\\u19B0-\\u19C0\\u19C8\\u19C9\\u1CF2\\u1CF3';

/** Everything between words. */
const BETWEEN_WORDS = new RegExp(`(?:[^\\p{L}\\p{N}]|[${SPLIT_BY_INDEX}])+`, 'u');

/** The words of a text, in order, empty strings left out. */
export function splitWords(text: string): string[] {
  return text.split(BETWEEN_WORDS).filter((w) => w.length > 0);
}

/** A fresh global pattern of one word, for walking a text's words with their offsets. */
export function wordPattern(): RegExp {
  return new RegExp(`(?:(?![${SPLIT_BY_INDEX}])[\\p{L}\\p{N}])+`, 'gu');
}
