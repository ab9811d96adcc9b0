import { describe, expect, it } from 'vitest';
import {
  MAX_DATE_LINE_LENGTH,
  collectFullDates,
  completeDate,
  nextWeekday,
  parseDateLine,
  weekdayOf
} from '../../src/main/import/parsers/prose/date-lines.ts';

function read(line: string) {
  const d = parseDateLine(line);
  if (!d) throw new Error(`not a date line: ${line}`);
  return d;
}

describe('parseDateLine variants', () => {
  it('reads the Sched range line with year, am/pm without space and a zone', () => {
    const d = read('Wednesday November 13, 2024 11:15am - 11:50am MST');
    expect(d.date).toEqual({ year: 2024, month: 11, day: 13, weekday: 3 });
    expect(d.start).toEqual({ hour: 11, minute: 15 });
    expect(d.end).toEqual({ hour: 11, minute: 50 });
    expect(d.zoneAbbr).toBe('MST');
    expect(d.pure).toBe(true);
  });

  it('reads a bold blog line with a bullet and spaced am/pm', () => {
    const d = read('**Monday, November 6, 2023 • 9:15 am - 9:40 am**');
    expect(d.date).toEqual({ year: 2023, month: 11, day: 6, weekday: 1 });
    expect(d.start).toEqual({ hour: 9, minute: 15 });
    expect(d.end).toEqual({ hour: 9, minute: 40 });
    expect(d.pure).toBe(true);
  });

  it('leaves the year empty when the line has none', () => {
    const d = read('**Wednesday, November 8 • 5:25 pm - 6:00 pm**');
    expect(d.date).toEqual({ year: null, month: 11, day: 8, weekday: 3 });
    expect(d.start).toEqual({ hour: 17, minute: 25 });
    expect(d.end).toEqual({ hour: 18, minute: 0 });
  });

  it('reads 12:15pm - 12:40pm as just after noon', () => {
    const d = read('12:15pm - 12:40pm');
    expect(d.start).toEqual({ hour: 12, minute: 15 });
    expect(d.end).toEqual({ hour: 12, minute: 40 });
  });

  it('reads a trailing zone abbreviation', () => {
    const d = read('2:00 pm - 2:35 pm CST');
    expect(d.start).toEqual({ hour: 14, minute: 0 });
    expect(d.end).toEqual({ hour: 14, minute: 35 });
    expect(d.zoneAbbr).toBe('CST');
  });

  it('reads mixed spacing "2:55 pm - 3:30pm"', () => {
    const d = read('Thursday, November 9 • 2:55 pm - 3:30pm');
    expect(d.start).toEqual({ hour: 14, minute: 55 });
    expect(d.end).toEqual({ hour: 15, minute: 30 });
  });

  it('reads 24-hour ranges with an en dash', () => {
    const d = read('16:00 – 17:15');
    expect(d.start).toEqual({ hour: 16, minute: 0 });
    expect(d.end).toEqual({ hour: 17, minute: 15 });
    expect(d.noMeridiem).toBe(false);
  });

  it('borrows a single am/pm for both ends, keeping the range forward', () => {
    expect(read('4:30 - 6:00 pm').start).toEqual({ hour: 16, minute: 30 });
    expect(read('11:00 - 1:00 pm').start).toEqual({ hour: 11, minute: 0 });
    expect(read('11:30am - 12:15').end).toEqual({ hour: 12, minute: 15 });
  });

  it('flags early hours without am/pm as a 24-hour reading', () => {
    expect(read('2:00 - 3:30').noMeridiem).toBe(true);
    expect(read('10:00 - 10:30').noMeridiem).toBe(false);
  });

  it('reads day headings in several orders', () => {
    expect(read('Saturday 3 February').date).toEqual({ year: null, month: 2, day: 3, weekday: 6 });
    expect(read('2024-02-03').date).toEqual({ year: 2024, month: 2, day: 3, weekday: null });
    expect(read('Wednesday, November 13').date).toEqual({ year: null, month: 11, day: 13, weekday: 3 });
    expect(read('13.11.2024').date).toEqual({ year: 2024, month: 11, day: 13, weekday: null });
    expect(read('Monday').weekdayOnly).toBe(1);
    for (const line of ['Saturday 3 February', '2024-02-03']) expect(read(line).start).toBeNull();
  });

  it('reads a range that crosses into the next day', () => {
    const d = read('Thursday November 14, 2024 11:00pm - Friday November 15, 2024 1:00am MST');
    expect(d.start).toEqual({ hour: 23, minute: 0 });
    expect(d.end).toEqual({ hour: 1, minute: 0 });
    expect(d.endDate).toEqual({ year: 2024, month: 11, day: 15, weekday: 5 });
  });

  it('reads "November 12-15" as a range of days, not a time', () => {
    const d = read('November 12-15');
    expect(d.date?.day).toBe(12);
    expect(d.endDate?.day).toBe(15);
    expect(d.start).toBeNull();
  });

  it('keeps the title when a time starts an entry line', () => {
    const d = read('09:00 - 09:30 Welcome and coffee');
    expect(d.pure).toBe(false);
    expect(d.rest).toBe('Welcome and coffee');
    expect(d.start).toEqual({ hour: 9, minute: 0 });
  });

  it('reads a UTC offset on the line', () => {
    expect(read('10:00 - 11:00 (UTC+01:00)').utcOffsetMinutes).toBe(60);
    expect(read('10:00 UTC-7').utcOffsetMinutes).toBe(-420);
  });

  it('does not take prose, version numbers or names for dates', () => {
    expect(parseDateLine('As of October 2023, the Ingress API has been superseded')).toBeNull();
    expect(parseDateLine('Kubernetes v1.31 ships a beta')).toBeNull();
    expect(parseDateLine('[Service Mesh Battle Scars - Lin Sun, solo.io; Flynn, Buoyant](https://x.sched.com/event/1R2ts)')).toBeNull();
    expect(parseDateLine('x'.repeat(MAX_DATE_LINE_LENGTH + 1) + ' 9:00 - 10:00')).toBeNull();
  });
});

