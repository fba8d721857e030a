// The instructor's install: `npm pack` makes a tarball, `npm install -g` puts it
// in a temporary prefix with no network and an empty npm cache (so nothing can
// be fetched), and the installed `websocket-playground` command — plain Node, no
// TypeScript loader, no dependencies — serves a lesson page and every endpoint.
import { execFile } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type PlaygroundProcess, startCommand } from '../support/server-process.ts';
import { openClient } from './helpers.ts';

const run = promisify(execFile);
const ROOT = new URL('../../', import.meta.url);
/** Packing builds the site when it is stale: minutes on a busy two-core machine. */
const PACK_TIMEOUT_MS = 420_000;

describe('the npm package', { timeout: 60_000 }, () => {
  const work = mkdtempSync(join(tmpdir(), 'wsp-package-'));
  const prefix = join(work, 'prefix');
  const installed = join(prefix, 'lib', 'node_modules', 'websocket-playground');
  let server: PlaygroundProcess;

  beforeAll(async () => {
    const { stdout } = await run('npm', ['pack', '--silent', '--pack-destination', work], { cwd: ROOT, maxBuffer: 64 * 1024 * 1024 });
    const tarball = join(work, stdout.trim().split('\n').pop()!);
    const npmrc = join(work, 'npmrc');
    await run(
      'npm',
      ['install', '--global', '--offline', '--prefix', prefix, '--cache', join(work, 'empty-cache'), '--userconfig', npmrc, tarball],
      { cwd: work },
    );
    // From a folder that is not the repository, on a PATH without its node_modules/.bin.
    server = await startCommand(join(prefix, 'bin', 'websocket-playground'), [], {
      cwd: work,
      env: { PATH: `${prefix}/bin:${process.env.PATH}` },
    });
  }, PACK_TIMEOUT_MS);

  afterAll(async () => {
    await server?.stop();
    rmSync(work, { recursive: true, force: true });
  });

  it('holds the built site and one compiled server, and no dependencies or TypeScript', () => {
    expect(existsSync(join(installed, 'dist', 'index.html'))).toBe(true);
    expect(existsSync(join(installed, 'node_modules'))).toBe(false);
    expect(readdirSync(installed).sort()).toEqual(['README.md', 'build', 'dist', 'package.json']);
    expect(readdirSync(join(installed, 'build'))).toEqual(['websocket-playground.js']);
  });

  it('answers /healthz', async () => {
    const response = await fetch(`${server.url}/healthz`);
    expect(response.status).toBe(200);
    expect(await response.json()).toMatchObject({ status: 'ok' });
  });

  it('serves a lesson page from the site it ships', async () => {
    const response = await fetch(`${server.url}/en/send/`);
    expect(response.status).toBe(200);
    expect(await response.text()).toMatch(/<html[^>]* lang="en"/);
  });

  it('echoes over /echo, text and binary', async () => {
    const ws = await openClient(`${server.url.replace('http', 'ws')}/echo`);
    const replies: Array<{ data: Buffer; binary: boolean }> = [];
    const two = new Promise<void>((resolve) =>
      ws.on('message', (data: Buffer, binary: boolean) => {
        replies.push({ data, binary });
        if (replies.length === 2) resolve();
      }),
    );
    ws.send('hello, 你好');
    ws.send(Buffer.from([0, 1, 2, 255]));
    await two;
    ws.close();
    expect(replies[0]).toEqual({ data: Buffer.from('hello, 你好'), binary: false });
    expect(replies[1]).toEqual({ data: Buffer.from([0, 1, 2, 255]), binary: true });
  });

  it('takes the same flags as npm start', async () => {
    const { stdout } = await run(join(prefix, 'bin', 'websocket-playground'), ['--help'], { cwd: work });
    expect(stdout).toMatch(/--max-payload/);
    await expect(run(join(prefix, 'bin', 'websocket-playground'), ['--port', 'eighty'], { cwd: work })).rejects.toMatchObject({ code: 2 });
  });
});
