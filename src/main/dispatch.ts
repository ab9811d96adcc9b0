// The one dispatch behind both doors (Electron IPC in ipc.ts, HTTP in web/server.ts): who may call,
// how a payload is checked, and how every outcome becomes a WireResult. Each door only moves bytes
// and decides trust its own way (the IPC sender frame here, the token and origin in the server).
//
// Policy (where trust changes): an IPC call is answered only when it comes from the main frame of
// our own window showing our own page (app://clashless, or the dev server while developing). The
// payload is parsed with the channel's strict schema before any service sees it. Nothing thrown
// crosses the boundary: a ClashlessError becomes its wire form, anything else becomes a calm
// 'internal' error (and is logged here in main, where a developer can read the stack).
import { CHANNELS, DESKTOP_CHANNELS, parseDesktopRequest, parseRequest, toWireError } from '../shared/contract.ts';
import type { Api, Channel, DesktopApi, DesktopChannel, WireError, WireResult } from '../shared/contract.ts';
import { isOwnPageUrl } from './app-protocol.ts';

/** What we need to know about the frame that sent an IPC message (a subset of WebFrameMain). */
export interface SenderFrame {
  readonly url: string;
  readonly processId: number;
  readonly routingId: number;
  readonly parent: unknown;
}

export const FORBIDDEN: WireError = {
  code: 'forbidden',
  message: 'This request did not come from the Clashless window, so it was ignored.'
};

/**
 * Whether `frame` is the top frame of our window (same process and frame as `mainFrame`) and is
 * showing our own page. A null frame (navigated away or destroyed) is never trusted.
 */
export function isTrustedFrame(
  frame: SenderFrame | null | undefined,
  mainFrame: SenderFrame | null | undefined,
  devOrigin: string | null
): boolean {
  if (!frame || !mainFrame) return false;
  if (frame.parent !== null) return false;
  if (frame.processId !== mainFrame.processId || frame.routingId !== mainFrame.routingId) return false;
  return isOwnPageUrl(frame.url, devOrigin);
}

export type InvokeHandler = (payload: unknown) => Promise<unknown>;

/**
 * One handler per contract channel: parse with the channel's schema, then call the service. The
 * browser host has no window abilities, so it passes no `desktopApi` and gets only the services.
 */
export function buildInvokeHandlers(api: Api, desktopApi?: DesktopApi): Map<Channel | DesktopChannel, InvokeHandler> {
  const handlers = new Map<Channel | DesktopChannel, InvokeHandler>();
  for (const channel of CHANNELS) {
    const call = api[channel] as (req: unknown) => Promise<unknown>;
    handlers.set(channel, async (payload) => call.call(api, parseRequest(channel, payload)));
  }
  if (desktopApi === undefined) return handlers;
  for (const channel of DESKTOP_CHANNELS) {
    const call = desktopApi[channel] as (req: unknown) => Promise<unknown>;
    handlers.set(channel, async (payload) => call.call(desktopApi, parseDesktopRequest(channel, payload)));
  }
  return handlers;
}

export type ErrorLogger = (channel: string, err: unknown) => void;

export const logToConsole: ErrorLogger = (channel, err) => {
  console.error(`[clashless] ${channel} failed:`, err);
};

/** Run one call and wrap whatever happens as a WireResult. Never throws. */
export async function dispatchInvoke(
  channel: string,
  trusted: boolean,
  handler: InvokeHandler,
  payload: unknown,
  log: ErrorLogger = logToConsole
): Promise<WireResult<unknown>> {
  if (!trusted) return { ok: false, error: FORBIDDEN };
  try {
    return { ok: true, value: await handler(payload) };
  } catch (err) {
    const error = toWireError(err);
    if (error.code === 'internal') log(channel, err);
    return { ok: false, error };
  }
}
