// Shows the ticks of completed lessons in the sidebar and the index, and the "n of m passed" line.
import { completedLessons } from './storage.ts';

export function showProgressTicks(doc: Document = document): void {
  const done = completedLessons();
  for (const item of doc.querySelectorAll<HTMLElement>('[data-progress-slug]')) {
    item.dataset.done = String(done.has(item.dataset.progressSlug ?? ''));
  }
  for (const summary of doc.querySelectorAll<HTMLElement>('[data-progress-summary]')) {
    const list = summary.nextElementSibling;
    const passed = list?.querySelectorAll('[data-done="true"]').length ?? 0;
    summary.textContent = (summary.dataset.template ?? '')
      .replace('{done}', String(passed))
      .replace('{total}', summary.dataset.total ?? '');
  }
}
