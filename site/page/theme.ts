// Dark/light theme: the system's by default; the toggle's choice persists.
const KEY = 'wsp:theme';
export const THEME_EVENT = 'wsp:themechange';

export function isDark(): boolean {
  const chosen = document.documentElement.dataset.theme;
  return chosen ? chosen === 'dark' : matchMedia('(prefers-color-scheme: dark)').matches;
}

export function setupThemeToggle(button: HTMLButtonElement): void {
  const sync = (): void => button.setAttribute('aria-pressed', String(isDark()));
  sync();
  matchMedia('(prefers-color-scheme: dark)').addEventListener('change', () => {
    sync();
    document.dispatchEvent(new Event(THEME_EVENT));
  });
  button.addEventListener('click', () => {
    const theme = isDark() ? 'light' : 'dark';
    document.documentElement.dataset.theme = theme;
    try {
      localStorage.setItem(KEY, theme);
    } catch {
      // Not remembered, still applied.
    }
    sync();
    document.dispatchEvent(new Event(THEME_EVENT));
  });
}
