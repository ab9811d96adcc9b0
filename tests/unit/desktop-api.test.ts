import { mkdir, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { ClashlessError } from '../../src/shared/contract.ts';
import { createDesktopApi, readScheduleFile, safeFileName, withExtension } from '../../src/main/desktop-api.ts';
import type { DesktopDeps } from '../../src/main/desktop-api.ts';
import { readSettings, sanitizeSettings, updateSettings } from '../../src/main/settings.ts';

let dir: string;

beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), 'clashless-host-'));
});
afterEach(async () => {
  await rm(dir, { recursive: true, force: true });
});

interface Recorded {
  saveDialogs: Array<{ defaultPath: string; filters: Array<{ extensions: string[] }> }>;
  openDialogs: Array<{ defaultPath?: string | undefined }>;
  opened: string[];
  rendered: string[];
}

function fakeDeps(answers: { savePath?: string | null; openPath?: string | null }, overrides: Partial<DesktopDeps> = {}) {
  const recorded: Recorded = { saveDialogs: [], openDialogs: [], opened: [], rendered: [] };
  const deps: DesktopDeps = {
    settingsFile: join(dir, 'userData', 'settings.json'),
    defaultFolder: join(dir, 'Documents'),
    async showSaveDialog(options) {
      recorded.saveDialogs.push(options);
      return answers.savePath ? { canceled: false, filePath: answers.savePath } : { canceled: true, filePath: '' };
    },
    async showOpenDialog(options) {
      recorded.openDialogs.push(options);
      return answers.openPath ? { canceled: false, filePaths: [answers.openPath] } : { canceled: true, filePaths: [] };
    },
    async openExternal(url) {
      recorded.opened.push(url);
    },
    async renderPdf(html) {
      recorded.rendered.push(html);
      return new TextEncoder().encode('%PDF-1.7 fake');
    },
    ...overrides
  };
  return { desktopApi: createDesktopApi(deps), recorded, deps };
}

describe('desktop.saveFile', () => {
  it('writes the content where the person chose and remembers the folder for next time', async () => {
    const target = join(dir, 'exports', 'my-week.ics');
    await mkdir(join(dir, 'exports'));
    const { desktopApi, recorded, deps } = fakeDeps({ savePath: target });
    const result = await desktopApi['desktop.saveFile']({ fileName: 'week.ics', mimeType: 'text/calendar', content: 'BEGIN:VCALENDAR' });
    expect(result).toEqual({ saved: true, path: target });
    expect(await readFile(target, 'utf8')).toBe('BEGIN:VCALENDAR');
    expect(recorded.saveDialogs[0]?.defaultPath).toBe(join(dir, 'Documents', 'week.ics'));
    expect(recorded.saveDialogs[0]?.filters[0]?.extensions).toEqual(['ics']);
    expect((await readSettings(deps.settingsFile)).lastFolder).toBe(join(dir, 'exports'));

    await desktopApi['desktop.saveFile']({ fileName: 'again.md', mimeType: 'text/markdown', content: '#' });
    expect(recorded.saveDialogs[1]?.defaultPath).toBe(join(dir, 'exports', 'again.md'));
  });

  it('writes nothing when the dialog is cancelled', async () => {
    const { desktopApi } = fakeDeps({ savePath: null });
    await expect(desktopApi['desktop.saveFile']({ fileName: 'a.csv', mimeType: 'text/csv', content: 'x' })).resolves.toEqual({
      saved: false,
      path: null
    });
  });

  it('offers only a plain file name, never a path the renderer made up', async () => {
    const { desktopApi, recorded } = fakeDeps({ savePath: null });
    await desktopApi['desktop.saveFile']({ fileName: '../../.bashrc', mimeType: 'text/plain', content: '' });
    expect(recorded.saveDialogs[0]?.defaultPath).toBe(join(dir, 'Documents', 'bashrc'));
  });

  it('says which file could not be written, without a stack trace', async () => {
    const { desktopApi } = fakeDeps({ savePath: join(dir, 'missing-folder', 'a.ics') });
    const error = await desktopApi['desktop.saveFile']({ fileName: 'a.ics', mimeType: 'text/calendar', content: 'x' }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ClashlessError);
    expect((error as ClashlessError).message).toMatch(/Could not write a\.ics \(ENOENT\)/);
  });
});

