// Every server option in one table: default, CLI flag, environment variable,
// bounds. The CLI, the README's configuration table and the tests all follow it.
import { DEFAULT_MAX_CONNS_PER_IP, DEFAULT_MAX_PAYLOAD } from '../contracts/limits.ts';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';

export interface PlaygroundOptions {
  port: number;
  host: string;
  /** Directory of the built site served as static files. */
  staticDir: string;
  /** Build the site first when it is missing or stale (CLI only). */
  build: boolean;
  quiet: boolean;
  /** Bytes; a bigger message to a lesson endpoint closes the connection with 1009. */
  maxPayload: number;
  /** Lesson sockets (/echo, /push, …) in total. */
  maxConns: number;
  /** Workshop sockets (/presence, /chat) in total: a pool of their own, so lesson sockets cannot starve it. */
  maxWorkshopConns: number;
  /** Instructor (/admin) sockets: a reserve no participant can take, as /admin needs the token. */
  adminConns: number;
  /** 0 = no per-IP cap. */
  maxConnsPerIp: number;
  /** Workshop sockets per client address, so one machine cannot pose as a class; 0 = no cap. */
  maxWorkshopConnsPerIp: number;
  /** Messages per second per connection; 0 = off. Over it: close 1008. */
  rateLimit: number;
  rateBurst: number;
  /** Chat messages per second one member may post, and the burst above it; over it: close 1008. */
  chatRate: number;
  chatBurst: number;
  /** Deliveries (messages × members) per second one room may cause; messages over it are refused. */
  roomFanout: number;
  /** Chat rooms with members at once, per instance. */
  maxRooms: number;
  /** Bytes of history a room keeps (at most HISTORY_LIMIT messages). */
  roomHistoryBytes: number;
  /** Origins besides the serving host that may open /presence, /chat and /admin. */
  allowedOrigins: string[];
  /** Hosts the runner's code may connect to besides the serving host. */
  runnerConnect: string[];
  /** Proxy addresses whose X-Forwarded-For / X-Forwarded-Host are believed. */
  trustProxy: string[];
  /** Milliseconds without a data message either way before closing; 0 = off. */
  idleTimeout: number;
  /** Milliseconds to receive a complete upgrade request. */
  handshakeTimeout: number;
  /** Milliseconds between pings; a peer that has not answered the last one is dropped. 0 = off. */
  heartbeatInterval: number;
  /** The instructor's token for /workshop; generated at start when empty. */
  adminToken: string;
  /** Share chat rooms, presence and announcements with other instances through Redis; empty = memory. */
  redisUrl: string;
}

type Kind = 'int' | 'number' | 'size' | 'duration' | 'string' | 'boolean' | 'list';

interface OptionSpec {
  key: keyof PlaygroundOptions;
  flag: string;
  env?: string;
  kind: Kind;
  min?: number;
  max?: number;
  /** For strings: the shortest value accepted. */
  minLength?: number;
  help: string;
  /** How --help describes an empty default. */
  defaultText?: string;
}

const MiB = 1024 * 1024;

export const DEFAULTS: PlaygroundOptions = {
  port: 8080,
  host: '127.0.0.1',
  staticDir: fileURLToPath(new URL('../dist/', import.meta.url)),
  build: true,
  quiet: false,
  maxPayload: DEFAULT_MAX_PAYLOAD,
  maxConns: 10_000,
  maxWorkshopConns: 2000,
  adminConns: 16,
  maxConnsPerIp: DEFAULT_MAX_CONNS_PER_IP,
  maxWorkshopConnsPerIp: 10,
  rateLimit: 1000,
  rateBurst: 10_000,
  chatRate: 3,
  chatBurst: 10,
  roomFanout: 20_000,
  maxRooms: 1000,
  roomHistoryBytes: 64 * 1024,
  allowedOrigins: [],
  runnerConnect: [],
  trustProxy: [],
  idleTimeout: 10 * 60_000,
  handshakeTimeout: 10_000,
  heartbeatInterval: 30_000,
  adminToken: '',
  redisUrl: '',
};

