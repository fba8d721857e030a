// Entry script of a lesson page. Kept tiny: the playground's code (Monaco,
// xterm, the runner host) is imported only when the playground comes within
// one screen of the viewport, or when a prose code block is loaded into it.
import { addCodeButtons } from './code-buttons.ts';
import { mountDemos } from './demos.ts';
import type { Playground } from './playground.ts';
import { setupPageChrome } from '../page/page-chrome.ts';
import { localeOr } from '../i18n/locales.ts';

const root = document.querySelector<HTMLElement>('[data-playground]');
const prose = document.querySelector<HTMLElement>('[data-prose]');
setupPageChrome();

if (root && prose) {
  const locale = localeOr(root.dataset.locale);
  let playground: Promise<Playground> | undefined;
  const ensurePlayground = (): Promise<Playground> =>
    (playground ??= import('./playground.ts')
      .then(({ startPlayground }) => startPlayground(root))
      .then((p) => {
        root.dataset.ready = 'true';
        return p;
      }));

  const observer = new IntersectionObserver(
    (entries) => {
      if (!entries.some((e) => e.isIntersecting)) return;
      observer.disconnect();
      void ensurePlayground();
    },
    // Within one screen of view: loading starts while the reader scrolls towards the playground.
    { rootMargin: '100% 0px' },
  );
  observer.observe(root);

  addCodeButtons(prose, root.dataset.loadLabel ?? 'Load', (code) => {
    root.scrollIntoView({ behavior: 'smooth', block: 'start' });
    void ensurePlayground().then((p) => p.load(code));
  });
  mountDemos(locale);
}
