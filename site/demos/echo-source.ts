/// <reference types="vite/client" />
// The servers lesson's demo: the bundled server's own /echo handler, read
// from its source file at build time and shown read-only.

import type { MountDemo } from './kit/types.ts';
import { demoRoot, demoStrings, h } from './kit/demo-kit.ts';
import source from '../../echo-server/endpoints/echo.ts?raw';

const PATH = 'echo-server/endpoints/echo.ts';

const mount: MountDemo = (el, ctx) => {
  const t = demoStrings(ctx.locale, 'echo-source');
  const root = demoRoot('echo-source', t.label);
  const lines = source.trimEnd().split('\n');
  const code = h('code', { class: 'language-ts' });
  for (const line of lines) {
    code.append(h('span', { class: 'line' }, line), '\n');
  }
  root.append(
    h('p', { class: 'demo-echo-source-path' }, h('code', {}, PATH), ` · ${t.lines(lines.length)}`),
    // A focusable, labelled region so keyboard users can scroll long source.
    h('pre', { tabindex: 0, 'aria-label': `${PATH} (${t.readOnly})` }, code),
  );
  el.append(root);
  return () => root.remove();
};

export default mount;
