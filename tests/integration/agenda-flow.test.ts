// The whole planning loop over the real services: seed → plan → clashes → resolve → export →
// re-import → re-export. These are the acceptance points of the clash and export issues.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import ICAL from 'ical.js';
import { afterEach, describe, expect, it } from 'vitest';
import { toIsoUtc } from '../../src/shared/time.ts';
import { SEED_DIR, tempServices } from './helpers.ts';

type Host = ReturnType<typeof tempServices>;
const hosts: Host[] = [];
afterEach(() => {
  while (hosts.length) hosts.pop()!.cleanup();
});

const SCHED = readFileSync(join(SEED_DIR, 'kubecon-na-2024-connectivity.sched.txt'), 'utf8');

interface VEvent {
  uid: string;
  summary: string;
  start: string;
  end: string;
  sequence: number;
  status: string;
  location: string;
  description: string;
}

function events(ics: string): VEvent[] {
  const cal = new ICAL.Component(ICAL.parse(ics));
  return cal.getAllSubcomponents('vevent').map((v) => ({
    uid: String(v.getFirstPropertyValue('uid')),
    summary: String(v.getFirstPropertyValue('summary')),
    start: (v.getFirstPropertyValue('dtstart') as ICAL.Time).toJSDate().toISOString(),
    end: (v.getFirstPropertyValue('dtend') as ICAL.Time).toJSDate().toISOString(),
    sequence: Number(v.getFirstPropertyValue('sequence') ?? 0),
    status: String(v.getFirstPropertyValue('status') ?? ''),
    location: String(v.getFirstPropertyValue('location') ?? ''),
    description: String(v.getFirstPropertyValue('description') ?? '')
  }));
}

async function kubecon(host: Host) {
  const report = await host.api['import.commit']({ text: SCHED });
  const sessions = await host.api['session.list']({ conferenceId: report.conferenceId });
  return { conferenceId: report.conferenceId, sessions };
}

describe('planning the KubeCon week', () => {
  it('all 18 planned report exactly one overlap: the two Friday 2:55pm talks, 35 minutes', async () => {
    const host = tempServices();
    hosts.push(host);
    const { conferenceId, sessions } = await kubecon(host);
    await host.api['plan.add']({ sessionIds: sessions.map((s) => s.id) });
    const clashes = await host.api['clash.list']({ conferenceId });
    expect(clashes).toHaveLength(1);
    const plan = new Map((await host.api['plan.list']({ conferenceId })).map((p) => [p.id, p]));
    const [c] = clashes;
    expect(c).toMatchObject({ kind: 'overlap', minutes: 35 });
    expect([plan.get(c!.a)!.room, plan.get(c!.b)!.room].sort()).toEqual(['Level 1 | 155 EF', 'Level 2 | 255 EF']);
  });

  it('all 25 Cilium talks report only the Tuesday tutorial against the Service Mesh panel, 35 minutes', async () => {
    const host = tempServices();
    hosts.push(host);
    const text = readFileSync(join(SEED_DIR, 'cilium-talks-kubecon-na-2023.md'), 'utf8');
    const { conferenceId } = await host.api['import.commit']({ text });
    const sessions = await host.api['session.list']({ conferenceId });
    expect(sessions).toHaveLength(25);
    await host.api['plan.add']({ sessionIds: sessions.map((s) => s.id) });
    const clashes = await host.api['clash.list']({ conferenceId });
    const plan = new Map((await host.api['plan.list']({ conferenceId })).map((p) => [p.id, p.title]));
    expect(clashes.map((c) => [plan.get(c.a), plan.get(c.b), c.kind, c.minutes])).toEqual([
      [
        'Tutorial: Demystifying Cilium: Learn How to Build an eBPF CNI Plugin from Scratch',
        'Service Mesh Battle Scars: Technology, Timing, and Tradeoffs',
        'overlap',
        35
      ]
    ]);
  });

  it('splitting the time leaves no clash and the agenda carries both adjusted windows', async () => {
    const host = tempServices();
    hosts.push(host);
    const { conferenceId, sessions } = await kubecon(host);
    const friday = sessions.filter((s) => toIsoUtc(s.start) === '2024-11-15T21:55:00Z');
    await host.api['plan.add']({ sessionIds: friday.map((s) => s.id) });
    const [clash] = await host.api['clash.list']({ conferenceId });
    const { items } = await host.api['clash.resolve']({ a: clash!.a, b: clash!.b, action: 'split' });
    expect(items.every((i) => i.leaveAt !== null || i.arriveAt !== null)).toBe(true);
    expect(await host.api['clash.list']({ conferenceId })).toEqual([]);
    const file = await host.api['export.agenda']({ format: 'ics', conferenceId });
    const evs = events(file.content);
    expect(evs).toHaveLength(2);
    const [first, second] = evs.sort((x, y) => x.start.localeCompare(y.start));
    // Same room level differs (Level 1 vs Level 2 of Salt Palace): the 8-minute walk must fit between them.
    expect(first!.start).toBe('2024-11-15T21:55:00.000Z');
    expect(Date.parse(second!.start) - Date.parse(first!.end)).toBeGreaterThanOrEqual(8 * 60_000);
    expect(second!.end).toBe('2024-11-15T22:30:00.000Z');
    expect(first!.description + second!.description).toMatch(/split/i);
    await host.api['history.undo']({});
    expect(await host.api['clash.list']({ conferenceId })).toHaveLength(1);
  });

  it('a typed place walks an unknown distance: no clash on a guess, a transfer clash once the person sets the walk', async () => {
    const host = tempServices();
    hosts.push(host);
    const { conferenceId, sessions } = await kubecon(host);
    const s = sessions[0]!;
    const { items } = await host.api['block.create']({
      conferenceId,
      title: 'Coffee with a customer',
      start: s.end + 5 * 60_000,
      end: s.end + 35 * 60_000,
      place: 'Hilton Downtown'
    });
    await host.api['plan.add']({ sessionIds: [s.id] });
    // "Hilton Downtown" is none of KubeCon's rooms: nothing says how far it is.
    expect(await host.api['clash.list']({ conferenceId })).toEqual([]);
    const travel = await host.api['travel.list']({ conferenceId });
    expect(travel).toEqual([expect.objectContaining({ minutes: null, custom: false })]);
    await host.api['travel.set']({ conferenceId, from: travel[0]!.from, to: travel[0]!.to, minutes: 20 });
    expect(await host.api['clash.list']({ conferenceId })).toEqual([
      expect.objectContaining({ kind: 'transfer', minutes: 15, b: items[0]!.id })
    ]);
    await host.api['travel.set']({ conferenceId, from: travel[0]!.from, to: travel[0]!.to, minutes: 5 });
    expect(await host.api['clash.list']({ conferenceId })).toEqual([]);
  });
});

