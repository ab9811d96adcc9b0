// A friend's exported agenda, read with the project's one iCalendar parser: its events as the
// matcher wants them, and the X-CLASHLESS-OWNER name a Clashless "share mine" export carries.
import { ClashlessError } from '../../shared/contract.ts';
import { detectFormat } from '../import/detect.ts';
import { parseIcs } from '../import/parsers/ics/read.ts';
import { prepareIcsText, scanIcs } from '../import/parsers/ics/scan.ts';
import { OWNER_PROPERTY } from '../../shared/friends.ts';
import type { FriendEvent } from './match.ts';

export interface FriendAgenda {
  owner: string | null;
  events: FriendEvent[];
}

export function readFriendAgenda(text: string, fileName?: string): FriendAgenda {
  if (text.trim().length === 0) {
    throw new ClashlessError('empty', 'The file is empty: choose the .ics agenda your friend exported.', 'field text');
  }
  if (detectFormat(text, fileName) !== 'ics') {
    throw new ClashlessError(
      'parse-failed',
      `${fileName ?? 'This file'} is not an .ics agenda. A friend's plan is the .ics file they exported (from Clashless, Sched or pretalx favourites).`,
      'line 1'
    );
  }
  // The zone does not matter here: instants in the file are matched as instants.
  const parsed = parseIcs(text, { fileName, timeZone: 'UTC' });
  const owner = scanIcs(prepareIcsText(text).text).calendars.map((c) => c.props.get(OWNER_PROPERTY)?.trim() ?? '').find((o) => o !== '');
  return {
    owner: owner ?? null,
    events: parsed.sessions.map((s) => ({
      uid: s.key,
      title: s.title,
      start: s.start,
      state: s.attributes.Status === 'Tentative' ? 'maybe' : 'going',
      cancelled: s.status === 'cancelled'
    }))
  };
}
