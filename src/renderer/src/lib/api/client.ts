// The one place the renderer finds its ClientApi: the preload's `window.api` inside Electron, or
// the browser host's HTTP protocol when the page is served by `npm run web`.
import type { ClientApi } from '../../../../shared/contract.ts';
import { ClashlessError } from '../../../../shared/errors.ts';
import { createWebClient, takeToken } from './web-client.ts';

let client: ClientApi | null = null;

export function getClient(): ClientApi {
  if (client) return client;
  if (window.api) {
    client = window.api;
    return client;
  }
  const token = takeToken(window.location, window.sessionStorage, window.history);
  if (!token) {
    throw new ClashlessError(
      'forbidden',
      'This page was opened without its access token. Open the full address that `npm run web` printed.'
    );
  }
  client = createWebClient({ origin: window.location.origin, token });
  return client;
}

/** A sentence for people from anything thrown by the api: the service's own words, never a stack. */
export function describeError(err: unknown): string {
  if (err instanceof ClashlessError) return err.where ? `${err.message} (${err.where})` : err.message;
  if (err && typeof err === 'object' && 'message' in err && typeof err.message === 'string' && 'code' in err) {
    // The preload rejects with a plain { code, message, where } record (contextBridge drops the
    // properties of Error objects); older paths wrap as "Error invoking remote method 'x': …".
    const message = err.message.replace(/^Error invoking remote method '[^']*': (?:\w*Error: )?/, '');
    const where = 'where' in err && typeof err.where === 'string' && err.where !== '' ? err.where : null;
    return where ? `${message} (${where})` : message;
  }
  return 'Something went wrong inside Clashless. Your data was not changed.';
}
