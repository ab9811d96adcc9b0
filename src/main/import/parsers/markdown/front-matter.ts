// Front matter of a blog post: the flat `key: value` fields a reader needs (title, the post's
// date for missing years). Three shapes are seen in real posts:
//   ---            +++            title: Online Guix Day       (Pelican/Haunt: fields first,
//   title: …       title = "…"    date: 2020-11-16 00:00        then a fence)
//   ---            +++            ---
// The fields are read; their lines are blanked (not removed) so line numbers stay true.

export interface FrontMatter {
  fields: Record<string, string>;
  /** The source with the front matter lines blanked. */
  body: string;
}

const MAX_LINES = 300;
const FIELD = /^([A-Za-z_][\w-]{0,40})\s*[:=]\s*(.{0,500})$/;

function unquote(v: string): string {
  return v.trim().replace(/^(['"])(.*)\1$/, '$2').trim();
}

function blanked(lines: readonly string[], upTo: number): string {
  return lines.map((l, i) => (i <= upTo ? '' : l)).join('\n');
}

/** Read front matter; a document without any comes back unchanged with no fields. */
export function readFrontMatter(text: string): FrontMatter {
  const lines = text.slice(0, 64 * 1024).split('\n', MAX_LINES + 1);
  const first = (lines[0] ?? '').trim();
  const fields: Record<string, string> = {};
  const fence = first === '---' || first === '+++' ? first : null;
  for (let i = fence ? 1 : 0; i < Math.min(lines.length, MAX_LINES); i++) {
    const line = (lines[i] ?? '').replace(/\r$/, '');
    const t = line.trim();
    if ((fence && (t === fence || t === '...')) || (!fence && t === '---')) {
      if (!fence && i === 0) break;
      const all = text.split('\n');
      return { fields, body: blanked(all, i) };
    }
    if (!fence && t.length === 0) break;
    const m = FIELD.exec(line);
    if (m?.[1] && m[2] !== undefined) {
      const key = m[1].toLowerCase();
      if (!(key in fields)) fields[key] = unquote(m[2]);
    } else if (!fence && !/^\s/.test(line)) break;
  }
  return { fields: {}, body: text };
}
