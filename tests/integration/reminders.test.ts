// A reminder per plan item, through the services on a real SQLite file: set for sessions and blocks,
// refused when the value is not one of the choices (nothing changes), undone and redone like any plan
// edit, and carried into the .ics export as each event's VALARM, raising its SEQUENCE when it changes.
import ICAL from 'ical.js';
import { afterEach, describe, expect, it } from 'vitest';
import { ClashlessError, parseRequest } from '../../src/shared/contract.ts';
import type { PlanItem } from '../../src/shared/domain.ts';
import { refusedWith, tempServices } from './helpers.ts';

type Host = ReturnType<typeof tempServices>;
const hosts: Host[] = [];
afterEach(() => {
  while (hosts.length) hosts.pop()!.cleanup();
});

async function plannedHost(): Promise<{ host: Host; conferenceId: number; talk: PlanItem; other: PlanItem; block: PlanItem }> {
  const host = tempServices({ seeded: true });
  hosts.push(host);
  const conference = (await host.api['conference.list']({})).find((c) => c.title.startsWith('KubeCon'))!;
  const [s1, s2] = await host.api['session.list']({ conferenceId: conference.id });
  const [talk, other] = (await host.api['plan.add']({ sessionIds: [s1!.id, s2!.id] })).items;
  const start = Date.UTC(2024, 10, 14, 19, 0);
  const [block] = (await host.api['block.create']({ conferenceId: conference.id, title: 'Lunch, then walk', start, end: start + 3_600_000 })).items;
  return { host, conferenceId: conference.id, talk: talk!, other: other!, block: block! };
}

type Reminders = Map<number, PlanItem['reminder']>;
async function reminders(host: Host): Promise<Reminders> {
  return new Map((await host.api['plan.list']({})).map((p) => [p.id, p.reminder]));
}


describe('plan.remind', () => {
  it('sets a reminder on sessions and blocks, and undo/redo take it back and forth', async () => {
    const { host, talk, other, block } = await plannedHost();
    expect(await reminders(host)).toEqual(new Map([[talk.id, null], [other.id, null], [block.id, null]]));

    const set = await host.api['plan.remind']({ itemIds: [talk.id], reminder: 15 });
    expect(set.items.map((i) => [i.id, i.reminder])).toEqual([[talk.id, 15]]);
    await host.api['plan.remind']({ itemIds: [block.id, other.id], reminder: 'none' });
    expect(await reminders(host)).toEqual(new Map<number, PlanItem['reminder']>([[talk.id, 15], [other.id, 'none'], [block.id, 'none']]));

    const undone = await host.api['history.undo']({});
    expect(undone.label).toBe('Set no reminder for 2 items');
    expect(await reminders(host)).toEqual(new Map([[talk.id, 15], [other.id, null], [block.id, null]]));
    expect((await host.api['history.undo']({})).label).toMatch(/^Set a reminder 15 min before for “/);
    expect(await reminders(host)).toEqual(new Map([[talk.id, null], [other.id, null], [block.id, null]]));
    await host.api['history.redo']({});
    expect(await reminders(host)).toEqual(new Map([[talk.id, 15], [other.id, null], [block.id, null]]));

    // null hands the item back to the export's default; the rest of the item is untouched.
    await host.api['plan.update']({ itemId: talk.id, note: 'front row', priority: 5 });
    const back = (await host.api['plan.remind']({ itemIds: [talk.id], reminder: null })).items[0]!;
    expect(back).toMatchObject({ reminder: null, note: 'front row', priority: 5, state: 'going' });
  });

  it('keeps the reminders when a removed conference is put back by undo', async () => {
    const { host, conferenceId, talk, block } = await plannedHost();
    await host.api['plan.remind']({ itemIds: [talk.id], reminder: 5 });
    await host.api['plan.remind']({ itemIds: [block.id], reminder: 'none' });
    const before = await reminders(host);
    await host.api['conference.remove']({ conferenceId });
    expect(await host.api['plan.list']({ conferenceId })).toEqual([]);
    await host.api['history.undo']({});
    expect(await reminders(host)).toEqual(before);
  });

  it('refuses a value that is not none, 5, 10, 15 or 30, and an unknown item, changing nothing', async () => {
    const { host, talk, block } = await plannedHost();
    await host.api['plan.remind']({ itemIds: [talk.id], reminder: 10 });
    const before = await host.api['plan.list']({});

    for (const bad of [7, 0, 60, '10', 'never', -5]) {
      // At the door (IPC and the browser host parse every request with the contract)…
      const err = (() => {
        try {
          parseRequest('plan.remind', { itemIds: [talk.id], reminder: bad });
        } catch (e) {
          return e;
        }
        return null;
      })();
      expect(err).toBeInstanceOf(ClashlessError);
      expect((err as ClashlessError).where).toBe('field reminder');
      expect((err as ClashlessError).message).toMatch(/"none", 5, 10, 15 or 30/);
      // …and in the services themselves, for callers that skip the door.
      const direct = await refusedWith(host.api['plan.remind']({ itemIds: [talk.id], reminder: bad as 5 }), 'bad-request');
      expect(direct.message).toContain('"none", 5, 10, 15 or 30');
    }
    const missing = await refusedWith(host.api['plan.remind']({ itemIds: [block.id, 999_999], reminder: 5 }), 'not-found');
    expect(missing.message).toContain('999999');

    expect(await host.api['plan.list']({})).toEqual(before);
    // No history entry was added: undo takes back the reminder set before the refusals.
    expect((await host.api['history.undo']({})).label).toMatch(/^Set a reminder 10 min before/);
  });
});

