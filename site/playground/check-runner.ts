// Runs the lesson's exercise check over the run record: debounced while the
// run goes on, and at once when it ends. A check that throws counts as a fail.
import type { CheckResult, LessonCheck, RunRecord } from '../runner/run-record.ts';

const checks = import.meta.glob<{ default: LessonCheck }>('/lessons/*/check.ts');

export async function loadCheck(slug: string): Promise<LessonCheck | undefined> {
  const load = checks[`/lessons/${slug}/check.ts`];
  return load ? (await load()).default : undefined;
}

export function evaluate(check: LessonCheck, record: RunRecord): CheckResult {
  try {
    return check(record);
  } catch (error) {
    console.error('lesson check failed', error);
    return { pass: false };
  }
}
