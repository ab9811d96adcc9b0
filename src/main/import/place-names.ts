// Tables behind reading where an event is: the cities and venues conferences happen in (each with
// its zone and region), and the words that make a place name part of an organisation's name
// ("University of Vienna", "Berlin GmbH") rather than where the event is. Data only; zone-evidence.ts
// matches them.
import type { Region } from './zone-names.ts';

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
