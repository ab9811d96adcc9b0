// The architecture's import boundaries are enforced by `npm run lint` (eslint.config.js). These
// cases lint small snippets as if they lived in each layer, with the project's real config, so a
// rule that stops firing fails here.
import { ESLint } from 'eslint';
import { describe, expect, it } from 'vitest';
import { REPO_ROOT } from '../fixtures/paths.ts';

const eslint = new ESLint({ cwd: REPO_ROOT });

async function boundaryErrors(file: string, code: string): Promise<string[]> {
  const [result] = await eslint.lintText(code + '\nexport const used = x;\n', { filePath: REPO_ROOT + file });
  const rules = ['no-restricted-imports', '@typescript-eslint/no-restricted-imports', 'no-restricted-globals', 'no-restricted-syntax'];
  return (result?.messages ?? []).filter((m) => rules.includes(m.ruleId ?? '')).map((m) => m.message);
}

describe('import boundaries', () => {
  it.each([
    ['src/shared/x.ts', "import x from 'electron';"],
    ['src/shared/x.ts', "import x from 'node:fs';"],
    ['src/shared/x.ts', "import x from 'better-sqlite3';"],
    ['src/shared/x.ts', "import x from '../main/backend.ts';"],
    ['src/shared/x.ts', "const x = document.title;"],
    ['src/renderer/src/lib/x.ts', "import x from 'electron';"],
    ['src/renderer/src/lib/x.ts', "import x from 'node:path';"],
    ['src/renderer/src/lib/x.ts', "import x from '../../../main/store/open.ts';"],
    ['src/main/store/x.ts', "import x from 'electron';"],
    ['src/main/x.ts', "import x from '../renderer/src/lib/x.ts';"],
    ['src/cli/x.ts', "import x from 'electron';"],
    ['src/web/x.ts', "import x from '../renderer/src/main.ts';"],
    // SQL lives in src/main/store (issue #14).
    ['src/main/services/x.ts', "import x from 'better-sqlite3';"],
    ['src/main/import/x.ts', "const x = db.prepare('SELECT 1').get();"],
    ['src/main/backend.ts', "const x = db.pragma('user_version');"],
    ['src/cli/x.ts', "const x = db.exec('DELETE FROM plan_item');"]
  ])('%s may not: %s', async (file, code) => {
    expect(await boundaryErrors(file, code)).not.toEqual([]);
  });

  it.each([
    ['src/shared/x.ts', "import x from './time.ts';"],
    ['src/renderer/src/lib/x.ts', "import x from '../../../shared/time.ts';"],
    ['src/main/index.ts', "import x from 'electron';"],
    ['src/main/window.ts', "import x from 'electron';"],
    ['src/main/ipc.ts', "import x from 'electron';"],
    ['src/preload/index.ts', "import x from 'electron';"],
    ['src/main/store/x.ts', "import x from 'better-sqlite3';"],
    ['src/cli/x.ts', "import x from 'node:fs';"],
    ['src/main/services/x.ts', "import type { Database as x } from 'better-sqlite3';"],
    ['src/main/store/x.ts', "const x = db.prepare('SELECT 1').get();"],
    ['src/main/services/x.ts', "const x = /a/.exec('a');"]
  ])('%s may: %s', async (file, code) => {
    expect(await boundaryErrors(file, code)).toEqual([]);
  });
});
