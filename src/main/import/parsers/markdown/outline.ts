// A Markdown document as an outline: parsed to a syntax tree by mdast-util-from-markdown (with
// GFM for tables) and walked once. Reference links are resolved through their definitions,
// raw HTML blocks go through the HTML reader (a <table> pasted into a post), an inline <br> is
// a line break, and every block keeps its source line.
import type { Nodes, Parents, PhrasingContent, Root, RootContent } from 'mdast';
import { fromMarkdown } from 'mdast-util-from-markdown';
import { gfmFromMarkdown } from 'mdast-util-gfm';
import { gfm } from 'micromark-extension-gfm';
import { htmlBlocks } from '../html/outline.ts';
import { MAX_DEPTH, PLAIN_STYLE, span, type Block, type Cell, type InlineStyle, type Item, type Line, type Row } from '../outline/model.ts';

const BR = /^<br\s*\/?>$/i;

class Walker {
  readonly #source: string;
  readonly #definitions: Map<string, string>;
  readonly #lineOffset: number;
  constructor(source: string, root: Root, definitions: Map<string, string>, lineOffset: number) {
    this.#source = source;
    this.#definitions = definitions;
    this.#lineOffset = lineOffset;
    // Definitions may come after their use ("[1]: https://…" at the end of a post).
    const stack: { node: Nodes; depth: number }[] = [{ node: root, depth: 0 }];
    while (stack.length > 0) {
      const { node, depth } = stack.pop()!;
      if (node.type === 'definition' && !definitions.has(node.identifier)) definitions.set(node.identifier, node.url);
      if ('children' in node && depth < MAX_DEPTH) for (const c of node.children) stack.push({ node: c, depth: depth + 1 });
    }
  }

  /** The document line of a node (chunks are parsed on their own). */
  at(n: Nodes | undefined, fallback: number): number {
    const l = n?.position?.start.line;
    return l === undefined ? fallback : l + this.#lineOffset;
  }

  raw(n: Nodes): string {
    const a = n.position?.start.offset;
    const b = n.position?.end.offset;
    return a === undefined || b === undefined ? '' : this.#source.slice(a, b);
  }

  lines(nodes: readonly PhrasingContent[], line: number): Line[] {
    const out: Line[] = [{ spans: [], line }];
    this.inline(nodes, PLAIN_STYLE, out, 0);
    return out.filter((l) => l.spans.some((s) => s.text.trim().length > 0)).map(trimLine);
  }

