// axe-core in the page under test: the dev dependency's own script is injected (no network), run on
// the whole document, and only serious and critical findings are returned, each as one line a
// person can act on (rule, where, what is wrong).
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { ROOT } from './helpers.ts';

const AXE_SOURCE = readFileSync(join(ROOT, 'node_modules', 'axe-core', 'axe.min.js'), 'utf8');

interface Finding {
  id: string;
  impact: string | null;
  help: string;
  nodes: { target: unknown[]; failureSummary?: string }[];
}

/**
 * Run axe on the page as it is now; one line per failing element with impact serious or critical,
 * and for the rules named in `alsoRules` (moderate ones the app must pass too) at any impact.
 */
export async function seriousViolations(page: Page, alsoRules: readonly string[] = []): Promise<string[]> {
  const present = await page.evaluate(() => typeof (window as unknown as { axe?: unknown }).axe === 'object');
  // The app's CSP (script-src 'self') refuses an inline <script>, so addScriptTag cannot be used on
  // it; evaluating the source through the debugging protocol is not subject to the page's CSP.
  if (!present) await page.evaluate(AXE_SOURCE);
  const violations = await page.evaluate(async () => {
    const axe = (window as unknown as { axe: { run(ctx: Document, opts: object): Promise<{ violations: unknown[] }> } }).axe;
    const result = await axe.run(document, { resultTypes: ['violations'] });
    return result.violations as Finding[];
  });
  const lines: string[] = [];
  for (const v of violations) {
    if (v.impact !== 'serious' && v.impact !== 'critical' && !alsoRules.includes(v.id)) continue;
    for (const node of v.nodes) {
      const summary = (node.failureSummary ?? v.help).replace(/\s+/g, ' ').trim();
      lines.push(`${v.id} (${v.impact}) at ${node.target.map(String).join(' > ')}: ${summary}`);
    }
  }
  return lines;
}
