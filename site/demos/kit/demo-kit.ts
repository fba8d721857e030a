// Small DOM helpers shared by the lesson demos: build elements without a
// framework, pick the demo's strings for the page's locale, and render a
// labelled live counter. Demos own the sockets and timers they create.

import type { Locale } from '../../i18n/locales.ts';
import zh from './strings.zh.ts';
import en from './strings.en.ts';
// Every demo builds on this kit, so its stylesheet loads with the first demo.
import '../demos.css';

type Child = Node | string | null | undefined | false;
type Attrs = Record<string, string | number | boolean | undefined>;

/** Creates `<tag>` with attributes (`false`/`undefined` omitted) and children. */
export function h<K extends keyof HTMLElementTagNameMap>(tag: K, attrs: Attrs = {}, ...children: Child[]): HTMLElementTagNameMap[K] {
  const el = document.createElement(tag);
  for (const [name, value] of Object.entries(attrs)) {
    if (value === undefined || value === false) continue;
    el.setAttribute(name, value === true ? '' : String(value));
  }
  for (const child of children) if (child) el.append(child);
  return el;
}

type Strings = typeof zh & typeof en;

/** The UI strings of one demo in the page's locale. */
export function demoStrings<K extends keyof Strings>(locale: Locale, name: K): (typeof zh)[K] | (typeof en)[K] {
  return locale === 'zh' ? zh[name] : en[name];
}

/** The demo's root: a labelled group with the shared demo class and its own. */
export function demoRoot(name: string, label: string): HTMLElement {
  return h('section', { class: `demo-kit demo-${name}`, 'aria-label': label });
}

/** A polite live region: screen readers announce what is written into it. */
export function liveStatus(): HTMLElement {
  return h('p', { class: 'demo-kit-status', role: 'status', 'aria-live': 'polite' });
}

/** Human-readable byte count: 1536 → "1.5 KiB". */
export function formatBytes(n: number): string {
  if (n < 1024) return `${n} B`;
  if (n < 1024 * 1024) return `${(n / 1024).toFixed(1)} KiB`;
  return `${(n / (1024 * 1024)).toFixed(2)} MiB`;
}

/**
 * "Result #n, measured at hh:mm:ss": a repeated measurement often gives the same numbers, and the stamp
 * is what shows the reader it really ran again.
 */
export function resultStamp(locale: Locale): () => HTMLElement {
  let count = 0;
  const stamp = h('p', { class: 'demo-kit-stamp' });
  return () => {
    count += 1;
    stamp.textContent = demoStrings(locale, 'demo-kit').stamp(count, new Date().toLocaleTimeString(locale === 'zh' ? 'zh-CN' : 'en'));
    return stamp;
  };
}
