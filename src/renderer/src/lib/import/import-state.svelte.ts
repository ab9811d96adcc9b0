// The import dialog's state: the text or file being imported, the format and zone the person
// chose, their answer to the first-day question, the latest preview, and the commit. Previews are debounced and sequenced, so a slow
// answer for old text never overwrites the answer for what is in the box now.
import type { ClientApi, Events, ImportPreview, ImportReport, Request } from '../../../../shared/contract.ts';
import { zoneNeedsConfirmation, type CsvColumn, type CsvField } from '../../../../shared/domain.ts';
import type { FormatChoice } from './import-options.ts';
import { toUserError, type UserError } from '../api/user-error.ts';
import type { Writable } from '../state/writable.ts';

export type ImportSource = { kind: 'paste' } | { kind: 'file'; fileName: string; size: number };
export type ImportProgress = Events['import.progress'];

/** Typing pauses this long before a preview runs. */
const PREVIEW_DELAY_MS = 350;
/** The importer's own limit (contract: 20 MB); checked here so a huge drop fails fast. */
const MAX_FILE_BYTES = 20 * 1024 * 1024;

export class ImportState {
  readonly #set: Writable<ImportState> = this;
  readonly #api: ClientApi;
  readonly text: string = $state('');
  readonly source = $state<ImportSource>({ kind: 'paste' });
  readonly format = $state<FormatChoice>('auto');
  /** The zone the person picked; null lets the importer decide. */
  readonly zoneOverride = $state<string | null>(null);
  /** Weekday-only schedules: the date (YYYY-MM-DD) the person gave for the first day, or null. */
  readonly firstDay = $state<string | null>(null);
  /** CSV: the column mapping the person chose (null: the importer's guesses). */
  #columns = $state<CsvColumn[] | null>(null);
  readonly preview = $state.raw<ImportPreview | null>(null);
  readonly error = $state.raw<UserError | null>(null);
  /** Inputs changed and no preview has answered for them yet. */
  #stale = $state(false);
  #previewing = $state(false);
  readonly committing: boolean = $state(false);
  readonly report = $state.raw<ImportReport | null>(null);
  readonly progress = $state.raw<ImportProgress | null>(null);
  #timer: ReturnType<typeof setTimeout> | null = null;
  #sequence = 0;
  #unsubscribe: (() => void) | null = null;

  constructor(api: ClientApi) {
    this.#api = api;
  }

  /** CSV: every column and the field it is read as, from the latest preview; null for other formats. */
  get columns(): CsvColumn[] | null {
    return this.preview?.columns ?? null;
  }
  get previewing(): boolean {
    return this.#previewing || this.#stale;
  }
  get hasInput(): boolean {
    return this.text.trim() !== '';
  }
  /** The zone the preview's times are in: the person's pick, else the importer's decision. */
  get zone(): string | null {
    return this.zoneOverride ?? this.preview?.zone.zone ?? null;
  }
  /**
   * The schedule does not state its zone (the importer fell back to a default, or only a place or
   * a conference edition proposed one): the services refuse to commit that silently, so the person
   * confirms or picks a zone first.
   */
  get zoneNeedsConfirmation(): boolean {
    return this.preview !== null && zoneNeedsConfirmation(this.preview.zone) && this.zoneOverride === null;
  }
  /** Import only what the person is looking at: a fresh preview with sessions and no error. */
  get canImport(): boolean {
    return (
      this.preview !== null &&
      !this.zoneNeedsConfirmation &&
      this.preview.sessions.length > 0 &&
      this.error === null &&
      !this.#stale &&
      !this.#previewing &&
      !this.committing &&
      this.report === null
    );
  }

  /** Listen for progress events; returns the unsubscribe function (call it when the dialog goes away). */
  connect(): () => void {
    this.#unsubscribe?.();
    const off = this.#api.on('import.progress', (p) => {
      if (!this.#previewing && !this.committing) return;
      this.#set.progress = p.phase === 'done' ? null : p;
    });
    this.#unsubscribe = off;
    return () => {
      off();
      if (this.#unsubscribe === off) this.#unsubscribe = null;
      this.#cancelTimer();
    };
  }

  /** Start over (the dialog opened again). */
  reset(): void {
    this.#cancelTimer();
    this.#sequence++;
    this.#set.text = '';
    this.#set.source = { kind: 'paste' };
    this.#set.format = 'auto';
    this.#set.zoneOverride = null;
    this.#set.firstDay = null;
    this.#columns = null;
    this.#set.preview = null;
    this.#set.error = null;
    this.#stale = false;
    this.#previewing = false;
    this.#set.committing = false;
    this.#set.report = null;
    this.#set.progress = null;
  }

  setText(text: string): void {
    this.#set.text = text;
    this.#columns = null;
    this.#set.source = { kind: 'paste' };
    this.#schedulePreview();
  }

  /** Use a file's text (opened, dropped, or handed over by the shell); previews at once. */
  useFile(fileName: string, text: string): void {
    this.#set.text = text;
    this.#columns = null;
    // Another document: an answer given for the last one is not an answer for this one.
    this.#set.firstDay = null;
    this.#set.source = { kind: 'file', fileName, size: text.length };
    this.#set.report = null;
    this.#schedulePreview(0);
  }

