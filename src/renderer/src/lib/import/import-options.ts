// Choices the import dialog offers: format names people recognise, and the time zones most
// conferences happen in (the preview's own decision and candidates are added on top).
import type { ImportPreview } from '../../../../shared/contract.ts';
import { IMPORT_FORMATS, type ImportFormat } from '../../../../shared/domain.ts';
import { isValidZone } from '../../../../shared/time.ts';

export type FormatChoice = ImportFormat | 'auto';

export const FORMAT_LABELS: Readonly<Record<ImportFormat, string>> = {
  'sched-text': 'Sched page text',
  markdown: 'Markdown / blog post',
  text: 'Plain text list',
  ics: 'iCalendar (.ics)',
  'frab-xml': 'frab / Pentabarf XML',
  'schedule-json': 'schedule.json (c3voc / pretalx)',
  csv: 'CSV',
  html: 'Saved web page (.html)'
};

export const FORMAT_CHOICES: readonly { value: FormatChoice; label: string }[] = [
  { value: 'auto', label: 'Auto-detect' },
  ...IMPORT_FORMATS.map((f) => ({ value: f, label: FORMAT_LABELS[f] }))
];

export function isFormatChoice(value: string): value is FormatChoice {
  return value === 'auto' || (IMPORT_FORMATS as readonly string[]).includes(value);
}

/** Where conferences tend to be, west to east. */
export const COMMON_ZONES: readonly string[] = [
  'Pacific/Honolulu',
  'America/Los_Angeles',
  'America/Vancouver',
  'America/Denver',
  'America/Phoenix',
  'America/Chicago',
  'America/Mexico_City',
  'America/New_York',
  'America/Toronto',
  'America/Sao_Paulo',
  'UTC',
  'Europe/London',
  'Europe/Dublin',
  'Europe/Lisbon',
  'Europe/Amsterdam',
  'Europe/Berlin',
  'Europe/Brussels',
  'Europe/Paris',
  'Europe/Madrid',
  'Europe/Prague',
  'Europe/Vienna',
  'Europe/Warsaw',
  'Europe/Helsinki',
  'Europe/Athens',
  'Europe/Istanbul',
  'Africa/Johannesburg',
  'Asia/Dubai',
  'Asia/Kolkata',
  'Asia/Singapore',
  'Asia/Shanghai',
  'Asia/Seoul',
  'Asia/Tokyo',
  'Australia/Sydney',
  'Pacific/Auckland'
];

/**
 * The zone select's options: the decision first, then the preview's candidates, then the person's
 * own zones, then the common list. Unknown names are dropped, duplicates kept once.
 */
export function zoneChoices(preview: ImportPreview | null, chosen: string | null, extra: readonly string[]): string[] {
  const ordered = [
    ...(chosen !== null ? [chosen] : []),
    ...(preview !== null ? [preview.zone.zone] : []),
    ...(preview !== null ? preview.candidates : []),
    ...extra,
    ...COMMON_ZONES
  ];
  const seen = new Set<string>();
  const out: string[] = [];
  for (const z of ordered) {
    if (seen.has(z) || !isValidZone(z)) continue;
    seen.add(z);
    out.push(z);
  }
  return out;
}
