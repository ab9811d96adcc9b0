// The Content-Security-Policy every renderer response carries (app:// in the product, the Vite
// dev server in development). Pure: no electron import, so it is unit-tested directly.
//
// Policy: the app makes no network requests and runs only its own bundled scripts.
// - scripts: 'self' only — never 'unsafe-inline' or 'unsafe-eval', never a remote origin;
// - styles: 'self' plus 'unsafe-inline', because Svelte 5 `style:` directives and transitions set
//   inline styles (a style cannot run code, a script can — so only styles get this allowance);
// - images: 'self' and data: URLs (small inline icons); nothing may frame the app, post a form,
//   or change the base URL.

const BASE_DIRECTIVES: ReadonlyArray<readonly [string, readonly string[]]> = [
  ['default-src', ["'self'"]],
  ['script-src', ["'self'"]],
  ['style-src', ["'self'", "'unsafe-inline'"]],
  ['img-src', ["'self'", 'data:']],
  ['font-src', ["'self'"]],
  ['connect-src', ["'self'"]],
  ['object-src', ["'none'"]],
  ['base-uri', ["'none'"]],
  ['form-action', ["'none'"]],
  ['frame-ancestors', ["'none'"]]
];

function render(directives: ReadonlyArray<readonly [string, readonly string[]]>): string {
  return directives.map(([name, sources]) => `${name} ${sources.join(' ')}`).join('; ');
}

/** The policy for the packaged app (app://clashless). */
export const CONTENT_SECURITY_POLICY: string = render(BASE_DIRECTIVES);

/**
 * The policy for a page served by the Vite dev server: the same, except that the hot-reload
 * client may open its WebSocket back to the dev server. `devServerOrigin` must be a loopback
 * http origin (see devServerOrigin in app-protocol.ts); anything else gets the product policy.
 */
export function contentSecurityPolicy(devServerOrigin: string | null = null): string {
  if (devServerOrigin === null || !/^http:\/\/(?:localhost|127\.0\.0\.1|\[::1\]):\d{1,5}$/.test(devServerOrigin)) {
    return CONTENT_SECURITY_POLICY;
  }
  const socketOrigin = devServerOrigin.replace(/^http:/, 'ws:');
  return render(
    BASE_DIRECTIVES.map(([name, sources]) =>
      name === 'connect-src' ? ([name, [...sources, socketOrigin]] as const) : ([name, sources] as const)
    )
  );
}

/**
 * The policy for the hidden window that renders an agenda to PDF: the document is generated
 * HTML with inline styles; it may not run scripts or load anything.
 */
export const PRINT_CONTENT_SECURITY_POLICY =
  "default-src 'none'; style-src 'unsafe-inline'; img-src data:; font-src data:; base-uri 'none'; form-action 'none'";
