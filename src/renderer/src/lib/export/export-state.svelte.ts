// The export dialog's choices and the one action: ask the services for the agenda file, then hand
// it to the host (a save dialog in the app, a download in the browser; the printable agenda goes
// to PDF in the app and to the print dialog in the browser).
import type { ClientApi, ExportedFile, Request } from '../../../../shared/contract.ts';
import type { PlanState } from '../../../../shared/domain.ts';
import { toUserError } from '../api/user-error.ts';
import { ActionMessages } from '../state/action-messages.svelte.ts';

export type ExportFormat = Request<'export.agenda'>['format'];
export type ExportScope = 'conference' | 'all';

export const REMINDER_CHOICES: readonly number[] = [0, 5, 10, 15, 30];

export class ExportState extends ActionMessages {
  readonly #api: ClientApi;
  #format = $state<ExportFormat>('ics');
  #states = $state<Record<PlanState, boolean>>({ going: true, backup: false, maybe: false });
  #includeBlocks = $state(true);
  #alarmMinutes = $state(10);
  #scope = $state<ExportScope>('conference');
  /** "Share mine": the name written into the .ics, so a friend's import proposes it. */
  #owner = $state('');

  constructor(api: ClientApi) {
    super();
    this.#api = api;
  }

  get format(): ExportFormat {
    return this.#format;
  }
  get states(): Readonly<Record<PlanState, boolean>> {
    return this.#states;
  }
  get includeBlocks(): boolean {
    return this.#includeBlocks;
  }
  get alarmMinutes(): number {
    return this.#alarmMinutes;
  }
  get owner(): string {
    return this.#owner;
  }
  get scope(): ExportScope {
    return this.#scope;
  }
  /** Reminders only mean something in a calendar file. */
  get remindersApply(): boolean {
    return this.#format === 'ics';
  }
  /** "My conference": every planned session (attended, missed, backups), never blocks; the Include choices do not apply. */
  get isReport(): boolean {
    return this.#format === 'report-md' || this.#format === 'report-html';
  }
  get canExport(): boolean {
    return !this.running && (this.isReport || this.#states.going || this.#states.backup || this.#states.maybe);
  }

  setFormat(format: ExportFormat): void {
    this.#format = format;
    this.clearMessages();
  }
  setState(state: PlanState, included: boolean): void {
    this.#states[state] = included;
    this.clearMessages();
  }
  setIncludeBlocks(include: boolean): void {
    this.#includeBlocks = include;
    this.clearMessages();
  }
  setAlarmMinutes(minutes: number): void {
    this.#alarmMinutes = minutes;
    this.clearMessages();
  }
  setOwner(owner: string): void {
    this.#owner = owner;
    this.clearMessages();
  }
  setScope(scope: ExportScope): void {
    this.#scope = scope;
    this.clearMessages();
  }
  /** Back to a clean status when the dialog opens again; the choices are kept on purpose. */
  resetMessages(): void {
    this.clearMessages();
  }

  /** Build the file and hand it to the host. Returns what was exported, or null on failure. */
  async run(conferenceId: number | null): Promise<ExportedFile | null> {
    if (!this.canExport) return null;
    this.running = true;
    this.clearMessages();
    try {
      const file = await this.#api['export.agenda'](this.#request(conferenceId));
      if (file.count === 0) {
        this.statusLine = 'Nothing to export: no planned sessions match these choices.';
        return file;
      }
      const events = this.isReport ? 'the report' : `${file.count} ${file.count === 1 ? 'event' : 'events'}`;
      if (this.#format === 'html') {
        const result = await this.#api.desktop['desktop.printPdf']({ fileName: file.fileName.replace(/\.html?$/i, '.pdf'), html: file.content });
        // The browser host can only show its print dialog; it cannot know what the person chose there.
        this.statusLine =
          result.path !== null
            ? `Saved ${events} to ${result.path}`
            : !result.saved
              ? 'Not saved.'
              : this.#api.desktop.kind === 'web'
                ? `Opened the print dialog for ${events} (choose “Save as PDF” there to keep a file).`
                : `Printed ${events}.`;
      } else {
        const result = await this.#api.desktop['desktop.saveFile']({ fileName: file.fileName, mimeType: file.mimeType, content: file.content });
        this.statusLine = !result.saved
          ? 'Not saved.'
          : result.path !== null
            ? `Saved ${events} to ${result.path}`
            : `Saved ${events} as ${file.fileName} (in your downloads).`;
      }
      return file;
    } catch (err) {
      this.failure = toUserError(err, 'The export failed. Try again, or pick another format.');
      return null;
    } finally {
      this.running = false;
    }
  }

  #request(conferenceId: number | null): Request<'export.agenda'> {
    const states = (Object.keys(this.#states) as PlanState[]).filter((s) => this.#states[s]);
    const req: Request<'export.agenda'> = this.isReport ? { format: this.#format } : { format: this.#format, states, includeBlocks: this.#includeBlocks };
    if (this.#scope === 'conference' && conferenceId !== null) req.conferenceId = conferenceId;
    // "None" (0) sends no default at all: the services would write 0 as an alarm at the start. Items
    // with a reminder of their own keep it either way.
    if (this.remindersApply && this.#alarmMinutes > 0) req.alarmMinutes = this.#alarmMinutes;
    if (this.remindersApply && this.#owner.trim() !== '') req.owner = this.#owner.trim();
    return req;
  }
}
