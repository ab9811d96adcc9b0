// The outline: what a Markdown post and a saved web page both become before talks are read
// from them. Headings, paragraphs, lists, tables and quotes, each with the 1-based line it
// starts on; text is kept as spans that remember links and emphasis, split into lines where
// the author broke the line (a hard break, <br>, a new block). Soft breaks (a newline inside a
// paragraph, as editors wrap) stay in the text as "\n" so the reader can tell wrapping from
// structure.

export interface Span {
  text: string;
  url: string | null;
  strong: boolean;
  emphasis: boolean;
  code: boolean;
}

/** One line of inline content as the author broke it. */
export interface Line {
  spans: Span[];
  /** 1-based line in the source where this line starts. */
  line: number;
}

export interface Cell {
  lines: Line[];
  rowspan: number;
  colspan: number;
  header: boolean;
}

export interface Row {
  cells: Cell[];
  line: number;
}

export type Block =
  | { kind: 'heading'; level: number; lines: Line[]; line: number }
  | { kind: 'paragraph'; lines: Line[]; line: number; raw: string }
  | { kind: 'list'; items: Item[]; line: number }
  | { kind: 'table'; rows: Row[]; line: number }
  | { kind: 'quote'; blocks: Block[]; line: number; raw: string };

export interface Item {
  blocks: Block[];
  line: number;
  raw: string;
}

export interface Outline {
  blocks: Block[];
  /** The document's own title (front matter title, <title>), when it has one. */
  title: string | null;
  /** Front matter fields ("date", "publication_date" …), lower-case keys. */
  meta: Record<string, string>;
  /** The visible text, line by line as in the source (for zone and year evidence). */
  text: string;
}

/** Nesting deeper than this is read as flat text: no real schedule needs more. */
export const MAX_DEPTH = 24;

/** The inline style a reader carries down into nested markup (a link inside bold, …). */
export interface InlineStyle {
  url: string | null;
  strong: boolean;
  emphasis: boolean;
  code: boolean;
}

export const PLAIN_STYLE: InlineStyle = { url: null, strong: false, emphasis: false, code: false };

export function span(text: string, url: string | null = null, strong = false, emphasis = false, code = false): Span {
  return { text, url, strong, emphasis, code };
}

/** The text of a line; soft breaks become spaces unless `keepBreaks`. */
export function lineText(l: Line, keepBreaks = false): string {
  const text = l.spans.map((s) => s.text).join('');
  return keepBreaks ? text : text.replace(/\s*\n\s*/g, ' ');
}

export function linesText(lines: readonly Line[]): string {
  return lines.map((l) => lineText(l).trim()).filter((t) => t.length > 0).join('\n');
}

/** Split a line's spans at soft breaks: one Line per source line. */
export function softLines(l: Line): Line[] {
  const out: Line[] = [];
  let current: Span[] = [];
  let lineNo = l.line;
  let startNo = l.line;
  for (const s of l.spans) {
    const parts = s.text.split('\n');
    parts.forEach((part, i) => {
      if (i > 0) {
        out.push({ spans: current, line: startNo });
        current = [];
        lineNo++;
        startNo = lineNo;
      }
      if (part.length > 0) current.push({ ...s, text: part });
    });
  }
  out.push({ spans: current, line: startNo });
  return out.filter((x) => lineText(x).trim().length > 0);
}

/** The plain lines of a block tree's inline content (headings, paragraphs, cells), in order. */
export function blockLines(b: Block): Line[] {
  switch (b.kind) {
    case 'heading':
    case 'paragraph':
      return b.lines;
    case 'quote':
      return b.blocks.flatMap(blockLines);
    case 'list':
      return b.items.flatMap((i) => i.blocks.flatMap(blockLines));
    case 'table':
      return b.rows.flatMap((r) => r.cells.flatMap((c) => c.lines));
  }
}
