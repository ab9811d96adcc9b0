// Saved web pages (issue #15): a page is parsed, never run — scripts, styles and frames are
// skipped — and read by the same talk reader as Markdown: headings, lists, tables with
// rowspan/colspan, links and emphasis, each with its source line.
import { describe, expect, it } from 'vitest';
import { toIsoUtc } from '../../src/shared/time.ts';
import { IMPORT_FORMATS } from '../../src/shared/domain.ts';
import { detectFormat } from '../../src/main/import/detect.ts';
import { parseImport } from '../../src/main/import/pipeline.ts';
import { parseHtml } from '../../src/main/import/parsers/html/read.ts';
import { ClashlessError } from '../../src/shared/contract.ts';

const PAGE = [
  '<!DOCTYPE html>', // 1
  '<html><head><title>DevConf Vienna 2024</title>',
  '<script>document.write("<li>10:00 - 11:00 Injected by a script</li>")</script>', // 3
  '<style>li::after { content: "09:00 - 09:30 Styled" }</style>',
  '</head><body>',
  '<nav><ul><li><a href="/">Home</a></li><li><a href="/schedule">Schedule</a></li></ul></nav>', // 6
  '<p class="site-description">Vienna, Austria, 12–13 June 2024</p>',
  '<h2>Wednesday, 12 June 2024</h2>', // 8
  '<ul>',
  '<li>9:00 &#8211; 9:30 <a href="https://x.org/open">Opening</a> (Ann Lee)</li>', // 10
  '<li>9:30 &#8211; 10:15 <strong>Rust in Production</strong> by Bo Chen, Initech &amp; Cy Diaz, Acme</li>',
  '<li>Poster walk</li>', // 12
  '</ul>',
  '<iframe src="https://video.example.org/embed"></iframe>',
  '<h2>Thursday, 13 June 2024</h2>', // 15
  '<table>',
  '<tr><th>&nbsp;</th><th>Hall A</th><th>Hall B</th></tr>', // 17
  '<tr><td class="time">09:00</td><td rowspan="2"><div class="title">Long Workshop</div><div class="speaker">Dana Evans</div></td><td>Short Talk</td></tr>',
  '<tr><td class="time">09:30</td><td>Second Talk</td></tr>', // 19
  '<tr><td class="time">10:00</td><td colspan="2">Coffee  Break</td></tr>',
  '<tr><td class="time">10:30</td></tr>',
  '</table>',
  '</body></html>'
].join('\n');

describe('parseHtml on a saved schedule page', () => {
  const r = parseHtml(PAGE, {});
  const by = (title: string) => {
    const s = r.sessions.find((x) => x.title === title);
    if (!s) throw new Error(`no “${title}” in ${JSON.stringify(r.sessions.map((x) => x.title))}`);
    return s;
  };

  it('reads lists and grid tables, and never what a script or a style would write', () => {
    expect(r.format).toBe('html');
    expect(r.conference.title).toBe('DevConf Vienna 2024');
    expect(r.sessions.map((s) => s.title).sort()).toEqual(['Coffee  Break', 'Long Workshop', 'Opening', 'Rust in Production', 'Second Talk', 'Short Talk']);
    expect(r.zone.zone).toBe('Europe/Vienna');
  });

  it('takes the day from the heading and keeps source lines', () => {
    const opening = by('Opening');
    expect(toIsoUtc(opening.start)).toBe('2024-06-12T07:00:00Z');
    expect(toIsoUtc(opening.end)).toBe('2024-06-12T07:30:00Z');
    expect(opening.url).toBe('https://x.org/open');
    expect(opening.line).toBe(10);
    expect(opening.speakers.map((s) => s.name)).toEqual(['Ann Lee']);
    expect(by('Rust in Production').speakers.map((s) => [s.name, s.affiliation])).toEqual([['Bo Chen', 'Initech'], ['Cy Diaz', 'Acme']]);
  });

  it('gives a rowspan cell its length and its column header as room; a full-width cell has no room', () => {
    const workshop = by('Long Workshop');
    expect([toIsoUtc(workshop.start), toIsoUtc(workshop.end), workshop.room]).toEqual(['2024-06-13T07:00:00Z', '2024-06-13T08:00:00Z', 'Hall A']);
    expect(workshop.speakers.map((s) => s.name)).toEqual(['Dana Evans']);
    expect([toIsoUtc(by('Second Talk').start), by('Second Talk').room]).toEqual(['2024-06-13T07:30:00Z', 'Hall B']);
    const coffee = by('Coffee  Break');
    expect([toIsoUtc(coffee.start), toIsoUtc(coffee.end), coffee.room]).toEqual(['2024-06-13T08:00:00Z', '2024-06-13T08:30:00Z', null]);
  });

  it('reports a listed item without a time', () => {
    expect(r.warnings.some((w) => w.line === 12 && w.message.includes('“Poster walk” has no time'))).toBe(true);
  });
});

describe('html as an import format', () => {
  it('is one of the formats and is detected by content and by extension', () => {
    expect(IMPORT_FORMATS).toContain('html');
    expect(detectFormat(PAGE)).toBe('html');
    expect(detectFormat('<!-- saved -->\n<html lang="fr"><body><p>x</p></body></html>')).toBe('html');
    expect(detectFormat('<p>Talks</p>\n<ul><li>9:00 Opening</li></ul>', 'agenda.htm')).toBe('html');
    expect(detectFormat('<schedule><conference><title>x</title></conference><event/></schedule>')).toBe('frab-xml');
  });

  it('goes through the pipeline end to end', () => {
    const r = parseImport(PAGE, { fileName: 'devconf.html' });
    expect(r.format).toBe('html');
    expect(r.sessions).toHaveLength(6);
  });

  it('refuses a page without a schedule in plain words', () => {
    try {
      parseHtml('<!DOCTYPE html><html><body><h1>About us</h1><p>We like conferences.</p></body></html>', {});
      expect.unreachable();
    } catch (e) {
      expect(e).toBeInstanceOf(ClashlessError);
      expect((e as ClashlessError).message).toMatch(/^No sessions found: /);
    }
  });
});