describe('exporting the agenda', () => {
  it('exports 18 events with stable UIDs; a moved session keeps its UID and raises its SEQUENCE', async () => {
    const host = tempServices();
    hosts.push(host);
    const { conferenceId, sessions } = await kubecon(host);
    await host.api['plan.add']({ sessionIds: sessions.map((s) => s.id) });
    const first = events((await host.api['export.agenda']({ format: 'ics', conferenceId, alarmMinutes: 10 })).content);
    expect(first).toHaveLength(18);
    const routes = first.find((e) => e.summary === 'All Your Routes Are Ready, More or Less')!;
    expect(routes).toMatchObject({ start: '2024-11-13T18:15:00.000Z', end: '2024-11-13T18:50:00.000Z', sequence: 0, status: 'CONFIRMED' });
    expect(routes.location).toContain('155 EF');
    expect(routes.description).toContain('Dave Protasowski');
    expect(routes.uid).toMatch(/@clashless$/);

    const again = events((await host.api['export.agenda']({ format: 'ics', conferenceId, alarmMinutes: 10 })).content);
    expect(again.map((e) => [e.uid, e.sequence])).toEqual(first.map((e) => [e.uid, e.sequence]));

    const moved = SCHED.replaceAll('Wednesday November 13, 2024 11:15am - 11:50am MST', 'Wednesday November 13, 2024 11:30am - 12:05pm MST');
    const report = await host.api['import.commit']({ text: moved });
    expect(report.changes.map((c) => c.kind)).toEqual(['moved']);
    const third = events((await host.api['export.agenda']({ format: 'ics', conferenceId })).content);
    const movedEvent = third.find((e) => e.uid === routes.uid)!;
    expect(movedEvent).toMatchObject({ start: '2024-11-13T18:30:00.000Z', sequence: 1 });
    expect(third.filter((e) => e.uid !== routes.uid).every((e) => e.sequence === 0)).toBe(true);
  });

  it('a backup is TENTATIVE and a session removed from the schedule is CANCELLED', async () => {
    const host = tempServices();
    hosts.push(host);
    const { conferenceId, sessions } = await kubecon(host);
    const [a, b] = sessions;
    await host.api['plan.add']({ sessionIds: [a!.id] });
    await host.api['plan.add']({ sessionIds: [b!.id], state: 'backup' });
    const lines = SCHED.split('\n');
    const start = lines.findIndex((l) => l.startsWith('All Your Routes Are Ready'));
    const end = lines.findIndex((l, i) => i > start && l.trim() === 'Connectivity');
    await host.api['import.commit']({ text: [...lines.slice(0, start), ...lines.slice(end + 1)].join('\n') });
    const evs = events((await host.api['export.agenda']({ format: 'ics', conferenceId })).content);
    expect(new Map(evs.map((e) => [e.summary, e.status]))).toEqual(
      new Map([
        [a!.title, 'CANCELLED'],
        [b!.title, 'TENTATIVE']
      ])
    );
  });

  it('round trip: the exported agenda re-imports to the same sessions and instants', async () => {
    const host = tempServices();
    hosts.push(host);
    const { conferenceId, sessions } = await kubecon(host);
    await host.api['plan.add']({ sessionIds: sessions.map((s) => s.id) });
    const file = await host.api['export.agenda']({ format: 'ics', conferenceId });
    const preview = await host.api['import.preview']({ text: file.content, fileName: file.fileName });
    expect(preview.format).toBe('ics');
    const back = preview.sessions.map((s) => [s.title, toIsoUtc(s.start), toIsoUtc(s.end)]).sort();
    const original = sessions.map((s) => [s.title, toIsoUtc(s.start), toIsoUtc(s.end)]).sort();
    expect(back).toEqual(original);
  });
});
