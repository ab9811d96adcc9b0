// Where a planned item happens, parsed from a session's venue and room (or a block's place).
//
// Policy: a place is a path "venue | level … | room". Sources write it in several ways —
// Sched gives venue "Salt Palace" and room "Level 1 | 155 EF", some exports put the whole path in
// the venue, others give only a room — so both strings are split on "|" and read as one path:
// the first part of a named venue is the venue, the last part is the room, anything between is
// the level (or wing, or floor). The label ("Salt Palace | Level 1 | 155 EF") is what people see
// and what travel overrides are stored under; comparisons use a case- and space-insensitive key.

export interface Place {
  /** Building or site ("Salt Palace"); '' when the source named only a room. */
  readonly venue: string;
  /** Parts between venue and room ("Level 1"); empty when the path has none. */
  readonly levels: readonly string[];
  /** The room ("155 EF"), or null for a whole venue (a block "at the hotel"). */
  readonly room: string | null;
  /** "Salt Palace | Level 1 | 155 EF". */
  readonly label: string;
  /** Label folded for comparison: two places with the same key are the same place. */
  readonly key: string;
  /** Venue and levels folded the same way, so travel defaults compare without allocating. */
  readonly venueKey: string;
  readonly levelKey: string;
}

const SEPARATOR = ' | ';

function pathParts(text: string | null | undefined): string[] {
  if (text === null || text === undefined) return [];
  const parts: string[] = [];
  for (const raw of text.split('|')) {
    const part = raw.replace(/\s+/g, ' ').trim();
    if (part.length > 0) parts.push(part);
  }
  return parts;
}

/** The comparison key of a place label, so that "salt palace|Level 1 | 155 EF" finds the same place. */
export function placeKeyOfLabel(label: string): string {
  return pathParts(label).join(SEPARATOR).toLowerCase();
}

// Plan items are rebuilt often (every drag in the renderer) while the distinct places are few;
// caching keeps one Place object per spelling, which also makes the clash engine's lookups cheap.
const cache = new Map<string, Place | null>();
const CACHE_LIMIT = 4096;

/**
 * The place of a session or block, or null when neither string names one.
 * `placeOf("Salt Palace", "Level 1 | 155 EF")` and `placeOf("Salt Palace | Level 1 | 155 EF", null)`
 * are the same place.
 */
export function placeOf(venue: string | null | undefined, room: string | null | undefined): Place | null {
  const cacheKey = `${venue ?? ''}\u0000${room ?? ''}`;
  const cached = cache.get(cacheKey);
  if (cached !== undefined) return cached;
  const place = parsePlace(pathParts(venue), pathParts(room));
  if (cache.size >= CACHE_LIMIT) cache.clear();
  cache.set(cacheKey, place);
  return place;
}

function parsePlace(venueParts: string[], roomParts: string[]): Place | null {
  const parts = [...venueParts, ...roomParts];
  if (parts.length === 0) return null;
  // Without a venue every part belongs to the room path: "Level 1 | 155 EF" is a level and a room.
  const venue = venueParts.length > 0 ? (parts.shift() ?? '') : '';
  const room = parts.length > 0 ? (parts.pop() ?? null) : null;
  const label = [venue, ...parts, room].filter((p): p is string => p !== null && p !== '').join(SEPARATOR);
  return Object.freeze({
    venue,
    levels: Object.freeze(parts),
    room,
    label,
    key: label.toLowerCase(),
    venueKey: venue.toLowerCase(),
    levelKey: parts.join(SEPARATOR).toLowerCase()
  });
}

/** What people see: "Salt Palace | Level 1 | 155 EF" (also the key travel overrides use). */
export function placeLabel(place: Place): string {
  return place.label;
}

/** Venue names compare without case or spacing differences. */
export function sameVenue(a: Place, b: Place): boolean {
  return a.venueKey === b.venueKey;
}

/**
 * Same level, unless both name a level and the names differ: a whole-venue place or a venue
 * whose rooms carry no level is treated as reachable like a room on the same floor.
 */
export function sameLevel(a: Place, b: Place): boolean {
  return a.levelKey === '' || b.levelKey === '' || a.levelKey === b.levelKey;
}

/**
 * The places a conference's own sessions name. Any other place is one the person typed for a
 * block ("Food court", "Hotel"): nothing says where it is, so no walk to it may be guessed.
 *
 * Policy: a typed place counts as the conference's when its label is a session's place
 * ("CCH | Saal 1"), names a venue the sessions use ("CCH"), or names one room of theirs
 * ("Saal 1", when no two venues share that room name); it then walks like that place.
 */
export class KnownPlaces {
  readonly #byKey = new Map<string, Place>();
  readonly #venues = new Map<string, Place>();
  /** Room name → its place, or null when two places share the name. */
  readonly #rooms = new Map<string, Place | null>();

  constructor(places: Iterable<{ venue: string | null; room: string | null }>) {
    for (const spot of places) {
      const place = placeOf(spot.venue, spot.room);
      if (place === null) continue;
      this.#byKey.set(place.key, place);
      if (place.venueKey !== '' && !this.#venues.has(place.venueKey)) {
        this.#venues.set(place.venueKey, placeOf(place.venue, null) ?? place);
      }
      if (place.room !== null && place.venueKey !== '') {
        const roomKey = place.room.toLowerCase();
        const held = this.#rooms.get(roomKey);
        this.#rooms.set(roomKey, held === undefined || held?.key === place.key ? place : null);
      }
    }
  }

  /** The conference's place this one stands for, or null when it is not one of the conference's. */
  resolve(place: Place): Place | null {
    return this.#byKey.get(place.key) ?? this.#venues.get(place.key) ?? this.#rooms.get(place.key) ?? null;
  }
}
