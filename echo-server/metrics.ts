// Prometheus metrics. The message path only bumps plain numbers on each
// connection; the registry's collect() callbacks add them up at scrape time,
// so serving /echo pays nothing for metrics per message.
import { Counter, Gauge, Registry } from 'prom-client';

export interface TrafficCounts {
  messagesIn: number;
  messagesOut: number;
  bytesIn: number;
  bytesOut: number;
}

export class ServerStats {
  readonly startedAt = Date.now();
  connectionsTotal = 0;
  /** Traffic of connections already closed; live ones are summed at scrape time. */
  readonly closed: TrafficCounts = { messagesIn: 0, messagesOut: 0, bytesIn: 0, bytesOut: 0 };
  readonly rejections = new Map<string, number>();
  readonly closeCodes = new Map<number, number>();

  constructor(
    private readonly live: () => Iterable<TrafficCounts>,
    readonly openCount: () => number,
  ) {}

  reject(reason: string): void {
    this.rejections.set(reason, (this.rejections.get(reason) ?? 0) + 1);
  }

  recordClose(code: number, traffic: TrafficCounts): void {
    this.closeCodes.set(code, (this.closeCodes.get(code) ?? 0) + 1);
    this.closed.messagesIn += traffic.messagesIn;
    this.closed.messagesOut += traffic.messagesOut;
    this.closed.bytesIn += traffic.bytesIn;
    this.closed.bytesOut += traffic.bytesOut;
  }

  traffic(): TrafficCounts {
    const sum = { ...this.closed };
    for (const c of this.live()) {
      sum.messagesIn += c.messagesIn;
      sum.messagesOut += c.messagesOut;
      sum.bytesIn += c.bytesIn;
      sum.bytesOut += c.bytesOut;
    }
    return sum;
  }
}

export function createMetricsRegistry(stats: ServerStats): Registry {
  const registry = new Registry();
  // Process figures read at scrape time only. prom-client's default metrics
  // would instead run an event-loop-delay sampler and a GC observer all the time.
  new Gauge({
    name: 'process_resident_memory_bytes',
    help: 'Resident memory size in bytes',
    registers: [registry],
    collect() {
      this.set(process.memoryUsage.rss());
    },
  });
  new Gauge({
    name: 'nodejs_heap_used_bytes',
    help: 'V8 heap in use, in bytes',
    registers: [registry],
    collect() {
      this.set(process.memoryUsage().heapUsed);
    },
  });
  new Counter({
    name: 'process_cpu_seconds_total',
    help: 'User and system CPU time spent, in seconds',
    registers: [registry],
    collect() {
      const { user, system } = process.cpuUsage();
      this.reset();
      this.inc((user + system) / 1e6);
    },
  });
  new Gauge({
    name: 'ws_connections_open',
    help: 'Open WebSocket connections',
    registers: [registry],
    collect() {
      this.set(stats.openCount());
    },
  });
  new Counter({
    name: 'ws_connections_total',
    help: 'WebSocket connections accepted since start',
    registers: [registry],
    collect() {
      this.reset();
      this.inc(stats.connectionsTotal);
    },
  });
  new Counter({
    name: 'ws_messages_total',
    help: 'WebSocket messages, by direction',
    labelNames: ['direction'],
    registers: [registry],
    collect() {
      const t = stats.traffic();
      this.reset();
      this.inc({ direction: 'in' }, t.messagesIn);
      this.inc({ direction: 'out' }, t.messagesOut);
    },
  });
  new Counter({
    name: 'ws_bytes_total',
    help: 'WebSocket payload bytes, by direction',
    labelNames: ['direction'],
    registers: [registry],
    collect() {
      const t = stats.traffic();
      this.reset();
      this.inc({ direction: 'in' }, t.bytesIn);
      this.inc({ direction: 'out' }, t.bytesOut);
    },
  });
  new Counter({
    name: 'ws_rejections_total',
    help: 'Refused handshakes and connections closed for breaking a limit, by reason',
    labelNames: ['reason'],
    registers: [registry],
    collect() {
      this.reset();
      for (const [reason, n] of stats.rejections) this.inc({ reason }, n);
    },
  });
  new Counter({
    name: 'ws_closes_total',
    help: 'Closed WebSocket connections, by close code seen',
    labelNames: ['code'],
    registers: [registry],
    collect() {
      this.reset();
      for (const [code, n] of stats.closeCodes) this.inc({ code: String(code) }, n);
    },
  });
  return registry;
}