describe('completeDate (year inference)', () => {
  const ref = { year: 2023, month: 11, day: 6 };

  it('takes the year near the reference date that the weekday confirms', () => {
    const r = completeDate({ year: null, month: 11, day: 8, weekday: 3 }, ref, 2030);
    expect(r.date).toEqual({ year: 2023, month: 11, day: 8 });
    expect(r.source).toBe('weekday');
    expect(r.weekdayMismatch).toBe(false);
  });

  it('rolls into the next year across New Year', () => {
    const r = completeDate({ year: null, month: 1, day: 2, weekday: null }, { year: 2024, month: 12, day: 30 }, 2030);
    expect(r.date).toEqual({ year: 2025, month: 1, day: 2 });
    expect(r.source).toBe('nearby');
  });

  it('flags a weekday that does not fit any nearby year', () => {
    const r = completeDate({ year: null, month: 11, day: 8, weekday: 4 }, ref, 2030);
    expect(r.weekdayMismatch).toBe(true);
    expect(r.date?.year).toBe(2023);
  });

  it('searches outward from the fallback year when nothing is dated', () => {
    const r = completeDate({ year: null, month: 2, day: 3, weekday: 6 }, null, 2025);
    expect(r.source).toBe('assumed');
    expect(r.date && weekdayOf(r.date)).toBe(6);
    expect(Math.abs((r.date?.year ?? 0) - 2025)).toBeLessThanOrEqual(6);
  });

  it('refuses a date that does not exist', () => {
    expect(completeDate({ year: 2023, month: 2, day: 30, weekday: null }, null, 2023).date).toBeNull();
  });

  it('finds the next given weekday', () => {
    expect(nextWeekday({ year: 2024, month: 2, day: 3 }, 1)).toEqual({ year: 2024, month: 2, day: 5 });
    expect(nextWeekday({ year: 2024, month: 2, day: 3 }, 6)).toEqual({ year: 2024, month: 2, day: 3 });
  });

  it('collects dated lines with their line numbers', () => {
    expect(collectFullDates('intro\nMonday, November 6, 2023 • 9:15 am\nno\n2024-02-03')).toEqual([
      { line: 2, date: { year: 2023, month: 11, day: 6 } },
      { line: 4, date: { year: 2024, month: 2, day: 3 } }
    ]);
  });
});
