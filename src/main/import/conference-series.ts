// Conference series whose editions are held in a known city: a schedule that names an edition
// ("KubeCon + CloudNativeCon EU 2023", "37C3", "FOSDEM") lets the importer propose the zone the
// edition was held in. It stays a proposal (ZoneDecision.guessed): the document did not state its
// zone, so the person confirms it before the import saves (zones.ts decides, this is data).
//
// Every row says where the fact was checked. Rows that could not be checked are left out; add a
// row only with its source.
import type { Region } from './zone-names.ts';

export interface SeriesEdition {
  /** How people name the edition: "KubeCon EU 2023", "37C3", "FOSDEM". */
  name: string;
  /** Where it was held, as people say it: "Amsterdam". */
  place: string;
  zone: string;
  region: Region;
  /** The edition's year, or null for a series held in the same city every year. */
  year: number | null;
  /** The date of the edition's day 1 ("2019-12-27"), when a source gives it: day numbers in a schedule count from it. */
  firstDay?: string;
}

type KubeConRegion = 'eu' | 'na' | 'china' | 'india' | 'japan';

interface Row {
  year: number;
  place: string;
  zone: string;
  firstDay?: string;
}

const KUBECON: Readonly<Record<KubeConRegion, readonly Row[]>> = {
  eu: [
    // CNCF news (cncf.io/news/2022/11/01/evaluator-group-kubecon-2022-from-devops-to-platformops): "May 2022 in Valencia, Spain".
    { year: 2022, place: 'Valencia', zone: 'Europe/Madrid' },
    // Announced at the Valencia keynote (https://nl.devoteam.com/people/kubecon-europe-2022-day-1-roundup/); held at the RAI
    // Amsterdam (https://spectrocloud.com/blog/kubecon-europe-2023-the-cloud-native-landscape-in-bloom).
    { year: 2023, place: 'Amsterdam', zone: 'Europe/Amsterdam' },
    // CNCF's NA 2023 transparency report (https://www.cncf.io/reports/kubecon-cloudnativecon-north-america-2023/): "next March in Paris".
    { year: 2024, place: 'Paris', zone: 'Europe/Paris' },
    // CNCF blog (https://www.cncf.io/blog/2025/05/09/tea-peaches-kubecon-cloudnativecon-london-recap-atlanta-sneak-peek): "Europe 2025 in London".
    { year: 2025, place: 'London', zone: 'Europe/London' },
    // CNCF blog, EU 2024 day four (https://www.cncf.io/blog/2024/03/22/kubecon-cloudnativecon-europe-2024-day-four-how-cloud-native-is-powering-the-ai-movement-and-other-news/):
    // "Amsterdam in spring 2026".
    { year: 2026, place: 'Amsterdam', zone: 'Europe/Amsterdam' }
  ],
  na: [
    // Keynote report from Detroit (https://www.computerweekly.com/blog/CW-Developer-Network/KubeCon-CloudNativeCon-2022-Detroit-Live-keynote-report).
    { year: 2022, place: 'Detroit', zone: 'America/Detroit' },
    // CNCF's transparency report (https://www.cncf.io/reports/kubecon-cloudnativecon-north-america-2023/): "What an amazing week in Chicago!".
    { year: 2023, place: 'Chicago', zone: 'America/Chicago' },
    // CNCF blog, EU 2024 day four (URL above): "Salt Lake City this fall"; the Sched site
    // (https://kccncna2024.sched.com/) shows the schedule in Mountain Standard Time.
    { year: 2024, place: 'Salt Lake City', zone: 'America/Denver' },
    // CNCF blog (London recap URL above): "the next gathering in Atlanta this November".
    { year: 2025, place: 'Atlanta', zone: 'America/New_York' },
    // CNCF blog, EU 2024 day four (URL above): "Los Angeles in fall 2026".
    { year: 2026, place: 'Los Angeles', zone: 'America/Los_Angeles' }
  ],
  china: [
    // Attendee report (https://ryan4yin.space/en/posts/kubecon-china-2024): "KubeCon China would be held in Hong Kong this year".
    { year: 2024, place: 'Hong Kong', zone: 'Asia/Hong_Kong' }
  ],
  india: [
    // Attendee report (https://planet.dgplug.org): "KubeCon + CloudNativeCon India 2024 took place in ... Delhi, India".
    { year: 2024, place: 'Delhi', zone: 'Asia/Kolkata' }
  ],
  japan: [
    // Attendee report (https://www.creationline.com/tech-blog/news/event/78048): the first edition in Japan, June 16–17, 2025.
    // The city is not in the source; the whole country keeps one zone.
    { year: 2025, place: 'Japan', zone: 'Asia/Tokyo' }
  ]
};

