import { describe, expect, it } from 'vitest';
import { zoneLabel, type AgendaEntry } from '../../src/main/export/agenda.ts';
import { buildCsv, CSV_COLUMNS, csvCell } from '../../src/main/export/csv.ts';
import { buildMarkdown, escapeMarkdown } from '../../src/main/export/markdown.ts';
import { buildPrintHtml, defaultPaper, escapeHtml } from '../../src/main/export/print-html.ts';
import { agendaInput, blockEntry, entryFor, mst, seedSessions } from '../fixtures/export-agenda.ts';

const sessions = seedSessions();

/** A small plan exercising every mark the formats show. */
function samplePlan(): AgendaEntry[] {
  const s = sessions;
  return [
    entryFor(s[0]!, {}, []),
    entryFor(s[1]!, { state: 'backup', arriveAt: mst(13, '12:20'), note: 'Sit near the front' }, ['Lunch with Zoë']),
    blockEntry(1, 'Lunch with Zoë', mst(13, '12:40'), mst(13, '13:30'), { venue: 'Caffè Molise' }),
    entryFor({ ...s[2]!, status: 'cancelled' }),
    entryFor(s[5]!, { state: 'maybe' }),
    entryFor(s[14]!, {}, ['Thousands of Gamers, One Kubernetes Network']),
    entryFor(s[15]!, { priority: 5 }, ['How GoTo Financial Automates Upgrading 60+ Istio Service Mesh Seamlessly!'])
  ];
}

/** RFC 4180 reader, to check that what we write reads back cell for cell. */
function parseCsv(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let cell = '';
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const c = text[i]!;
    if (quoted) {
      if (c === '"' && text[i + 1] === '"') {
        cell += '"';
        i++;
      } else if (c === '"') quoted = false;
      else cell += c;
    } else if (c === '"') quoted = true;
    else if (c === ',') {
      row.push(cell);
      cell = '';
    } else if (c === '\r' && text[i + 1] === '\n') {
      row.push(cell);
      rows.push(row);
      row = [];
      cell = '';
      i++;
    } else cell += c;
  }
  if (cell.length > 0 || row.length > 0) rows.push([...row, cell]);
  return rows;
}

describe('Markdown agenda', () => {
  const md = buildMarkdown(agendaInput(samplePlan()));
  const lines = md.split('\n');

  it('starts with the calendar name and the display zone', () => {
    expect(lines[0]).toBe('# Clashless — KubeCon + CloudNativeCon North America 2024');
    expect(md).toContain('All times Mountain Time (America/Denver).');
  });

  it('has one section per day in the display zone, in order', () => {
    expect(lines.filter((l) => l.startsWith('## '))).toEqual([
      '## Wednesday, November 13, 2024',
      '## Thursday, November 14, 2024',
      '## Friday, November 15, 2024'
    ]);
  });

  it('writes a session line with time, title, place and speakers', () => {
    expect(lines).toContain(
      '- **11:15–11:50** All Your Routes Are Ready, More or Less — Salt Palace, Level 1 | 155 EF — Dave Protasowski (Broadcom)'
    );
  });

  it('marks backup and maybe, clashes, split time, notes and cancellations', () => {
    const backup = lines.find((l) => l.includes('Can Your Kubernetes Network'));
    expect(backup).toMatch(/^- \*\*12:20–12:45\*\* .* _\(backup\)_ — /);
    expect(backup).toContain('⚠ clashes with “Lunch with Zoë”');
    const i = lines.indexOf(backup!);
    expect(lines[i + 1]).toBe('  - You planned to attend 12:20–12:45 of 12:10–12:45 (split time)');
    expect(lines[i + 2]).toBe('  - Note: Sit near the front');
    expect(lines.find((l) => l.includes('Envoy Proxy'))).toContain('_(maybe)_');
    expect(lines.find((l) => l.includes('Cilium'))).toContain('~~Cilium, EBPF, WireGuard: Can We Tame the Network Encryption Performance Gap?~~ **(cancelled)**');
  });

  it('escapes Markdown syntax in imported text', () => {
    expect(escapeMarkdown('*bold* [link](x) <b>')).toBe('\\*bold\\* \\[link\\](x) \\<b\\>');
    const tricky = buildMarkdown(agendaInput([entryFor({ ...sessions[0]!, title: '_Hack_ <script>' })]));
    expect(tricky).toContain('\\_Hack\\_ \\<script\\>');
  });

  it('says so when nothing is planned', () => {
    expect(buildMarkdown(agendaInput([]))).toContain('_Nothing planned yet._');
  });
});

