// Talk lists in blog posts and Markdown agendas. See formats.md "Talk lists".
//
// The post is parsed to a syntax tree (mdast, with GFM tables) and read by its structure, not
// line patterns (outline/reader.ts): headings give the day and track to what follows, a link's
// text is its text however it wraps, list items and table rows are candidate talks, "by …"
// lines and "> …" quotes give speakers, paragraphs after a talk its abstract. The front matter's
// date is the reference for dates written without a year.
import { ClashlessError } from '../../../../shared/contract.ts';
import type { ParsedSchedule, ParseOptions } from '../../../../shared/domain.ts';
import { readFrontMatter } from './front-matter.ts';
import { markdownBlocks } from './outline.ts';
import { blockLines, lineText, type Block } from '../outline/model.ts';
import { OutlineReader } from '../outline/reader.ts';
import { buildSchedule } from '../outline/schedule.ts';

export const EXPECTED_TALK_LIST =
  'expected talks written as a title or link next to a date and time such as “**Monday, November 6, 2023 • 9:15 am - 9:40 am**”, a list of “10:00–10:25 Title” items, or a table with a time column.';

/** Texts of the headings, in order (for a year written only in a heading: "## 2023 Schedule"). */
export function headingTexts(blocks: readonly Block[]): string[] {
  const out: string[] = [];
  for (const b of blocks) {
    if (b.kind === 'heading') out.push(b.lines.map((l) => lineText(l)).join(' '));
    if (out.length >= 200) break;
  }
  return out;
}

function firstTitle(blocks: readonly Block[]): string | null {
  const h1 = blocks.find((b) => b.kind === 'heading' && b.level === 1);
  const text = h1 ? blockLines(h1).map((l) => lineText(l).trim()).join(' ').trim() : '';
  return text.length > 0 ? text : null;
}

/** Parse a Markdown talk list or agenda. Pure; throws ClashlessError('parse-failed') when no talk is found. */
export function parseMarkdown(text: string, opts: ParseOptions = {}): ParsedSchedule {
  const fm = readFrontMatter(text);
  let blocks: Block[];
  try {
    blocks = markdownBlocks(fm.body);
  } catch {
    throw new ClashlessError('parse-failed', 'This Markdown could not be read as a document; check that it is a text file, or choose another format.');
  }
  const reader = new OutlineReader();
  reader.read(blocks);
  return buildSchedule({
    format: 'markdown',
    drafts: reader.drafts,
    untimed: reader.untimed,
    notes: reader.notes,
    meta: fm.fields,
    text,
    headings: headingTexts(blocks),
    title: fm.fields['title'] || firstTitle(blocks),
    expected: EXPECTED_TALK_LIST,
    opts
  });
}
