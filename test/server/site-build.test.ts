// When `npm start` decides to build the site, and the URLs it prints.
import { mkdirSync, mkdtempSync, utimesSync, writeFileSync } from 'node:fs';
import { networkInterfaces, tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { serverUrls } from '../../echo-server/index.ts';
import { staleReason } from '../../echo-server/site-build.ts';

function project(): { root: string; dist: string; touch: (path: string, secondsAgo: number) => void } {
  const root = mkdtempSync(join(tmpdir(), 'wsp-build-'));
  mkdirSync(join(root, 'site'));
  mkdirSync(join(root, 'lessons'));
  const touch = (path: string, secondsAgo: number) => {
    const at = new Date(Date.now() - secondsAgo * 1000);
    utimesSync(join(root, path), at, at);
  };
  return { root, dist: join(root, 'dist'), touch };
}

describe('site build check', () => {
  it('builds when dist has no site', () => {
    const p = project();
    expect(staleReason(p.dist, p.root)).toMatch(/no built site/);
  });

  it('builds when a source is newer than the built site, and not otherwise', () => {
    const p = project();
    writeFileSync(join(p.root, 'site', 'page.astro'), 'x');
    mkdirSync(p.dist);
    writeFileSync(join(p.dist, 'index.html'), 'x');
    p.touch('site/page.astro', 100);
    p.touch('site', 100);
    p.touch('lessons', 100);
    p.touch('dist/index.html', 50);
    p.touch('dist', 50);
    expect(staleReason(p.dist, p.root)).toBeNull();
    p.touch('site/page.astro', 10);
    expect(staleReason(p.dist, p.root)).toMatch(/^site changed/);
  });
});

describe('printed URLs', () => {
  it('prints the one address it listens on', () => {
    expect(serverUrls('127.0.0.1', 8080)).toEqual(['http://127.0.0.1:8080/']);
    expect(serverUrls('::1', 8080)).toEqual(['http://[::1]:8080/']);
  });

  it('with 0.0.0.0, prints every IPv4 address of the machine, loopback first', () => {
    const urls = serverUrls('0.0.0.0', 8080);
    const ipv4 = Object.values(networkInterfaces())
      .flat()
      .filter((a) => a?.family === 'IPv4');
    expect(urls).toHaveLength(ipv4.length);
    for (const a of ipv4) expect(urls).toContain(`http://${a!.address}:8080/`);
    expect(urls[0]).toBe('http://127.0.0.1:8080/');
  });
});
