// Turns the zone names calendars write into IANA zones. iCalendar's TZID is free text: Google and
// Apple write IANA names, Outlook and Exchange write Windows ids ("W. Europe Standard Time") or
// the Windows display label ("(UTC+01:00) Amsterdam, Berlin, Bern, Rome, Stockholm, Vienna"),
// older Outlook "(GMT+10:00) Canberra, Melbourne, Sydney", and some tools bare offsets
// ("UTC+11", "GMT+0100"). Windows ids map with CLDR's windowsZones table (windows-iana);
// display labels are not in CLDR, so the labels Windows has shipped are listed here.
import { WINDOWS_TO_IANA_MAP } from 'windows-iana';
import { isValidZone } from '../../shared/time.ts';
import { zoneForOffset } from './offset-zones.ts';

export type ZoneNameKind = 'iana' | 'windows' | 'label' | 'offset';

export interface ZoneNameMatch {
  /** IANA zone name. */
  zone: string;
  kind: ZoneNameKind;
  /** False when the zone was inferred (a city in a label, or a bare offset standing for a region). */
  exact: boolean;
  /** For kind 'offset': the fixed offset in minutes east of UTC, which is exact even when `zone` is a stand-in. */
  offsetMinutes: number | null;
}

/** CLDR's primary IANA zone ("001" territory) for each Windows id, keyed by lower-case id. */
let windowsIds: Map<string, string> | null = null;
function windowsIdMap(): Map<string, string> {
  if (windowsIds) return windowsIds;
  windowsIds = new Map();
  for (const entry of WINDOWS_TO_IANA_MAP) {
    const primary = entry.iana[0];
    if (entry.territory === '001' && primary) windowsIds.set(entry.windowsName.toLowerCase(), modernName(primary));
  }
  return windowsIds;
}

