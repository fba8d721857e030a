// Runs a benchmark server in its own process, so client and server do not
// share an event loop, and reads its memory on demand. Each server is compiled
// to JavaScript first and runs on plain Node, as `npm start` runs ours; the
// launch and stop are test/support/server-process.ts's, shared with the tests.
import type { ChildProcess } from 'node:child_process';
import { ensureBundle } from '../scripts/build-server.ts';
import { startProcess } from '../test/support/server-process.ts';
import type { ToChild, ToParent } from './servers/child-protocol.ts';

/** The echo servers compared against each other. */
export type ServerKind = 'ours' | 'bare';
/** Every server a benchmark can start: the workshop adds its own baseline. */
export type BenchServer = ServerKind | 'bare-room';

export interface Memory {
  rss: number;
  heapUsed: number;
  external: number;
}

export interface ServerProcess {
  port: number;
  memory(): Promise<Memory>;
  /** CPU time (user + system) the server process has used so far, in microseconds. */
  cpuMicros(): Promise<number>;
  stop(): Promise<void>;
}

const ENTRY: Record<BenchServer, string> = {
  ours: 'bench/servers/playground.ts',
  bare: 'bench/servers/bare-ws.ts',
  'bare-room': 'bench/servers/bare-room.ts',
};

function nextMessage<T extends ToParent['type']>(child: ChildProcess, type: T): Promise<Extract<ToParent, { type: T }>> {
  return new Promise((resolve, reject) => {
    const onExit = (code: number | null) => reject(new Error(`benchmark server exited (${code})`));
    const onMessage = (message: ToParent) => {
      if (message.type !== type) return;
      child.off('message', onMessage);
      child.off('exit', onExit);
      resolve(message as Extract<ToParent, { type: T }>);
    };
    child.on('message', onMessage);
    child.once('exit', onExit);
  });
}

export async function startServerProcess(kind: BenchServer, ourOptions: object = {}): Promise<ServerProcess> {
  const compiled = await ensureBundle({ entry: ENTRY[kind], outfile: `build/bench/${kind}.js` }, { quiet: true });
  const args = kind === 'ours' ? [JSON.stringify(ourOptions)] : [];
  const { port, child, stop } = await startProcess(process.execPath, ['--expose-gc', compiled, ...args], { ipc: true });
  return {
    port,
    async memory() {
      const reply = nextMessage(child, 'memory');
      child.send({ type: 'memory' } satisfies ToChild);
      const { rss, heapUsed, external } = await reply;
      return { rss, heapUsed, external };
    },
    async cpuMicros() {
      const reply = nextMessage(child, 'cpu');
      child.send({ type: 'cpu' } satisfies ToChild);
      return (await reply).micros;
    },
    stop,
  };
}