  inline(nodes: readonly PhrasingContent[], style: InlineStyle, out: Line[], depth: number): void {
    for (const n of nodes) {
      const current = out[out.length - 1]!;
      if (current.spans.length === 0) current.line = this.at(n, current.line);
      switch (n.type) {
        case 'text':
          current.spans.push(span(n.value, style.url, style.strong, style.emphasis, style.code));
          break;
        case 'inlineCode':
          current.spans.push(span(n.value, style.url, style.strong, style.emphasis, true));
          break;
        case 'break':
          out.push({ spans: [], line: n.position ? n.position.end.line + this.#lineOffset : current.line });
          break;
        case 'html':
          if (BR.test(n.value.trim())) out.push({ spans: [], line: n.position ? n.position.end.line + this.#lineOffset : current.line });
          break;
        case 'link':
        case 'linkReference': {
          if (depth > MAX_DEPTH) break;
          const url = n.type === 'link' ? n.url : (this.#definitions.get(n.identifier) ?? null);
          this.inline(n.children, { ...style, url: url && url.length > 0 ? url : style.url }, out, depth + 1);
          break;
        }
        case 'strong':
        case 'emphasis':
        case 'delete':
          if (depth > MAX_DEPTH) break;
          this.inline(n.children, { ...style, strong: style.strong || n.type === 'strong', emphasis: style.emphasis || n.type === 'emphasis' }, out, depth + 1);
          break;
        default:
          // images, footnote references: no text a schedule needs.
          break;
      }
    }
  }

  blocks(nodes: readonly RootContent[], depth: number): Block[] {
    const out: Block[] = [];
    for (const n of nodes) {
      const line = this.at(n, 1);
      switch (n.type) {
        case 'heading': {
          const lines = this.lines(n.children, line);
          if (lines.length > 0) out.push({ kind: 'heading', level: n.depth, lines, line });
          break;
        }
        case 'paragraph': {
          const lines = this.lines(n.children, line);
          if (lines.length > 0) out.push({ kind: 'paragraph', lines, line, raw: this.raw(n) });
          break;
        }
        case 'list': {
          if (depth > MAX_DEPTH) break;
          const items: Item[] = n.children.map((li) => ({ blocks: this.blocks(li.children, depth + 1), line: this.at(li, line), raw: this.itemRaw(li) }));
          out.push({ kind: 'list', items, line });
          break;
        }
        case 'blockquote': {
          if (depth > MAX_DEPTH) break;
          const inner = this.blocks(n.children, depth + 1);
          if (inner.length > 0) out.push({ kind: 'quote', blocks: inner, line, raw: this.raw(n).replace(/^[ \t]*>[ \t]?/gm, '') });
          break;
        }
        case 'table': {
          const rows: Row[] = n.children.map((tr, i) => ({
            line: this.at(tr, line),
            cells: tr.children.map((td): Cell => ({ lines: this.lines(td.children, this.at(td, line)), rowspan: 1, colspan: 1, header: i === 0 }))
          }));
          out.push({ kind: 'table', rows, line });
          break;
        }
        case 'html':
          if (!/^\s*<!--/.test(n.value)) out.push(...htmlBlocks(n.value, line - 1).blocks);
          break;
        default:
          // code, thematic breaks, definitions, front matter: not schedule text.
          break;
      }
    }
    return out;
  }

  /** An item's own text as written, without its list marker. */
  itemRaw(li: Parents): string {
    return this.raw(li).replace(/^[ \t]*(?:[-*+]|\d{1,9}[.)])[ \t]?/, '');
  }
}

function trimLine(l: Line): Line {
  const spans = l.spans.filter((s) => s.text.length > 0).map((s) => ({ ...s }));
  while (spans.length > 0 && spans[0]!.text.trim().length === 0) spans.shift();
  while (spans.length > 0 && spans[spans.length - 1]!.text.trim().length === 0) spans.pop();
  if (spans.length > 0) {
    spans[0]!.text = spans[0]!.text.replace(/^\s+/, '');
    spans[spans.length - 1]!.text = spans[spans.length - 1]!.text.replace(/\s+$/, '');
  }
  return { ...l, spans };
}

/** Lines longer than this are cut for parsing: no schedule line is, and the parser slows on them. */
const MAX_LINE = 10_000;
/** Long documents are parsed in pieces of about this many lines, split where no block can span. */
const CHUNK_LINES = 400;
const FORCE_LINES = 2000;
const TABLE_DELIMITER = /^[ \t]{0,3}\|?[ \t]*:?-+:?[ \t]*(?:\|[ \t]*:?-+:?[ \t]*)+\|?[ \t]*$|^[ \t]{0,3}\|[ \t]*:?-+:?[ \t]*\|?[ \t]*$/m;
const DEFINITION = /^ {0,3}\[([^\]\n]{1,200})\]:\s*<?(\S{1,2000}?)>?(?:\s.*)?$/;

interface Chunk {
  text: string;
  /** Lines before the chunk in the document. */
  offset: number;
}

/**
 * Cut a long document at blank lines followed by a new top-level block (not inside a fenced
 * code block or an HTML comment, not before a list item or quote that may continue a list), so
 * that each piece parses in linear time. Short documents (nearly all) stay whole.
 */
export function chunks(source: string): Chunk[] {
  const lines = source.split('\n').map((l) => (l.length > MAX_LINE ? l.slice(0, MAX_LINE) : l));
  if (lines.length <= CHUNK_LINES) return [{ text: lines.join('\n'), offset: 0 }];
  const out: Chunk[] = [];
  let start = 0;
  let fence: string | null = null;
  let comment = false;
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i]!;
    const fenceMark = /^ {0,3}(`{3,}|~{3,})/.exec(line)?.[1];
    if (fenceMark && (fence === null || fenceMark.startsWith(fence))) fence = fence === null ? fenceMark.slice(0, 3) : null;
    if (!comment && line.includes('<!--') && !line.slice(line.lastIndexOf('<!--')).includes('-->')) comment = true;
    else if (comment && line.includes('-->')) comment = false;
    const size = i + 1 - start;
    if (size < CHUNK_LINES || fence !== null || comment) {
      if (size < FORCE_LINES * 2 || line.trim().length > 0) continue;
    }
    const next = lines[i + 1];
    const safe = line.trim().length === 0 && next !== undefined && /^(?:#{1,6}\s|[^\s\-*+>|\d])/.test(next);
    if (safe || size >= FORCE_LINES) {
      out.push({ text: lines.slice(start, i + 1).join('\n'), offset: start });
      start = i + 1;
    }
  }
  if (start < lines.length) out.push({ text: lines.slice(start).join('\n'), offset: start });
  return out;
}

/** Longest run of container markers and indentation read before a line's text. */
const MAX_PREFIX = 128;
const CONTAINER_PREFIX = /^[ \t>*+-]{129,}/;

/**
 * No real schedule nests lists or quotes more than a few levels; thousands of levels make the
 * Markdown parser quadratic. A longer prefix keeps only its last MAX_PREFIX characters, so
 * line numbers stay and a hostile document costs linear time.
 */
function clampNesting(text: string): string {
  if (!/[ \t>*+-]{129}/.test(text)) return text;
  return text
    .split('\n')
    .map((line) => {
      const m = CONTAINER_PREFIX.exec(line);
      return m ? line.slice(m[0].length - MAX_PREFIX) : line;
    })
    .join('\n');
}

/** Parse Markdown (front matter already blanked out) into outline blocks. */
export function markdownBlocks(markdown: string): Block[] {
  const source = clampNesting(markdown);
  const definitions = new Map<string, string>();
  const parts = chunks(source);
  if (parts.length > 1) {
    // Reference links may be defined in another piece.
    for (const line of source.split('\n')) {
      const m = DEFINITION.exec(line);
      if (m?.[1] && m[2] && !definitions.has(m[1].toLowerCase())) definitions.set(m[1].toLowerCase(), m[2]);
    }
  }
  const out: Block[] = [];
  for (const part of parts) {
    // GFM is for tables; a piece without a table's delimiter row ("|---|") is plain CommonMark,
    // which reads the same and parses in half the time.
    const root = TABLE_DELIMITER.test(part.text)
      ? fromMarkdown(part.text, { extensions: [gfm()], mdastExtensions: [gfmFromMarkdown()] })
      : fromMarkdown(part.text);
    out.push(...new Walker(part.text, root, definitions, part.offset).blocks(root.children, 0));
  }
  return out;
}