// Windows display labels without their "(UTC±hh:mm)" prefix → Windows id. Current labels first,
// then the wordings of older Windows and Outlook versions that still turn up in exported files.
const LABELS: readonly (readonly [string, string])[] = [
  ['International Date Line West', 'Dateline Standard Time'],
  ['Coordinated Universal Time-11', 'UTC-11'],
  ['Midway Island, Samoa', 'UTC-11'],
  ['Aleutian Islands', 'Aleutian Standard Time'],
  ['Hawaii', 'Hawaiian Standard Time'],
  ['Marquesas Islands', 'Marquesas Standard Time'],
  ['Alaska', 'Alaskan Standard Time'],
  ['Coordinated Universal Time-09', 'UTC-09'],
  ['Baja California', 'Pacific Standard Time (Mexico)'],
  ['Tijuana, Baja California', 'Pacific Standard Time (Mexico)'],
  ['Coordinated Universal Time-08', 'UTC-08'],
  ['Pacific Time (US & Canada)', 'Pacific Standard Time'],
  ['Pacific Time (US & Canada); Tijuana', 'Pacific Standard Time'],
  ['Arizona', 'US Mountain Standard Time'],
  ['Chihuahua, La Paz, Mazatlan', 'Mountain Standard Time (Mexico)'],
  ['La Paz, Mazatlan', 'Mountain Standard Time (Mexico)'],
  ['Mountain Time (US & Canada)', 'Mountain Standard Time'],
  ['Yukon', 'Yukon Standard Time'],
  ['Central America', 'Central America Standard Time'],
  ['Central Time (US & Canada)', 'Central Standard Time'],
  ['Easter Island', 'Easter Island Standard Time'],
  ['Guadalajara, Mexico City, Monterrey', 'Central Standard Time (Mexico)'],
  ['Saskatchewan', 'Canada Central Standard Time'],
  ['Bogota, Lima, Quito, Rio Branco', 'SA Pacific Standard Time'],
  ['Bogota, Lima, Quito', 'SA Pacific Standard Time'],
  ['Chetumal', 'Eastern Standard Time (Mexico)'],
  ['Eastern Time (US & Canada)', 'Eastern Standard Time'],
  ['Haiti', 'Haiti Standard Time'],
  ['Havana', 'Cuba Standard Time'],
  ['Indiana (East)', 'US Eastern Standard Time'],
  ['Turks and Caicos', 'Turks And Caicos Standard Time'],
  ['Asuncion', 'Paraguay Standard Time'],
  ['Atlantic Time (Canada)', 'Atlantic Standard Time'],
  ['Caracas', 'Venezuela Standard Time'],
  ['Cuiaba', 'Central Brazilian Standard Time'],
  ['Georgetown, La Paz, Manaus, San Juan', 'SA Western Standard Time'],
  ['Caracas, La Paz', 'SA Western Standard Time'],
  ['Santiago', 'Pacific SA Standard Time'],
  ['Newfoundland', 'Newfoundland Standard Time'],
  ['Araguaina', 'Tocantins Standard Time'],
  ['Brasilia', 'E. South America Standard Time'],
  ['Cayenne, Fortaleza', 'SA Eastern Standard Time'],
  ['City of Buenos Aires', 'Argentina Standard Time'],
  ['Buenos Aires', 'Argentina Standard Time'],
  ['Buenos Aires, Georgetown', 'SA Eastern Standard Time'],
  ['Greenland', 'Greenland Standard Time'],
  ['Montevideo', 'Montevideo Standard Time'],
  ['Punta Arenas', 'Magallanes Standard Time'],
  ['Saint Pierre and Miquelon', 'Saint Pierre Standard Time'],
  ['Salvador', 'Bahia Standard Time'],
  ['Coordinated Universal Time-02', 'UTC-02'],
  ['Mid-Atlantic - Old', 'Mid-Atlantic Standard Time'],
  ['Mid-Atlantic', 'Mid-Atlantic Standard Time'],
  ['Azores', 'Azores Standard Time'],
  ['Cabo Verde Is.', 'Cape Verde Standard Time'],
  ['Cape Verde Is.', 'Cape Verde Standard Time'],
  ['Coordinated Universal Time', 'UTC'],
  ['Dublin, Edinburgh, Lisbon, London', 'GMT Standard Time'],
  ['Greenwich Mean Time : Dublin, Edinburgh, Lisbon, London', 'GMT Standard Time'],
  ['Monrovia, Reykjavik', 'Greenwich Standard Time'],
  ['Casablanca, Monrovia', 'Greenwich Standard Time'],
  ['Casablanca, Monrovia, Reykjavik', 'Greenwich Standard Time'],
  ['Sao Tome', 'Sao Tome Standard Time'],
  ['Casablanca', 'Morocco Standard Time'],
  ['Amsterdam, Berlin, Bern, Rome, Stockholm, Vienna', 'W. Europe Standard Time'],
  ['Belgrade, Bratislava, Budapest, Ljubljana, Prague', 'Central Europe Standard Time'],
  ['Brussels, Copenhagen, Madrid, Paris', 'Romance Standard Time'],
  ['Sarajevo, Skopje, Warsaw, Zagreb', 'Central European Standard Time'],
  ['West Central Africa', 'W. Central Africa Standard Time'],
  ['Amman', 'Jordan Standard Time'],
  ['Athens, Bucharest', 'GTB Standard Time'],
  ['Athens, Bucharest, Istanbul', 'GTB Standard Time'],
  ['Athens, Beirut, Istanbul, Minsk', 'GTB Standard Time'],
  ['Beirut', 'Middle East Standard Time'],
  ['Cairo', 'Egypt Standard Time'],
  ['Chisinau', 'E. Europe Standard Time'],
  ['Bucharest', 'E. Europe Standard Time'],
  ['Damascus', 'Syria Standard Time'],
  ['Gaza, Hebron', 'West Bank Standard Time'],
  ['Harare, Pretoria', 'South Africa Standard Time'],
  ['Helsinki, Kyiv, Riga, Sofia, Tallinn, Vilnius', 'FLE Standard Time'],
  ['Helsinki, Kiev, Riga, Sofia, Tallinn, Vilnius', 'FLE Standard Time'],
  ['Jerusalem', 'Israel Standard Time'],
  ['Juba', 'South Sudan Standard Time'],
  ['Kaliningrad', 'Kaliningrad Standard Time'],
  ['Khartoum', 'Sudan Standard Time'],
  ['Tripoli', 'Libya Standard Time'],
  ['Windhoek', 'Namibia Standard Time'],
  ['Baghdad', 'Arabic Standard Time'],
  ['Istanbul', 'Turkey Standard Time'],
  ['Kuwait, Riyadh', 'Arab Standard Time'],
  ['Minsk', 'Belarus Standard Time'],
  ['Moscow, St. Petersburg', 'Russian Standard Time'],
  ['Moscow, St. Petersburg, Volgograd', 'Russian Standard Time'],
  ['Nairobi', 'E. Africa Standard Time'],
  ['Volgograd', 'Volgograd Standard Time'],
  ['Tehran', 'Iran Standard Time'],
  ['Abu Dhabi, Muscat', 'Arabian Standard Time'],
  ['Astrakhan, Ulyanovsk', 'Astrakhan Standard Time'],
  ['Baku', 'Azerbaijan Standard Time'],
  ['Izhevsk, Samara', 'Russia Time Zone 3'],
  ['Port Louis', 'Mauritius Standard Time'],
  ['Saratov', 'Saratov Standard Time'],
  ['Tbilisi', 'Georgian Standard Time'],
  ['Yerevan', 'Caucasus Standard Time'],
  ['Baku, Tbilisi, Yerevan', 'Caucasus Standard Time'],
  ['Kabul', 'Afghanistan Standard Time'],
  ['Ashgabat, Tashkent', 'West Asia Standard Time'],
  ['Ekaterinburg', 'Ekaterinburg Standard Time'],
  ['Islamabad, Karachi', 'Pakistan Standard Time'],
  ['Islamabad, Karachi, Tashkent', 'Pakistan Standard Time'],
  ['Qyzylorda', 'Qyzylorda Standard Time'],
  ['Chennai, Kolkata, Mumbai, New Delhi', 'India Standard Time'],
  ['Sri Jayawardenepura', 'Sri Lanka Standard Time'],
  ['Kathmandu', 'Nepal Standard Time'],
  ['Astana', 'Central Asia Standard Time'],
  ['Astana, Dhaka', 'Central Asia Standard Time'],
  ['Dhaka', 'Bangladesh Standard Time'],
  ['Omsk', 'Omsk Standard Time'],
  ['Almaty, Novosibirsk', 'N. Central Asia Standard Time'],
  ['Yangon (Rangoon)', 'Myanmar Standard Time'],
  ['Rangoon', 'Myanmar Standard Time'],
  ['Bangkok, Hanoi, Jakarta', 'SE Asia Standard Time'],
  ['Barnaul, Gorno-Altaysk', 'Altai Standard Time'],
  ['Hovd', 'W. Mongolia Standard Time'],
  ['Krasnoyarsk', 'North Asia Standard Time'],
  ['Novosibirsk', 'N. Central Asia Standard Time'],
  ['Tomsk', 'Tomsk Standard Time'],
  ['Beijing, Chongqing, Hong Kong, Urumqi', 'China Standard Time'],
  ['Irkutsk', 'North Asia East Standard Time'],
  ['Irkutsk, Ulaan Bataar', 'North Asia East Standard Time'],
  ['Kuala Lumpur, Singapore', 'Singapore Standard Time'],
  ['Perth', 'W. Australia Standard Time'],
  ['Taipei', 'Taipei Standard Time'],
  ['Ulaanbaatar', 'Ulaanbaatar Standard Time'],
  ['Eucla', 'Aus Central W. Standard Time'],
  ['Chita', 'Transbaikal Standard Time'],
  ['Osaka, Sapporo, Tokyo', 'Tokyo Standard Time'],
  ['Pyongyang', 'North Korea Standard Time'],
  ['Seoul', 'Korea Standard Time'],
  ['Yakutsk', 'Yakutsk Standard Time'],
  ['Adelaide', 'Cen. Australia Standard Time'],
  ['Darwin', 'AUS Central Standard Time'],
  ['Brisbane', 'E. Australia Standard Time'],
  ['Canberra, Melbourne, Sydney', 'AUS Eastern Standard Time'],
  ['Guam, Port Moresby', 'West Pacific Standard Time'],
  ['Hobart', 'Tasmania Standard Time'],
  ['Vladivostok', 'Vladivostok Standard Time'],
  ['Lord Howe Island', 'Lord Howe Standard Time'],
  ['Bougainville Island', 'Bougainville Standard Time'],
  ['Chokurdakh', 'Russia Time Zone 10'],
  ['Magadan', 'Magadan Standard Time'],
  ['Norfolk Island', 'Norfolk Standard Time'],
  ['Sakhalin', 'Sakhalin Standard Time'],
  ['Solomon Is., New Caledonia', 'Central Pacific Standard Time'],
  ['Magadan, Solomon Is., New Caledonia', 'Central Pacific Standard Time'],
  ['Anadyr, Petropavlovsk-Kamchatsky', 'Russia Time Zone 11'],
  ['Auckland, Wellington', 'New Zealand Standard Time'],
  ['Coordinated Universal Time+12', 'UTC+12'],
  ['Fiji', 'Fiji Standard Time'],
  ['Fiji, Kamchatka, Marshall Is.', 'Fiji Standard Time'],
  ['Petropavlovsk-Kamchatsky - Old', 'Kamchatka Standard Time'],
  ['Chatham Islands', 'Chatham Islands Standard Time'],
  ['Coordinated Universal Time+13', 'UTC+13'],
  ["Nuku'alofa", 'Tonga Standard Time'],
  ['Samoa', 'Samoa Standard Time'],
  ['Kiritimati Island', 'Line Islands Standard Time']
];

