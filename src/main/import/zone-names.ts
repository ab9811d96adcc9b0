// Tables behind time-zone resolution: abbreviations, spelled-out zone names, regions and the
// cities/venues conferences happen in. Data only; the decisions live in ../zones.ts.
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

export interface Place {
  name: string;
  zone: string;
  region: Region;
  /** Also a first name or an ordinary word: counts only after "in"/"at" or before ", <state>". */
  needsContext?: boolean;
  /** A venue (a convention centre), not a city: naming it says where the event is. */
  venue?: boolean;
}

/** Common conference cities and venues. Longest names first is not needed: the matcher sorts. */
export const PLACES: readonly Place[] = [
  // North America
  { name: 'Chicago', zone: 'America/Chicago', region: 'na' },
  { name: 'McCormick Place', zone: 'America/Chicago', region: 'na', venue: true },
  { name: 'Salt Lake City', zone: 'America/Denver', region: 'na' },
  { name: 'Salt Palace', zone: 'America/Denver', region: 'na', venue: true },
  { name: 'Utah', zone: 'America/Denver', region: 'na' },
  { name: 'Denver', zone: 'America/Denver', region: 'na', needsContext: true },
  { name: 'Colorado', zone: 'America/Denver', region: 'na' },
  { name: 'Phoenix', zone: 'America/Phoenix', region: 'arizona' },
  { name: 'Arizona', zone: 'America/Phoenix', region: 'arizona' },
  { name: 'Seattle', zone: 'America/Los_Angeles', region: 'na' },
  { name: 'San Francisco', zone: 'America/Los_Angeles', region: 'na' },
  { name: 'Moscone', zone: 'America/Los_Angeles', region: 'na', venue: true },
  { name: 'San Jose', zone: 'America/Los_Angeles', region: 'na' },
  { name: 'San Diego', zone: 'America/Los_Angeles', region: 'na' },
  { name: 'Los Angeles', zone: 'America/Los_Angeles', region: 'na' },
  { name: 'Las Vegas', zone: 'America/Los_Angeles', region: 'na' },
  { name: 'Portland', zone: 'America/Los_Angeles', region: 'na' },
  { name: 'Vancouver', zone: 'America/Vancouver', region: 'na' },
  { name: 'Austin', zone: 'America/Chicago', region: 'na', needsContext: true },
  { name: 'Dallas', zone: 'America/Chicago', region: 'na', needsContext: true },
  { name: 'Houston', zone: 'America/Chicago', region: 'na', needsContext: true },
  { name: 'New Orleans', zone: 'America/Chicago', region: 'na' },
  { name: 'Minneapolis', zone: 'America/Chicago', region: 'na' },
  { name: 'Kansas City', zone: 'America/Chicago', region: 'na' },
  { name: 'Mexico City', zone: 'America/Mexico_City', region: 'na' },
  { name: 'New York', zone: 'America/New_York', region: 'na' },
  { name: 'Javits Center', zone: 'America/New_York', region: 'na', venue: true },
  { name: 'Boston', zone: 'America/New_York', region: 'na' },
  { name: 'Washington, DC', zone: 'America/New_York', region: 'na' },
  { name: 'Washington DC', zone: 'America/New_York', region: 'na' },
  { name: 'Philadelphia', zone: 'America/New_York', region: 'na' },
  { name: 'Pittsburgh', zone: 'America/New_York', region: 'na' },
  { name: 'Detroit', zone: 'America/Detroit', region: 'na' },
  { name: 'Atlanta', zone: 'America/New_York', region: 'na' },
  { name: 'Miami', zone: 'America/New_York', region: 'na' },
  { name: 'Orlando', zone: 'America/New_York', region: 'na', needsContext: true },
  { name: 'Raleigh', zone: 'America/New_York', region: 'na' },
  { name: 'Toronto', zone: 'America/Toronto', region: 'na' },
  { name: 'Montreal', zone: 'America/Toronto', region: 'na' },
  { name: 'Montréal', zone: 'America/Toronto', region: 'na' },
  { name: 'Ottawa', zone: 'America/Toronto', region: 'na' },
  { name: 'Honolulu', zone: 'Pacific/Honolulu', region: 'na' },
  // Europe
  { name: 'London', zone: 'Europe/London', region: 'uk' },
  { name: 'ExCeL', zone: 'Europe/London', region: 'uk', venue: true },
  { name: 'Manchester', zone: 'Europe/London', region: 'uk' },
  { name: 'Edinburgh', zone: 'Europe/London', region: 'uk' },
  { name: 'Dublin', zone: 'Europe/Dublin', region: 'ie' },
  { name: 'Lisbon', zone: 'Europe/Lisbon', region: 'eu' },
  { name: 'Porto', zone: 'Europe/Lisbon', region: 'eu' },
  { name: 'Paris', zone: 'Europe/Paris', region: 'eu', needsContext: true },
  { name: 'Lyon', zone: 'Europe/Paris', region: 'eu' },
  { name: 'Amsterdam', zone: 'Europe/Amsterdam', region: 'eu' },
  { name: 'Rotterdam', zone: 'Europe/Amsterdam', region: 'eu' },
  { name: 'Brussels', zone: 'Europe/Brussels', region: 'eu' },
  { name: 'Berlin', zone: 'Europe/Berlin', region: 'eu' },
  { name: 'Hamburg', zone: 'Europe/Berlin', region: 'eu' },
  { name: 'Munich', zone: 'Europe/Berlin', region: 'eu' },
  { name: 'München', zone: 'Europe/Berlin', region: 'eu' },
  { name: 'Leipzig', zone: 'Europe/Berlin', region: 'eu' },
  { name: 'Frankfurt', zone: 'Europe/Berlin', region: 'eu' },
  { name: 'Cologne', zone: 'Europe/Berlin', region: 'eu' },
  { name: 'Köln', zone: 'Europe/Berlin', region: 'eu' },
  { name: 'Vienna', zone: 'Europe/Vienna', region: 'eu' },
  { name: 'Wien', zone: 'Europe/Vienna', region: 'eu' },
  { name: 'Zurich', zone: 'Europe/Zurich', region: 'eu' },
  { name: 'Zürich', zone: 'Europe/Zurich', region: 'eu' },
  { name: 'Geneva', zone: 'Europe/Zurich', region: 'eu' },
  { name: 'Copenhagen', zone: 'Europe/Copenhagen', region: 'eu' },
  { name: 'Stockholm', zone: 'Europe/Stockholm', region: 'eu' },
  { name: 'Oslo', zone: 'Europe/Oslo', region: 'eu' },
  { name: 'Helsinki', zone: 'Europe/Helsinki', region: 'eu' },
  { name: 'Prague', zone: 'Europe/Prague', region: 'eu' },
  { name: 'Brno', zone: 'Europe/Prague', region: 'eu' },
  { name: 'Warsaw', zone: 'Europe/Warsaw', region: 'eu' },
  { name: 'Kraków', zone: 'Europe/Warsaw', region: 'eu' },
  { name: 'Krakow', zone: 'Europe/Warsaw', region: 'eu' },
  { name: 'Budapest', zone: 'Europe/Budapest', region: 'eu' },
  { name: 'Madrid', zone: 'Europe/Madrid', region: 'eu' },
  { name: 'Barcelona', zone: 'Europe/Madrid', region: 'eu' },
  { name: 'Valencia', zone: 'Europe/Madrid', region: 'eu' },
  { name: 'Bilbao', zone: 'Europe/Madrid', region: 'eu' },
  { name: 'Milan', zone: 'Europe/Rome', region: 'eu' },
  { name: 'Rome', zone: 'Europe/Rome', region: 'eu' },
  { name: 'Athens', zone: 'Europe/Athens', region: 'eu' },
  { name: 'Bucharest', zone: 'Europe/Bucharest', region: 'eu' },
  { name: 'Sofia', zone: 'Europe/Sofia', region: 'eu', needsContext: true },
  { name: 'Kyiv', zone: 'Europe/Kyiv', region: 'eu' },
  { name: 'Istanbul', zone: 'Europe/Istanbul', region: 'other' },
  { name: 'Moscow', zone: 'Europe/Moscow', region: 'other' },
  // Asia, Oceania, elsewhere
  { name: 'Tel Aviv', zone: 'Asia/Jerusalem', region: 'il' },
  { name: 'Jerusalem', zone: 'Asia/Jerusalem', region: 'il' },
  { name: 'Dubai', zone: 'Asia/Dubai', region: 'other' },
  { name: 'Bangalore', zone: 'Asia/Kolkata', region: 'in' },
  { name: 'Bengaluru', zone: 'Asia/Kolkata', region: 'in' },
  { name: 'Hyderabad', zone: 'Asia/Kolkata', region: 'in' },
  { name: 'Mumbai', zone: 'Asia/Kolkata', region: 'in' },
  { name: 'New Delhi', zone: 'Asia/Kolkata', region: 'in' },
  { name: 'Delhi', zone: 'Asia/Kolkata', region: 'in' },
  { name: 'Chennai', zone: 'Asia/Kolkata', region: 'in' },
  { name: 'Pune', zone: 'Asia/Kolkata', region: 'in' },
  { name: 'Kochi', zone: 'Asia/Kolkata', region: 'in' },
  { name: 'Dhaka', zone: 'Asia/Dhaka', region: 'bd' },
  { name: 'Singapore', zone: 'Asia/Singapore', region: 'other' },
  { name: 'Kuala Lumpur', zone: 'Asia/Kuala_Lumpur', region: 'other' },
  { name: 'Jakarta', zone: 'Asia/Jakarta', region: 'other' },
  { name: 'Bangkok', zone: 'Asia/Bangkok', region: 'other' },
  { name: 'Hong Kong', zone: 'Asia/Hong_Kong', region: 'other' },
  { name: 'Shanghai', zone: 'Asia/Shanghai', region: 'cn' },
  { name: 'Beijing', zone: 'Asia/Shanghai', region: 'cn' },
  { name: 'Shenzhen', zone: 'Asia/Shanghai', region: 'cn' },
  { name: 'Hangzhou', zone: 'Asia/Shanghai', region: 'cn' },
  { name: 'Taipei', zone: 'Asia/Taipei', region: 'tw' },
  { name: 'Manila', zone: 'Asia/Manila', region: 'ph' },
  { name: 'Seoul', zone: 'Asia/Seoul', region: 'other' },
  { name: 'Tokyo', zone: 'Asia/Tokyo', region: 'other' },
  { name: 'Osaka', zone: 'Asia/Tokyo', region: 'other' },
  { name: 'Sydney', zone: 'Australia/Sydney', region: 'au', needsContext: true },
  { name: 'Melbourne', zone: 'Australia/Melbourne', region: 'au' },
  { name: 'Brisbane', zone: 'Australia/Brisbane', region: 'au' },
  { name: 'Adelaide', zone: 'Australia/Adelaide', region: 'au', needsContext: true },
  { name: 'Perth', zone: 'Australia/Perth', region: 'au' },
  { name: 'Auckland', zone: 'Pacific/Auckland', region: 'other' },
  { name: 'Wellington', zone: 'Pacific/Auckland', region: 'other' },
  { name: 'São Paulo', zone: 'America/Sao_Paulo', region: 'sa' },
  { name: 'Sao Paulo', zone: 'America/Sao_Paulo', region: 'sa' },
  { name: 'Buenos Aires', zone: 'America/Argentina/Buenos_Aires', region: 'sa' },
  { name: 'Cape Town', zone: 'Africa/Johannesburg', region: 'other' },
  { name: 'Johannesburg', zone: 'Africa/Johannesburg', region: 'other' },
  { name: 'Nairobi', zone: 'Africa/Nairobi', region: 'other' },
  { name: 'Lagos', zone: 'Africa/Lagos', region: 'other' }
];

