// What the host shell does for the app, with failures said in the status line: print the agenda
// (Electron saves a PDF; a browser opens its print dialog) and open a session's page in the
// system browser.
import type { ClientApi } from '../../../../shared/contract.ts';
import { describeError } from '../api/user-error.ts';
import type { StatusState } from './status.svelte.ts';

export class DesktopActions {
  readonly #api: ClientApi;
  readonly #status: StatusState;

  constructor(api: ClientApi, status: StatusState) {
    this.#api = api;
    this.#status = status;
  }

  /** The agenda of one conference (or of all, with null). */
  async printAgenda(conferenceId: number | null): Promise<void> {
    try {
      const file = await this.#api['export.agenda']({ format: 'html', ...(conferenceId !== null ? { conferenceId } : {}) });
      const result = await this.#api.desktop['desktop.printPdf']({ fileName: file.fileName.replace(/\.html?$/i, '.pdf'), html: file.content });
      if (result.path) this.#status.info(`Saved the agenda as ${result.path}.`);
    } catch (err) {
      this.#status.error(describeError(err));
    }
  }

  /** Open an http(s) link in the system browser; other links are refused by the host. */
  async openLink(url: string): Promise<void> {
    try {
      const { opened } = await this.#api.desktop['desktop.openExternal']({ url });
      if (!opened) this.#status.error('Clashless only opens http and https links.');
    } catch {
      this.#status.error('The link could not be opened.');
    }
  }
}
