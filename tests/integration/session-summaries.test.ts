// session.summaries is what the week and the catalog hold of every session. It must be the full
// list (session.list) less the details, in the same order, with every speaker's name in place:
// proven on real imports through the real services, with a re-import that moves and renames.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { PEER_DIR } from '../fixtures/paths.ts';
import { summaryOf } from '../fixtures/session-summary.ts';
import { tempServices, frabEvents } from './helpers.ts';

const cleanups: (() => void)[] = [];
afterAll(() => cleanups.forEach((c) => c()));

const FOSDEM = readFileSync(join(PEER_DIR, 'frab-xml', 'fosdem_2021.xml'), 'utf8');

describe('session.summaries', () => {
  it('is session.list less the details, in the same order, for every conference', async () => {
    const services = tempServices({ seeded: true });
    cleanups.push(services.cleanup);
    const { api } = services;
    await api['import.commit']({ text: FOSDEM, fileName: 'fosdem_2021.xml', timeZone: 'Europe/Brussels' });
    const conferences = await api['conference.list']({});
    expect(conferences.length).toBeGreaterThan(1);
    let speakers = 0;
    for (const c of conferences) {
      const full = await api['session.list']({ conferenceId: c.id, limit: 100_000 });
      const summaries = await api['session.summaries']({ conferenceId: c.id, limit: 100_000 });
      expect(summaries).toEqual(full.map(summaryOf));
      speakers += summaries.reduce((n, s) => n + s.speakerNames.length, 0);
    }
    expect(speakers).toBeGreaterThan(500); // FOSDEM names its speakers: the names are really there
  });

  it('follows a re-import that moves, renames and drops talks, and honours the limit', async () => {
    const services = tempServices();
    cleanups.push(services.cleanup);
    const { api } = services;
    const first = await api['import.commit']({ text: FOSDEM, fileName: 'fosdem_2021.xml', timeZone: 'Europe/Brussels' });
    const events = frabEvents(FOSDEM);
    const moved = events[0]!.replace(/<start>\d\d:\d\d<\/start>/, '<start>23:55</start>').replace(/<title>[^<]*<\/title>/, '<title>Zebra migration patterns</title>');
    await api['import.commit']({ text: FOSDEM.replace(events[0]!, moved).replace(events[1]!, ''), fileName: 'fosdem_2021.xml', timeZone: 'Europe/Brussels' });
    const full = await api['session.list']({ conferenceId: first.conferenceId, limit: 100_000 });
    const summaries = await api['session.summaries']({ conferenceId: first.conferenceId, limit: 100_000 });
    expect(summaries).toEqual(full.map(summaryOf));
    expect(summaries.filter((s) => s.title === 'Zebra migration patterns')).toHaveLength(1);
    expect(summaries.some((s) => s.status === 'removed')).toBe(true);
    const page = await api['session.summaries']({ conferenceId: first.conferenceId, limit: 25 });
    expect(page).toEqual(summaries.slice(0, 25));
    // A limit of exactly the conference's size is the whole conference; one less is a page.
    expect(await api['session.summaries']({ conferenceId: first.conferenceId, limit: summaries.length })).toEqual(summaries);
    expect(await api['session.summaries']({ conferenceId: first.conferenceId, limit: summaries.length - 1 })).toEqual(summaries.slice(0, -1));
    expect(await api['session.summaries']({ conferenceId: 999_999 })).toEqual([]);
  });
});
