// Tables behind time-zone resolution: abbreviations, spelled-out zone names and the words that
// name regions. Data only; the decisions live in zones.ts (the cities and venues are in
// place-names.ts).
//
// Policy: an abbreviation lists its candidate zones with the most likely conference zone first;
// each candidate names a region so that context words ("North America", "China") can pick it.

export type Region =
  | 'na' // USA, Canada, Mexico
  | 'arizona'
  | 'cn'
  | 'tw'
  | 'ph'
  | 'in'
  | 'ie'
  | 'il'
  | 'uk'
  | 'bd'
  | 'eu'
  | 'au'
  | 'sa'
  | 'other';

export interface ZoneCandidate {
  zone: string;
  region: Region;
}

/** Abbreviation → candidate zones, default first. Upper case as written in schedules. */
export const ABBREVIATIONS: Readonly<Record<string, readonly ZoneCandidate[]>> = {
  // North America
  EST: [{ zone: 'America/New_York', region: 'na' }],
  EDT: [{ zone: 'America/New_York', region: 'na' }],
  ET: [{ zone: 'America/New_York', region: 'na' }],
  CST: [
    { zone: 'America/Chicago', region: 'na' },
    { zone: 'Asia/Shanghai', region: 'cn' },
    { zone: 'Asia/Taipei', region: 'tw' }
  ],
  CDT: [{ zone: 'America/Chicago', region: 'na' }],
  CT: [{ zone: 'America/Chicago', region: 'na' }],
  MST: [
    { zone: 'America/Denver', region: 'na' },
    { zone: 'America/Phoenix', region: 'arizona' }
  ],
  MDT: [{ zone: 'America/Denver', region: 'na' }],
  MT: [{ zone: 'America/Denver', region: 'na' }],
  PST: [
    { zone: 'America/Los_Angeles', region: 'na' },
    { zone: 'Asia/Manila', region: 'ph' }
  ],
  PDT: [{ zone: 'America/Los_Angeles', region: 'na' }],
  PT: [{ zone: 'America/Los_Angeles', region: 'na' }],
  AKST: [{ zone: 'America/Anchorage', region: 'na' }],
  AKDT: [{ zone: 'America/Anchorage', region: 'na' }],
  HST: [{ zone: 'Pacific/Honolulu', region: 'na' }],
  AST: [
    { zone: 'America/Halifax', region: 'na' },
    { zone: 'Asia/Riyadh', region: 'other' }
  ],
  ADT: [{ zone: 'America/Halifax', region: 'na' }],
  NST: [{ zone: 'America/St_Johns', region: 'na' }],
  NDT: [{ zone: 'America/St_Johns', region: 'na' }],
  // Europe and Africa
  GMT: [
    { zone: 'UTC', region: 'other' },
    { zone: 'Europe/London', region: 'uk' }
  ],
  UTC: [{ zone: 'UTC', region: 'other' }],
  BST: [
    { zone: 'Europe/London', region: 'uk' },
    { zone: 'Asia/Dhaka', region: 'bd' }
  ],
  WET: [{ zone: 'Europe/Lisbon', region: 'eu' }],
  WEST: [{ zone: 'Europe/Lisbon', region: 'eu' }],
  CET: [{ zone: 'Europe/Berlin', region: 'eu' }],
  CEST: [{ zone: 'Europe/Berlin', region: 'eu' }],
  MEZ: [{ zone: 'Europe/Berlin', region: 'eu' }],
  MESZ: [{ zone: 'Europe/Berlin', region: 'eu' }],
  EET: [{ zone: 'Europe/Athens', region: 'eu' }],
  EEST: [{ zone: 'Europe/Athens', region: 'eu' }],
  MSK: [{ zone: 'Europe/Moscow', region: 'other' }],
  IST: [
    { zone: 'Asia/Kolkata', region: 'in' },
    { zone: 'Europe/Dublin', region: 'ie' },
    { zone: 'Asia/Jerusalem', region: 'il' }
  ],
  IDT: [{ zone: 'Asia/Jerusalem', region: 'il' }],
  SAST: [{ zone: 'Africa/Johannesburg', region: 'other' }],
  WAT: [{ zone: 'Africa/Lagos', region: 'other' }],
  EAT: [{ zone: 'Africa/Nairobi', region: 'other' }],
  // Asia and Oceania
  GST: [{ zone: 'Asia/Dubai', region: 'other' }],
  PKT: [{ zone: 'Asia/Karachi', region: 'other' }],
  ICT: [{ zone: 'Asia/Bangkok', region: 'other' }],
  WIB: [{ zone: 'Asia/Jakarta', region: 'other' }],
  SGT: [{ zone: 'Asia/Singapore', region: 'other' }],
  HKT: [{ zone: 'Asia/Hong_Kong', region: 'other' }],
  PHT: [{ zone: 'Asia/Manila', region: 'ph' }],
  JST: [{ zone: 'Asia/Tokyo', region: 'other' }],
  KST: [{ zone: 'Asia/Seoul', region: 'other' }],
  AWST: [{ zone: 'Australia/Perth', region: 'au' }],
  ACST: [{ zone: 'Australia/Adelaide', region: 'au' }],
  ACDT: [{ zone: 'Australia/Adelaide', region: 'au' }],
  AEST: [
    { zone: 'Australia/Sydney', region: 'au' },
    { zone: 'Australia/Brisbane', region: 'au' }
  ],
  AEDT: [{ zone: 'Australia/Sydney', region: 'au' }],
  NZST: [{ zone: 'Pacific/Auckland', region: 'other' }],
  NZDT: [{ zone: 'Pacific/Auckland', region: 'other' }],
  // South America
  BRT: [{ zone: 'America/Sao_Paulo', region: 'sa' }],
  ART: [{ zone: 'America/Argentina/Buenos_Aires', region: 'sa' }]
};

