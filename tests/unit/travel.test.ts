import { describe, expect, it } from 'vitest';
import { placeKeyOfLabel, placeLabel, placeOf, type Place } from '../../src/shared/places.ts';
import { createTravelLookup, DEFAULT_TRAVEL, defaultTravelMinutes } from '../../src/shared/travel.ts';

function place(venue: string | null, room: string | null): Place {
  const p = placeOf(venue, room);
  if (p === null) throw new Error(`no place for ${venue} / ${room}`);
  return p;
}

describe('placeOf', () => {
  it('reads a Sched room string as a level and a room', () => {
    const p = place('Salt Palace', 'Level 1 | 155 EF');
    expect(p.venue).toBe('Salt Palace');
    expect(p.levels).toEqual(['Level 1']);
    expect(p.room).toBe('155 EF');
    expect(placeLabel(p)).toBe('Salt Palace | Level 1 | 155 EF');
  });

  it('reads the whole path given as the venue the same way', () => {
    const a = place('Salt Palace | Level 1 | 155 EF', null);
    const b = place('Salt Palace', 'Level 1 | 155 EF');
    expect(a.key).toBe(b.key);
    expect(a.levels).toEqual(['Level 1']);
    expect(a.room).toBe('155 EF');
  });

  it('tidies spacing around separators and inside names', () => {
    const p = place('  Salt   Palace ', 'Level 1|155  EF');
    expect(p.label).toBe('Salt Palace | Level 1 | 155 EF');
  });

  it('keeps a venue without a room as a whole-venue place', () => {
    const p = place('Hotel Monaco', null);
    expect(p.room).toBeNull();
    expect(p.levels).toEqual([]);
    expect(p.label).toBe('Hotel Monaco');
  });

  it('keeps a room without a venue, with its levels', () => {
    const p = place(null, 'Level 2 | 255 EF');
    expect(p.venue).toBe('');
    expect(p.levels).toEqual(['Level 2']);
    expect(p.room).toBe('255 EF');
    expect(p.label).toBe('Level 2 | 255 EF');
  });

  it('returns null when neither string names a place', () => {
    expect(placeOf(null, null)).toBeNull();
    expect(placeOf('  ', ' | ')).toBeNull();
    expect(placeOf(undefined, '')).toBeNull();
  });

  it('compares places without case', () => {
    expect(place('SALT PALACE', 'level 1 | 155 ef').key).toBe(place('Salt Palace', 'Level 1 | 155 EF').key);
    expect(placeKeyOfLabel('salt palace|Level 1 |  155 EF')).toBe(place('Salt Palace', 'Level 1 | 155 EF').key);
  });
});

describe('defaultTravelMinutes', () => {
  const room155 = place('Salt Palace', 'Level 1 | 155 EF');
  const room151 = place('Salt Palace', 'Level 1 | 151 G');
  const room255 = place('Salt Palace', 'Level 2 | 255 EF');
  const hotel = place('Hilton', null);

  it('is 0 within the same room', () => {
    expect(defaultTravelMinutes(room155, place('salt palace', 'level 1 | 155 ef'))).toBe(DEFAULT_TRAVEL.sameRoom);
    expect(DEFAULT_TRAVEL.sameRoom).toBe(0);
  });

  it('is 5 minutes to another room on the same level', () => {
    expect(defaultTravelMinutes(room155, room151)).toBe(5);
  });

  it('is 8 minutes to another level of the same venue', () => {
    expect(defaultTravelMinutes(room155, room255)).toBe(8);
    expect(defaultTravelMinutes(room255, room155)).toBe(8);
  });

  it('is 20 minutes to another venue', () => {
    expect(defaultTravelMinutes(room155, hotel)).toBe(20);
  });

  it('treats a whole-venue place and rooms without levels like the same level', () => {
    expect(defaultTravelMinutes(place('Salt Palace', null), room255)).toBe(5);
    expect(defaultTravelMinutes(place('ULB', 'Janson'), place('ULB', 'K.1.105'))).toBe(5);
  });
});

describe('createTravelLookup', () => {
  const room155 = place('Salt Palace', 'Level 1 | 155 EF');
  const room255 = place('Salt Palace', 'Level 2 | 255 EF');
  const hotel = place('Hilton', null);

  it('answers the defaults without overrides and promises at most 20 minutes', () => {
    const travel = createTravelLookup();
    expect(travel(room155, hotel)).toBe(20);
    expect(travel(room155, room255)).toBe(8);
    expect(travel.maxMinutes).toBe(20);
  });

  it('applies an override in both directions, by label, ignoring case and spacing', () => {
    const travel = createTravelLookup([{ from: 'salt palace|level 2|255 ef', to: 'Hilton', minutes: 12 }]);
    expect(travel(room255, hotel)).toBe(12);
    expect(travel(hotel, room255)).toBe(12);
    expect(travel(room155, hotel)).toBe(20);
  });

  it('raises its promise to the longest override', () => {
    const travel = createTravelLookup([{ from: 'Hilton', to: 'Salt Palace | Level 1 | 155 EF', minutes: 45 }]);
    expect(travel(room155, hotel)).toBe(45);
    expect(travel.maxMinutes).toBe(45);
  });

  it('ignores overrides that are negative or not numbers', () => {
    const travel = createTravelLookup([
      { from: 'Hilton', to: 'Salt Palace | Level 1 | 155 EF', minutes: -3 },
      { from: 'Hilton', to: 'Salt Palace | Level 2 | 255 EF', minutes: Number.NaN }
    ]);
    expect(travel(room155, hotel)).toBe(20);
    expect(travel(room255, hotel)).toBe(20);
  });
});
