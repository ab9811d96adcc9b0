// Which link of an event is the recording of that talk (session.recording_url, migration 0070).
//
// Policy: only what the schedule itself says, and nothing on a guess. Schedules link many videos
// that are not this talk — a speaker's earlier talk at another event, a demo, a channel — so a link
// on a video site is not enough. A link counts when:
//   - it comes from a field that only ever holds this talk's recording (schedule JSON `recording_url`,
//     `video_url`, or `recording`/`video` when that holds a web address, not a setting such as
//     "RECORD_BY_DEFAULT"); or
//   - its title says it is the recording ("Video recording (mp4)", "Recording", "Video"), as frab
//     and FOSDEM write it; or
//   - it points into the conference's own archive for this very event: video.fosdem.org (not
//     validate.video.fosdem.org, whose review links expire), or a media.ccc.de / cdn.media.ccc.de
//     file or page whose name starts with the conference acronym and the event id ("36c3-10652-…").
//     A media.ccc.de link to "35c3-9486-hebocon" in the 36c3 schedule is another talk and does not
//     count.
// Of several, a media.ccc.de page (which plays in any browser) wins, then an .mp4, then the first
// in document order. Only http(s) addresses are kept, trimmed, at most 2,000 characters.
import { escapeRegExp } from './zone-names.ts';

export interface RecordingLink {
  href: string;
  title: string | null;
}

export interface RecordingSource {
  /** Links and attachments of the event, in document order. */
  links: readonly RecordingLink[];
  /** Values of fields that hold this talk's recording by definition (schedule JSON). */
  recordingFields: readonly string[];
}

export interface RecordingContext {
  /** The conference acronym ("36c3") and the event id ("10652"), when the schedule gives them. */
  acronym: string | null;
  eventId: string | null;
}

const MAX_URL = 2_000;
const RECORDING_TITLE = /^\s*(?:video\s+recording|recording|video|aufzeichnung|mitschnitt)\b(?:\s*\([^)]*\))?\s*$/i;

function webAddress(text: string | null | undefined): URL | null {
  const trimmed = text?.trim() ?? '';
  if (trimmed.length === 0 || trimmed.length > MAX_URL || !/^https?:\/\//i.test(trimmed)) return null;
  try {
    return new URL(trimmed);
  } catch {
    return null;
  }
}

/** A link into the conference's own recording archive for this event. */
function isArchiveOfThisEvent(url: URL, context: RecordingContext): boolean {
  const host = url.hostname.toLowerCase();
  if (host === 'video.fosdem.org') return true;
  if (host !== 'media.ccc.de' && host !== 'cdn.media.ccc.de' && host !== 'static.media.ccc.de') return false;
  const acronym = context.acronym?.trim();
  const id = context.eventId?.trim();
  if (!acronym || !id) return false;
  let name: string;
  try {
    name = decodeURIComponent(url.pathname.split('/').pop() ?? '');
  } catch {
    return false; // a stray "%" (".../50%-off"): not a name this archive gives an event
  }
  return new RegExp(`^${escapeRegExp(acronym)}-${escapeRegExp(id)}-`, 'i').test(name);
}

function rank(url: URL): number {
  if (url.hostname.toLowerCase() === 'media.ccc.de' && url.pathname.startsWith('/v/')) return 0;
  return /\.mp4$/i.test(url.pathname) ? 1 : 2;
}

/** The recording of this talk as the schedule gives it, or null. */
export function pickRecording(source: RecordingSource, context: RecordingContext): string | null {
  for (const field of source.recordingFields) {
    const url = webAddress(field);
    if (url) return field.trim();
  }
  let best: { href: string; rank: number } | null = null;
  for (const link of source.links) {
    const url = webAddress(link.href);
    if (!url) continue;
    const saysRecording = link.title !== null && RECORDING_TITLE.test(link.title) && url.hostname.toLowerCase() !== 'validate.video.fosdem.org';
    if (!saysRecording && !isArchiveOfThisEvent(url, context)) continue;
    const r = rank(url);
    if (best === null || r < best.rank) best = { href: link.href.trim(), rank: r };
  }
  return best?.href ?? null;
}