describe('desktop.openFile', () => {
  it('reads and decodes the chosen file', async () => {
    const file = join(dir, 'talks.ics');
    await writeFile(file, Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from('BEGIN:VCALENDAR\r\nX-NAME:Zürich\r\n')]));
    const { desktopApi } = fakeDeps({ openPath: file });
    const opened = await desktopApi['desktop.openFile']({});
    expect(opened?.fileName).toBe('talks.ics');
    expect(opened?.text.startsWith('BEGIN:VCALENDAR')).toBe(true);
    expect(opened?.text).toContain('Zürich');
  });

  it('returns null when the person cancels', async () => {
    const { desktopApi } = fakeDeps({ openPath: null });
    await expect(desktopApi['desktop.openFile']({})).resolves.toBeNull();
  });

  it('refuses a file over the size limit before reading it', async () => {
    const file = join(dir, 'huge.csv');
    await writeFile(file, Buffer.alloc(2 * 1024 * 1024, 0x61));
    const { desktopApi } = fakeDeps({ openPath: file }, { maxImportBytes: 1024 * 1024 });
    await expect(desktopApi['desktop.openFile']({})).rejects.toMatchObject({ code: 'too-large' });
  });

  it('refuses a folder or a vanished file with not-found', async () => {
    await expect(readScheduleFile(dir)).rejects.toMatchObject({ code: 'not-found' });
    await expect(readScheduleFile(join(dir, 'gone.ics'))).rejects.toMatchObject({ code: 'not-found' });
  });
});

describe('desktop.openExternal', () => {
  it('opens http(s) links in the OS browser', async () => {
    const { desktopApi, recorded } = fakeDeps({});
    await expect(desktopApi['desktop.openExternal']({ url: 'https://kubecon.example/schedule' })).resolves.toEqual({ opened: true });
    expect(recorded.opened).toEqual(['https://kubecon.example/schedule']);
  });

  it.each(['file:///etc/passwd', 'javascript:alert(1)', 'https://user:pw@example.com/', 'smb://host/share', 'https://exa mple.com'])(
    'refuses %s',
    async (url) => {
      const { desktopApi, recorded } = fakeDeps({});
      await expect(desktopApi['desktop.openExternal']({ url })).resolves.toEqual({ opened: false });
      expect(recorded.opened).toEqual([]);
    }
  );
});

describe('desktop.printPdf', () => {
  it('asks where first, then renders and writes the PDF', async () => {
    const target = join(dir, 'agenda.pdf');
    const { desktopApi, recorded } = fakeDeps({ savePath: target });
    const result = await desktopApi['desktop.printPdf']({ fileName: 'KubeCon agenda.html', html: '<h1>Agenda</h1>' });
    expect(result).toEqual({ saved: true, path: target });
    expect(recorded.saveDialogs[0]?.defaultPath).toBe(join(dir, 'Documents', 'KubeCon agenda.pdf'));
    expect(recorded.rendered).toEqual(['<h1>Agenda</h1>']);
    expect(await readFile(target, 'utf8')).toBe('%PDF-1.7 fake');
  });

  it('does not render at all when the person cancels', async () => {
    const { desktopApi, recorded } = fakeDeps({ savePath: null });
    await expect(desktopApi['desktop.printPdf']({ fileName: 'a', html: '<p>' })).resolves.toEqual({ saved: false, path: null });
    expect(recorded.rendered).toEqual([]);
  });
});

describe('file names and settings', () => {
  it('makes suggested names safe', () => {
    expect(safeFileName('agenda.ics')).toBe('agenda.ics');
    expect(safeFileName('C:\\Users\\x\\agenda.ics')).toBe('agenda.ics');
    expect(safeFileName('a<b>:c"|?*.md')).toBe('abc.md');
    expect(safeFileName('...')).toBe('agenda');
    expect(safeFileName('\u0000')).toBe('agenda');
    expect(safeFileName('x'.repeat(500)).length).toBe(200);
    expect(withExtension('agenda.html', 'pdf')).toBe('agenda.pdf');
    expect(withExtension('agenda', 'pdf')).toBe('agenda.pdf');
  });

  it('reads a missing or broken settings file as defaults', async () => {
    const file = join(dir, 'settings.json');
    expect(await readSettings(file)).toEqual({ lastFolder: null });
    await writeFile(file, '{ not json');
    expect(await readSettings(file)).toEqual({ lastFolder: null });
  });

  it('keeps only absolute folders and drops unknown keys', async () => {
    expect(sanitizeSettings({ lastFolder: 'relative/dir', evil: 1 })).toEqual({ lastFolder: null });
    expect(sanitizeSettings([1, 2])).toEqual({ lastFolder: null });
    const file = join(dir, 'nested', 'settings.json');
    await updateSettings(file, { lastFolder: dir });
    expect(JSON.parse(await readFile(file, 'utf8'))).toEqual({ lastFolder: dir });
  });
});
