// The static host: right files and types, security headers, caching, and no
// way out of the site's root.
import { request } from 'node:http';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { RunningServer } from '../../echo-server/index.ts';
import { httpUrl, rawExchange, startServer } from './helpers.ts';

let server: RunningServer;
beforeAll(async () => {
  server = await startServer();
});
afterAll(() => server.close());

/** GET with the path sent exactly as written (fetch would normalise "..") */
function rawGet(path: string): Promise<{ status: number; body: string }> {
  return new Promise((resolve, reject) => {
    const req = request({ host: '127.0.0.1', port: server.port, path, method: 'GET' }, (res) => {
      let body = '';
      res.on('data', (c: Buffer) => (body += c.toString()));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, body }));
    });
    req.on('error', reject);
    req.end();
  });
}

describe('static files', () => {
  it('serves pages with the right type, nosniff and the site CSP', async () => {
    const res = await fetch(httpUrl(server, '/'));
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toBe('text/html;charset=utf-8');
    expect(res.headers.get('x-content-type-options')).toBe('nosniff');
    expect(res.headers.get('content-security-policy')).toMatch(/default-src 'self'/);
    expect(await res.text()).toContain('<title>home</title>');
  });

  it('gives the runner frame its own CSP', async () => {
    const res = await fetch(httpUrl(server, '/runner/'));
    expect(res.status).toBe(200);
    expect(res.headers.get('content-security-policy')).toMatch(/default-src 'none'/);
  });

  it('serves CSS and JS with their types; hashed /_astro/ assets are cached for a year', async () => {
    const css = await fetch(httpUrl(server, '/style.css'));
    expect(css.headers.get('content-type')).toMatch(/^text\/css/);
    expect(css.headers.get('cache-control')).toBe('no-cache');
    const js = await fetch(httpUrl(server, '/_astro/app.abc123.js'));
    expect(js.headers.get('content-type')).toMatch(/javascript/);
    expect(js.headers.get('cache-control')).toMatch(/max-age=31536000, immutable/);
    expect(js.headers.get('x-content-type-options')).toBe('nosniff');
  });

  it('answers unknown pages with the 404 page, status 404, and the security headers', async () => {
    const res = await fetch(httpUrl(server, '/missing/'));
    expect(res.status).toBe(404);
    expect(res.headers.get('x-content-type-options')).toBe('nosniff');
    expect(res.headers.get('content-security-policy')).toBeTruthy();
    expect(await res.text()).toContain('custom 404 page');
  });

  it.each([
    '/../package.json',
    '/../../package.json',
    '/%2e%2e/package.json',
    '/%2E%2E%2Fpackage.json',
    '/..%2fpackage.json',
    '/..%5cpackage.json',
    '/_astro/../../package.json',
    '/%252e%252e/package.json',
    '/....//package.json',
    '//etc/passwd',
    '/%2e%2e/%2e%2e/%2e%2e/etc/passwd',
  ])('never serves a file outside the root: %s', async (path) => {
    const { status, body } = await rawGet(path);
    expect(status).toBe(404);
    expect(body).not.toContain('"name"');
    expect(body).not.toContain('root:');
  });

  it('a raw request line with ".." stays inside the root too', async () => {
    const answer = await rawExchange(server.port, 'GET /../package.json HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n');
    expect(answer).toMatch(/^HTTP\/1.1 404/);
    expect(answer).not.toContain('websocket-playground');
  });

  it('refuses other methods with 405', async () => {
    const res = await fetch(httpUrl(server, '/'), { method: 'POST', body: 'x' });
    expect(res.status).toBe(405);
  });

  it('answers a malformed request target with 400, not a crash', async () => {
    const answer = await rawExchange(server.port, 'GET //[ HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n');
    expect(answer).toMatch(/^HTTP\/1.1 400/);
    expect((await fetch(httpUrl(server, '/healthz'))).status).toBe(200);
  });
});
