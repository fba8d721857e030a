// The launcher every test and bench starts its servers with, against real child
// processes: a small HTTP server that prints its URL, one that reports its port
// over IPC, one that dies first, and one that ignores SIGTERM.
import { describe, expect, it } from 'vitest';
import { startProcess } from './server-process.ts';

/** A Node child running `body` after an HTTP server on 127.0.0.1:0 is listening (`port` in scope). */
const child = (body: string) => [
  '-e',
  `const s = require('node:http').createServer((q, r) => r.end('up'));
   s.listen(0, '127.0.0.1', () => { const port = s.address().port; ${body} });`,
];

describe('startProcess', () => {
  it('resolves with the URL a child prints, serves from it, and stops it with SIGTERM', async () => {
    const server = await startProcess(
      process.execPath,
      child("console.log('build log: see https://astro.build'); console.log(`serving on http://127.0.0.1:${port}/`);"),
    );
    expect(server.url).toBe(`http://127.0.0.1:${server.port}`);
    expect(await (await fetch(server.url)).text()).toBe('up');
    await server.stop();
    expect(server.child.signalCode).toBe('SIGTERM');
  });

  it('resolves with the port a child reports over IPC', async () => {
    const server = await startProcess(process.execPath, child("process.send({ type: 'listening', port });"), { ipc: true });
    expect(await (await fetch(server.url)).text()).toBe('up');
    await server.stop();
  });

  it('rejects with the output of a child that exits before it listens', async () => {
    await expect(startProcess(process.execPath, ['-e', "console.error('error: port taken'); process.exit(3);"])).rejects.toThrow(
      /exited with 3 before it listened:\n.*port taken/,
    );
  });

  it('kills a child that ignores SIGTERM', async () => {
    const server = await startProcess(process.execPath, child("process.on('SIGTERM', () => {}); console.log(`http://127.0.0.1:${port}`);"));
    await server.stop();
    expect(server.child.signalCode).toBe('SIGKILL');
  });
});
