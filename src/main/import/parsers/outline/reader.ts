// The talk reader: walks an outline (Markdown or HTML alike) and finds the talks in its
// structure. Headings set the day and track for what follows them; a list item's own text is a
// talk or the title its nested items share; a time line takes its title from its own text, the
// card it sits in, the item above it, the title paragraph before it, or (written first) the
// title after it; "When:"/"Where:" fields, "by …" lines and "> …" quotes fill in the rest.
// Prose sentences with a full date and time become sessions titled by the link or bold text
// before them. Nothing with a title is dropped silently: untimed talks are reported.
import { cardTitle, ownTitle, proseTitle, speakerLines, toParts } from './card.ts';
import { newDraft, type DayRef, type Draft, type Untimed } from './draft.ts';
import { blockLines, type Block, type Item, type Line } from './model.ts';
import { readTable } from './tables.ts';
import { cleanTitle, readSpeakerLine, type TitleParts } from './titles.ts';
import { analyse, dayOf, eventNoun, fieldValue, placeLine, untimedMention, type TimedPhrase, type UnitInfo } from './units.ts';

interface Parent {
  title: TitleParts;
  line: number;
  /** Set when the title was taken from a sentence rather than written as a title. */
  from: string | null;
}

interface Ctx {
  day: DayRef | null;
  track: string | null;
  heading: string | null;
  room: string | null;
  parent: Parent | null;
  /** A time line whose nested items are its talks ("- Tuesday • 4:15pm" / "  - [Talk](…)"). */
  parentWhen: { tp: TimedPhrase; info: UnitInfo; used: number } | null;
  group: number;
  depth: number;
}

interface State {
  pending: Parent | null;
  /** The description entry pushed for the pending title, taken back if the title is used. */
  pendingRaw: string | null;
  last: Draft | null;
  orphan: { tp: TimedPhrase; info: UnitInfo; ctx: Ctx } | null;
  /** A "##### <title>" section about a talk listed earlier (its speakers, its abstract). */
  details: Draft | null;
}

