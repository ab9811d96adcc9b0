// Map a URL path to a file inside the renderer folder, or null. Pure: no file system access.
// Refuses traversal in every spelling (../, encoded %2e%2e, backslashes, NUL, absolute paths).
import { isAbsolute, join, normalize, relative, sep } from 'node:path';

export function resolveStaticPath(rootDir: string, urlPath: string): string | null {
  let decoded: string;
  try {
    decoded = decodeURIComponent(urlPath);
  } catch {
    return null;
  }
  if (decoded.includes('\0') || decoded.includes('\\')) return null;
  const parts = decoded.split('/').filter((p) => p.length > 0);
  if (parts.some((p) => p === '..' || p === '.')) return null;
  const rel = parts.length === 0 ? 'index.html' : parts.join('/');
  const full = normalize(join(rootDir, rel));
  const back = relative(rootDir, full);
  if (back.startsWith('..') || isAbsolute(back) || back.split(sep).includes('..')) return null;
  return full;
}
