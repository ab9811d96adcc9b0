// The ClientApi over the browser host's HTTP protocol, so the same UI runs in any browser:
// POST /api/<channel> with the per-run token, Server-Sent Events for pushed events, and the host
// abilities (files, links, printing) done the way a web page can.
import type {
  Api,
  Channel,
  ClientApi,
  EventName,
  Events,
  DesktopApi,
  Request,
  Responses,
} from '../../../../shared/contract.ts';
import { isErrorCode, isWireResult } from '../../../../shared/errors.ts';
// Names and errors come from zod-free modules: the renderer never loads the schemas.
import { CHANNEL_NAMES as CHANNELS, EVENT_NAMES } from '../../../../shared/channels.ts';
import { ClashlessError, readQuestion } from '../../../../shared/errors.ts';
import { isExternalLinkAllowed } from '../../../../shared/links.ts';

export const TOKEN_HEADER = 'X-Clashless-Token';
const TOKEN_KEY = 'clashless.token';

/**
 * The token comes in the page URL once. It is kept for this tab only (sessionStorage survives a
 * reload) and taken out of the address bar so it is not bookmarked, shared or left in history.
 */
export function takeToken(location: Location, storage: Storage, history: History): string | null {
  const url = new URL(location.href);
  const fromUrl = url.searchParams.get('token');
  if (fromUrl) {
    storage.setItem(TOKEN_KEY, fromUrl);
    url.searchParams.delete('token');
    history.replaceState(history.state, '', url.pathname + (url.search === '?' ? '' : url.search) + url.hash);
    return fromUrl;
  }
  return storage.getItem(TOKEN_KEY);
}



/** Turn a WireResult into its value, or throw a ClashlessError that carries the service's words. */
export function unwrap<T>(body: unknown, channel: string): T {
  if (!isWireResult(body)) throw new ClashlessError('internal', `Clashless got an unreadable answer for ${channel}. Try again.`);
  if (body.ok) return body.value as T;
  const { code, message, where, question } = body.error;
  const known = isErrorCode(code) ? code : 'internal';
  throw new ClashlessError(known, message || 'Something went wrong.', where, readQuestion(question) ?? undefined);
}

export interface WebClientOptions {
  /** "http://127.0.0.1:5174" */
  origin: string;
  token: string;
  fetch?: typeof fetch;
}

export function createWebClient(opts: WebClientOptions): ClientApi {
  const doFetch = opts.fetch ?? fetch.bind(globalThis);

  async function call<C extends Channel>(channel: C, request: Request<C>): Promise<Responses[C]> {
    let response: Response;
    try {
      response = await doFetch(`${opts.origin}/api/${channel}`, {
        method: 'POST',
        headers: { 'Content-Type': 'application/json', [TOKEN_HEADER]: opts.token },
        body: JSON.stringify(request ?? {})
      });
    } catch {
      throw new ClashlessError('internal', 'Clashless cannot reach its server. Is `npm run web` still running?');
    }
    let body: unknown;
    try {
      body = await response.json();
    } catch {
      throw new ClashlessError('internal', `The server answered ${response.status} without a result for ${channel}.`);
    }
    if (response.status === 403) {
      throw new ClashlessError('forbidden', 'This page’s access token is missing or old. Open the address printed by `npm run web` again.');
    }
    return unwrap<Responses[C]>(body, channel);
  }

  const api = {} as Record<Channel, (req: unknown) => Promise<unknown>>;
  for (const channel of CHANNELS) api[channel] = (req) => call(channel, req as Request<typeof channel>);

  return Object.assign(api as unknown as Api, {
    desktop: { ...createBrowserDesktop(), kind: 'web' as const },
    on: createEventSubscriber(`${opts.origin}/api/events?token=${encodeURIComponent(opts.token)}`)
  });
}

type AnyListener = (payload: unknown) => void;

/** One EventSource for the page, opened on the first subscription; the browser reconnects it. */
function createEventSubscriber(url: string): ClientApi['on'] {
  const listeners = new Map<EventName, Set<AnyListener>>();
  let source: EventSource | null = null;
  function open(): void {
    if (source || typeof EventSource === 'undefined') return;
    source = new EventSource(url);
    for (const name of EVENT_NAMES) {
      source.addEventListener(name, (message) => {
        let payload: unknown;
        try {
          payload = JSON.parse((message as MessageEvent<string>).data);
        } catch {
          return; // A malformed event is dropped; the next change refreshes everything anyway.
        }
        for (const l of listeners.get(name) ?? []) l(payload);
      });
    }
  }
  return <E extends EventName>(event: E, listener: (payload: Events[E]) => void) => {
    let set = listeners.get(event);
    if (!set) {
      set = new Set();
      listeners.set(event, set);
    }
    set.add(listener as AnyListener);
    open();
    return () => {
      set.delete(listener as AnyListener);
    };
  };
}

/** What the Electron main process does with dialogs and the shell, done as a web page can. */
export function createBrowserDesktop(): DesktopApi {
  return {
    async 'desktop.saveFile'(req) {
      const url = URL.createObjectURL(new Blob([req.content], { type: req.mimeType || 'application/octet-stream' }));
      const a = document.createElement('a');
      a.href = url;
      a.download = req.fileName;
      a.style.display = 'none';
      document.body.append(a);
      a.click();
      a.remove();
      // Revoked later: some browsers read the blob after click() returns.
      setTimeout(() => URL.revokeObjectURL(url), 60_000);
      return { saved: true, path: null };
    },
    'desktop.openFile'() {
      return new Promise((resolve) => {
        const input = document.createElement('input');
        input.type = 'file';
        input.accept = '.ics,.ical,.xml,.json,.csv,.txt,.md,.markdown,.html,.htm,text/*';
        input.style.display = 'none';
        const done = (value: { fileName: string; text: string } | null): void => {
          input.remove();
          resolve(value);
        };
        input.addEventListener('cancel', () => done(null));
        input.addEventListener('change', () => {
          const file = input.files?.[0];
          if (!file) return done(null);
          file.text().then(
            (text) => done({ fileName: file.name, text }),
            () => done(null)
          );
        });
        document.body.append(input);
        input.click();
      });
    },
    async 'desktop.openExternal'(req) {
      if (!isExternalLinkAllowed(req.url)) return { opened: false };
      const win = window.open(req.url, '_blank', 'noopener,noreferrer');
      // With noopener, window.open returns null even on success; a blocked popup cannot be told apart.
      void win;
      return { opened: true };
    },
    async 'desktop.printPdf'(req) {
      // A hidden frame holds the agenda so printing does not replace the app; the browser's print
      // dialog offers "Save as PDF".
      const frame = document.createElement('iframe');
      frame.title = req.fileName;
      frame.style.cssText = 'position:fixed;width:0;height:0;border:0;right:0;bottom:0;';
      frame.srcdoc = req.html;
      const loaded = new Promise<void>((resolve) => frame.addEventListener('load', () => resolve(), { once: true }));
      document.body.append(frame);
      await loaded;
      frame.contentWindow?.focus();
      frame.contentWindow?.print();
      setTimeout(() => frame.remove(), 60_000);
      // The page cannot know what the person chose in the print dialog; it was shown.
      return { saved: true, path: null };
    }
  };
}
