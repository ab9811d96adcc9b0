// Schedule files handed to the app by the operating system: on the command line (Windows and
// Linux "Open with", a second launch) or through macOS's open-file event. Pure, so the argv rules
// are tested without Electron; index.ts reads the files and emits 'file.opened'.

/** Extensions the importer can read; anything else on the command line is not a file for us. */
export const OPENABLE_EXTENSIONS: readonly string[] = ['ics', 'ical', 'xml', 'json', 'csv', 'tsv', 'txt', 'md', 'markdown', 'html', 'htm'];

export function isOpenableFile(path: string): boolean {
  const dot = path.lastIndexOf('.');
  // The extension must belong to the file name itself ("/a.b/c" has none; neither has ".ics").
  if (dot <= Math.max(path.lastIndexOf('/'), path.lastIndexOf('\\')) + 1) return false;
  return OPENABLE_EXTENSIONS.includes(path.slice(dot + 1).toLowerCase());
}

/**
 * The file arguments in an argv: skips the executable (and, when running from source, the app
 * folder electron was given), every switch Chromium or the OS inserted, and names that are not
 * schedule files.
 */
export function filesFromArgv(argv: readonly string[], isPackaged: boolean): string[] {
  const args = argv.slice(isPackaged ? 1 : 2);
  const files: string[] = [];
  let afterDoubleDash = false;
  for (const arg of args) {
    if (!afterDoubleDash && arg === '--') {
      afterDoubleDash = true;
      continue;
    }
    if (!afterDoubleDash && arg.startsWith('-')) continue;
    if (isOpenableFile(arg) && !files.includes(arg)) files.push(arg);
  }
  return files;
}
