// The requirement check against real PATHs: a program hidden from PATH is
// missing, its skip is recorded for the summary, and under WSP_REQUIRE_ALL=1
// it fails instead.
import { mkdtempSync, symlinkSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { lacks, programPath, REQUIRE_ALL_VARIABLE, SKIP_LOG_VARIABLE } from './requirements.ts';
import { readSkips, skipSummary } from './skip-summary.ts';

const saved = { ...process.env };
afterEach(() => {
  process.env = { ...saved };
});

/** A PATH holding only a `node` link: no redis-server on it. */
function pathWithoutRedis(): string {
  const bin = mkdtempSync(join(tmpdir(), 'wsp-bin-'));
  symlinkSync(process.execPath, join(bin, 'node'));
  return bin;
}

describe('requirements', () => {
  it('finds a program on PATH and reports its path', () => {
    const bin = pathWithoutRedis();
    process.env.PATH = bin;
    expect(programPath('redis-server')).toBeNull();
    symlinkSync(process.execPath, join(bin, 'redis-server'));
    expect(programPath('redis-server')).toBe(join(bin, 'redis-server'));
  });

  it('records a skip, and the summary names the suite, the program and the install command', () => {
    const log = join(mkdtempSync(join(tmpdir(), 'wsp-skips-')), 'skips.jsonl');
    process.env = { ...saved, PATH: pathWithoutRedis(), [SKIP_LOG_VARIABLE]: log };
    delete process.env[REQUIRE_ALL_VARIABLE];
    expect(lacks('redis-server', new URL('../server/workshop-redis.test.ts', import.meta.url).href)).toBe(true);
    expect(lacks('redis-server', new URL('../server/workshop-redis.test.ts', import.meta.url).href)).toBe(true);
    const skips = readSkips(log);
    expect(skips).toEqual([
      { suite: 'test/server/workshop-redis.test.ts', program: 'redis-server', install: 'apt-get install redis-server' },
    ]);
    expect(skipSummary(skips)).toMatch(
      /SKIPPED 1 suite.*\n.*test\/server\/workshop-redis\.test\.ts: needs redis-server.*`apt-get install redis-server`/,
    );
  });

  it('under WSP_REQUIRE_ALL=1 a missing program is an error naming the install command', () => {
    process.env = { ...saved, PATH: pathWithoutRedis(), [REQUIRE_ALL_VARIABLE]: '1' };
    expect(() => lacks('redis-server', 'some suite')).toThrow(
      /WSP_REQUIRE_ALL=1 and some suite: needs redis-server.*apt-get install redis-server/,
    );
  });

  it('a program that is there is not lacking, with or without WSP_REQUIRE_ALL', () => {
    const bin = pathWithoutRedis();
    symlinkSync(process.execPath, join(bin, 'redis-server'));
    process.env = { ...saved, PATH: bin, [REQUIRE_ALL_VARIABLE]: '1' };
    expect(lacks('redis-server', 'some suite')).toBe(false);
  });
});