const KUBECON_LABEL: Readonly<Record<KubeConRegion, string>> = { eu: 'EU', na: 'NA', china: 'China', india: 'India', japan: 'Japan' };
const KUBECON_REGION: Readonly<Record<KubeConRegion, Region>> = { eu: 'eu', na: 'na', china: 'other', india: 'in', japan: 'other' };

/** Chaos Communication Congress editions ("37C3") → year and city; every one is in Germany. */
const CCC: Readonly<Record<number, Row>> = {
  // Attendee report (https://nico.is/blog/31c3/): "in Hamburg zum 31. Mal".
  31: { year: 2014, place: 'Hamburg', zone: 'Europe/Berlin' },
  // Attendee report (https://nightsi.de/32c3-impressionen): "32. Chaos Communication Congress in Hamburg".
  32: { year: 2015, place: 'Hamburg', zone: 'Europe/Berlin' },
  // Motherboard (https://motherboard.vice.com/de/article/nz3jbm/alle-systeme-hochfahren-12000-hacker-versammeln-sich-fuer-den-33c3-in-hamburg).
  33: { year: 2016, place: 'Hamburg', zone: 'Europe/Berlin' },
  // The CCC's 37C3 announcement as quoted by netzpolitik.org
  // (https://netzpolitik.org/2023/konferenz-ccc-veranstaltet-nach-drei-jahren-pause-wieder-hackerkongress/): three congresses
  // at the Messe Leipzig while the CCH was rebuilt, i.e. 34C3–36C3.
  // Day 1: "Vom 27. bis zum 30. Dezember findet in der Messe Leipzig der 34C3 statt" (https://autonome-antifa.org/breve6461).
  34: { year: 2017, place: 'Leipzig', zone: 'Europe/Berlin', firstDay: '2017-12-27' },
  // VICE (https://www.vice.com/de/article/35c3-leipzig-chaos-computer-club-congress-bilderserie/).
  // Day 1: heise, 27 Dec 2018 (https://www.heise.de/newsticker/meldung/35-CCC-Hackerkongress-startet-in-Leipzig-4259437.html):
  // "Vom heutigen Donnerstag an … bis Sonntag".
  35: { year: 2018, place: 'Leipzig', zone: 'Europe/Berlin', firstDay: '2018-12-27' },
  // heise (https://www.heise.de/newsticker/meldung/36C3-Hacken-gegen-Resource-Exhaustion-4623877.html).
  // Day 1: the same article, "am heutigen Freitag … begonnen" (Friday 27 December 2019); LVZ
  // (https://www.lvz.de/Leipzig/Lokales/Tausende-Hacker-Experten-in-Leipzig-erwartet): "von Freitag bis Montag".
  36: { year: 2019, place: 'Leipzig', zone: 'Europe/Berlin', firstDay: '2019-12-27' },
  // heise (https://heise-online.de/news/37C3-Kongress-des-CCC-dieses-Jahr-live-und-in-Farbe-9326950.html): in the Hamburg CCH.
  37: { year: 2023, place: 'Hamburg', zone: 'Europe/Berlin' },
  // heise (https://heise.de/news/38C3-Hackertreffen-unter-dem-Motto-Illegal-Instructions-9954184.html): Congress Center Hamburg.
  38: { year: 2024, place: 'Hamburg', zone: 'Europe/Berlin' },
  // The CCC's own announcement (https://www.ccc.de/de/updates/2025/39c3-power-cycles): "im CCH im Herzen Hamburgs".
  39: { year: 2025, place: 'Hamburg', zone: 'Europe/Berlin' }
};

/** PyCon US by year. */
const PYCON_US: Readonly<Record<number, Row>> = {
  // Location history (https://en.wikipedia.org/wiki/Python_Conference): Cleveland, Ohio for 2018–2019.
  2018: { year: 2018, place: 'Cleveland', zone: 'America/New_York' },
  2019: { year: 2019, place: 'Cleveland', zone: 'America/New_York' },
  // PyCon's own announcement (https://pycon.blogspot.com/2020/12/announcing-pycon-us-20222023.html): Salt Palace, Salt Lake City.
  2022: { year: 2022, place: 'Salt Lake City', zone: 'America/Denver' },
  2023: { year: 2023, place: 'Salt Lake City', zone: 'America/Denver' },
  // The conference chair to Technical.ly (https://technical.ly/?p=181891): Pittsburgh in 2024 and 2025.
  2024: { year: 2024, place: 'Pittsburgh', zone: 'America/New_York' },
  2025: { year: 2025, place: 'Pittsburgh', zone: 'America/New_York' },
  // The conference chairs on Django Chat (https://djangochat.com/episodes/pycon-us-2026-elaine-wong-jon-banafato): Long Beach, CA.
  2026: { year: 2026, place: 'Long Beach', zone: 'America/Los_Angeles' }
};

