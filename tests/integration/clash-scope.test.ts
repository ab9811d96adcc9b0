// The clash list over every conference must judge each conference by its own places and walks: a
// block typed "Hall 1" in one conference is not the other conference's room "Hall 1".
import { afterEach, describe, expect, it } from 'vitest';
import { tempServices } from './helpers.ts';

type Host = ReturnType<typeof tempServices>;
const hosts: Host[] = [];
afterEach(() => {
  while (hosts.length) hosts.pop()!.cleanup();
});

function calendar(name: string, events: { uid: string; start: string; end: string; title: string; location: string }[]): string {
  const lines = ['BEGIN:VCALENDAR', 'VERSION:2.0', 'PRODID:-//test//clash-scope//EN', `X-WR-CALNAME:${name}`];
  for (const e of events) {
    lines.push('BEGIN:VEVENT', `UID:${e.uid}`, `DTSTART:${e.start}`, `DTEND:${e.end}`, `SUMMARY:${e.title}`, `LOCATION:${e.location}`, 'END:VEVENT');
  }
  lines.push('END:VCALENDAR');
  return lines.join('\r\n');
}

const at = (iso: string): number => Date.parse(iso);

/** Imports one calendar as a conference and plans every session of it. */
async function planConference(host: Host, name: string, events: Parameters<typeof calendar>[1]): Promise<number> {
  const { conferenceId } = await host.api['import.commit']({ text: calendar(name, events), fileName: `${name}.ics` });
  const sessions = await host.api['session.list']({ conferenceId });
  await host.api['plan.add']({ sessionIds: sessions.map((s) => s.id) });
  return conferenceId;
}

describe('clash.list across conferences', () => {
  it('a typed "Hall 1" is unknown in its own conference even when another conference has a room of that name', async () => {
    const host = tempServices();
    hosts.push(host);
    const { api } = host;
    // Expo has a room "Hall 1"; Messe has none.
    const expo = await planConference(host, 'Expo Days', [
      { uid: 'e1@test', start: '20250310T090000Z', end: '20250310T100000Z', title: 'Expo opening', location: 'Expo | Hall 1' }
    ]);
    const messe = await planConference(host, 'Messe Week', [
      { uid: 'm1@test', start: '20250312T103000Z', end: '20250312T110000Z', title: 'Short talk', location: 'Messe | Room 9' },
      { uid: 'm2@test', start: '20250312T110000Z', end: '20250312T113000Z', title: 'Next talk', location: 'Messe | Room 9' }
    ]);
    expect(messe).not.toBe(expo);
    // In Messe the person types "Hall 1" for a block that overlaps the short talk and ends 5 minutes
    // before the next one: with Expo's "Hall 1" (another venue, 20 minutes) that would be a transfer
    // clash and a split with a 20-minute walk; in Messe nothing says where "Hall 1" is.
    await api['block.create']({ conferenceId: messe, title: 'Stand duty', start: at('2025-03-12T10:00:00Z'), end: at('2025-03-12T10:55:00Z'), place: 'Hall 1' });

    const own = await api['clash.list']({ conferenceId: messe });
    const messeIds = new Set((await api['plan.list']({ conferenceId: messe })).map((p) => p.id));
    const all = await api['clash.list']({});
    expect(all.filter((c) => messeIds.has(c.a) || messeIds.has(c.b))).toEqual(own);
    // Only the overlap with the short talk; the split waits for the walk to be set.
    expect(own.map((c) => c.kind)).toEqual(['overlap']);
    expect(own[0]!.split).toMatchObject({ possible: false, reason: 'unknown-walk', between: ['Hall 1', 'Messe | Room 9'] });
    // A split asked for anyway is refused with the same words, and the plan stays as it was.
    const before = await api['plan.list']({});
    await expect(api['clash.resolve']({ a: own[0]!.a, b: own[0]!.b, action: 'split' })).rejects.toMatchObject({
      code: 'conflict',
      message: 'Set the walk between Hall 1 and Messe | Room 9 in Travel times to split the time.'
    });
    expect(await api['plan.list']({})).toEqual(before);
  });

  it('items of two conferences at the same time still clash in the list over every conference', async () => {
    const host = tempServices();
    hosts.push(host);
    const { api } = host;
    await planConference(host, 'Conf One', [
      { uid: 'a@test', start: '20250310T090000Z', end: '20250310T100000Z', title: 'Talk one', location: 'Expo | Hall 1' }
    ]);
    await planConference(host, 'Conf Two', [
      { uid: 'b@test', start: '20250310T093000Z', end: '20250310T103000Z', title: 'Talk two', location: 'Messe | Room 9' }
    ]);
    const all = await api['clash.list']({});
    expect(all.map((c) => [c.kind, c.minutes])).toEqual([['overlap', 30]]);
    // No travel table holds a walk between two conferences: the split says so instead of pointing there.
    expect(all[0]!.split).toEqual({ possible: false, reason: 'other-conference', walkMinutes: 0 });
    await expect(api['clash.resolve']({ a: all[0]!.a, b: all[0]!.b, action: 'split' })).rejects.toMatchObject({
      code: 'conflict',
      message: '“Talk one” and “Talk two” belong to different conferences, so the walk between them is unknown; keep one of them instead.'
    });
  });

  it('conferenceIds keeps My week to its conferences: another week’s clashes are not counted', async () => {
    const host = tempServices();
    hosts.push(host);
    const { api } = host;
    const overlap = (prefix: string, day: string) => [
      { uid: `${prefix}1@test`, start: `${day}T090000Z`, end: `${day}T100000Z`, title: `${prefix} one`, location: 'Hall A' },
      { uid: `${prefix}2@test`, start: `${day}T093000Z`, end: `${day}T103000Z`, title: `${prefix} two`, location: 'Hall A' }
    ];
    const march = await planConference(host, 'March Days', overlap('m', '20250310'));
    const june = await planConference(host, 'June Days', overlap('j', '20250610'));
    const plan = await api['plan.list']({});
    const conferenceOf = new Map(plan.map((p) => [p.id, p.conferenceId]));
    const conferencesIn = (clashes: { a: number; b: number }[]) => [...new Set(clashes.flatMap((c) => [conferenceOf.get(c.a), conferenceOf.get(c.b)]))];
    expect(conferencesIn(await api['clash.list']({}))).toEqual(expect.arrayContaining([march, june]));
    expect(conferencesIn(await api['clash.list']({ conferenceIds: [march] }))).toEqual([march]);
    expect(await api['clash.list']({ conferenceIds: [] })).toEqual([]);
  });
});
