// Walking minutes between the conference's places. The services derive defaults from venue and
// room; the person overrides a pair here, and the clash engine uses it for transfer clashes.
import type { ClientApi, TravelEntry } from '../../../../shared/contract.ts';
import { toUserError, type UserError } from '../api/user-error.ts';
import { pairKey, parseMinutes } from './travel-minutes.ts';
import type { Writable } from '../state/writable.ts';

export class TravelState {
  readonly #set: Writable<TravelState> = this;
  readonly #api: ClientApi;
  #conferenceId = $state<number | null>(null);
  readonly entries = $state.raw<TravelEntry[]>([]);
  readonly loaded: boolean = $state(false);
  #saving = $state<string | null>(null);
  readonly error = $state.raw<UserError | null>(null);
  /** Which pair the error is about (a typing mistake), or null for a general failure. */
  readonly errorPair = $state<string | null>(null);
  #sequence = 0;

  constructor(api: ClientApi) {
    this.#api = api;
  }

  isSaving(entry: TravelEntry): boolean {
    return this.#saving === pairKey(entry);
  }

  setConference(conferenceId: number | null): void {
    this.#conferenceId = conferenceId;
    this.#set.error = null;
    this.#set.errorPair = null;
    void this.refresh();
  }

  connect(): () => void {
    return this.#api.on('data.changed', (p) => {
      if (p.conferenceId === null || p.conferenceId === this.#conferenceId) void this.refresh();
    });
  }

  async refresh(): Promise<void> {
    const sequence = ++this.#sequence;
    const conferenceId = this.#conferenceId;
    if (conferenceId === null) {
      this.#set.entries = [];
      this.#set.loaded = true;
      return;
    }
    try {
      const entries = await this.#api['travel.list']({ conferenceId });
      if (sequence !== this.#sequence) return;
      this.#set.entries = entries;
    } catch (err) {
      if (sequence === this.#sequence) this.#set.error = toUserError(err, 'Could not load the walking times.');
    } finally {
      if (sequence === this.#sequence) this.#set.loaded = true;
    }
  }

  /** Save what was typed for a pair; returns false (and says why) when it is not a valid number. */
  async setMinutes(entry: TravelEntry, typed: string): Promise<boolean> {
    const conferenceId = this.#conferenceId;
    if (conferenceId === null) return false;
    const key = pairKey(entry);
    const parsed = parseMinutes(typed);
    if (!parsed.ok) {
      this.#set.error = { code: 'bad-request', message: `${entry.from} → ${entry.to}: ${parsed.message}`, where: null };
      this.#set.errorPair = key;
      return false;
    }
    if (parsed.minutes === entry.minutes && entry.custom) return true;
    this.#saving = key;
    this.#set.error = null;
    this.#set.errorPair = null;
    try {
      const entries = await this.#api['travel.set']({ conferenceId, from: entry.from, to: entry.to, minutes: parsed.minutes });
      this.#sequence++;
      this.#set.entries = entries;
      return true;
    } catch (err) {
      this.#set.error = toUserError(err, 'Could not save that walking time.');
      this.#set.errorPair = key;
      return false;
    } finally {
      this.#saving = null;
    }
  }
}