/** Lower case, "&" read as "and", punctuation and runs of space collapsed: labels vary in all of these. */
function normaliseLabel(text: string): string {
  return text
    .toLowerCase()
    .replace(/&/g, ' and ')
    .replace(/[^a-z0-9+-]+/g, ' ')
    .trim();
}

let labelMap: Map<string, string> | null = null;
function labelToWindowsId(label: string): string | undefined {
  if (!labelMap) {
    labelMap = new Map(LABELS.map(([text, id]) => [normaliseLabel(text), id]));
  }
  return labelMap.get(normaliseLabel(label));
}

/** IANA zones by their city ("new york" → America/New_York), for labels the table does not know. */
let cityMap: Map<string, string[]> | null = null;
function zonesForCity(city: string): string[] {
  if (!cityMap) {
    cityMap = new Map();
    for (const zone of Intl.supportedValuesOf('timeZone')) {
      const last = zone.split('/').pop() ?? zone;
      const key = normaliseLabel(last.replace(/_/g, ' '));
      const list = cityMap.get(key) ?? [];
      list.push(zone);
      cityMap.set(key, list);
    }
  }
  return cityMap.get(normaliseLabel(city)) ?? [];
}

// ICU and CLDR still use some superseded names as canonical; people expect the current ones.
const RENAMED: Readonly<Record<string, string>> = {
  'Asia/Calcutta': 'Asia/Kolkata',
  'Europe/Kiev': 'Europe/Kyiv',
  'Asia/Rangoon': 'Asia/Yangon',
  'Asia/Saigon': 'Asia/Ho_Chi_Minh',
  'Asia/Katmandu': 'Asia/Kathmandu',
  'Asia/Dacca': 'Asia/Dhaka',
  'Asia/Thimbu': 'Asia/Thimphu',
  'Asia/Ulan_Bator': 'Asia/Ulaanbaatar',
  'America/Buenos_Aires': 'America/Argentina/Buenos_Aires',
  'America/Godthab': 'America/Nuuk',
  'America/Indianapolis': 'America/Indiana/Indianapolis',
  'America/Louisville': 'America/Kentucky/Louisville',
  'Atlantic/Faeroe': 'Atlantic/Faroe',
  'Africa/Asmera': 'Africa/Asmara',
  'Pacific/Truk': 'Pacific/Chuuk',
  'Pacific/Ponape': 'Pacific/Pohnpei',
  'Pacific/Enderbury': 'Pacific/Kanton'
};

