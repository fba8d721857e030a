import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { defineConfig } from 'vitest/config';
import { lacks, SKIP_LOG_VARIABLE } from './test/support/requirements.ts';
import SkipSummaryReporter from './test/support/skip-summary.ts';

// One skip log per run, inherited by the test workers (see test/support/requirements.ts).
process.env[SKIP_LOG_VARIABLE] ??= join(tmpdir(), `wsp-skips-${process.pid}.jsonl`);

// Projects are named for where their tests run: `node` (unit, server, lesson-check and
// support tests, all in Node) and `chromium` (the end-to-end suites, driving Debian's
// Chromium against the real server). Every end-to-end suite needs Chromium: without it
// they are all left out (and their server with them).
const chromiumProjects = lacks('chromium', 'test/e2e/** (every end-to-end suite)')
  ? []
  : [
      {
        test: {
          name: 'chromium',
          include: ['test/e2e/**/*.test.ts'],
          globalSetup: ['test/e2e/global-setup.ts'],
          // One file at a time: the workshop suite counts every page with a presence
          // socket, and two Chromiums on two busy cores push tests past their timeouts.
          fileParallelism: false,
          testTimeout: 60_000,
          hookTimeout: 180_000,
        },
      },
    ];

export default defineConfig({
  test: {
    reporters: ['default', new SkipSummaryReporter()],
    projects: [
      {
        test: {
          name: 'node',
          include: [
            'test/unit/**/*.test.ts',
            'test/server/**/*.test.ts',
            'test/lessons/**/*.test.ts',
            'lessons/**/*.test.ts',
            'test/support/**/*.test.ts',
          ],
          testTimeout: 20_000,
          hookTimeout: 30_000,
        },
      },
      ...chromiumProjects,
    ],
  },
});
