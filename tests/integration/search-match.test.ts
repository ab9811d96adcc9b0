// The catalog lights up and ranks search results with its own word folding (search-match.ts),
// while SQLite's FTS5 decides what matches. This holds the two to the same rule on real German and
// English schedules: for every query, the sessions FTS5 returns are exactly those the renderer's
// restatement of the rule accepts. A difference would show a match with nothing lit, or rank by
// words the index never saw.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { fold, indexedWords, matchesLikeIndex, searchWords } from '../../src/renderer/src/lib/catalog/search-match.ts';
import { IdRuns } from '../../src/shared/id-runs.ts';
import { PEER_DIR, tempServices } from './helpers.ts';

const host = tempServices();
afterAll(() => host.cleanup());

describe('search highlighting follows the search index', () => {
  it('accepts exactly the sessions FTS5 finds, for words, prefixes, accents and two-word searches on 36C3 and 38C3', async () => {
    const { api } = host;
    for (const file of ['38c3_2025-12-06.xml', '36c3_merged.xml']) {
      const text = readFileSync(join(PEER_DIR, 'frab-xml', file), 'utf8');
      await api['import.commit']({ text, fileName: file, format: 'frab-xml' });
    }
    const sessions = await api['session.list']({ limit: 100_000 });
    expect(sessions.length).toBeGreaterThan(1500);
    // Queries from the documents themselves: every 37th title word whole, as a prefix, and paired
    // with the next word, plus words people type with and without accents.
    const words = sessions.flatMap((s) => s.title.split(/\s+/)).filter((w) => fold(w).replace(/[^\p{L}\p{N}]/gu, '').length >= 3);
    const queries = new Set(['hacker jeopardy', 'über', 'uber', 'Straße', 'café', 'hacker*innen', 'ÜBERWACHUNG', 'c3', 'ki']);
    for (let i = 0; i < words.length - 1; i += 37) {
      queries.add(words[i]!);
      queries.add(words[i]!.slice(0, 3));
      queries.add(`${words[i]} ${words[i + 1]!.slice(0, 4)}`);
    }
    expect(queries.size).toBeGreaterThan(150);
    const indexed = sessions.map((s) => ({ id: s.id, words: indexedWords(s) }));
    let nonEmpty = 0;
    for (const query of queries) {
      const { runs } = await api['session.search']({ search: query });
      if (runs === null) continue;
      const fts = [...new IdRuns(runs)];
      const ours = indexed.filter((s) => matchesLikeIndex(s.words, searchWords(query))).map((s) => s.id).sort((a, b) => a - b);
      expect(ours, query).toEqual(fts);
      if (fts.length > 0) nonEmpty++;
    }
    expect(nonEmpty).toBeGreaterThan(100);
  });
});