// biome-ignore format: one option per line, so the table reads as a table.
export const OPTION_SPECS: readonly OptionSpec[] = [
  { key: 'port', flag: 'port', env: 'PORT', kind: 'int', min: 0, max: 65535, help: 'TCP port; 0 picks a free one' },
  { key: 'host', flag: 'host', env: 'HOST', kind: 'string', help: 'address to listen on; 0.0.0.0 for a workshop LAN' },
  { key: 'staticDir', flag: 'static-dir', env: 'STATIC_DIR', kind: 'string', help: 'directory of the built site' },
  { key: 'build', flag: 'no-build', kind: 'boolean', help: 'do not build the site first, serve it as it is' },
  { key: 'quiet', flag: 'quiet', env: 'QUIET', kind: 'boolean', help: 'no per-connection log lines' },
  { key: 'maxPayload', flag: 'max-payload', env: 'MAX_PAYLOAD', kind: 'size', min: 1024, max: 1024 * MiB, help: 'largest message in bytes (units: KiB, MiB); bigger closes with 1009' },
  { key: 'maxConns', flag: 'max-conns', env: 'MAX_CONNS', kind: 'int', min: 1, max: 1_000_000, help: 'open lesson sockets (/echo, /push, …) in total' },
  { key: 'maxWorkshopConns', flag: 'max-workshop-conns', env: 'MAX_WORKSHOP_CONNS', kind: 'int', min: 1, max: 1_000_000, help: 'open /presence and /chat sockets in total, a pool apart from the lesson sockets' },
  { key: 'adminConns', flag: 'admin-conns', env: 'ADMIN_CONNS', kind: 'int', min: 1, max: 1000, help: 'instructor (/admin) sockets, reserved: participants cannot take them' },
  { key: 'maxConnsPerIp', flag: 'max-conns-per-ip', env: 'MAX_CONNS_PER_IP', kind: 'int', min: 0, max: 1_000_000, help: 'open WebSocket connections per client address; 0 = no cap' },
  { key: 'maxWorkshopConnsPerIp', flag: 'max-workshop-conns-per-ip', env: 'MAX_WORKSHOP_CONNS_PER_IP', kind: 'int', min: 0, max: 1_000_000, help: 'open /presence and /chat sockets per client address; 0 = no cap' },
  { key: 'rateLimit', flag: 'rate-limit', env: 'RATE_LIMIT', kind: 'number', min: 0, max: 1e9, help: 'messages per second per connection; 0 = off; over it closes with 1008' },
  { key: 'rateBurst', flag: 'rate-burst', env: 'RATE_BURST', kind: 'int', min: 1, max: 1e9, help: 'messages a connection may send at once above the rate' },
  { key: 'chatRate', flag: 'chat-rate', env: 'CHAT_RATE', kind: 'number', min: 0.1, max: 1000, help: 'chat messages per second one member may post; over it closes with 1008' },
  { key: 'chatBurst', flag: 'chat-burst', env: 'CHAT_BURST', kind: 'int', min: 1, max: 10_000, help: 'chat messages a member may post at once above the rate' },
  { key: 'roomFanout', flag: 'room-fanout', env: 'ROOM_FANOUT', kind: 'int', min: 1, max: 1e9, help: 'deliveries (messages × members) per second one chat room may cause; messages over it are refused' },
  { key: 'maxRooms', flag: 'max-rooms', env: 'MAX_ROOMS', kind: 'int', min: 1, max: 1_000_000, help: 'chat rooms with members at once; joining one more is refused with 503' },
  { key: 'roomHistoryBytes', flag: 'room-history-bytes', env: 'ROOM_HISTORY_BYTES', kind: 'size', min: 1024, max: 64 * MiB, help: 'history a chat room keeps for joiners, in bytes (and at most 50 messages)' },
  { key: 'idleTimeout', flag: 'idle-timeout', env: 'IDLE_TIMEOUT', kind: 'duration', min: 0, max: 24 * 3600_000, help: 'close a connection with no message either way for this long (ms, or 30s, 10m); 0 = off' },
  { key: 'handshakeTimeout', flag: 'handshake-timeout', env: 'HANDSHAKE_TIMEOUT', kind: 'duration', min: 100, max: 600_000, help: 'time allowed to send a complete upgrade request' },
  { key: 'heartbeatInterval', flag: 'heartbeat', env: 'HEARTBEAT_INTERVAL', kind: 'duration', min: 0, max: 3600_000, help: 'ping interval; a peer that misses a pong is dropped; 0 = off' },
  { key: 'adminToken', flag: 'admin-token', env: 'ADMIN_TOKEN', kind: 'string', minLength: 16, help: 'token of the instructor page /workshop/ (at least 16 characters)', defaultText: 'generated at start' },
  { key: 'redisUrl', flag: 'redis-url', env: 'REDIS_URL', kind: 'string', help: 'share chat rooms, presence and announcements between instances through this Redis', defaultText: 'none: in memory' },
  { key: 'allowedOrigins', flag: 'allowed-origins', env: 'ALLOWED_ORIGINS', kind: 'list', help: 'comma-separated origins besides the serving host that may open /presence, /chat and /admin', defaultText: 'the serving host only' },
  { key: 'runnerConnect', flag: 'runner-connect', env: 'RUNNER_CONNECT', kind: 'list', help: 'comma-separated hosts (CSP sources) the lessons\' code may connect to besides this server', defaultText: 'the serving host only' },
  { key: 'trustProxy', flag: 'trust-proxy', env: 'TRUST_PROXY', kind: 'list', help: 'comma-separated proxy addresses whose X-Forwarded-For and X-Forwarded-Host are believed', defaultText: 'none' },
];

export class ConfigError extends Error {}

const SIZE_UNITS: Record<string, number> = {
  '': 1,
  b: 1,
  k: 1024,
  kb: 1000,
  kib: 1024,
  m: MiB,
  mb: 1e6,
  mib: MiB,
  g: 1024 * MiB,
  gib: 1024 * MiB,
};
const DURATION_UNITS: Record<string, number> = { '': 1, ms: 1, s: 1000, m: 60_000, h: 3600_000 };