  /** Back to pasting after a file was loaded. */
  clearFile(): void {
    this.setText('');
  }

  setFormat(format: FormatChoice): void {
    if (format === this.format) return;
    this.#set.format = format;
    this.#schedulePreview(0);
  }

  /** CSV: read the column with this header as `field` (null ignores it); the preview updates. */
  setColumn(header: string, field: CsvField | null): void {
    const current = this.#columns ?? this.preview?.columns ?? [];
    this.#columns = current.map((c) => (c.header === header ? { header, field } : c));
    this.#schedulePreview(0);
  }

  /** Pick the zone the schedule's times are in; null goes back to the importer's decision. */
  setZone(zone: string | null): void {
    if (zone === this.zoneOverride) return;
    this.#set.zoneOverride = zone;
    this.#schedulePreview(0);
  }

  /**
   * Answer "On which date is the first day?" (YYYY-MM-DD); null takes the answer back. The
   * importer checks the date (a real date, on the asked weekday) and asks again if it is not.
   */
  setFirstDay(date: string | null): void {
    const value = date === null || date.trim() === '' ? null : date.trim();
    if (value === this.firstDay) return;
    this.#set.firstDay = value;
    this.#schedulePreview(0);
  }

  /** Ask the host for a file; false when the person cancelled. */
  async openFile(): Promise<boolean> {
    try {
      const file = await this.#api.desktop['desktop.openFile']({});
      if (file === null) return false;
      this.useFile(file.fileName, file.text);
      return true;
    } catch (err) {
      this.#set.error = toUserError(err, 'Could not open that file.');
      return false;
    }
  }

  /** Read a file dropped on the dialog. */
  async useDroppedFile(file: File): Promise<void> {
    if (file.size > MAX_FILE_BYTES) {
      this.#set.preview = null;
      this.#set.error = {
        code: 'too-large',
        message: `“${file.name}” is ${(file.size / 1048576).toFixed(1)} MB; Clashless imports files up to 20 MB. Export a smaller part of the schedule.`,
        where: null
      };
      return;
    }
    try {
      this.useFile(file.name, await file.text());
    } catch {
      this.#set.error = { code: 'unknown', message: `Could not read “${file.name}”. Try opening it with “Open file…”.`, where: null };
    }
  }

  /** Commit exactly what the preview showed; returns the report, or null when it failed. */
  async commit(): Promise<ImportReport | null> {
    if (!this.canImport) return null;
    this.#set.committing = true;
    this.#set.error = null;
    this.#set.progress = null;
    try {
      const report = await this.#api['import.commit'](this.#request());
      this.#set.report = report;
      return report;
    } catch (err) {
      this.#set.error = toUserError(err, 'The import failed. Nothing was changed.');
      return null;
    } finally {
      this.#set.committing = false;
      this.#set.progress = null;
    }
  }

  #request(): Request<'import.preview'> {
    const req: Request<'import.preview'> = { text: this.text, format: this.format };
    if (this.source.kind === 'file') req.fileName = this.source.fileName;
    if (this.zoneOverride !== null) req.timeZone = this.zoneOverride;
    if (this.firstDay !== null) req.firstDay = this.firstDay;
    if (this.#columns !== null) req.columns = this.#columns;
    return req;
  }

  #cancelTimer(): void {
    if (this.#timer !== null) clearTimeout(this.#timer);
    this.#timer = null;
  }

  #schedulePreview(delay = PREVIEW_DELAY_MS): void {
    this.#cancelTimer();
    this.#set.report = null;
    if (!this.hasInput) {
      // Nothing to read: no preview and no error, the dialog shows its hint.
      this.#sequence++;
      this.#set.preview = null;
      this.#set.error = null;
      this.#stale = false;
      this.#previewing = false;
      return;
    }
    this.#stale = true;
    this.#timer = setTimeout(() => {
      this.#timer = null;
      void this.#runPreview();
    }, delay);
  }

  async #runPreview(): Promise<void> {
    const sequence = ++this.#sequence;
    this.#stale = false;
    this.#previewing = true;
    this.#set.progress = null;
    try {
      const preview = await this.#api['import.preview'](this.#request());
      if (sequence !== this.#sequence) return;
      this.#set.preview = preview;
      // A CSV whose title or start column is unknown comes back with its columns and the reason,
      // so the mapping step can fix it.
      const reason = preview.columns && preview.warnings[0] ? preview.warnings[0].message : null;
      this.#set.error =
        preview.sessions.length === 0
          ? {
              code: 'empty',
              message: reason ?? 'No sessions were found in this text. Check the format, or paste the schedule itself.',
              where: null
            }
          : null;
    } catch (err) {
      if (sequence !== this.#sequence) return;
      this.#set.preview = null;
      this.#set.error = toUserError(err, 'Could not read this schedule.');
    } finally {
      if (sequence === this.#sequence) {
        this.#previewing = false;
        this.#set.progress = null;
      }
    }
  }
}
