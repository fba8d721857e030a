// The real CLI as a child process: flags, environment, bad values, URLs
// printed, and a clean SIGTERM shutdown.
import { spawn, type ChildProcess } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { ConfigError, DEFAULTS, OPTION_SPECS, parseConfig } from '../../echo-server/config.ts';
import { closeEvent, makeStaticRoot, openClient } from './helpers.ts';

const ROOT = fileURLToPath(new URL('../../', import.meta.url));

function runCli(args: string[], env: NodeJS.ProcessEnv = {}): ChildProcess & { output: () => { stdout: string; stderr: string } } {
  const child = spawn(process.execPath, ['--import', 'tsx', 'echo-server/cli.ts', ...args], {
    cwd: ROOT,
    env: { ...process.env, ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let stdout = '';
  let stderr = '';
  child.stdout.on('data', (d: Buffer) => (stdout += d.toString()));
  child.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
  return Object.assign(child, { output: () => ({ stdout, stderr }) });
}

function exited(child: ChildProcess): Promise<number | null> {
  return new Promise((resolve) => child.once('exit', (code) => resolve(code)));
}

async function firstUrl(child: ReturnType<typeof runCli>): Promise<string> {
  for (;;) {
    const match = /http:\/\/\S+/.exec(child.output().stdout);
    if (match) return match[0];
    if (child.exitCode !== null) throw new Error(`CLI exited: ${child.output().stderr}`);
    await new Promise((r) => setTimeout(r, 25));
  }
}

describe('option parsing', () => {
  it('uses the documented defaults', () => {
    const o = parseConfig([], {});
    expect(o).toMatchObject({ port: 8080, host: '127.0.0.1', maxPayload: 16 * 1024 * 1024, maxConns: 10000, maxConnsPerIp: 256 });
    expect(o.build).toBe(true);
  });

  it('reads environment variables, and flags win over them', () => {
    const env = { PORT: '9000', MAX_PAYLOAD: '1MiB', RATE_LIMIT: '0', IDLE_TIMEOUT: '30s', HEARTBEAT_INTERVAL: '500ms', QUIET: '1' };
    const o = parseConfig(['--port', '9001', '--max-conns-per-ip=0', '--no-build'], env);
    expect(o.port).toBe(9001);
    expect(o.maxPayload).toBe(1024 * 1024);
    expect(o.rateLimit).toBe(0);
    expect(o.idleTimeout).toBe(30_000);
    expect(o.heartbeatInterval).toBe(500);
    expect(o.quiet).toBe(true);
    expect(o.maxConnsPerIp).toBe(0);
    expect(o.build).toBe(false);
  });

  it.each([
    [['--port', '70000'], /--port: 70000 is out of range/],
    [['--port', 'eighty'], /--port: "eighty" is not an integer/],
    [['--max-payload', '16 parsecs'], /--max-payload: .* is not a size/],
    [['--max-payload', '10'], /out of range/],
    [['--rate-limit=-5'], /out of range/],
    [['--idle-timeout', 'soon'], /is not a duration/],
    [['--max-conns', '0'], /out of range/],
    [['--bogus'], /Unknown option '--bogus'/],
  ])('refuses %j with a clear message', (args, message) => {
    expect(() => parseConfig(args, {})).toThrow(ConfigError);
    expect(() => parseConfig(args, {})).toThrow(message);
  });

  it('refuses a bad environment value naming the variable', () => {
    expect(() => parseConfig([], { MAX_CONNS: 'lots' })).toThrow(/MAX_CONNS: "lots" is not an integer/);
  });

  it('has a default for every option', () => {
    for (const spec of OPTION_SPECS) expect(DEFAULTS[spec.key]).toBeDefined();
  });
});

describe('the CLI process', () => {
  it('--help lists every flag and its environment variable', async () => {
    const child = runCli(['--help']);
    expect(await exited(child)).toBe(0);
    const { stdout } = child.output();
    for (const spec of OPTION_SPECS) {
      expect(stdout).toContain(`--${spec.flag}`);
      if (spec.env) expect(stdout).toContain(spec.env);
    }
  });

  it('exits 2 with a message, not a stack trace, on a bad value', async () => {
    const child = runCli(['--max-conns', 'many']);
    expect(await exited(child)).toBe(2);
    const { stderr } = child.output();
    expect(stderr).toContain('--max-conns: "many" is not an integer');
    expect(stderr).not.toMatch(/\n\s+at /);
  });

  it('exits 2 on a bad environment variable', async () => {
    const child = runCli(['--no-build'], { HEARTBEAT_INTERVAL: 'often' });
    expect(await exited(child)).toBe(2);
    expect(child.output().stderr).toContain('HEARTBEAT_INTERVAL');
  });

  it('with --port 0 prints the real URL; SIGTERM closes every client with 1001 and exits 0 within 5 s', async () => {
    const child = runCli(['--port', '0', '--no-build', '--static-dir', makeStaticRoot(), '--quiet']);
    const url = await firstUrl(child);
    expect(url).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/$/);
    const base = url.replace('http', 'ws').replace(/\/$/, '');
    expect((await fetch(`${url}healthz`)).status).toBe(200);
    const clients = await Promise.all(['/echo', '/push', '/chat?room=bye', '/slow'].map((p) => openClient(base + p)));
    const closes = clients.map(closeEvent);
    const started = Date.now();
    child.kill('SIGTERM');
    const codes = (await Promise.all(closes)).map((c) => c.code);
    expect(codes).toEqual([1001, 1001, 1001, 1001]);
    expect(await exited(child)).toBe(0);
    expect(Date.now() - started).toBeLessThan(5000);
  });

  it('logs one line per connection open and close, and --quiet silences them', async () => {
    const child = runCli(['--port', '0', '--no-build', '--static-dir', makeStaticRoot()]);
    const base = (await firstUrl(child)).replace('http', 'ws').replace(/\/$/, '');
    const ws = await openClient(`${base}/echo`);
    ws.send('hello');
    await new Promise((r) => ws.once('message', r));
    ws.close(4000);
    await closeEvent(ws);
    await new Promise((r) => setTimeout(r, 200));
    child.kill('SIGINT');
    expect(await exited(child)).toBe(0);
    const lines = child.output().stdout.split('\n');
    expect(lines.filter((l) => / open {2}\/echo 127\.0\.0\.1$/.test(l))).toHaveLength(1);
    const close = lines.filter((l) => / close \/echo 127\.0\.0\.1 /.test(l));
    expect(close).toHaveLength(1);
    expect(close[0]).toMatch(/code=4000 duration=\d+\.\d\ds in=5B\/1msg out=5B\/1msg/);
  });

  it('says clearly when the port is taken', async () => {
    const first = runCli(['--port', '0', '--no-build', '--static-dir', makeStaticRoot(), '--quiet']);
    const port = new URL(await firstUrl(first)).port;
    const second = runCli(['--port', port, '--no-build', '--quiet']);
    expect(await exited(second)).toBe(1);
    expect(second.output().stderr).toMatch(/already in use/);
    first.kill('SIGTERM');
    await exited(first);
  });

  it('on a LAN host prints every address, a QR code for a LAN one, and the instructor link with the token', async () => {
    const child = runCli(['--port', '0', '--host', '0.0.0.0', '--no-build', '--static-dir', makeStaticRoot(), '--quiet'], {
      ADMIN_TOKEN: 'lan-token-0123456789',
    });
    await firstUrl(child);
    while (!child.output().stdout.includes('workshop/?token=')) await new Promise((r) => setTimeout(r, 25));
    const { stdout } = child.output();
    const port = /127\.0\.0\.1:(\d+)/.exec(stdout)![1];
    expect(stdout).toMatch(/Instructor page[^\n]*\n\s+http:\/\/\S+:\d+\/workshop\/\?token=lan-token-0123456789/);
    const lan = /scan this to open (http:\/\/\S+)/.exec(stdout);
    if (lan) {
      // A machine with a LAN address: the QR code (block characters) follows, and the instructor link uses that address.
      expect(lan[1]).not.toMatch(/127\.0\.0\.1/);
      expect(stdout).toMatch(/[▀▄█]{5,}/);
      expect(stdout).toContain(`${lan[1]}workshop/?token=lan-token-0123456789`);
    }
    const page = await fetch(`http://127.0.0.1:${port}/workshop/?token=lan-token-0123456789`);
    expect(page.status).not.toBe(401);
    child.kill('SIGTERM');
    expect(await exited(child)).toBe(0);
  });
});
