// What /handshake reports as its first message: the Upgrade request exactly as
// the server received it, and the Sec-WebSocket-Accept it answered. Several
// demos show parts of it, so reading it lives here once.

import { WS_PATHS } from '../../../contracts/endpoints.ts';
import type { HandshakeReport } from '../../../contracts/handshake.ts';

export function isHandshakeReport(value: unknown): value is HandshakeReport {
  const v = value as Partial<HandshakeReport> | null;
  return typeof v === 'object' && v !== null && v.type === 'handshake' && typeof v.accept === 'string' && Array.isArray(v.request?.headers);
}

/** A header's value by case-insensitive name, as the server received it. */
export function headerValue(report: HandshakeReport, name: string): string | undefined {
  const wanted = name.toLowerCase();
  return report.request.headers.find(([n]) => n.toLowerCase() === wanted)?.[1];
}

/** Bytes of the request head as it went over the wire: request line, headers, blank line. */
export function requestHeadBytes(report: HandshakeReport): number {
  const { method, path, httpVersion, headers } = report.request;
  const lines = [`${method} ${path} HTTP/${httpVersion}`, ...headers.map(([n, v]) => `${n}: ${v}`), '', ''];
  // The server decodes header bytes as latin1, one character per byte, so characters are bytes.
  return lines.join('\r\n').length;
}

/** Why no report came: the close code, or none when the first message was something else. */
export class NoReportError extends Error {
  constructor(readonly closeCode?: number) {
    super(closeCode === undefined ? 'the first message was not a handshake report' : `closed with code ${closeCode} before a report`);
    this.name = 'NoReportError';
  }
}

export interface ReportRequest {
  /** Settles with the report, or rejects with a NoReportError. */
  report: Promise<HandshakeReport>;
  /** Closes the socket if it is still open; the promise then rejects. */
  cancel: () => void;
}

/** Opens `${serverUrl}/handshake`, reads the first message and closes. */
export function requestHandshakeReport(serverUrl: string): ReportRequest {
  const ws = new WebSocket(`${serverUrl}${WS_PATHS.handshake}`);
  const report = new Promise<HandshakeReport>((resolve, reject) => {
    ws.addEventListener('message', (event: MessageEvent) => {
      ws.close(1000, 'report read');
      let parsed: unknown;
      try {
        parsed = JSON.parse(String(event.data));
      } catch {
        parsed = undefined;
      }
      if (isHandshakeReport(parsed)) resolve(parsed);
      else reject(new NoReportError());
    });
    // After a resolve this reject is a no-op.
    ws.addEventListener('close', (event) => reject(new NoReportError(event.code)));
  });
  return { report, cancel: () => ws.close() };
}
