// The exercise text and the check's thresholds come from one source: each
// check.ts exports `task`, its parameters, and the `exercise` frontmatter
// names them as {{NAME}}; the build fills them in (see lessons/README.md).
import type { Locale } from '../i18n/locales.ts';

/** A check's task parameters: what the exercise text quotes and the check enforces. */
export type TaskParameters = Readonly<Record<string, number | string | readonly number[]>>;

/** How a list reads in each language. */
const LIST_SEPARATOR: Record<Locale, string> = { zh: '、', en: ', ' };

const PLACEHOLDER = /\{\{\s*([A-Za-z_][A-Za-z0-9_]*)\s*\}\}/g;

export class ExerciseTextError extends Error {
  constructor(file: string, problem: string) {
    super(`${file}: ${problem}`);
    this.name = 'ExerciseTextError';
  }
}

/** The names of the placeholders in `text`, in order of appearance. */
export function placeholders(text: string): string[] {
  return [...text.matchAll(PLACEHOLDER)].map((m) => m[1]!);
}

/** `text` with every {{NAME}} replaced by `task[NAME]`; throws naming `file` when a name is not a task parameter. */
export function fillExercise(text: string, task: TaskParameters, locale: Locale, file: string): string {
  return text.replace(PLACEHOLDER, (_, name: string) => {
    if (!Object.hasOwn(task, name)) {
      throw new ExerciseTextError(
        file,
        `{{${name}}} is not one of the task parameters its check.ts exports (${Object.keys(task).join(', ') || 'none'})`,
      );
    }
    const value = task[name]!;
    return typeof value === 'object' ? value.join(LIST_SEPARATOR[locale]) : String(value);
  });
}
