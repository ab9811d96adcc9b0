// Calendar-wide decisions: the conference's zone (which also reads floating times) and its title.
import { ClashlessError } from '../../../../shared/contract.ts';
import type { ImportWarning, ParseOptions, ZoneDecision, ZoneRule } from '../../../../shared/domain.ts';
import { isValidZone } from '../../../../shared/time.ts';
import type { CalendarInfo } from './scan.ts';
import { titleFromFileName, titleFromProdid } from './text.ts';
import { ianaZoner, type ResolvedZone, type Zoner } from './zones.ts';

export interface TimeStats {
  /** DTSTART TZIDs as written, with how many events use each, in order of first use. */
  tzids: Map<string, { count: number; line: number }>;
  /** DATE values and date-times without Z or TZID. */
  floating: number;
  utc: number;
  events: number;
}

export interface ConferenceZone {
  decision: ZoneDecision;
  /** Reads floating times and all-day dates: the file's own rules when they decided. */
  zoner: Zoner;
}

const UTC_NAMES = /^(utc|gmt|z|zulu|uct|universal|etc\/(utc|gmt|uct|universal|zulu)|gmt[+-]0|utc[+-]0)$/i;

const SOURCE_TEXT: Readonly<Record<ResolvedZone['source'], string>> = {
  vtimezone: 'its VTIMEZONE in the file',
  iana: 'a zone name',
  windows: 'a Windows zone name',
  label: 'a Windows zone label',
  offset: 'a UTC offset'
};

function fromResolved(
  resolved: ResolvedZone,
  fallbackName: string,
  detail: string,
  forceGuess: boolean
): ConferenceZone {
  const rule: ZoneRule = resolved.source === 'offset' ? 'utc-offset' : 'zone-name';
  const zone = resolved.iana ?? fallbackName;
  return {
    decision: { zone, rule, detail: `${detail} → ${zone}`, guessed: forceGuess || !resolved.exact || !resolved.iana },
    zoner: resolved.zoner
  };
}

/**
 * The conference zone, in this order: the person's choice; X-WR-TIMEZONE; the TZID
 * most events use; for a file whose times are all UTC, a fallback the preview asks about; for
 * floating times and a file that defines exactly the zone they must mean, that VTIMEZONE;
 * else the fallback with a warning.
 */
export function decideConferenceZone(
  calendars: CalendarInfo[],
  stats: TimeStats,
  vtimezoneIds: string[],
  resolve: (tzid: string) => ResolvedZone | null,
  opts: ParseOptions,
  warnings: ImportWarning[]
): ConferenceZone {
  const fallbackName = opts.fallbackZone && isValidZone(opts.fallbackZone) ? opts.fallbackZone : 'UTC';
  if (opts.timeZone) {
    if (!isValidZone(opts.timeZone)) {
      throw new ClashlessError('bad-request', `"${opts.timeZone}" is not a time zone name. Use a name like "Europe/Berlin".`, 'option timeZone');
    }
    return {
      decision: { zone: opts.timeZone, rule: 'option', detail: `Chosen: ${opts.timeZone}`, guessed: false },
      zoner: ianaZoner(opts.timeZone)
    };
  }

  const hintCalendar = calendars.find((c) => c.props.get('X-WR-TIMEZONE'));
  const hint = hintCalendar?.props.get('X-WR-TIMEZONE') ?? null;
  const hintIsUtc = hint !== null && UTC_NAMES.test(hint.trim());
  if (hint && !hintIsUtc) {
    const resolved = resolve(hint);
    if (resolved) return fromResolved(resolved, fallbackName, `X-WR-TIMEZONE "${hint}" (${SOURCE_TEXT[resolved.source]})`, false);
    warnings.push({ line: hintCalendar?.line ?? null, message: `X-WR-TIMEZONE "${hint}" is not a time zone I know; it was ignored.` });
  }

  const byUse = [...stats.tzids.entries()].sort((a, b) => b[1].count - a[1].count);
  for (const [tzid, use] of byUse) {
    const resolved = resolve(tzid);
    if (!resolved) continue;
    const share = `${use.count} of ${stats.events} event${stats.events === 1 ? '' : 's'}`;
    return fromResolved(resolved, fallbackName, `TZID "${tzid}" on ${share} (${SOURCE_TEXT[resolved.source]})`, false);
  }

  if (stats.floating === 0 && stats.utc > 0) {
    return {
      decision: {
        zone: fallbackName,
        rule: 'utc',
        detail: `All times in the file are in UTC; the conference's own zone is not stated, so ${fallbackName} is shown until you choose one.`,
        guessed: true
      },
      zoner: ianaZoner(fallbackName)
    };
  }
  if (hintIsUtc) {
    return {
      decision: { zone: 'UTC', rule: 'zone-name', detail: `X-WR-TIMEZONE "${hint}" → UTC`, guessed: false },
      zoner: ianaZoner('UTC')
    };
  }
  const onlyDefinition = vtimezoneIds[0];
  if (onlyDefinition !== undefined) {
    const resolved = resolve(onlyDefinition);
    if (resolved) {
      return fromResolved(
        resolved,
        fallbackName,
        `Times have no zone; read with the file's ${vtimezoneIds.length === 1 ? 'only' : 'first'} VTIMEZONE "${onlyDefinition}"`,
        true
      );
    }
  }
  warnings.push({
    line: null,
    message: `Times in this calendar name no time zone; they were read as ${fallbackName}. Choose the conference's zone if that is wrong.`
  });
  return {
    decision: { zone: fallbackName, rule: 'fallback', detail: `No zone in the file; ${fallbackName} assumed.`, guessed: true },
    zoner: ianaZoner(fallbackName)
  };
}

/** X-WR-CALNAME, NAME, a short X-WR-CALDESC, the file name, the PRODID's owner, else a default. */
export function conferenceTitle(calendars: CalendarInfo[], fileName: string | undefined): string {
  const prop = (name: string): string | undefined => {
    for (const calendar of calendars) {
      const value = calendar.props.get(name)?.trim();
      if (value) return value;
    }
    return undefined;
  };
  const description = prop('X-WR-CALDESC');
  const file = titleFromFileName(fileName);
  return (
    prop('X-WR-CALNAME') ??
    prop('NAME') ??
    (description && description.length <= 80 && !description.includes('\n') && !/^event calendar$/i.test(description) ? description : undefined) ??
    (file && !file.generic ? file.title : undefined) ??
    titleFromProdid(prop('PRODID')) ??
    file?.title ??
    'Imported calendar'
  );
}
