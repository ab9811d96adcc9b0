// A saved web page (a Sched or pretalx schedule page, a WordPress agenda, a static site). The
// page is only parsed (htmlparser2): no script runs and nothing is fetched. It becomes the same
// outline a Markdown post does and is read by the same talk reader (outline/reader.ts).
import { ClashlessError } from '../../../../shared/contract.ts';
import type { ParsedSchedule, ParseOptions } from '../../../../shared/domain.ts';
import { htmlBlocks } from './outline.ts';
import { EXPECTED_TALK_LIST, headingTexts } from '../markdown/read.ts';
import { blockLines, lineText, type Block } from '../outline/model.ts';
import { OutlineReader } from '../outline/reader.ts';
import { buildSchedule } from '../outline/schedule.ts';

const MAX_LINES = 200_000;

/** The page's visible text with each line of text on its source line (zone evidence cites lines). */
function visibleText(blocks: readonly Block[], source: string): string {
  let count = 1;
  for (let i = source.indexOf('\n'); i !== -1 && count < MAX_LINES; i = source.indexOf('\n', i + 1)) count++;
  const lines: string[] = new Array<string>(count).fill('');
  for (const b of blocks) {
    for (const l of blockLines(b)) {
      const at = Math.min(Math.max(l.line - 1, 0), count - 1);
      const t = lineText(l).trim();
      if (t.length > 0) lines[at] = lines[at] ? `${lines[at]} ${t}` : t;
    }
  }
  return lines.join('\n');
}

/** Parse a saved HTML schedule page. Pure; throws ClashlessError('parse-failed') when no talk is found. */
export function parseHtml(text: string, opts: ParseOptions = {}): ParsedSchedule {
  let page: ReturnType<typeof htmlBlocks>;
  try {
    page = htmlBlocks(text);
  } catch {
    throw new ClashlessError('parse-failed', 'This page could not be read as HTML; check that it is a saved web page, or choose another format.');
  }
  const reader = new OutlineReader();
  reader.read(page.blocks);
  const h1 = page.blocks.find((b) => b.kind === 'heading' && b.level === 1);
  return buildSchedule({
    format: 'html',
    drafts: reader.drafts,
    untimed: reader.untimed,
    notes: reader.notes,
    meta: {},
    text: visibleText(page.blocks, text),
    headings: headingTexts(page.blocks),
    title: page.title ?? (h1 ? blockLines(h1).map((l) => lineText(l)).join(' ').trim() || null : null),
    expected: EXPECTED_TALK_LIST,
    opts
  });
}
