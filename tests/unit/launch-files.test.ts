import { describe, expect, it } from 'vitest';
import { filesFromArgv, isOpenableFile } from '../../src/main/launch-files.ts';

describe('files handed over on the command line', () => {
  it('skips the executable when packaged', () => {
    expect(filesFromArgv(['/opt/Clashless/clashless', '/home/me/kubecon.ics'], true)).toEqual(['/home/me/kubecon.ics']);
  });

  it('skips electron and the app folder when running from source', () => {
    expect(filesFromArgv(['/repo/node_modules/electron/dist/electron', '.', 'talks.csv'], false)).toEqual(['talks.csv']);
  });

  it('ignores switches Chromium and the OS add', () => {
    const argv = ['C:\\Clashless.exe', '--allow-file-access-from-files', '--original-process-start-time=1', 'C:\\Users\\me\\fosdem.xml'];
    expect(filesFromArgv(argv, true)).toEqual(['C:\\Users\\me\\fosdem.xml']);
  });

  it('takes names that look like switches after --', () => {
    expect(filesFromArgv(['clashless', '--', '-weird.ics'], true)).toEqual(['-weird.ics']);
  });

  it('ignores files the importer cannot read and repeats', () => {
    expect(filesFromArgv(['clashless', 'photo.jpg', 'a.ics', 'a.ics', 'notes'], true)).toEqual(['a.ics']);
  });

  it('decides by the extension of the file name, not of a folder', () => {
    expect(isOpenableFile('/home/me/v1.2/schedule')).toBe(false);
    expect(isOpenableFile('/home/me/.ics')).toBe(false);
    expect(isOpenableFile('/home/me/Schedule.ICS')).toBe(true);
    expect(isOpenableFile('C:\\dir.json\\file')).toBe(false);
  });
});