// FOSDEM devroom page (https://github.com/fosdem-testingautomation/fosdem-testingautomation.github.io): "hosted in person at
// ULB Solbosch Campus, Brussels, Belgium"; the same campus every year (https://archive.fosdem.org/2020/).
const FOSDEM: SeriesEdition = { name: 'FOSDEM', place: 'Brussels', zone: 'Europe/Brussels', region: 'eu', year: null };

export interface SeriesMatch {
  edition: SeriesEdition;
  /** Offset and text of the words that named it. */
  index: number;
  text: string;
  /** The text named no year; the year of the document's dates chose the edition. */
  yearFromDates: boolean;
}

const KUBECON_RE =
  /(?<![\p{L}\p{N}])[Kk]ube[Cc]on(?:[ \t]*(?:\+|&|and)[ \t]*[Cc]loud[Nn]ative[Cc]on)?(?:[ \t]*[-–:,]?[ \t]*(?<year1>20\d{2}|[’']\d{2})(?![\p{L}\p{N}]))?[ \t]*[-–:,]?[ \t]*(?<region>EU|Europe(?:an)?|NA|North[ \t]+America(?:n)?|China|India|Japan)(?![\p{L}])(?:[ \t]*[-–:,]?[ \t]*(?<year2>20\d{2}|[’']\d{2})(?![\p{N}]))?/gu;
const CCC_RE = /(?<![\p{L}\p{N}])(?<n>3\d)C3(?![\p{L}\p{N}])/gu;
const PYCON_RE = /(?<![\p{L}\p{N}])PyCon[ \t]+US(?:[ \t]*(?<year>20\d{2}|[’']\d{2}))?(?![\p{L}\p{N}])/gu;
const FOSDEM_RE = /(?<![\p{L}\p{N}])FOSDEM(?![\p{L}])/gu;

function readYear(raw: string | undefined): number | null {
  if (!raw) return null;
  const digits = raw.replace(/^[’']/, '');
  const n = Number(digits);
  if (!Number.isInteger(n)) return null;
  return digits.length === 2 ? 2000 + n : n;
}

function kubeconRegion(word: string): KubeConRegion {
  if (/^(?:EU|Europe)/.test(word)) return 'eu';
  if (/^(?:NA|North)/.test(word)) return 'na';
  return word.toLowerCase() as KubeConRegion;
}

/** The one year the document's dates are in, or null when they span several or there are none. */
function onlyYear(years: readonly number[]): number | null {
  const set = new Set(years);
  return set.size === 1 ? [...set][0]! : null;
}

/**
 * Every conference edition the text names that this table knows. `datedYears` are the years of
 * the document's dates: they pick the edition when the text names the series but no year.
 */
export function findSeriesEditions(text: string, datedYears: readonly number[]): SeriesMatch[] {
  const out: SeriesMatch[] = [];
  const fallbackYear = onlyYear(datedYears);
  for (const m of text.matchAll(KUBECON_RE)) {
    const g = m.groups ?? {};
    const region = kubeconRegion(g['region'] ?? '');
    const stated = readYear(g['year1'] ?? g['year2']);
    const year = stated ?? fallbackYear;
    const row = year === null ? undefined : KUBECON[region].find((r) => r.year === year);
    if (!row) continue;
    out.push({
      edition: { name: `KubeCon ${KUBECON_LABEL[region]} ${row.year}`, place: row.place, zone: row.zone, region: KUBECON_REGION[region], year: row.year },
      index: m.index,
      text: m[0].trim(),
      yearFromDates: stated === null
    });
  }
  for (const m of text.matchAll(CCC_RE)) {
    const n = Number(m.groups?.['n']);
    const row = CCC[n];
    if (!row) continue;
    out.push({
      edition: { name: `${n}C3`, place: row.place, zone: row.zone, region: 'eu', year: row.year, ...(row.firstDay ? { firstDay: row.firstDay } : {}) },
      index: m.index,
      text: m[0],
      yearFromDates: false
    });
  }
  for (const m of text.matchAll(PYCON_RE)) {
    const stated = readYear(m.groups?.['year']);
    const year = stated ?? fallbackYear;
    const row = year === null ? undefined : PYCON_US[year];
    if (!row) continue;
    out.push({
      edition: { name: `PyCon US ${row.year}`, place: row.place, zone: row.zone, region: 'na', year: row.year },
      index: m.index,
      text: m[0].trim(),
      yearFromDates: stated === null
    });
  }
  for (const m of text.matchAll(FOSDEM_RE)) {
    out.push({ edition: FOSDEM, index: m.index, text: m[0], yearFromDates: false });
  }
  return out;
}
