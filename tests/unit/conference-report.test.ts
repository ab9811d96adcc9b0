// The "my conference" report (export/report.ts, report-html.ts) on hand-made KubeCon NA 2024 plans:
// attended sessions by day with rating and note, the watch-later list (missed, and backups not
// attended) with the recording or "No recording yet", the totals, and no personal blocks.
import { describe, expect, it } from 'vitest';
import { buildReportHtml } from '../../src/main/export/report-html.ts';
import { buildReportMarkdown, buildReportModel, totalsSentence } from '../../src/main/export/report.ts';
import { isWatchLater, ratingStars } from '../../src/shared/watch-later.ts';
import { agendaInput, blockEntry, entryFor, mst, seedSessions } from '../fixtures/export-agenda.ts';

const sessions = seedSessions();
const [s1, s2, s3, s4, s5] = sessions;
const REC = 'https://media.example.org/v/kubecon-routes';

function input() {
  return agendaInput([
    entryFor(s1!, { outcome: 'attended', rating: 4, note: 'Ask *Dave* about <policies>' }),
    entryFor({ ...s2!, recordingUrl: REC }, { outcome: 'missed' }),
    entryFor(s3!, { state: 'backup' }),
    entryFor(s4!, { state: 'backup', outcome: 'attended', rating: 2 }),
    entryFor(s5!),
    blockEntry(900, 'Lunch', mst(13, '12:45'), mst(13, '13:30'), { outcome: null })
  ]);
}

describe('the conference report', () => {
  it('counts what was attended, missed, rated and left to watch', () => {
    const model = buildReportModel(input());
    expect(model.title).toBe('KubeCon + CloudNativeCon North America 2024');
    expect(model.attended.map((d) => [d.heading, d.events.map((e) => e.title)])).toEqual([
      ['Wednesday, November 13, 2024', [s1!.title, s4!.title]]
    ]);
    expect(model.watchLater.map((e) => e.title)).toEqual([s2!.title, s3!.title]);
    expect(model.totals).toEqual({ attended: 2, missed: 1, watchLater: 2, withRecording: 1, rated: 2, averageRating: 3, unmarked: 1 });
    expect(totalsSentence(model.totals)).toBe(
      'Attended 2 sessions and missed 1. 2 to watch later, 1 with a recording. Rated 2, on average 3 of 5. 1 planned session not marked yet.'
    );
  });

  it('writes Markdown with ratings, escaped notes and recordings, and no blocks', () => {
    const md = buildReportMarkdown(input());
    expect(md).toContain('# My conference: KubeCon + CloudNativeCon North America 2024\n');
    expect(md).toContain('All times Mountain Time (America/Denver).');
    expect(md).toContain(`- **11:15–11:50** All Your Routes Are Ready, More or Less — Salt Palace, Level 1 | 155 EF — Dave Protasowski (Broadcom) — 4/5 ★★★★☆\n  - Note: Ask \\*Dave\\* about \\<policies\\>`);
    expect(md).toContain(`- ${s2!.title} _(missed)_ — Wednesday, November 13, 2024, 12:10–12:45`);
    expect(md).toContain(`  - Recording: <${REC}>`);
    expect(md).toContain(`_(backup)_ — Wednesday, November 13, 2024, 14:30–15:05`);
    expect(md).toContain('  - No recording yet');
    expect(md).not.toContain('Lunch');
  });

  it('says so when nothing is marked yet', () => {
    const md = buildReportMarkdown(agendaInput([entryFor(s1!)]));
    expect(md).toContain('_Nothing marked attended yet._');
    expect(md).toContain('_Nothing to watch later._');
  });

  it('writes HTML with every text escaped and links only to web addresses', () => {
    const evil = agendaInput([entryFor({ ...s1!, title: '<img src=x onerror=alert(1)>', recordingUrl: 'javascript:alert(1)' }, { outcome: 'missed' })]);
    const html = buildReportHtml(evil);
    expect(html).toContain('&lt;img src=x onerror=alert(1)&gt;');
    expect(html).not.toContain('<img');
    expect(html).not.toContain('javascript:');
    expect(html).toContain('No recording yet');
    expect(buildReportHtml(input())).toContain(`<a href="${REC}">${REC}</a>`);
  });
});

describe('watch later', () => {
  it('is missed sessions, and backups not attended; never blocks', () => {
    expect(isWatchLater({ kind: 'session', state: 'going', outcome: 'missed' })).toBe(true);
    expect(isWatchLater({ kind: 'session', state: 'backup', outcome: null })).toBe(true);
    expect(isWatchLater({ kind: 'session', state: 'backup', outcome: 'attended' })).toBe(false);
    expect(isWatchLater({ kind: 'session', state: 'going', outcome: null })).toBe(false);
    expect(isWatchLater({ kind: 'block', state: 'backup', outcome: null })).toBe(false);
    expect([ratingStars(3), ratingStars(null)]).toEqual(['★★★☆☆', '']);
  });
});
