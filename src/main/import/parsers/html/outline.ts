// A saved web page (or raw HTML inside a Markdown post) as an outline. The page is only parsed:
// htmlparser2 builds a tree from the text and nothing else happens — no script runs, no style,
// image or frame is fetched. Scripts, styles, forms' controls and embedded frames are skipped;
// headings, paragraphs, lists, tables (with rowspan/colspan) and quotes become outline blocks,
// links and emphasis become spans, and every block keeps the source line it starts on.
import { DomUtils, parseDocument } from 'htmlparser2';
import { MAX_DEPTH, PLAIN_STYLE, span, type Block, type Cell, type InlineStyle, type Item, type Line, type Row, type Span } from '../outline/model.ts';

type Doc = ReturnType<typeof parseDocument>;
type Node = Doc['children'][number];
type Element = Extract<Node, { name: string; attribs: Record<string, string> }>;
type Text = Extract<Node, { type: 'text' }>;

function isTag(n: Node): n is Element {
  return 'name' in n && 'attribs' in n;
}

function isText(n: Node): n is Text {
  return n.type === 'text';
}

const SKIP = new Set([
  'script', 'style', 'noscript', 'template', 'iframe', 'frame', 'frameset', 'object', 'embed', 'svg', 'math', 'canvas', 'audio',
  'video', 'picture', 'img', 'input', 'select', 'option', 'textarea', 'button', 'head', 'link', 'meta', 'base', 'map', 'source'
]);
const HEADINGS: Readonly<Record<string, number>> = { h1: 1, h2: 2, h3: 3, h4: 4, h5: 5, h6: 6 };
const BLOCKS = new Set([
  'p', 'div', 'section', 'article', 'main', 'header', 'footer', 'nav', 'aside', 'figure', 'figcaption', 'address', 'center', 'details',
  'summary', 'ul', 'ol', 'menu', 'li', 'table', 'thead', 'tbody', 'tfoot', 'tr', 'td', 'th', 'caption', 'blockquote', 'dl', 'dt', 'dd',
  'h1', 'h2', 'h3', 'h4', 'h5', 'h6', 'pre', 'hr', 'form', 'fieldset', 'legend', 'body', 'html'
]);
const STRONG = new Set(['strong', 'b']);
const EMPHASIS = new Set(['em', 'i', 'cite']);
const CODE = new Set(['code', 'kbd', 'samp', 'tt']);

/** Offsets → 1-based lines. */
export class LineIndex {
  readonly #starts: number[] = [0];
  constructor(text: string) {
    for (let i = text.indexOf('\n'); i !== -1; i = text.indexOf('\n', i + 1)) this.#starts.push(i + 1);
  }
  lineOf(offset: number): number {
    let lo = 0;
    let hi = this.#starts.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if ((this.#starts[mid] ?? 0) <= Math.max(0, offset)) lo = mid;
      else hi = mid - 1;
    }
    return lo + 1;
  }
}


class Converter {
  readonly #index: LineIndex;
  readonly #offset: number;
  title: string | null = null;
  constructor(source: string, lineOffset: number) {
    this.#index = new LineIndex(source);
    this.#offset = lineOffset;
  }

  lineOf(node: Node): number {
    return this.#index.lineOf(node.startIndex ?? 0) + this.#offset;
  }

  /** Inline content of nodes as lines, split at <br> and at nested blocks. */
  inline(nodes: readonly Node[], style: InlineStyle, out: Line[], depth: number): void {
    for (const node of nodes) {
      if (isText(node)) {
        // Newlines and tabs are layout; runs of spaces are kept as written ("vSphere 6  Security").
        const text = node.data.replace(/[ \t]*[\r\n\t][\s]*/g, ' ');
        if (text.length === 0) continue;
        let last = out[out.length - 1];
        if (!last) {
          last = { spans: [], line: this.lineOf(node) };
          out.push(last);
        }
        if (last.spans.length === 0 && text.trim().length > 0) last.line = this.lineOf(node);
        last.spans.push(span(text, style.url, style.strong, style.emphasis, style.code));
        continue;
      }
      if (!isTag(node)) continue;
      const el = node as Element;
      const name = el.name;
      if (SKIP.has(name)) continue;
      if (name === 'br' || (BLOCKS.has(name) && name !== 'span')) {
        out.push({ spans: [], line: this.lineOf(node) });
        if (name === 'br' || depth > MAX_DEPTH) continue;
      }
      if (depth > MAX_DEPTH) continue;
      const next: InlineStyle = {
        url: name === 'a' && el.attribs['href'] ? el.attribs['href'].trim() : style.url,
        strong: style.strong || STRONG.has(name) || /^h[1-6]$/.test(name),
        emphasis: style.emphasis || EMPHASIS.has(name),
        code: style.code || CODE.has(name)
      };
      this.inline(el.children as Node[], next, out, depth + 1);
      if (BLOCKS.has(name)) out.push({ spans: [], line: this.lineOf(node) });
    }
  }

  lines(nodes: readonly Node[], style: InlineStyle = PLAIN_STYLE, depth = 0): Line[] {
    const out: Line[] = [];
    this.inline(nodes, style, out, depth);
    return out
      .map((l) => ({ ...l, spans: trimSpans(l.spans) }))
      .filter((l) => l.spans.length > 0);
  }

