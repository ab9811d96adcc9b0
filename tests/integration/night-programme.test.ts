// A congress's night programme stays on its night: 38C3's "Desiring Technology" starts at 00:15 on
// Saturday by the calendar, but it is part of Friday's programme, and the Markdown and printable
// agendas list it under Friday, as the conference itself does.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { PEER_DIR, tempServices } from './helpers.ts';

const DESIRING = 'Desiring Technology. Über Porno, Abhängigkeit und Fortschritt';

describe('a 38C3 talk at 00:15', () => {
  const host = tempServices();
  let conferenceId = 0;

  beforeAll(async () => {
    const text = readFileSync(join(PEER_DIR, 'frab-xml', '38c3_2025-12-06.xml'), 'utf8');
    const report = await host.api['import.commit']({ text, fileName: '38c3.xml', format: 'frab-xml' });
    conferenceId = report.conferenceId;
    const sessions = await host.api['session.list']({ conferenceId, limit: 100_000 });
    const desiring = sessions.find((s) => s.title === DESIRING);
    const opening = sessions.filter((s) => s.start >= Date.parse('2024-12-27T09:00:00Z')).sort((a, b) => a.start - b.start)[0];
    expect(desiring && new Date(desiring.start).toISOString()).toBe('2024-12-27T23:15:00.000Z');
    await host.api['plan.add']({ sessionIds: [desiring!.id, opening!.id] });
  });
  afterAll(() => host.cleanup());

  it('is listed under Friday in the Markdown agenda, not under Saturday', async () => {
    const md = (await host.api['export.agenda']({ format: 'md', conferenceId })).content;
    const friday = md.indexOf('## Friday, December 27, 2024');
    expect(friday).toBeGreaterThanOrEqual(0);
    expect(md).not.toContain('## Saturday, December 28, 2024');
    expect(md.indexOf(DESIRING)).toBeGreaterThan(friday);
  });

  it('is on Friday’s page of the printable agenda', async () => {
    const html = (await host.api['export.agenda']({ format: 'html', conferenceId })).content;
    expect(html).toContain('Friday, December 27, 2024');
    expect(html).not.toContain('Saturday, December 28, 2024');
  });
});
