// How backups and a start-up recovery read for people: when a copy was taken (in the person's own
// locale and zone: a backup belongs to this computer, not to a conference), why, how big, and what
// a restore or recovery did. Pure.
import type { AppInfo, BackupInfo } from '../../../../shared/contract.ts';

export type Recovery = NonNullable<AppInfo['recovery']>;

/** The services name backups `<db>-<ISO stamp with - for : and .>-<reason>.db`. */
const NAME = /-(\d{4}-\d{2}-\d{2})T(\d{2})-(\d{2})-(\d{2})-(\d{3})Z-([a-z0-9-]+)\.db$/i;

/** Why a backup was taken, from its file name: "Daily copy", "Before a restore", "Before updating to v3". */
export function backupReason(name: string): string {
  const reason = NAME.exec(name)?.[6] ?? '';
  if (reason === 'daily') return 'Daily copy';
  if (reason === 'before-restore') return 'Saved before a restore';
  const version = /^before-v(\d+)$/.exec(reason);
  if (version) return `Saved before updating to data version ${version[1]}`;
  return 'Backup';
}

/** When the services took a backup, from the stamp in its name; null for a name without one. */
export function backupStamp(name: string): number | null {
  const m = NAME.exec(name);
  if (!m) return null;
  const ms = Date.parse(`${m[1]}T${m[2]}:${m[3]}:${m[4]}.${m[5]}Z`);
  return Number.isFinite(ms) ? ms : null;
}

/** "Nov 13, 2024, 2:41 PM" (or with seconds) in the person's locale and zone (both injectable for tests). */
export function formatBackupTime(ms: number, locale?: string, timeZone?: string, seconds = false): string {
  const options: Intl.DateTimeFormatOptions = { dateStyle: 'medium', timeStyle: seconds ? 'medium' : 'short' };
  if (timeZone !== undefined) options.timeZone = timeZone;
  return new Intl.DateTimeFormat(locale, options).format(ms).replace(/[\u202f\u2009\u00a0]/g, ' ');
}

/**
 * A label per backup, by name. Minutes are enough to tell days apart; backups taken within the same
 * minute (a restore right after a start) get their seconds so no two read the same.
 */
export function backupTimeLabels(backups: readonly BackupInfo[], locale?: string, timeZone?: string): Map<string, string> {
  const short = backups.map((b) => formatBackupTime(b.takenAt, locale, timeZone));
  const labels = new Map<string, string>();
  backups.forEach((b, i) => {
    const label = short[i] as string;
    const shared = short.indexOf(label) !== i || short.lastIndexOf(label) !== i;
    labels.set(b.name, shared ? formatBackupTime(b.takenAt, locale, timeZone, true) : label);
  });
  return labels;
}

/** "512 bytes", "64 KB", "1.4 MB": sizes as a file manager shows them (1 KB = 1024 bytes). */
export function formatSize(bytes: number): string {
  if (!Number.isFinite(bytes) || bytes < 0) return '—';
  if (bytes < 1024) return `${Math.round(bytes)} ${bytes === 1 ? 'byte' : 'bytes'}`;
  const units = ['KB', 'MB', 'GB'] as const;
  let value = bytes / 1024;
  let unit = 0;
  while (value >= 1024 && unit < units.length - 1) {
    value /= 1024;
    unit++;
  }
  const shown = value < 10 ? Math.round(value * 10) / 10 : Math.round(value);
  return `${shown} ${units[unit]}`;
}

/** The last part of a path, whichever separator the host uses. */
export function fileName(path: string): string {
  const parts = path.split(/[\\/]/);
  return parts[parts.length - 1] || path;
}

/** Newest first; the services already sort, but the list must not depend on it. */
export function sortBackups(backups: readonly BackupInfo[]): BackupInfo[] {
  return [...backups].sort((a, b) => b.takenAt - a.takenAt || b.name.localeCompare(a.name));
}

/** The status line after a restore: what came back (by its label) and where the data it replaced went. */
export function restoredMessage(label: string | null, name: string, savedCurrentAs: string): string {
  const what = label !== null ? `the backup from ${label}` : `“${name}”`;
  return `Restored ${what}. Your previous data was saved as ${fileName(savedCurrentAs)}.`;
}

/** The confirm step's sentence for one backup, by its label. */
export function confirmMessage(label: string): string {
  return `Replace your conferences and plan with the backup from ${label}? Your current data will be saved as a backup first.`;
}

export interface RecoveryText {
  headline: string;
  /** Where the unreadable file went (a full path, so it can be found). */
  movedTo: string;
  /** What came back instead. */
  outcome: string;
  /** The reason SQLite gave, for whoever looks into it. */
  reason: string;
}

/** The start-up recovery banner, in plain words. */
export function recoveryText(recovery: Recovery, locale?: string, timeZone?: string): RecoveryText {
  const restored = recovery.restoredFrom === null ? null : fileName(recovery.restoredFrom);
  const taken = restored === null ? null : backupStamp(restored);
  const which = taken === null ? `the backup ${restored}` : `the backup from ${formatBackupTime(taken, locale, timeZone)} (${restored})`;
  return {
    headline: 'Your data file could not be read when Clashless started.',
    movedTo: recovery.movedTo,
    outcome:
      restored !== null
        ? `Clashless restored ${which}, the newest one that opened cleanly; changes made after it are not in it.`
        : 'No backup could be opened, so Clashless started with empty data.',
    reason: recovery.reason
  };
}