/**
 * Abbreviations that are also ordinary words or too short to trust alone ("ET", "WET", "EAT"):
 * they count only right after a clock time ("10am PT") or in parentheses ("(ET)").
 */
export const ABBREVIATIONS_NEEDING_A_TIME: ReadonlySet<string> = new Set([
  'ET',
  'CT',
  'MT',
  'PT',
  'WET',
  'WEST',
  'EAT',
  'AST',
  'ART',
  'GST',
  'ICT',
  'IST',
  'NST',
  'MEZ',
  'WAT',
  'HST'
]);

/** Spelled-out zone names, longest first where one contains another. */
export const LONG_ZONE_NAMES: readonly { name: string; zone: string }[] = [
  { name: 'Mountain Standard Time', zone: 'America/Denver' },
  { name: 'Mountain Daylight Time', zone: 'America/Denver' },
  { name: 'Mountain Time', zone: 'America/Denver' },
  { name: 'Central European Summer Time', zone: 'Europe/Berlin' },
  { name: 'Central European Standard Time', zone: 'Europe/Berlin' },
  { name: 'Central European Time', zone: 'Europe/Berlin' },
  { name: 'Central Standard Time', zone: 'America/Chicago' },
  { name: 'Central Daylight Time', zone: 'America/Chicago' },
  { name: 'Central Time', zone: 'America/Chicago' },
  { name: 'Eastern European Summer Time', zone: 'Europe/Athens' },
  { name: 'Eastern European Time', zone: 'Europe/Athens' },
  { name: 'Eastern Standard Time', zone: 'America/New_York' },
  { name: 'Eastern Daylight Time', zone: 'America/New_York' },
  { name: 'Eastern Time', zone: 'America/New_York' },
  { name: 'Pacific Standard Time', zone: 'America/Los_Angeles' },
  { name: 'Pacific Daylight Time', zone: 'America/Los_Angeles' },
  { name: 'Pacific Time', zone: 'America/Los_Angeles' },
  { name: 'Western European Summer Time', zone: 'Europe/Lisbon' },
  { name: 'Western European Time', zone: 'Europe/Lisbon' },
  { name: 'British Summer Time', zone: 'Europe/London' },
  { name: 'Greenwich Mean Time', zone: 'UTC' },
  { name: 'Coordinated Universal Time', zone: 'UTC' },
  { name: 'Irish Standard Time', zone: 'Europe/Dublin' },
  { name: 'India Standard Time', zone: 'Asia/Kolkata' },
  { name: 'Indian Standard Time', zone: 'Asia/Kolkata' },
  { name: 'Israel Standard Time', zone: 'Asia/Jerusalem' },
  { name: 'Israel Daylight Time', zone: 'Asia/Jerusalem' },
  { name: 'China Standard Time', zone: 'Asia/Shanghai' },
  { name: 'Japan Standard Time', zone: 'Asia/Tokyo' },
  { name: 'Korea Standard Time', zone: 'Asia/Seoul' },
  { name: 'Singapore Standard Time', zone: 'Asia/Singapore' },
  { name: 'Singapore Time', zone: 'Asia/Singapore' },
  { name: 'Australian Eastern Daylight Time', zone: 'Australia/Sydney' },
  { name: 'Australian Eastern Standard Time', zone: 'Australia/Sydney' },
  { name: 'Australian Eastern Time', zone: 'Australia/Sydney' },
  { name: 'Alaska Standard Time', zone: 'America/Anchorage' },
  { name: 'Hawaii Standard Time', zone: 'Pacific/Honolulu' },
  { name: 'Atlantic Standard Time', zone: 'America/Halifax' }
];

/** Context words per region: strong ones settle an ambiguous abbreviation, weak ones only lean. */
export const REGION_WORDS: Readonly<Partial<Record<Region, { strong: readonly string[]; weak: readonly string[] }>>> = {
  na: {
    strong: ['North America', 'United States', 'USA', 'U.S.', 'Canada', 'Mexico', 'Central Time', 'Mountain'],
    weak: ['NA', 'US', 'America', 'American']
  },
  arizona: { strong: ['Arizona', 'Phoenix', 'Tucson', 'Scottsdale', 'Tempe'], weak: [] },
  cn: { strong: ['China', 'Chinese', 'Beijing', 'Shanghai', 'Shenzhen', 'Hangzhou', 'Guangzhou'], weak: ['Asia', 'APAC'] },
  tw: { strong: ['Taiwan', 'Taipei'], weak: [] },
  ph: { strong: ['Philippines', 'Manila'], weak: [] },
  in: { strong: ['India', 'Indian'], weak: ['Asia', 'APAC'] },
  ie: { strong: ['Ireland', 'Irish', 'Dublin'], weak: [] },
  il: { strong: ['Israel', 'Tel Aviv', 'Jerusalem'], weak: [] },
  uk: { strong: ['United Kingdom', 'UK', 'Britain', 'British', 'England', 'Scotland', 'Wales'], weak: ['Europe', 'EU'] },
  bd: { strong: ['Bangladesh', 'Dhaka'], weak: [] },
  eu: { strong: ['Europe', 'European'], weak: ['EU'] },
  au: { strong: ['Australia', 'Australian'], weak: ['ANZ', 'APAC'] }
};

/** Escape a literal for use inside a RegExp. */
export function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}
