// Mounts `site/demos/NAME.ts` into each `<div data-demo="NAME">` when it comes
// near the viewport; stops them all when the page is left.
import type { DemoContext, MountDemo } from '../demos/kit/types.ts';
import type { Locale } from '../i18n/locales.ts';
import { webSocketBase } from '../page/server-url.ts';

const demos = import.meta.glob<{ default: MountDemo }>('../demos/*.ts');

export function mountDemos(locale: Locale): void {
  const elements = document.querySelectorAll<HTMLElement>('[data-demo]');
  if (elements.length === 0) return;
  const context: DemoContext = { locale, serverUrl: webSocketBase(), httpUrl: location.origin };
  const stops: Array<() => void> = [];

  const observer = new IntersectionObserver(
    (entries) => {
      for (const entry of entries) {
        if (!entry.isIntersecting) continue;
        const el = entry.target as HTMLElement;
        observer.unobserve(el);
        const load = demos[`../demos/${el.dataset.demo}.ts`];
        if (!load) {
          console.warn(`No demo module site/demos/${el.dataset.demo}.ts`);
          continue;
        }
        void load().then((module) => {
          const stop = module.default(el, context);
          if (stop) stops.push(stop);
        });
      }
    },
    { rootMargin: '200px' },
  );
  elements.forEach((el) => observer.observe(el));
  addEventListener('pagehide', () => stops.splice(0).forEach((stop) => stop()));
}
