// "My conference" as one self-contained, printable HTML page (the same model as the Markdown
// report, report.ts). Like print-html.ts: inline CSS, system fonts, nothing loaded, text colours
// at 4.5:1 or more, every piece of schedule or person text through escapeHtml, and links only to
// http(s) addresses (shared/links.ts).
import { isExternalLinkAllowed } from '../../shared/links.ts';
import { speakerLine, timeRange, type AgendaEvent, type AgendaInput } from './agenda.ts';
import { escapeHtml } from './print-html.ts';
import { buildReportModel, ratingText, totalsSentence, whenText } from './report.ts';

const STYLE = `
*{box-sizing:border-box}
body{margin:0;font:10.5pt/1.45 system-ui,-apple-system,"Segoe UI",Roboto,"Helvetica Neue",Arial,sans-serif;color:#1d1d1f;background:#fff}
main{max-width:820px;margin:0 auto;padding:24px 32px}
h1{font-size:20pt;margin:0 0 4px}
h2{font-size:14pt;margin:22px 0 6px;border-bottom:2px solid #1d1d1f;padding-bottom:4px}
h3{font-size:11pt;margin:14px 0 4px;color:#3a3a3f}
.meta{color:#5a5a60;margin:0}
.totals{margin:10px 0 0;font-weight:600}
ul{list-style:none;margin:0;padding:0}
li{padding:7px 0;border-bottom:1px solid #e3e3e7;break-inside:avoid}
.time{font-variant-numeric:tabular-nums;font-weight:700;margin-right:8px}
.title{font-weight:600}
.facts,.note,.rec{display:block;font-size:9.5pt;color:#3a3a3f}
.note{font-style:italic;white-space:pre-wrap}
.rating{color:#8a5a00;margin-left:8px;white-space:nowrap}
.why{font-size:8pt;text-transform:uppercase;letter-spacing:.05em;border:1px solid currentColor;border-radius:9px;padding:0 6px;margin-left:6px;color:#55555a}
.none{color:#5a5a60}
a{color:#1f4f8f}
`;

function recordingLine(url: string | null, missing: string): string {
  if (url && isExternalLinkAllowed(url)) return `<span class="rec">Recording: <a href="${escapeHtml(url)}">${escapeHtml(url)}</a></span>`;
  return missing ? `<span class="rec none">${missing}</span>` : '';
}

function details(ev: AgendaEvent): string {
  const facts = [ev.location, ev.speakers.map(speakerLine).join(', ')].filter((b) => b.length > 0).join(' — ');
  const rating = ev.rating === null ? '' : `<span class="rating" aria-label="Rated ${ev.rating} of 5">${escapeHtml(ratingText(ev.rating))}</span>`;
  const note = ev.note ? `<span class="note">${escapeHtml(ev.note)}</span>` : '';
  return `${rating}${facts ? `<span class="facts">${escapeHtml(facts)}</span>` : ''}${note}`;
}

/** The report as a complete printable HTML document. */
export function buildReportHtml(input: AgendaInput): string {
  const model = buildReportModel(input);
  const zone = model.zone;
  const attended = model.attended
    .map((day) => {
      const items = day.events
        .map((ev) => `<li><span class="time">${escapeHtml(timeRange(ev, zone))}</span><span class="title">${escapeHtml(ev.title)}</span>${details(ev)}${recordingLine(ev.recordingUrl, '')}</li>`)
        .join('\n');
      return `<h3>${escapeHtml(day.heading)}</h3>\n<ul>\n${items}\n</ul>`;
    })
    .join('\n');
  const later = model.watchLater
    .map((ev) => {
      const why = ev.outcome === 'missed' ? 'Missed' : 'Backup';
      return `<li><span class="title">${escapeHtml(ev.title)}</span><span class="why">${why}</span><span class="facts">${escapeHtml(whenText(ev, zone))}</span>${details(ev)}${recordingLine(ev.recordingUrl, 'No recording yet')}</li>`;
    })
    .join('\n');
  return `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>My conference: ${escapeHtml(model.title)}</title>
<style>
@page{margin:14mm 12mm}
${STYLE.trim()}
</style>
</head>
<body>
<main>
<h1>My conference: ${escapeHtml(model.title)}</h1>
<p class="meta">All times ${escapeHtml(model.zoneText)}</p>
<p class="totals">${escapeHtml(totalsSentence(model.totals))}</p>
<h2>Attended</h2>
${attended || '<p class="none">Nothing marked attended yet.</p>'}
<h2>Watch later</h2>
${later ? `<ul>\n${later}\n</ul>` : '<p class="none">Nothing to watch later.</p>'}
</main>
</body>
</html>
`;
}