/*
 * Organisation names that contain a place say nothing about where an event is: a speaker from the
 * "Technische Universität Wien" or a user like the "New York Times" does not put a Paris or
 * Amsterdam conference in Vienna or New York. zones.ts builds its patterns from these words:
 * an organisation word before a place (optionally joined by "of", "de" …), a place before an
 * organisation word or a legal form, and a nationality before an organisation word.
 */

/** Word stems that make any word an organisation word: "University", "Universität", "Universidad", "Hochschule", "Wirtschaftsuniversität". */
export const ORGANISATION_STEMS: readonly string[] = ['niversit', 'niversid', 'ochschule'];

/** Organisation words written before the place: "Bank of America", "College London"… */
export const ORGANISATION_BEFORE_PLACE: readonly string[] = [
  'College',
  'Institute',
  'Institut',
  'Instituto',
  'Istituto',
  'Academy',
  'Akademie',
  'Polytechnic',
  'Politecnico',
  'School',
  'Bank',
  'Banque',
  'Banco',
  'Banca',
  'Museum',
  'Government',
  'Embassy',
  'Consulate',
  'Port',
  'Air',
  'TU',
  'TH',
  'FH',
  'LMU',
  'ETH',
  'KTH'
];

/** Words joining an organisation word to its place: "University of …", "Université de …", "Universität zu …". */
export const ORGANISATION_CONNECTORS: readonly string[] = ['of the', 'of', 'de la', 'de', 'di', 'du', 'des', 'della', 'del', 'der', 'für', 'zu', "d'", 'd’'];