function withUnit(raw: string, units: Record<string, number>): number | undefined {
  const match = /^\s*(\d+(?:\.\d+)?)\s*([a-z]*)\s*$/i.exec(raw);
  const factor = match ? units[match[2]!.toLowerCase()] : undefined;
  return match && factor !== undefined ? Math.round(Number(match[1]) * factor) : undefined;
}

function parseValue(spec: OptionSpec, raw: string, source: string): PlaygroundOptions[keyof PlaygroundOptions] {
  const fail = (expected: string): never => {
    throw new ConfigError(`${source}: ${JSON.stringify(raw)} is not ${expected}`);
  };
  let value: number;
  switch (spec.kind) {
    case 'string':
      if (raw.trim() === '') fail('a non-empty value');
      if (spec.minLength !== undefined && raw.length < spec.minLength) {
        throw new ConfigError(
          `${source}: must be at least ${spec.minLength} characters (got ${raw.length}); leave it unset to have one generated`,
        );
      }
      return raw;
    case 'list': {
      const items = raw
        .split(',')
        .map((item) => item.trim())
        .filter((item) => item !== '');
      if (items.length === 0 || items.some((item) => /[\s;'"]/.test(item)))
        fail('a comma-separated list without spaces, quotes or semicolons');
      return items;
    }
    case 'boolean':
      if (!/^(1|0|true|false|yes|no)$/i.test(raw)) fail('a boolean (1, 0, true, false)');
      return /^(1|true|yes)$/i.test(raw);
    case 'int':
      value = /^\s*-?\d+\s*$/.test(raw) ? Number(raw) : fail('an integer');
      break;
    case 'number':
      value = /^\s*-?\d+(\.\d+)?\s*$/.test(raw) ? Number(raw) : fail('a number');
      break;
    case 'size':
      value = withUnit(raw, SIZE_UNITS) ?? fail('a size (e.g. 65536, 64KiB, 16MiB)');
      break;
    case 'duration':
      value = withUnit(raw, DURATION_UNITS) ?? fail('a duration (e.g. 500, 500ms, 30s, 10m)');
      break;
  }
  const { min = -Infinity, max = Infinity } = spec;
  // 0 means "off" for the options that allow it; other values must be in range.
  if (value < min || value > max) {
    throw new ConfigError(`${source}: ${value} is out of range (${min}–${max})`);
  }
  return value;
}

/** Reads options from argv and the environment; flags win over environment variables. */
export function parseConfig(argv: string[], env: NodeJS.ProcessEnv): PlaygroundOptions & { help: boolean } {
  const options: PlaygroundOptions = { ...DEFAULTS };
  const set = <K extends keyof PlaygroundOptions>(key: K, value: unknown) => {
    options[key] = value as PlaygroundOptions[K];
  };
  for (const spec of OPTION_SPECS) {
    const raw = spec.env ? env[spec.env] : undefined;
    if (raw !== undefined && raw !== '') set(spec.key, parseValue(spec, raw, spec.env!));
  }
  const flags = parseFlags(argv);
  for (const spec of OPTION_SPECS) {
    const raw = flags[spec.flag];
    if (raw === undefined) continue;
    if (spec.flag === 'no-build') options.build = false;
    else if (typeof raw === 'boolean') set(spec.key, raw);
    else set(spec.key, parseValue(spec, raw, `--${spec.flag}`));
  }
  return { ...options, help: flags.help === true };
}

function parseFlags(argv: string[]): Record<string, string | boolean | undefined> {
  const specs: Record<string, { type: 'string' | 'boolean'; short?: string }> = { help: { type: 'boolean', short: 'h' } };
  for (const s of OPTION_SPECS) specs[s.flag] = { type: s.kind === 'boolean' ? 'boolean' : 'string' };
  try {
    return parseArgs({ args: argv, options: specs, strict: true, allowPositionals: false }).values as Record<
      string,
      string | boolean | undefined
    >;
  } catch (error) {
    throw new ConfigError((error as Error).message);
  }
}

function describeDefault(spec: OptionSpec): string {
  if (spec.defaultText) return ` (default: ${spec.defaultText})`;
  const value = DEFAULTS[spec.key];
  if (spec.kind === 'boolean') return '';
  if (spec.kind === 'size')
    return Number(value) >= MiB ? ` (default ${Number(value) / MiB} MiB)` : ` (default ${Number(value) / 1024} KiB)`;
  if (spec.kind === 'duration') return ` (default ${value} ms)`;
  return ` (default ${value})`;
}

export function helpText(): string {
  const flags = OPTION_SPECS.map((spec) => `--${spec.flag}${spec.kind === 'boolean' ? '' : ' VALUE'}`);
  const width = Math.max(...flags.map((f) => f.length)) + 2;
  const rows = OPTION_SPECS.map((spec, i) => {
    const env = spec.env ? `  [env ${spec.env}]` : '';
    return `  ${flags[i]!.padEnd(width)}${spec.help}${describeDefault(spec)}${env}`;
  });
  return ['Usage: npm start -- [options]', '', 'Options:', ...rows, `  ${'--help, -h'.padEnd(width)}show this help`].join('\n');
}
