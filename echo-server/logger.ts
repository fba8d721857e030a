// One line per connection opened and closed; never per message.
import type { TrafficCounts } from './metrics.ts';

export interface ConnectionLog {
  open(path: string, address: string): void;
  close(path: string, address: string, code: number, durationMs: number, traffic: TrafficCounts, error?: string): void;
}

export function createConnectionLog(quiet: boolean, write: (line: string) => void = (l) => process.stdout.write(l + '\n')): ConnectionLog {
  if (quiet) return { open() {}, close() {} };
  const stamp = () => new Date().toISOString();
  return {
    open(path, address) {
      write(`${stamp()} open  ${path} ${address}`);
    },
    close(path, address, code, durationMs, t, error) {
      const why = error ? ` error=${error}` : '';
      write(
        `${stamp()} close ${path} ${address} code=${code}${why} duration=${(durationMs / 1000).toFixed(2)}s in=${t.bytesIn}B/${t.messagesIn}msg out=${t.bytesOut}B/${t.messagesOut}msg`,
      );
    },
  };
}