/** Organisation words written after the place: "New York Times", "Boston Dynamics", "Chicago Tribune"… */
export const ORGANISATION_AFTER_PLACE: readonly string[] = [
  'Times',
  'Post',
  'Tribune',
  'Globe',
  'Herald',
  'Journal',
  'Chronicle',
  'Gazette',
  'Star',
  'Examiner',
  'Inquirer',
  'Observer',
  'Standard',
  'Daily',
  'Zeitung',
  'Rundschau',
  'Stock Exchange',
  'Exchange',
  'Bank',
  'College',
  'Institute',
  'Institut',
  'School',
  'Polytechnic',
  'Dynamics',
  'Consulting',
  'Airport',
  'Airlines',
  'Airways',
  'Mobile',
  'Telecom',
  'Telekom',
  'Unicom',
  'Today',
  'Philharmonic',
  'Symphony',
  'Orchestra',
  'Opera',
  'Zoo',
  'Hospital',
  'Clinic'
];

/** Legal forms: "Berlin Partner GmbH", "Toronto Dominion Bank Ltd." (a place and up to two more words before them). */
export const LEGAL_FORMS: readonly string[] = [
  'Inc.',
  'Inc',
  'Ltd.',
  'Ltd',
  'LLC',
  'GmbH',
  'AG',
  'SE',
  'plc',
  'PLC',
  'Corp.',
  'Corp',
  'Co.',
  'S.A.',
  'B.V.',
  'BV',
  'N.V.',
  'NV',
  'Pty',
  'Oy',
  'AB',
  'S.p.A.',
  'SAS',
  'SARL'
];

