// features, point 5: no same-origin rule, so the server decides by Origin.
// Shows the Origin the server received from this page's own socket.

import type { MountDemo } from './kit/types.ts';
import { demoRoot, demoStrings, h, liveStatus } from './kit/demo-kit.ts';
import { headerValue, requestHandshakeReport } from './kit/handshake-report.ts';

const mount: MountDemo = (el, ctx) => {
  const t = demoStrings(ctx.locale, 'origin-seen');
  const root = demoRoot('origin-seen', t.label);
  const status = liveStatus();
  const facts = h('dl', { class: 'demo-origin-seen-facts' });
  root.append(status, facts);
  el.append(root);

  const row = (term: string, detail: string) => facts.append(h('dt', {}, term), h('dd', {}, h('code', {}, detail)));
  const request = requestHandshakeReport(ctx.serverUrl);
  status.textContent = t.connecting;
  request.report.then(
    (report) => {
      const origin = headerValue(report, 'origin');
      row(t.pageOrigin, location.origin);
      row(t.serverSaw, origin ?? t.none);
      row(t.sandbox, 'null');
      status.textContent = origin === location.origin ? t.same : t.different;
    },
    () => {
      status.textContent = t.failed;
    },
  );

  return () => {
    request.cancel();
    root.remove();
  };
};

export default mount;