  /** Block children of a container; runs of inline nodes become paragraphs. */
  blocks(nodes: readonly Node[], depth: number): Block[] {
    const out: Block[] = [];
    let run: Node[] = [];
    let items: Item[] = [];
    const flushRun = (): void => {
      if (run.length > 0) {
        const lines = this.lines(run);
        if (lines.length > 0) out.push({ kind: 'paragraph', lines, line: lines[0]!.line, raw: lines.map((l) => spansText(l.spans)).join('\n') });
      }
      run = [];
    };
    const flushItems = (): void => {
      if (items.length > 0) out.push({ kind: 'list', items, line: items[0]!.line });
      items = [];
    };
    for (const node of nodes) {
      if (!isTag(node)) {
        if (isText(node)) run.push(node);
        continue;
      }
      const el = node as Element;
      if (SKIP.has(el.name)) {
        if (el.name === 'head') this.readTitle(el);
        continue;
      }
      if (!BLOCKS.has(el.name)) {
        run.push(node);
        continue;
      }
      flushRun();
      if (el.name !== 'li') flushItems();
      if (depth > MAX_DEPTH) continue;
      this.block(el, depth, out, items);
    }
    flushRun();
    flushItems();
    return out;
  }

  readTitle(head: Element): void {
    const t = DomUtils.findOne((n) => n.name === 'title', head.children as Node[], true);
    const text = t ? DomUtils.textContent(t).replace(/\s+/g, ' ').trim() : '';
    if (text.length > 0 && this.title === null) this.title = text;
  }

  block(el: Element, depth: number, out: Block[], items: Item[]): void {
    const name = el.name;
    const line = this.lineOf(el);
    const children = el.children as Node[];
    const level = HEADINGS[name];
    if (level !== undefined) {
      const lines = this.lines(children);
      if (lines.length > 0) out.push({ kind: 'heading', level, lines, line });
    } else if (name === 'p' || name === 'dt' || name === 'dd' || name === 'pre' || name === 'caption' || name === 'legend' || name === 'summary') {
      const inner = this.blocks(children, depth + 1);
      out.push(...inner);
    } else if (name === 'ul' || name === 'ol' || name === 'menu') {
      const listItems: Item[] = [];
      for (const child of children) {
        if (isTag(child) && (child as Element).name === 'li') listItems.push(this.item(child as Element, depth + 1));
      }
      if (listItems.length > 0) out.push({ kind: 'list', items: listItems, line });
    } else if (name === 'li') {
      items.push(this.item(el, depth + 1));
    } else if (name === 'table') {
      const rows = this.rows(el, depth + 1);
      if (rows.length > 0) out.push({ kind: 'table', rows, line });
    } else if (name === 'blockquote') {
      const inner = this.blocks(children, depth + 1);
      if (inner.length > 0) out.push({ kind: 'quote', blocks: inner, line, raw: inner.map(rawOf).join('\n') });
    } else if (name !== 'hr') {
      out.push(...this.blocks(children, depth + 1));
    }
  }

  item(li: Element, depth: number): Item {
    const blocks = this.blocks(li.children as Node[], depth);
    return { blocks, line: this.lineOf(li), raw: blocks.map(rawOf).join('\n') };
  }

  rows(table: Element, depth: number): Row[] {
    const trs = DomUtils.findAll((n) => n.name === 'tr', table.children as Node[]).filter((tr) => nearestTable(tr) === table);
    return trs.slice(0, 5000).map((tr) => {
      const cells: Cell[] = [];
      for (const c of tr.children as Node[]) {
        if (!isTag(c)) continue;
        const cell = c as Element;
        if (cell.name !== 'td' && cell.name !== 'th') continue;
        cells.push({
          lines: depth > MAX_DEPTH ? [] : this.lines(cell.children as Node[]),
          rowspan: spanCount(cell.attribs['rowspan']),
          colspan: spanCount(cell.attribs['colspan']),
          header: cell.name === 'th'
        });
      }
      return { cells, line: this.lineOf(tr) };
    });
  }
}

function nearestTable(el: Element): Element | null {
  let p = el.parent as Element | null;
  while (p && p.name !== 'table') p = p.parent as Element | null;
  return p;
}

/** rowspan/colspan as written; zero, negative or absurd values count as 1. */
function spanCount(value: string | undefined): number {
  const n = Number.parseInt(value ?? '1', 10);
  return Number.isFinite(n) && n >= 1 && n <= 500 ? n : 1;
}

function spansText(spans: readonly Span[]): string {
  return spans.map((s) => s.text).join('');
}

function rawOf(b: Block): string {
  if (b.kind === 'paragraph' || b.kind === 'quote') return b.raw;
  if (b.kind === 'heading') return b.lines.map((l) => spansText(l.spans)).join('\n');
  if (b.kind === 'list') return b.items.map((i) => `- ${i.raw}`).join('\n');
  return '';
}

function trimSpans(spans: readonly Span[]): Span[] {
  const out = spans.filter((s) => s.text.length > 0).map((s) => ({ ...s }));
  while (out.length > 0 && out[0]!.text.trim().length === 0) out.shift();
  while (out.length > 0 && out[out.length - 1]!.text.trim().length === 0) out.pop();
  if (out.length === 0) return out;
  out[0]!.text = out[0]!.text.replace(/^\s+/, '');
  out[out.length - 1]!.text = out[out.length - 1]!.text.replace(/\s+$/, '');
  return out;
}

export interface HtmlOutline {
  blocks: Block[];
  title: string | null;
}

/**
 * Parse HTML into outline blocks. `lineOffset` shifts line numbers for HTML that sits inside
 * another document (a raw block in a Markdown post).
 */
export function htmlBlocks(html: string, lineOffset = 0): HtmlOutline {
  const doc = parseDocument(html, { withStartIndices: true, withEndIndices: false, decodeEntities: true, lowerCaseTags: true, lowerCaseAttributeNames: true });
  const converter = new Converter(html, lineOffset);
  const blocks = converter.blocks(doc.children, 0);
  return { blocks, title: converter.title };
}
