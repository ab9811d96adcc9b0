// The details panel's "Arrive at" / "Leave at" fields: wall-clock text in the display zone read back
// into an attendance window inside the session, snapped to 5 minutes, with a reason when it cannot be.
import { describe, expect, it } from 'vitest';
import {
  attendedSpan,
  instantInSpan,
  isSplit,
  parseClock,
  readWindow,
  wallClock,
  windowBounds,
  windowFields
} from '../../src/renderer/src/lib/details/attendance.ts';
import { formatTime } from '../../src/renderer/src/lib/calendar/format.ts';

// The Friday KubeCon talk, 2:55 – 3:30 PM in Salt Lake City (MST, UTC−7).
const DENVER = 'America/Denver';
const TALK = { start: Date.parse('2024-11-15T21:55:00Z'), end: Date.parse('2024-11-15T22:30:00Z') };
const utc = (iso: string): number => Date.parse(iso);

describe('reading the fields', () => {
  it('shows the session’s own ends when nothing is split, and the window when it is', () => {
    expect(windowFields(TALK, { arriveAt: null, leaveAt: null }, DENVER)).toEqual({ arrive: '14:55', leave: '15:30' });
    expect(windowFields(TALK, { arriveAt: null, leaveAt: utc('2024-11-15T22:10:00Z') }, DENVER)).toEqual({ arrive: '14:55', leave: '15:10' });
    expect(wallClock(TALK.start, 'Europe/Berlin')).toBe('22:55');
  });

  it('leaving at 3:10 PM stores that instant and keeps "from the start" as null', () => {
    expect(readWindow(TALK, '14:55', '15:10', DENVER)).toEqual({ ok: true, arriveAt: null, leaveAt: utc('2024-11-15T22:10:00Z') });
  });

  it('arriving at 3:00 PM and leaving at the end stores only the arrival', () => {
    expect(readWindow(TALK, '15:00', '15:30', DENVER)).toEqual({ ok: true, arriveAt: utc('2024-11-15T22:00:00Z'), leaveAt: null });
  });

  it('empty fields mean the whole session on that side', () => {
    expect(readWindow(TALK, '', '', DENVER)).toEqual({ ok: true, arriveAt: null, leaveAt: null });
  });

  it('snaps to 5 minutes on the wall clock (3:12 → 3:10, 3:13 → 3:15)', () => {
    expect(readWindow(TALK, '', '15:12', DENVER)).toMatchObject({ ok: true, leaveAt: utc('2024-11-15T22:10:00Z') });
    expect(readWindow(TALK, '15:13', '', DENVER)).toMatchObject({ ok: true, arriveAt: utc('2024-11-15T22:15:00Z') });
  });

  it('a time just before an odd start (2:57 session, 2:55 typed) means from the start', () => {
    const odd = { start: utc('2024-11-15T21:57:00Z'), end: TALK.end };
    expect(readWindow(odd, '14:55', '', DENVER)).toEqual({ ok: true, arriveAt: null, leaveAt: null });
  });

  it('refuses an arrival outside the session and names the session’s times', () => {
    const reading = readWindow(TALK, '16:00', '', DENVER);
    expect(reading).toEqual({
      ok: false,
      field: 'arrive',
      message: `“Arrive at” must be between ${formatTime(TALK.start, DENVER)} and ${formatTime(TALK.end, DENVER)}.`
    });
  });

  it('refuses arriving at the very end and leaving at the very start', () => {
    expect(readWindow(TALK, '15:30', '', DENVER)).toMatchObject({ ok: false, field: 'arrive' });
    expect(readWindow(TALK, '', '14:55', DENVER)).toMatchObject({ ok: false, field: 'leave' });
  });

  it('refuses leaving before arriving', () => {
    expect(readWindow(TALK, '15:20', '15:05', DENVER)).toEqual({ ok: false, field: 'leave', message: '“Leave at” must be after “Arrive at”.' });
    expect(readWindow(TALK, '15:10', '15:10', DENVER)).toMatchObject({ ok: false, field: 'leave' });
  });

  it('refuses text that is not a time, saying what to type', () => {
    expect(readWindow(TALK, 'soon', '', DENVER)).toMatchObject({ ok: false, field: 'arrive', message: expect.stringContaining('like 3:10 PM') });
    expect(readWindow(TALK, '', '25:00', DENVER)).toMatchObject({ ok: false, field: 'leave' });
  });
});

describe('clock text', () => {
  it('reads HH:MM and HH:MM:SS as minutes after midnight', () => {
    expect(parseClock('15:10')).toBe(15 * 60 + 10);
    expect(parseClock('07:05:00')).toBe(7 * 60 + 5);
    expect(parseClock('9:30')).toBe(9 * 60 + 30);
  });

  it('refuses what is not a clock time', () => {
    for (const bad of ['', '3pm', '24:00', '12:60', '1510']) expect(parseClock(bad)).toBeNull();
  });
});

describe('sessions seen across midnight', () => {
  // 11:30 PM – 12:30 AM in Denver (06:30 – 07:30 UTC): its wall clock crosses midnight.
  const LATE = { start: utc('2024-11-16T06:30:00Z'), end: utc('2024-11-16T07:30:00Z') };

  it('finds a time after midnight on the session’s second date', () => {
    expect(instantInSpan(0 * 60 + 15, LATE, DENVER)).toBe(utc('2024-11-16T07:15:00Z'));
    expect(instantInSpan(23 * 60 + 45, LATE, DENVER)).toBe(utc('2024-11-16T06:45:00Z'));
  });

  it('finds nothing for a time the session does not cover', () => {
    expect(instantInSpan(12 * 60, LATE, DENVER)).toBeNull();
  });

  it('leaving at 12:15 AM is read on the next day', () => {
    expect(readWindow(LATE, '23:30', '00:15', DENVER)).toEqual({ ok: true, arriveAt: null, leaveAt: utc('2024-11-16T07:15:00Z') });
  });
});

describe('the window as drawn', () => {
  it('is split only when one side is set', () => {
    expect(isSplit({ arriveAt: null, leaveAt: null })).toBe(false);
    expect(isSplit({ arriveAt: null, leaveAt: 1 })).toBe(true);
  });

  it('the attended span is clamped to the session', () => {
    expect(attendedSpan(TALK, { arriveAt: TALK.start - 60_000, leaveAt: TALK.end + 60_000 })).toEqual(TALK);
    expect(attendedSpan(TALK, { arriveAt: null, leaveAt: utc('2024-11-15T22:10:00Z') })).toEqual({ start: TALK.start, end: utc('2024-11-15T22:10:00Z') });
  });

  it('the inputs’ bounds are whole 5-minute steps around the session', () => {
    expect(windowBounds(TALK, DENVER)).toEqual({ min: '14:55', max: '15:30' });
    expect(windowBounds({ start: utc('2024-11-15T21:57:00Z'), end: utc('2024-11-15T22:28:00Z') }, DENVER)).toEqual({ min: '14:55', max: '15:30' });
  });
});
