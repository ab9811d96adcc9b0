// Which links may leave the app. Shared by main (shell.openExternal) and the renderer.

/** Only http(s) links may leave the app, and only to the OS browser. */
export function isExternalLinkAllowed(url: string): boolean {
  // Scheme http(s), a host with no credentials, no whitespace or control characters anywhere.
  return /^https?:\/\/[^\s/?#@\\]+(?:[/?#][^\s]*)?$/i.test(url) && !/[\u0000-\u001f\u007f]/.test(url);
}
