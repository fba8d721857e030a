// What every page has: the theme toggle and the progress ticks.
import { showProgressTicks } from './progress-ticks.ts';
import { setupThemeToggle } from './theme.ts';

export function setupPageChrome(): void {
  const toggle = document.querySelector<HTMLButtonElement>('[data-theme-toggle]');
  if (toggle) setupThemeToggle(toggle);
  showProgressTicks();
}
