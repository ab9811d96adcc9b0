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
