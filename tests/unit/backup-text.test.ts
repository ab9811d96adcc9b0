// How backups and a start-up recovery read in the restore dialog, the status line and the banner.
import { describe, expect, it } from 'vitest';
import {
  backupReason,
  backupStamp,
  backupTimeLabels,
  confirmMessage,
  fileName,
  formatBackupTime,
  formatSize,
  recoveryText,
  restoredMessage,
  sortBackups
} from '../../src/renderer/src/lib/backup/backup-text.ts';

// Names as the services write them: <db>-<ISO stamp, ':' and '.' as '-'>-<reason>.db
const DAILY = 'plan-2024-11-13T14-41-57-123Z-daily.db';
const BEFORE_RESTORE = 'plan-2024-11-14T08-00-00-000Z-before-restore.db';
const BEFORE_UPDATE = 'clashless-2024-11-12T09-30-00-000Z-before-v3.db';

describe('a backup in the list', () => {
  it('says why it was taken, from its name', () => {
    expect(backupReason(DAILY)).toBe('Daily copy');
    expect(backupReason(BEFORE_RESTORE)).toBe('Saved before a restore');
    expect(backupReason(BEFORE_UPDATE)).toBe('Saved before updating to data version 3');
    expect(backupReason('something-else.db')).toBe('Backup');
  });

  it('reads the moment from its name', () => {
    expect(backupStamp(DAILY)).toBe(Date.parse('2024-11-13T14:41:57.123Z'));
    expect(backupStamp('plan.db')).toBeNull();
  });

  it('shows when it was taken in the person’s locale and zone', () => {
    const at = Date.parse('2024-11-13T14:41:57.123Z');
    expect(formatBackupTime(at, 'en-US', 'America/Denver')).toBe('Nov 13, 2024, 7:41 AM');
    expect(formatBackupTime(at, 'de-DE', 'Europe/Berlin')).toBe('13.11.2024, 15:41');
    expect(formatBackupTime(at, 'en-US', 'America/Denver', true)).toBe('Nov 13, 2024, 7:41:57 AM');
  });

  it('adds seconds only to backups that would otherwise read the same', () => {
    const list = [
      { name: 'a', takenAt: Date.parse('2024-11-13T14:41:57Z'), sizeBytes: 1 },
      { name: 'b', takenAt: Date.parse('2024-11-13T14:41:03Z'), sizeBytes: 1 },
      { name: 'c', takenAt: Date.parse('2024-11-12T09:00:00Z'), sizeBytes: 1 }
    ];
    const labels = backupTimeLabels(list, 'en-US', 'UTC');
    expect(labels.get('a')).toBe('Nov 13, 2024, 2:41:57 PM');
    expect(labels.get('b')).toBe('Nov 13, 2024, 2:41:03 PM');
    expect(labels.get('c')).toBe('Nov 12, 2024, 9:00 AM');
  });

  it('gives sizes as a file manager does', () => {
    expect(formatSize(0)).toBe('0 bytes');
    expect(formatSize(1)).toBe('1 byte');
    expect(formatSize(1023)).toBe('1023 bytes');
    expect(formatSize(64 * 1024)).toBe('64 KB');
    expect(formatSize(331_776)).toBe('324 KB');
    expect(formatSize(1.5 * 1024 * 1024)).toBe('1.5 MB');
    expect(formatSize(Number.NaN)).toBe('—');
  });

  it('lists the newest first', () => {
    const list = [
      { name: 'old', takenAt: 1, sizeBytes: 1 },
      { name: 'new', takenAt: 3, sizeBytes: 1 },
      { name: 'mid', takenAt: 2, sizeBytes: 1 }
    ];
    expect(sortBackups(list).map((b) => b.name)).toEqual(['new', 'mid', 'old']);
  });
});

describe('restoring', () => {
  it('asks with the warning that the current data is saved first', () => {
    expect(confirmMessage('Nov 13, 2024, 7:41 AM')).toBe(
      'Replace your conferences and plan with the backup from Nov 13, 2024, 7:41 AM? Your current data will be saved as a backup first.'
    );
  });

  it('says what came back and where the replaced data went (a file name, never the whole path)', () => {
    expect(restoredMessage('Nov 13, 2024, 7:41 AM', DAILY, `/home/ana/.config/Clashless/backups/${BEFORE_RESTORE}`)).toBe(
      `Restored the backup from Nov 13, 2024, 7:41 AM. Your previous data was saved as ${BEFORE_RESTORE}.`
    );
    expect(restoredMessage(null, DAILY, BEFORE_RESTORE)).toBe(`Restored “${DAILY}”. Your previous data was saved as ${BEFORE_RESTORE}.`);
  });

  it('takes a file name from either separator', () => {
    expect(fileName('C:\\Users\\ana\\AppData\\Clashless\\plan.db')).toBe('plan.db');
    expect(fileName('/tmp/plan.db.unreadable-2024')).toBe('plan.db.unreadable-2024');
    expect(fileName('plan.db')).toBe('plan.db');
  });
});

describe('the recovery banner', () => {
  it('names where the unreadable file went and which backup came back, with its date', () => {
    const text = recoveryText(
      {
        movedTo: '/data/plan.db.unreadable-2024-11-14T09-00-00-000Z',
        restoredFrom: `/data/backups/${DAILY}`,
        reason: 'file is not a database'
      },
      'en-US',
      'UTC'
    );
    expect(text.movedTo).toBe('/data/plan.db.unreadable-2024-11-14T09-00-00-000Z');
    expect(text.outcome).toBe(
      `Clashless restored the backup from Nov 13, 2024, 2:41 PM (${DAILY}), the newest one that opened cleanly; changes made after it are not in it.`
    );
    expect(text.reason).toBe('file is not a database');
  });

  it('says so plainly when no backup could be opened', () => {
    const text = recoveryText({ movedTo: '/data/plan.db.unreadable-x', restoredFrom: null, reason: 'disk I/O error' });
    expect(text.outcome).toBe('No backup could be opened, so Clashless started with empty data.');
  });
});
