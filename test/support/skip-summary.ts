// A vitest reporter that ends the run with every suite skipped for a missing
// program (recorded by requirements.ts) and the command that installs it, so a
// skip on a fresh machine is never silent.
import { existsSync, readFileSync, rmSync } from 'node:fs';
import type { Reporter } from 'vitest/reporters';
import { describeSkip, REQUIRE_ALL_VARIABLE, SKIP_LOG_VARIABLE, type Skip } from './requirements.ts';

export function readSkips(log: string): Skip[] {
  if (!existsSync(log)) return [];
  const lines = new Set(readFileSync(log, 'utf8').split('\n').filter(Boolean));
  return [...lines].map((line) => JSON.parse(line) as Skip);
}

export function skipSummary(skips: Skip[]): string {
  const rule = '='.repeat(100);
  const installs = [...new Set(skips.map((s) => s.install))];
  return [
    rule,
    `SKIPPED ${skips.length} suite${skips.length === 1 ? '' : 's'}: this machine lacks a program ${skips.length === 1 ? 'it needs' : 'they need'}.`,
    ...skips.map((s) => `  - ${describeSkip(s)}`),
    `Install, then run npm test again:  ${installs.join(' && ')}`,
    `(CI runs with ${REQUIRE_ALL_VARIABLE}=1, where a missing program fails the run.)`,
    rule,
  ].join('\n');
}

export default class SkipSummaryReporter implements Reporter {
  onTestRunEnd(): void {
    const log = process.env[SKIP_LOG_VARIABLE];
    if (!log) return;
    const skips = readSkips(log);
    rmSync(log, { force: true });
    if (skips.length > 0) console.log(`\n${skipSummary(skips)}\n`);
  }
}