/** The current name of a zone when it was renamed and this computer knows the new name. */
function modernName(zone: string): string {
  const renamed = RENAMED[zone];
  return renamed && isValidZone(renamed) ? renamed : zone;
}

/**
 * A valid IANA name with its case fixed ("europe/berlin" → "Europe/Berlin"). Aliases stay as
 * written ("Asia/Kolkata" is not turned into ICU's "Asia/Calcutta").
 */
function canonicalIana(name: string): string | null {
  if (!/^[A-Za-z][A-Za-z0-9_+\-/]*$/.test(name) || !isValidZone(name)) return null;
  let resolved: string;
  try {
    resolved = new Intl.DateTimeFormat('en-US', { timeZone: name }).resolvedOptions().timeZone;
  } catch {
    return null;
  }
  const properlyCased = name.split('/').every((part) => /^[A-Z]/.test(part) || /^[+-]?\d/.test(part));
  if (resolved.toLowerCase() === name.toLowerCase() || !properlyCased) return modernName(resolved);
  return modernName(name);
}

/** Standard (January and July, whichever is smaller) offset of a zone in minutes, for checking a label's offset. */
function standardOffsetMinutes(zone: string, year: number): number {
  const offsetAt = (ms: number): number => {
    const parts = new Intl.DateTimeFormat('en-US', {
      timeZone: zone,
      hourCycle: 'h23',
      year: 'numeric',
      month: 'numeric',
      day: 'numeric',
      hour: 'numeric',
      minute: 'numeric'
    }).formatToParts(new Date(ms));
    const get = (type: string): number => Number(parts.find((p) => p.type === type)?.value ?? 0);
    const wall = Date.UTC(get('year'), get('month') - 1, get('day'), get('hour'), get('minute'));
    return Math.round((wall - ms) / 60_000);
  };
  return Math.min(offsetAt(Date.UTC(year, 0, 15)), offsetAt(Date.UTC(year, 6, 15)));
}

