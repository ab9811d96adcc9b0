import { describe, expect, it } from 'vitest';
import { CONTENT_SECURITY_POLICY, PRINT_CONTENT_SECURITY_POLICY, contentSecurityPolicy } from '../../src/main/csp.ts';

function directives(csp: string): Map<string, string[]> {
  return new Map(
    csp.split(';').map((part) => {
      const [name = '', ...sources] = part.trim().split(/\s+/);
      return [name, sources] as const;
    })
  );
}

describe('the app Content-Security-Policy', () => {
  const policy = directives(CONTENT_SECURITY_POLICY);

  it('is exactly the documented policy', () => {
    expect(CONTENT_SECURITY_POLICY).toBe(
      "default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline'; img-src 'self' data:; font-src 'self'; " +
        "connect-src 'self'; object-src 'none'; base-uri 'none'; form-action 'none'; frame-ancestors 'none'"
    );
  });

  it('lets scripts come only from the app itself', () => {
    expect(policy.get('script-src')).toEqual(["'self'"]);
    expect(CONTENT_SECURITY_POLICY).not.toContain('unsafe-eval');
    expect(CONTENT_SECURITY_POLICY).not.toContain('wasm-unsafe-eval');
  });

  it('allows inline code for styles only', () => {
    for (const [name, sources] of policy) {
      if (name !== 'style-src') expect(sources, name).not.toContain("'unsafe-inline'");
    }
  });

  it('names no remote origin or wildcard anywhere', () => {
    for (const sources of policy.values()) {
      for (const source of sources) {
        expect(["'self'", "'none'", "'unsafe-inline'", 'data:']).toContain(source);
      }
    }
  });

  it('forbids plugins, framing, form posts and base-URL changes', () => {
    expect(policy.get('object-src')).toEqual(["'none'"]);
    expect(policy.get('frame-ancestors')).toEqual(["'none'"]);
    expect(policy.get('form-action')).toEqual(["'none'"]);
    expect(policy.get('base-uri')).toEqual(["'none'"]);
  });
});

describe('the development Content-Security-Policy', () => {
  it('adds only the dev server hot-reload socket to connect-src', () => {
    const dev = directives(contentSecurityPolicy('http://localhost:5173'));
    expect(dev.get('connect-src')).toEqual(["'self'", 'ws://localhost:5173']);
    expect(dev.get('script-src')).toEqual(["'self'"]);
    const rest = [...dev].filter(([name]) => name !== 'connect-src');
    expect(rest).toEqual([...directives(CONTENT_SECURITY_POLICY)].filter(([name]) => name !== 'connect-src'));
  });

  it('falls back to the product policy for anything but a loopback http origin', () => {
    expect(contentSecurityPolicy(null)).toBe(CONTENT_SECURITY_POLICY);
    expect(contentSecurityPolicy('https://evil.example')).toBe(CONTENT_SECURITY_POLICY);
    expect(contentSecurityPolicy('http://192.168.1.5:5173')).toBe(CONTENT_SECURITY_POLICY);
    expect(contentSecurityPolicy("http://localhost:5173 'unsafe-eval'")).toBe(CONTENT_SECURITY_POLICY);
  });
});

describe('the print window policy', () => {
  it('allows no scripts and no loads beyond inline styles and data: images', () => {
    const print = directives(PRINT_CONTENT_SECURITY_POLICY);
    expect(print.get('default-src')).toEqual(["'none'"]);
    expect(print.has('script-src')).toBe(false);
    expect(PRINT_CONTENT_SECURITY_POLICY).not.toMatch(/https?:|\*/);
  });
});