interface Exported {
  uid: string;
  summary: string;
  sequence: number;
  alarms: { seconds: number; description: string }[];
}

function exported(ics: string): Map<string, Exported> {
  const calendar = new ICAL.Component(ICAL.parse(ics));
  const events = calendar.getAllSubcomponents('vevent').map((v) => {
    const event = new ICAL.Event(v);
    return {
      uid: event.uid,
      summary: event.summary,
      sequence: event.sequence,
      alarms: v.getAllSubcomponents('valarm').map((a) => {
        const trigger = a.getFirstPropertyValue('trigger');
        return {
          seconds: trigger instanceof ICAL.Duration ? trigger.toSeconds() : Number.NaN,
          description: String(a.getFirstPropertyValue('description'))
        };
      })
    };
  });
  return new Map(events.map((e) => [e.summary, e]));
}

describe('reminders in the .ics export', () => {
  it('writes the item’s own alarm, none for "none", the default for the rest; a changed reminder raises SEQUENCE', async () => {
    const { host, conferenceId, talk, other, block } = await plannedHost();
    const exportIcs = async (alarmMinutes?: number) =>
      exported((await host.api['export.agenda']({ format: 'ics', conferenceId, ...(alarmMinutes === undefined ? {} : { alarmMinutes }) })).content);

    const first = await exportIcs(10);
    expect([...first.values()].map((e) => [e.summary, e.sequence, e.alarms.map((a) => a.seconds)])).toEqual(
      [talk, other, block].map((i) => [i.title, 0, [-600]])
    );

    await host.api['plan.remind']({ itemIds: [talk.id], reminder: 30 });
    await host.api['plan.remind']({ itemIds: [block.id], reminder: 'none' });
    const second = await exportIcs(10);
    expect(second.get(talk.title)).toMatchObject({ sequence: 1, alarms: [{ seconds: -1800, description: talk.title }] });
    expect(second.get(block.title)).toMatchObject({ sequence: 1, alarms: [] });
    expect(second.get(other.title)).toMatchObject({ sequence: 0, alarms: [{ seconds: -600, description: 'Reminder' }] });

    // Without an export-wide reminder, only the item's own remains.
    const third = await exportIcs();
    expect(third.get(talk.title)).toMatchObject({ sequence: 1, alarms: [{ seconds: -1800 }] });
    expect(third.get(other.title)).toMatchObject({ sequence: 0, alarms: [] });

    // Back to the default: that is a change again, so SEQUENCE rises once more; the UIDs never move.
    await host.api['plan.remind']({ itemIds: [talk.id], reminder: null });
    const fourth = await exportIcs(10);
    expect(fourth.get(talk.title)).toMatchObject({ sequence: 2, alarms: [{ seconds: -600 }] });
    expect([...fourth.values()].map((e) => e.uid)).toEqual([...first.values()].map((e) => e.uid));
  });
});
