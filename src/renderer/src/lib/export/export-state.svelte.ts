// The export dialog's choices and the one action: ask the services for the agenda file, then hand
// it to the host (a save dialog in the app, a download in the browser; the printable agenda goes
// to PDF in the app and to the print dialog in the browser).
import type { ClientApi, ExportedFile, Request } from '../../../../shared/contract.ts';
import type { PlanState } from '../../../../shared/domain.ts';
import { ActionMessages } from '../state/action-messages.svelte.ts';
import type { Writable } from '../state/writable.ts';

export type ExportFormat = Request<'export.agenda'>['format'];
export type ExportScope = 'conference' | 'all';

/** The choices set one at a time with `choose`. */
export type ExportChoice = 'format' | 'includeBlocks' | 'alarmMinutes' | 'owner' | 'scope';

export const REMINDER_CHOICES: readonly number[] = [0, 5, 10, 15, 30];

export class ExportState extends ActionMessages {
  readonly #set: Writable<ExportState> = this;
  readonly #api: ClientApi;
  readonly format = $state<ExportFormat>('ics');
  readonly states: Readonly<Record<PlanState, boolean>> = $state({ going: true, backup: false, maybe: false });
  readonly includeBlocks: boolean = $state(true);
  readonly alarmMinutes: number = $state(10);
  readonly scope = $state<ExportScope>('conference');
  /** "Share mine": the name written into the .ics, so a friend's import proposes it. */
  readonly owner: string = $state('');

  constructor(api: ClientApi) {
    super();
    this.#api = api;
  }

  /** Reminders only mean something in a calendar file. */
  get remindersApply(): boolean {
    return this.format === 'ics';
  }
  /** "My conference": every planned session (attended, missed, backups), never blocks; the Include choices do not apply. */
  get isReport(): boolean {
    return this.format === 'report-md' || this.format === 'report-html';
  }
  get canExport(): boolean {
    return !this.running && (this.isReport || this.states.going || this.states.backup || this.states.maybe);
  }

  /** One of the dialog's choices; what was said about the last export no longer applies. */
  choose<K extends ExportChoice>(name: K, value: ExportState[K]): void {
    this.#set[name] = value;
    this.clearMessages();
  }
  setState(state: PlanState, included: boolean): void {
    this.#set.states = { ...this.states, [state]: included };
    this.clearMessages();
  }
  /** Back to a clean status when the dialog opens again; the choices are kept on purpose. */
  resetMessages(): void {
    this.clearMessages();
  }

  /** Build the file and hand it to the host. Returns what was exported, or null on failure. */
  async run(conferenceId: number | null): Promise<ExportedFile | null> {
    if (!this.canExport) return null;
    this.clearMessages();
    return this.attempt(
      async () => {
        const file = await this.#api['export.agenda'](this.#request(conferenceId));
        if (file.count === 0) {
          this.statusLine = 'Nothing to export: no planned sessions match these choices.';
          return file;
        }
        const events = this.isReport ? 'the report' : `${file.count} ${file.count === 1 ? 'event' : 'events'}`;
        if (this.format === 'html') {
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
      },
      'The export failed. Try again, or pick another format.',
      null
    );
  }

  #request(conferenceId: number | null): Request<'export.agenda'> {
    const states = (Object.keys(this.states) as PlanState[]).filter((s) => this.states[s]);
    const req: Request<'export.agenda'> = this.isReport ? { format: this.format } : { format: this.format, states, includeBlocks: this.includeBlocks };
    if (this.scope === 'conference' && conferenceId !== null) req.conferenceId = conferenceId;
    // "None" (0) sends no default at all: the services would write 0 as an alarm at the start. Items
    // with a reminder of their own keep it either way.
    if (this.remindersApply && this.alarmMinutes > 0) req.alarmMinutes = this.alarmMinutes;
    if (this.remindersApply && this.owner.trim() !== '') req.owner = this.owner.trim();
    return req;
  }
}
