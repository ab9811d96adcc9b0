// The status line: one sentence about what just happened, with at most one action ("Undo"), or an
// error said for people. Info fades after a while; errors stay until the next message.
import type { Writable } from './writable.ts';

export interface StatusAction {
  label: string;
  run: () => void;
}

export interface StatusMessage {
  text: string;
  kind: 'info' | 'error' | 'hint';
  action: StatusAction | null;
  /** Increments per message so the view can restart its announcement even for equal text. */
  serial: number;
  /** An undo/redo result: its offer (Redo, Undo) holds only until the next change. */
  history?: boolean;
}

const INFO_MS = 8_000;

export class StatusState {
  readonly #set: Writable<StatusState> = this;
  readonly message = $state.raw<StatusMessage | null>(null);
  #serial = 0;
  #timer: ReturnType<typeof setTimeout> | null = null;

  info(text: string, action: StatusAction | null = null): void {
    this.#show({ text, kind: 'info', action, serial: ++this.#serial }, INFO_MS);
  }

  /** What an undo or redo did, with the opposite step as its action. */
  history(text: string, action: StatusAction): void {
    this.#show({ text, kind: 'info', action, serial: ++this.#serial, history: true }, INFO_MS);
  }

  /** A new change was made: the redo steps an undo line offers are gone, so the line goes too. */
  dropHistory(): void {
    if (this.message?.history) this.clear();
  }

  /** A passing explanation (why a drag cannot do something); replaced by the next message. */
  hint(text: string): void {
    if (this.message?.kind === 'hint' && this.message.text === text) return;
    this.#show({ text, kind: 'hint', action: null, serial: ++this.#serial }, INFO_MS);
  }

  error(text: string): void {
    this.#show({ text, kind: 'error', action: null, serial: ++this.#serial }, null);
  }

  clear(): void {
    this.#show(null, null);
  }

  #show(message: StatusMessage | null, ttl: number | null): void {
    if (this.#timer) clearTimeout(this.#timer);
    this.#timer = null;
    this.#set.message = message;
    if (message && ttl !== null) {
      const serial = message.serial;
      this.#timer = setTimeout(() => {
        if (this.message?.serial === serial) this.#set.message = null;
      }, ttl);
    }
  }
}