const fresh = (): State => ({ pending: null, pendingRaw: null, last: null, orphan: null, details: null });
const norm = (t: string): string => cleanTitle(t.replace(/^\([^()]{1,20}\)\s*/, '')).toLowerCase().replace(/\s+/g, ' ');
const AT_PLACE = /\bat (?:the )?((?:[\p{Lu}][\p{L}\p{N}.'’-]*\s){0,4}(?:Theat(?:er|re)|Room|Hall|Stage|Auditorium|Ballroom|Lounge|Suite|Booth|Pavilion))\b/u;

export class OutlineReader {
  readonly drafts: Draft[] = [];
  readonly untimed: Untimed[] = [];
  readonly notes: { line: number; message: string }[] = [];
  #group = 0;
  readonly #titles = new Map<string, Draft>();
  #indexed = 0;

  /** A talk already read with this title ("##### Fixing the CI" after the agenda listed it). */
  byTitle(text: string): Draft | null {
    for (; this.#indexed < this.drafts.length; this.#indexed++) {
      const d = this.drafts[this.#indexed]!;
      const key = norm(d.title);
      if (!this.#titles.has(key)) this.#titles.set(key, d);
    }
    return this.#titles.get(norm(text)) ?? null;
  }

  read(blocks: readonly Block[]): void {
    this.walk(blocks, { day: null, track: null, heading: null, room: null, parent: null, parentWhen: null, group: ++this.#group, depth: 0 });
  }

  walk(blocks: readonly Block[], ctx: Ctx, last: Draft | null = null): void {
    if (ctx.depth > 40) return;
    const st = fresh();
    st.last = last;
    const local: Ctx = { ...ctx };
    const levels: { level: number; day: DayRef | null; track: string | null; heading: string }[] = [];
    for (const b of blocks) {
      if (b.kind === 'heading') {
        const info = analyse(b.lines, 'heading');
        if (info.timed.length > 0) {
          this.unit(info, [], local, st, 'heading', info.text);
          continue;
        }
        while (levels.length > 0 && levels[levels.length - 1]!.level >= b.level) levels.pop();
        const text = info.title?.title ?? cleanTitle(info.text);
        levels.push({ level: b.level, day: info.day, track: info.day ? info.dayLabel : text, heading: info.dayLabel ?? text });
        local.day = [...levels].reverse().find((l) => l.day)?.day ?? ctx.day;
        local.track = [...levels].reverse().find((l) => l.track)?.track ?? ctx.track;
        local.heading = levels[levels.length - 1]!.heading;
        local.room = ctx.room;
        this.flushOrphan(st);
        st.last = null;
        st.details = info.day === null ? this.byTitle(text) : null;
        st.pending = info.day === null && info.titleLike && info.title && !st.details ? { title: info.title, line: info.line, from: null } : null;
        st.pendingRaw = null;
      } else if (b.kind === 'paragraph') {
        this.unit(analyse(b.lines, 'paragraph'), [], local, st, 'paragraph', b.raw);
      } else if (b.kind === 'list') {
        this.list(b.items, local, st);
      } else if (b.kind === 'table') {
        const group = ++this.#group;
        const out = readTable(b, { day: local.day, track: local.track, group });
        this.drafts.push(...out.drafts);
        this.untimed.push(...out.untimed);
        if (out.drafts.length > 0) st.last = out.drafts[out.drafts.length - 1]!;
        st.pending = null;
      } else {
        this.quote(b.blocks, b.raw, local, st);
      }
    }
    this.flushOrphan(st);
  }

  quote(blocks: readonly Block[], raw: string, ctx: Ctx, st: State): void {
    const lines = blocks.flatMap(blockLines);
    const info = analyse(lines, 'paragraph');
    if (info.timed.length > 0) return this.walk(blocks, { ...ctx, depth: ctx.depth + 1 });
    const people = lines.length === 1 && lines[0] ? readSpeakerLine(lines[0].spans) : null;
    if (people && st.last && st.last.speakers.length === 0) st.last.speakers = people;
    else st.last?.description.push(raw);
  }

  list(items: readonly Item[], ctx: Ctx, st: State): void {
    const group = ++this.#group;
    const units = items.map((item) => {
      const own = item.blocks.filter((b): b is Extract<Block, { kind: 'paragraph' | 'heading' }> => b.kind === 'paragraph' || b.kind === 'heading');
      const lines: Line[] = own.flatMap((b) => (b.kind === 'paragraph' || b.kind === 'heading' ? b.lines : []));
      return { item, info: analyse(lines, 'item'), children: item.blocks.filter((b) => b.kind !== 'paragraph' && b.kind !== 'heading') };
    });
    const parent = st.pending ?? ctx.parent;
    const inner: Ctx = { ...ctx, parent, group, depth: ctx.depth + 1 };
    const before = this.drafts.length;
    if (units.length > 0 && units.every((u) => u.info.fieldOnly && u.children.length === 0)) {
      // "- When: …" / "- Where: …": one record about the title above it.
      const record = analyse(units.flatMap((u) => u.item.blocks.flatMap(blockLines)), 'item');
      this.unit(record, [], inner, fresh(), 'item', '');
    } else {
      const ist = fresh();
      const made: number[] = [];
      for (const u of units) {
        const n = this.drafts.length;
        this.unit(u.info, u.children, inner, ist, 'item', u.item.raw);
        made.push(this.drafts.length - n);
      }
      this.flushOrphan(ist);
      if (this.drafts.length > before) {
        units.forEach((u, i) => {
          if (made[i] === 0 && u.info.title && u.info.timed.length === 0 && u.info.day === null && !u.info.fieldOnly) {
            this.untimed.push({ title: u.info.title.title, line: u.info.line, why: 'listed without a time' });
          }
        });
      }
    }
    if (this.drafts.length > before) {
      if (parent === st.pending && st.pending) this.consumePending(st);
      st.last = this.drafts[this.drafts.length - 1]!;
    } else if (st.last) {
      st.last.description.push(items.map((i) => `- ${i.raw}`).join('\n'));
    }
  }

  consumePending(st: State): void {
    if (st.last && st.pendingRaw !== null) {
      const i = st.last.description.lastIndexOf(st.pendingRaw);
      if (i >= 0) st.last.description.splice(i, 1);
    }
    st.pending = null;
    st.pendingRaw = null;
  }

  unit(info: UnitInfo, children: readonly Block[], ctx: Ctx, st: State, kind: 'paragraph' | 'item' | 'heading', raw: string): void {
    const child: Ctx = { ...ctx, depth: ctx.depth + 1, parentWhen: null };
    if (st.details && info.timed.length === 0 && kind === 'paragraph') {
      const people = info.lines.length === 1 && info.lines[0] ? readSpeakerLine(info.lines[0].spans) : null;
      if (people !== null) {
        if (st.details.speakers.length === 0) st.details.speakers = people;
      } else st.details.description.push(raw);
      return;
    }
    if (info.timed.length > 0) {
      this.flushOrphan(st);
      if (kind === 'paragraph' && info.prose && info.lines.length === 1) return this.prose(info, ctx, st);
      const { made, walked } = this.entries(info, children, ctx, st);
      const title = made[0] ? { title: toParts(made[0]), line: made[0].line, from: null } : ctx.parent;
      if (children.length > 0 && !walked) this.walk(children, { ...child, parent: title, day: made[0]?.day ?? ctx.day }, made[made.length - 1] ?? null);
      if (made.length > 0) st.last = made[made.length - 1]!;
      return;
    }
    if (info.day) {
      if (children.length > 0) this.walk(children, { ...child, day: info.day, track: info.dayLabel ?? ctx.track });
      else ctx.day = info.day;
      st.pending = null;
      return;
    }
    const title = info.title;
    if (ctx.parentWhen && title && info.titleLike) {
      const d = this.draft(ctx.parentWhen.tp, ctx.parentWhen.info, title, info.line, ctx, 'entry', null);
      ctx.parentWhen.used++;
      st.last = d;
      if (children.length > 0) this.walk(children, { ...child, parent: { title, line: info.line, from: null } });
      return;
    }
    if (st.orphan && title && info.titleLike && children.length === 0) {
      const o = st.orphan;
      st.orphan = null;
      st.last = this.draft(o.tp, o.info, title, info.line, o.ctx, 'entry', null);
      return;
    }
    if (info.speakers && st.last && st.last.speakers.length === 0 && children.length === 0) {
      st.last.speakers = info.speakers;
      return;
    }
    if (title && (info.titleLike || info.intro)) {
      const parent: Parent = info.intro ? this.fromIntro(info) : { title, line: info.line, from: null };
      const room = AT_PLACE.exec(info.text)?.[1] ?? null;
      if (children.length > 0) {
        this.walk(children, { ...child, parent, room: room ?? ctx.room });
        return;
      }
      st.pending = parent;
      st.pendingRaw = raw;
      st.last?.description.push(raw);
      return;
    }
    const mention = untimedMention(info);
    if (mention) this.untimed.push({ title: mention, line: info.line, why: 'named with a day but no time' });
    if (info.intro) {
      st.pending = this.fromIntro(info);
      st.pendingRaw = null;
    }
    if (children.length > 0) this.walk(children, child);
    else st.last?.description.push(raw);
  }

  fromIntro(info: UnitInfo): Parent {
    const noun = eventNoun(info.text);
    if (noun === null && info.title && info.lines[0]?.spans.some((s) => (s.url !== null || s.strong) && info.title?.title.includes(s.text.trim()))) {
      return { title: info.title, line: info.line, from: 'the sentence introducing the list' };
    }
    const t: TitleParts = { title: noun ?? '', url: null, speakers: [], room: null, type: null, cancelled: false, note: null };
    return { title: t, line: info.line, from: 'the sentence introducing the list' };
  }

  /** One draft per time phrase of a unit; their titles come from the unit, its items or its neighbours. */
  entries(info: UnitInfo, children: readonly Block[], ctx: Ctx, st: State): { made: Draft[]; walked: boolean } {
    const made: Draft[] = [];
    let walked = false;
    const lines = new Set(info.timed.map((t) => t.index));
    for (const tp of info.timed) {
      const own = tp.inField ? null : ownTitle(tp);
      let title: TitleParts | null = own;
      let from: string | null = null;
      let titleLine = tp.line.line;
      if (!title) {
        const card = cardTitle(info, tp.index, lines);
        if (card) {
          title = card.title;
          titleLine = card.line;
        }
      }
      if (!title && children.length > 0) {
        const pw = { tp, info, used: 0 };
        this.walk(children, { ...ctx, parentWhen: pw, depth: ctx.depth + 1, parent: ctx.parent });
        walked = true;
        if (pw.used > 0) continue;
      }
      if (!title && st.pending) {
        title = st.pending.title;
        titleLine = st.pending.line;
        from = st.pending.from;
        this.consumePending(st);
      } else if (!title && ctx.parent && ctx.parent.title.title.length > 0) {
        title = ctx.parent.title;
        titleLine = ctx.parent.line;
        from = ctx.parent.from;
      }
      if (!title) {
        if (info.timed.length === 1 && !st.orphan) st.orphan = { tp, info, ctx: { ...ctx } };
        else this.notes.push({ line: tp.line.line, message: `Line ${tp.line.line}: a time without a talk title next to it was skipped.` });
        continue;
      }
      made.push(this.draft(tp, info, title, titleLine, ctx, 'entry', from));
    }
    return { made, walked };
  }

  flushOrphan(st: State): void {
    const o = st.orphan;
    st.orphan = null;
    if (!o) return;
    const heading = o.ctx.heading;
    if (o.info.lines.length > 0 && heading && o.ctx.parent === null && o.ctx.depth > 0) {
      const title: TitleParts = { title: heading, url: null, speakers: [], room: null, type: null, cancelled: false, note: null };
      st.last = this.draft(o.tp, o.info, title, o.tp.line.line, o.ctx, 'entry', 'the section heading');
      return;
    }
    this.notes.push({ line: o.tp.line.line, message: `Line ${o.tp.line.line}: a time without a talk title next to it was skipped.` });
  }

  /** Sentences with a full date and time ("…the Contribfest, on Wednesday November 8, 2023 from 2:30pm - 3:55pm"). */
  prose(info: UnitInfo, ctx: Ctx, st: State): void {
    for (const tp of info.timed) {
      const p = tp.phrase;
      if (p.date === null && p.weekday === null) continue;
      const title = proseTitle(tp) ?? (ctx.heading ? { title: ctx.heading, from: 'the section heading' } : null);
      if (!title) {
        this.notes.push({ line: tp.line.line, message: `Line ${tp.line.line}: a date and time in a sentence without anything to name it was skipped.` });
        continue;
      }
      const parts: TitleParts = { title: title.title, url: null, speakers: [], room: null, type: null, cancelled: false, note: null };
      st.last = this.draft(tp, info, parts, tp.line.line, ctx, 'prose', title.from);
    }
  }

  draft(tp: TimedPhrase, info: UnitInfo, title: TitleParts, line: number, ctx: Ctx, source: Draft['source'], from: string | null): Draft {
    const p = tp.phrase;
    // A day written elsewhere in the unit: a "Date:" field, or the first phrase of "Tuesday: 10:30am – 8:00pm (… from 6:00pm – 8:00pm)".
    const dated = info.lines.flatMap((t) => t.phrases.map((q) => ({ q, t }))).filter((x) => x.q.date !== null || x.q.weekday !== null);
    const dayLine = dated.filter((x) => x.t.line <= tp.line.line && (x.t !== tp.line || x.q.from <= p.from)).pop() ?? dated[0];
    const ownDay = p.date !== null || p.weekday !== null ? dayOf(p, tp.line.line) : dayLine ? dayOf(dayLine.q, dayLine.t.line) : null;
    const after = info.lines.slice(tp.index + 1).map(placeLine).find((x) => x !== null) ?? null;
    const speakers = title.speakers.length > 0 ? title.speakers : speakerLines(info);
    const d = newDraft(title, p, ctx, {
      speakers,
      room: fieldValue(info, 'where', 'room') ?? (source === 'prose' ? null : after) ?? title.room ?? ctx.room,
      venue: fieldValue(info, 'location', 'venue', 'place'),
      line,
      whenLine: tp.line.line,
      whenText: tp.line.text.slice(p.from, p.to),
      day: ownDay ?? ctx.day,
      source,
      titleFrom: from
    });
    this.drafts.push(d);
    return d;
  }
}
