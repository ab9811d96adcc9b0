// Backups and recovery as the person sees them: the list of copies the services keep, the one
// restore being confirmed, restoring it (then reloading everything the app shows and saying what
// happened), and the start-up recovery notice until it is dismissed.
//
// Policy: a restore always asks first, and the services save the current data as a backup before
// replacing it, so a restore can itself be undone by restoring that copy.
import type { BackupInfo } from '../../../../shared/contract.ts';
import { toUserError, type UserError } from '../api/user-error.ts';
import type { AppState } from '../state/app-state.svelte.ts';
import { backupTimeLabels, restoredMessage, sortBackups, type Recovery } from './backup-text.ts';
import type { Writable } from '../state/writable.ts';

export class BackupState {
  readonly #set: Writable<BackupState> = this;
  readonly #app: AppState;
  readonly backups = $state.raw<BackupInfo[]>([]);
  #labels = $derived(backupTimeLabels(this.backups));
  readonly loaded: boolean = $state(false);
  readonly loading: boolean = $state(false);
  /** The backup whose restore waits for "yes", or null. */
  readonly confirming = $state<string | null>(null);
  /** The backup being restored right now, or null. */
  readonly restoring = $state<string | null>(null);
  readonly error = $state.raw<UserError | null>(null);
  #recoveryDismissed = $state(false);
  #sequence = 0;

  constructor(app: AppState) {
    this.#app = app;
  }

  /** "Nov 13, 2024, 2:41 PM": when a backup was taken, distinct within the list. */
  label(name: string): string {
    return this.#labels.get(name) ?? name;
  }
  /** What happened on start when the data file was unreadable, until the person dismisses it. */
  get recovery(): Recovery | null {
    return this.#recoveryDismissed ? null : (this.#app.info?.recovery ?? null);
  }

  dismissRecovery(): void {
    this.#recoveryDismissed = true;
  }

  async load(): Promise<void> {
    const sequence = ++this.#sequence;
    this.#set.loading = true;
    this.#set.confirming = null;
    this.#set.error = null;
    try {
      const backups = await this.#app.api['backup.list']({});
      if (sequence === this.#sequence) this.#set.backups = sortBackups(backups);
    } catch (err) {
      if (sequence === this.#sequence) this.#set.error = toUserError(err, 'Could not list the backups.');
    } finally {
      if (sequence === this.#sequence) {
        this.#set.loading = false;
        this.#set.loaded = true;
      }
    }
  }

  ask(name: string): void {
    if (this.restoring !== null) return;
    this.#set.confirming = name;
    this.#set.error = null;
  }

  cancel(): void {
    if (this.restoring === null) this.#set.confirming = null;
  }

  /** Restore a backup the person confirmed; true when it worked. */
  async restore(name: string): Promise<boolean> {
    if (this.restoring !== null) return false;
    const label = this.#labels.get(name) ?? null;
    this.#set.restoring = name;
    this.#set.error = null;
    try {
      const { savedCurrentAs } = await this.#app.api['backup.restore']({ name });
      this.#set.confirming = null;
      // What was selected may not exist in the restored data.
      this.#app.select(null);
      await this.#app.reloadConferences();
      // The person has dealt with the data the recovery left them.
      this.#recoveryDismissed = true;
      this.#app.status.info(restoredMessage(label, name, savedCurrentAs));
      return true;
    } catch (err) {
      this.#set.error = toUserError(err, 'The backup could not be restored. Your data was not changed.');
      return false;
    } finally {
      this.#set.restoring = null;
    }
  }
}
