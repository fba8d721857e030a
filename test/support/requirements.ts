// Programs some suites need that `npm install` cannot provide. On a machine
// without one, the suites that need it are skipped and the run ends with a
// summary of what was skipped and how to install it (skip-summary.ts); under
// WSP_REQUIRE_ALL=1 (set by .ci/run) a missing program fails the run instead.
//
// A suite adopts it with one line:
//   describe.skipIf(lacks('redis-server', import.meta.url))('…', () => { … });
// and spawns the program by the path `programPath('redis-server')` found.
import { execFileSync } from 'node:child_process';
import { accessSync, appendFileSync, constants } from 'node:fs';
import { delimiter, join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';

export type Program = 'redis-server' | 'chromium' | 'nginx' | 'fonts-noto-cjk';

/** The Debian command that installs each program. */
export const INSTALL: Record<Program, string> = {
  'redis-server': 'apt-get install redis-server',
  chromium: 'apt-get install chromium',
  nginx: 'apt-get install nginx',
  'fonts-noto-cjk': 'apt-get install fonts-noto-cjk',
};

/** Set by .ci/run: every requirement must be met, so CI always runs every suite. */
export const REQUIRE_ALL_VARIABLE = 'WSP_REQUIRE_ALL';
/** Where skips are recorded for the summary (set by vitest.config.ts, one file per run). */
export const SKIP_LOG_VARIABLE = 'WSP_SKIP_LOG';

const ROOT = fileURLToPath(new URL('../../', import.meta.url));

/** Daemons live in sbin, which a user's PATH often lacks. */
const EXTRA_DIRS = ['/usr/local/sbin', '/usr/sbin', '/sbin'];

function onPath(name: string): string | null {
  const dirs = [...(process.env.PATH ?? '').split(delimiter).filter(Boolean), ...EXTRA_DIRS];
  for (const dir of dirs) {
    const path = join(dir, name);
    try {
      accessSync(path, constants.X_OK);
      return path;
    } catch {
      // not in this directory
    }
  }
  return null;
}

function hasCjkFont(): string | null {
  try {
    return /noto sans cjk/i.test(execFileSync('fc-list', { encoding: 'utf8' })) ? 'fc-list' : null;
  } catch {
    return null;
  }
}

/** Where the program is (its path), or null when this machine lacks it. */
export function programPath(program: Program): string | null {
  if (program === 'fonts-noto-cjk') return hasCjkFont();
  return onPath(program);
}

export interface Skip {
  suite: string;
  program: Program;
  install: string;
}

/** A one-line English explanation, shared by the failure and the summary. */
export function describeSkip(skip: Skip): string {
  return `${skip.suite}: needs ${skip.program}, which this machine lacks — install it with \`${skip.install}\``;
}

/**
 * True when this machine lacks `program`, so the suite should be skipped
 * (and the skip is recorded for the summary). Under WSP_REQUIRE_ALL=1 it
 * throws instead, which fails the suite. `suite` names what is skipped: pass
 * the test file's `import.meta.url`, or a label such as 'test/e2e/**'.
 */
export function lacks(program: Program, suite: string): boolean {
  if (programPath(program)) return false;
  const skip: Skip = {
    suite: suite.startsWith('file:') ? relative(ROOT, fileURLToPath(suite)) : suite,
    program,
    install: INSTALL[program],
  };
  if (process.env[REQUIRE_ALL_VARIABLE] === '1') {
    throw new Error(`${REQUIRE_ALL_VARIABLE}=1 and ${describeSkip(skip)}`);
  }
  const log = process.env[SKIP_LOG_VARIABLE];
  if (log) appendFileSync(log, `${JSON.stringify(skip)}\n`);
  return true;
}