/** "+05:30", "-5", "+0100", "+11" → minutes east of UTC, or null. */
function parseOffset(sign: string, hours: string, minutes: string | undefined): number | null {
  const h = Number(hours);
  const m = minutes ? Number(minutes) : 0;
  if (h > 14 || m >= 60) return null;
  return (sign === '-' ? -1 : 1) * (h * 60 + m);
}

/** "UTC+11", "GMT+0100", "UTC-05:00", "GMT", "Z", "Etc/UTC+1" style names → fixed offset. */
export function offsetNameToZone(name: string): ZoneNameMatch | null {
  const text = name.trim();
  if (/^(utc|gmt|z|ut|zulu|utc ?[+-] ?0+(:?00)?)$/i.test(text)) {
    return { zone: 'UTC', kind: 'offset', exact: true, offsetMinutes: 0 };
  }
  const match = /^(?:utc|gmt|ut)?\s*([+-])\s*(\d{1,2})(?::?(\d{2}))?$/i.exec(text);
  if (!match) return null;
  const offset = parseOffset(match[1] as string, match[2] as string, match[3]);
  if (offset === null) return null;
  const zone = zoneForOffset(offset);
  if (!zone) return null;
  return { zone, kind: 'offset', exact: offset % 60 === 0, offsetMinutes: offset };
}

