// Large imports run in a worker thread: the services keep answering other requests meanwhile, and
// progress arrives while the import runs, not all at once at the end.
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import type { Events } from '../../src/shared/contract.ts';
import { openBackend } from '../../src/main/backend.ts';
import { WORKER_IMPORT_CHARS } from '../../src/main/services/api.ts';
import { parseImport } from '../../src/main/import/pipeline.ts';
import { generateIcs } from '../fixtures/generate-ics.ts';
import { ROOT, SEED_DIR, tempDir } from './helpers.ts';

const WORKER = join(ROOT, 'src', 'main', 'import', 'import-worker.ts');
/** The worker the packaged app starts: built by `npm run build` (npm test builds first). */
const BUILT_WORKER = join(ROOT, 'out', 'main', 'import-worker.cjs');
const cleanups: (() => void)[] = [];
afterEach(() => {
  while (cleanups.length) cleanups.pop()!();
});

function services(importWorker = WORKER) {
  const { dir, cleanup } = tempDir();
  const host = openBackend({ dbPath: join(dir, 'w.db'), seedDir: SEED_DIR, seedOnFirstRun: true, importWorker });
  cleanups.push(cleanup, () => host.close());
  return host;
}

describe('importing a large schedule', () => {
  it('runs in a worker: other requests are answered meanwhile and progress is live', async () => {
    const host = services();
    const text = generateIcs(4000, 3);
    expect(text.length).toBeGreaterThan(WORKER_IMPORT_CHARS);
    const expected = parseImport(text, { format: 'ics' }).sessions.length;

    const progress: Events['import.progress'][] = [];
    let importDone = false;
    host.subscribe((event, payload) => {
      if (event === 'import.progress') progress.push(payload as Events['import.progress']);
    });
    const importing = host.api['import.commit']({ text, fileName: 'big.ics' }).then((r) => {
      importDone = true;
      return r;
    });
    // While the worker parses and commits, the services still answer (from their own connection).
    const conferences = await host.api['conference.list']({});
    const answeredDuringImport = !importDone;
    const report = await importing;

    expect(answeredDuringImport).toBe(true);
    expect(conferences.map((c) => c.sessionCount).sort()).toEqual([18, 25]);
    expect(report.total).toBe(expected);
    expect(report.added).toBe(expected);
    const commits = progress.filter((p) => p.phase === 'commit');
    expect(commits.some((p) => p.done > 0 && p.done < p.total)).toBe(true);
    expect(progress.at(-1)).toEqual({ phase: 'done', done: expected, total: expected });
    const stored = await host.api['session.list']({ conferenceId: report.conferenceId, limit: 100_000 });
    expect(stored).toHaveLength(expected);
  });

  it('previews a large file in the worker too, answering other requests meanwhile', async () => {
    const host = services();
    const text = generateIcs(4000, 5);
    const expected = parseImport(text, { format: 'ics' }).sessions.length;
    let previewDone = false;
    const previewing = host.api['import.preview']({ text }).then((p) => {
      previewDone = true;
      return p;
    });
    await host.api['conference.list']({});
    const answeredDuringPreview = !previewDone;
    const preview = await previewing;
    expect(answeredDuringPreview).toBe(true);
    expect(preview.format).toBe('ics');
    expect(preview.sessions).toHaveLength(expected);
    expect((await host.api['conference.list']({})).length).toBe(2); // a preview saves nothing
  });

  it('a bad large file fails in the worker with the parser’s own message and changes nothing', async () => {
    const host = services();
    const before = await host.api['conference.list']({});
    const junk = 'BEGIN:VCALENDAR\n' + 'X-NOTHING:useful\n'.repeat(20_000) + 'END:VCALENDAR\n';
    expect(junk.length).toBeGreaterThan(WORKER_IMPORT_CHARS);
    await expect(host.api['import.commit']({ text: junk, format: 'ics' })).rejects.toMatchObject({ code: 'parse-failed' });
    expect(await host.api['conference.list']({})).toEqual(before);
  });
});

describe('the built import worker (out/main/import-worker.cjs, the file the app starts)', () => {
  it('is one CommonJS file that needs nothing from node_modules but better-sqlite3', () => {
    expect(existsSync(BUILT_WORKER), 'run `npm run build` first').toBe(true);
    const code = readFileSync(BUILT_WORKER, 'utf8');
    // CommonJS: loads through the loader Electron teaches to read app.asar.
    expect(code).not.toMatch(/^\s*import\s.+from\s/m);
    expect(code).not.toMatch(/^\s*export\s/m);
    const required = [...code.matchAll(/require\("([^"]+)"\)/g)].map((m) => m[1]!);
    expect(required.filter((name) => !name.startsWith('node:')).sort()).toEqual(['better-sqlite3']);
  });

  it('imports a schedule larger than 256 KB into a real database, with progress', async () => {
    const host = services(BUILT_WORKER);
    const text = generateIcs(4000, 7);
    expect(text.length).toBeGreaterThan(256 * 1024);
    const expected = parseImport(text, { format: 'ics' }).sessions.length;
    const phases = new Set<string>();
    host.subscribe((event, payload) => {
      if (event === 'import.progress') phases.add((payload as Events['import.progress']).phase);
    });
    const report = await host.api['import.commit']({ text, fileName: 'big.ics' });
    expect(report.added).toBe(expected);
    expect([...phases]).toEqual(expect.arrayContaining(['commit', 'done']));
    const stored = await host.api['session.list']({ conferenceId: report.conferenceId, limit: 100_000 });
    expect(stored).toHaveLength(expected);
  });
});