describe('CSV agenda', () => {
  const csv = buildCsv(agendaInput(samplePlan()));
  const rows = parseCsv(csv);
  const header = rows[0]!;
  const col = (row: string[], name: (typeof CSV_COLUMNS)[number]) => row[header.indexOf(name)];

  it('starts with the documented header and ends rows with CRLF', () => {
    expect(csv.startsWith('date,start,end,title,state,priority,venue,room,track,speakers,url,note,uid,start_utc,end_utc')).toBe(true);
    expect(csv.endsWith('\r\n')).toBe(true);
    expect(csv.replace(/\r\n/g, '')).not.toContain('\n');
  });

  it('writes one row per item with display-zone times and UTC instants', () => {
    expect(rows).toHaveLength(1 + 7);
    const first = rows[1]!;
    expect(col(first, 'date')).toBe('2024-11-13');
    expect(col(first, 'start')).toBe('11:15');
    expect(col(first, 'end')).toBe('11:50');
    expect(col(first, 'title')).toBe('All Your Routes Are Ready, More or Less');
    expect(col(first, 'room')).toBe('Level 1 | 155 EF');
    expect(col(first, 'speakers')).toBe('Dave Protasowski (Broadcom)');
    expect(col(first, 'uid')).toBe('k1@clashless');
    expect(col(first, 'start_utc')).toBe('2024-11-13T18:15:00Z');
    expect(col(first, 'end_utc')).toBe('2024-11-13T18:50:00Z');
    const split = rows.find((r) => col(r, 'uid') === 'k2@clashless')!;
    expect([col(split, 'start'), col(split, 'state'), col(split, 'note')]).toEqual(['12:20', 'backup', 'Sit near the front']);
    expect(col(rows.find((r) => col(r, 'uid') === 'k3@clashless')!, 'status')).toBe('cancelled');
  });

  it('quotes commas, quotes and line breaks per RFC 4180', () => {
    expect(csvCell('a, b')).toBe('"a, b"');
    expect(csvCell('say "hi"')).toBe('"say ""hi"""');
    expect(csvCell('two\nlines')).toBe('"two\nlines"');
    const note = 'Line one, "quoted"\r\nline two';
    const back = parseCsv(buildCsv(agendaInput([entryFor(sessions[0]!, { note })])));
    expect(col(back[1]!, 'note')).toBe(note);
  });

  it('neutralises cells that a spreadsheet would run as a formula', () => {
    for (const bad of ['=HYPERLINK("http://x")', '+1+1', '-2', '@SUM(A1)']) expect(csvCell(bad)).toMatch(/^"?'/);
    const back = parseCsv(buildCsv(agendaInput([entryFor({ ...sessions[0]!, title: '=cmd|calc' }, { note: '@evil' })])));
    expect(col(back[1]!, 'title')).toBe("'=cmd|calc");
    expect(col(back[1]!, 'note')).toBe("'@evil");
  });
});

describe('printable HTML agenda', () => {
  const html = buildPrintHtml(agendaInput(samplePlan()));

  it('is a complete document with no scripts and no outside resources', () => {
    expect(html.startsWith('<!doctype html>')).toBe(true);
    expect(html).toContain('<meta charset="utf-8">');
    expect(html.trimEnd().endsWith('</html>')).toBe(true);
    expect(html).not.toMatch(/<script|<link|<img|<iframe|@import|url\(|src=|href=|\son\w+=/i);
  });

  it('lays out one page per day with a print page size', () => {
    expect(html.match(/<section class="day">/g)).toHaveLength(3);
    expect(html).toContain('.day+.day{break-before:page}');
    expect(html).toMatch(/@page\{size:Letter;/);
    expect(buildPrintHtml(agendaInput(samplePlan(), { timeZone: 'Europe/Berlin' }))).toMatch(/@page\{size:A4;/);
    expect(buildPrintHtml(agendaInput(samplePlan()), { paper: 'A4' })).toMatch(/@page\{size:A4;/);
    expect(defaultPaper('America/Denver')).toBe('Letter');
  });

  it('heads each page with the conference, the day and the zone', () => {
    expect(html).toContain('<h1>Wednesday, November 13, 2024</h1>');
    expect(html).toContain('KubeCon + CloudNativeCon North America 2024');
    expect(html.match(/All times Mountain Time \(America\/Denver\)/g)).toHaveLength(3);
  });

  it('shows time, title, room, speakers, notes, clash marks and state badges', () => {
    expect(html).toContain('<span class="from">11:15</span><span class="to">– 11:50</span>');
    expect(html).toContain('All Your Routes Are Ready, More or Less');
    expect(html).toContain('Level 1 | 155 EF<span class="venue">Salt Palace</span>');
    expect(html).toContain('Dave Protasowski (Broadcom)');
    expect(html).toContain('<div class="line note">Sit near the front</div>');
    expect(html).toContain('⚠ clashes with “Lunch with Zoë”');
    expect(html).toContain('<span class="badge backup">Backup</span>');
    expect(html).toContain('<span class="badge maybe">Maybe</span>');
    expect(html).toContain('<span class="badge cancelled">Cancelled</span>');
    expect(html).toContain('<span class="badge must">Must see</span>');
    expect(html).toContain('Split time: attending 12:20–12:45 of 12:10–12:45');
  });

  it('escapes every piece of imported text', () => {
    const evil = buildPrintHtml(
      agendaInput([entryFor({ ...sessions[0]!, title: '<script>alert(1)</script>' }, { note: '" onmouseover="x' }, ['<b>x</b>'])], {
        calendarName: 'A & B <i>'
      })
    );
    expect(evil).not.toContain('<script>');
    expect(evil).not.toContain('<b>x</b>');
    expect(evil).toContain('&lt;script&gt;alert(1)&lt;/script&gt;');
    expect(evil).toContain('&quot; onmouseover=&quot;x');
    expect(evil).toContain('<title>A &amp; B &lt;i&gt;</title>');
    expect(escapeHtml(`'&'`)).toBe('&#39;&amp;&#39;');
  });

  it('prints a single page saying nothing is planned for an empty plan', () => {
    const empty = buildPrintHtml(agendaInput([]));
    expect(empty.match(/<section class="day">/g)).toHaveLength(1);
    expect(empty).toContain('Nothing planned yet.');
  });
});

describe('zone labels', () => {
  it('names the zone generically with its IANA id, and UTC plainly', () => {
    expect(zoneLabel('America/Denver', mst(13, '11:15'))).toBe('Mountain Time (America/Denver)');
    expect(zoneLabel('UTC', 0)).toBe('UTC');
    expect(zoneLabel('Etc/GMT+5', 0)).toBe('UTC-5 (Etc/GMT+5)');
  });
});
