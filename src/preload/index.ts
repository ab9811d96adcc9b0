// The preload: exposes the contract to the page as `window.api`, one named async function per
// channel, generated from the channel name lists so it can never drift from the contract.
//
// Policy: the page gets named functions and an event subscription, never ipcRenderer itself and
// never a "send anything" function. This file runs sandboxed, so electron-vite bundles it into one
// CommonJS file. Values come from channels.ts (the names alone) and only types from the contract,
// so no schema code (zod) is bundled or runs before the page starts.
import { contextBridge, ipcRenderer } from 'electron';
import type { IpcRendererEvent } from 'electron';
import { CHANNEL_NAMES, EVENT_NAMES, DESKTOP_CHANNEL_NAMES } from '../shared/channels.ts';
import type { ClientApi, EventName, Events, WireError } from '../shared/contract.ts';
import { isWireResult } from '../shared/errors.ts';

/** Must match EVENT_CHANNEL in src/main/ipc.ts. */
const EVENT_CHANNEL = 'event';

/**
 * What a failed call rejects with. contextBridge copies an Error across with its message only
 * (custom properties such as `code` are dropped), so the failure crosses as plain data instead:
 * an Error-shaped record that keeps code, message, where and any question — what the renderer's
 * error helper reads.
 */
export interface CallFailure {
  name: 'ClashlessError';
  code: WireError['code'];
  message: string;
  where: string | null;
  /** Only with 'first-day-required': the question the page asks the person. */
  question?: WireError['question'];
}

function failure(error: WireError): CallFailure {
  const out: CallFailure = { name: 'ClashlessError', code: error.code, message: error.message, where: error.where ?? null };
  // Present only when the import asks something, as on the wire.
  if (error.question !== undefined) out.question = error.question;
  return out;
}

function invoker(channel: string): (payload?: unknown) => Promise<unknown> {
  return async (payload?: unknown) => {
    const result: unknown = await ipcRenderer.invoke(channel, payload === undefined ? {} : payload);
    if (!isWireResult(result)) {
      throw failure({ code: 'internal', message: 'Clashless got an unexpected answer from its main process. Nothing was changed.' });
    }
    if (!result.ok) throw failure(result.error);
    return result.value;
  };
}

function subscribe<E extends EventName>(event: E, listener: (payload: Events[E]) => void): () => void {
  if (!EVENT_NAMES.includes(event) || typeof listener !== 'function') {
    throw failure({ code: 'bad-request', message: `Unknown event “${String(event)}”.` });
  }
  const onEvent = (_event: IpcRendererEvent, name: unknown, payload: unknown): void => {
    if (name === event) listener(payload as Events[E]);
  };
  ipcRenderer.on(EVENT_CHANNEL, onEvent);
  return () => {
    ipcRenderer.removeListener(EVENT_CHANNEL, onEvent);
  };
}

const api = Object.fromEntries(CHANNEL_NAMES.map((channel) => [channel, invoker(channel)]));
const desktop = {
  kind: 'electron' as const,
  ...Object.fromEntries(DESKTOP_CHANNEL_NAMES.map((channel) => [channel, invoker(channel)]))
};

// The generated object has exactly the contract's keys; the casts only restore the per-channel
// request/response types that Object.fromEntries cannot express.
const clientApi = { ...api, desktop, on: subscribe } as unknown as ClientApi;

contextBridge.exposeInMainWorld('api', clientApi);