/** Nationalities that, before an organisation word, name an organisation: "American Express", "Indian Institute of …". */
export const NATIONALITY_ADJECTIVES: readonly string[] = [
  'American',
  'British',
  'European',
  'Chinese',
  'Indian',
  'Irish',
  'Canadian',
  'Australian',
  'Japanese',
  'German',
  'French',
  'Dutch',
  'Israeli',
  'Mexican',
  'Brazilian'
];

/** Organisation words after a nationality. */
export const ORGANISATION_AFTER_NATIONALITY: readonly string[] = [
  'Airlines',
  'Airways',
  'Express',
  'Bank',
  'Central Bank',
  'Broadcasting',
  'Commission',
  'Union',
  'Parliament',
  'Space Agency',
  'Institute',
  'Society',
  'Association',
  'Council',
  'Museum',
  'Library',
  'Academy'
];

/** Zones for UTC offsets that no whole-hour Etc/GMT zone covers. */
export const FRACTIONAL_OFFSET_ZONES: Readonly<Record<number, string>> = {
  330: 'Asia/Kolkata',
  345: 'Asia/Kathmandu',
  570: 'Australia/Adelaide',
  210: 'Asia/Tehran',
  [-210]: 'America/St_Johns',
  390: 'Asia/Yangon',
  630: 'Australia/Lord_Howe'
};

/** Escape a literal for use inside a RegExp. */
export function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}
