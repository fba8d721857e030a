// The contract between a lesson's prose and the live demos it places with
// `<div data-demo="NAME"></div>`: the page imports `site/demos/NAME.ts` and
// calls its default export with the element and this context.

import type { Locale } from '../../i18n/locales.ts';

export interface DemoContext {
  locale: Locale;
  /** ws:// or wss:// base of the serving host, no trailing slash. */
  serverUrl: string;
  /** http:// or https:// base of the serving host, no trailing slash. */
  httpUrl: string;
}

/** Mounts the demo into `el`; returns a function that stops it (closes sockets, timers). */
export type MountDemo = (el: HTMLElement, ctx: DemoContext) => (() => void) | void;