/** CLDR's zone for a Windows id ("Eastern Standard Time" → America/New_York), any case. */
export function windowsToIana(windowsId: string): string | null {
  return windowsIdMap().get(windowsId.trim().toLowerCase()) ?? null;
}

/**
 * A Windows display label → zone: "(UTC-05:00) Eastern Time (US & Canada)", "(GMT+10:00)
 * Canberra, Melbourne, Sydney", or the label without its offset. Unknown labels fall back to a
 * city they name whose standard offset agrees, then to the offset alone (both inexact).
 */
export function labelToZone(label: string): ZoneNameMatch | null {
  const match = /^\s*\(\s*(?:utc|gmt)\s*(?:([+-])\s*(\d{1,2})(?::?(\d{2}))?)?\s*\)\s*(.*)$/i.exec(label);
  const offset = match ? (match[1] ? parseOffset(match[1], match[2] as string, match[3]) : 0) : null;
  const rest = (match ? (match[4] as string) : label).trim();
  const windowsId = labelToWindowsId(rest);
  const fromTable = windowsId ? windowsToIana(windowsId) : null;
  if (fromTable) return { zone: fromTable, kind: 'label', exact: true, offsetMinutes: null };
  if (offset === null) return null;

  const year = new Date().getUTCFullYear();
  for (const city of rest.split(/\s*(?:,|;|\band\b|&|\(|\)|:)\s*/i)) {
    if (!city) continue;
    for (const zone of zonesForCity(city)) {
      if (standardOffsetMinutes(zone, year) === offset) {
        return { zone: canonicalIana(zone) ?? zone, kind: 'label', exact: false, offsetMinutes: null };
      }
    }
  }
  const zone = zoneForOffset(offset);
  return zone ? { zone, kind: 'offset', exact: false, offsetMinutes: offset } : null;
}

/**
 * Any TZID text → IANA zone, in the order formats.md gives: an IANA name (also inside a path
 * such as "/mozilla.org/20070129_1/Europe/Paris"), a Windows id, a Windows display label, an
 * offset name. Null when nothing matches; the caller decides what to ask.
 */
const resolvedNames = new Map<string, ZoneNameMatch | null>();

export function resolveZoneName(raw: string): ZoneNameMatch | null {
  // Resolution is pure and a calendar names few zones, but it builds Intl formatters: cache it.
  const cached = resolvedNames.get(raw);
  if (cached !== undefined) return cached;
  const result = resolveUncached(raw);
  if (resolvedNames.size > 2000) resolvedNames.clear();
  resolvedNames.set(raw, result);
  return result;
}

function resolveUncached(raw: string): ZoneNameMatch | null {
  const name = raw
    .trim()
    .replace(/^"(.*)"$/, '$1')
    .replace(/\\([,;\\])/g, '$1')
    .trim();
  if (!name || name.length > 200) return null;

  const iana = canonicalIana(name);
  if (iana) {
    // Fixed-offset legacy names ("UTC", "EST") are still IANA; say so plainly.
    return { zone: iana, kind: 'iana', exact: true, offsetMinutes: null };
  }
  if (name.includes('/')) {
    const segments = name.split('/').filter(Boolean);
    for (let take = Math.min(3, segments.length); take >= 2; take--) {
      const candidate = canonicalIana(segments.slice(-take).join('/'));
      if (candidate) return { zone: candidate, kind: 'iana', exact: true, offsetMinutes: null };
    }
  }
  const windows = windowsToIana(name);
  if (windows) return { zone: windows, kind: 'windows', exact: true, offsetMinutes: null };
  return labelToZone(name) ?? offsetNameToZone(name);
}
