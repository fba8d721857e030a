// What the exercise line says about a run: "checking" while it goes on and has
// not passed yet (a fail is only final once the run is over), the lesson's
// hint when it failed, and the code's own error when it never got going.
import type { UiStrings } from '../i18n/index.ts';
import type { Locale } from '../i18n/locales.ts';
import type { CheckResult, RunRecord } from '../runner/run-record.ts';

export type CheckStatus = 'idle' | 'checking' | 'pass' | 'fail';

export interface Verdict {
  status: CheckStatus;
  text: string;
}

/** The error that stopped the code before it opened any socket, in the page's words; undefined otherwise. */
export function earlyErrorText(record: RunRecord, strings: UiStrings): string | undefined {
  const error = record.errors[0];
  if (!error || record.sockets.length > 0) return undefined;
  const where = error.line ? strings.onLine.replace('{line}', String(error.line)) : '';
  const template = /^SyntaxError\b/.test(error.message) ? strings.checkSyntax : strings.checkThrew;
  return template.replace('{where}', where).replace('{message}', error.message);
}

export function verdict(result: CheckResult, record: RunRecord, strings: UiStrings, locale: Locale): Verdict {
  if (result.pass) return { status: 'pass', text: strings.checkPass };
  // The runner decides when a run is over (README, "What a run may do"): its status leaves 'running'.
  if (record.status === 'running') return { status: 'checking', text: strings.checkRunning };
  const reason = earlyErrorText(record, strings) ?? result.hint?.[locale];
  return { status: 'fail', text: [strings.checkFail, reason].filter(Boolean).join(' ') };
}
