// A workshop room on one machine: N simulated participants, each with its own
// loopback address (so the per-address cap stays on, as on a real LAN), a
// presence socket and a chat socket in one room. Messages are sent one at a
// time; every member's delivery time is measured from the moment it was sent.
import { once } from 'node:events';
import { WebSocket } from 'ws';

export interface RoomRunResult {
  participants: number;
  messages: number;
  expected: number;
  delivered: number;
  /** Milliseconds from send to arrival, over every recipient of every message. */
  latencies: number[];
  connectMs: number;
}

const now = () => performance.now();

/** 127.0.1.1, 127.0.1.2, …: a distinct source address per participant. */
function participantAddress(i: number): string {
  return `127.0.${1 + Math.floor(i / 250)}.${1 + (i % 250)}`;
}

async function open(url: string, localAddress: string): Promise<WebSocket> {
  const ws = new WebSocket(url, { localAddress, perMessageDeflate: false });
  await once(ws, 'open');
  return ws;
}

/** `whileConnected` runs once everyone is connected and every message delivered, before anyone leaves. */
export async function runWorkshopRoom(
  wsBase: string,
  participants: number,
  messages: number,
  gapMs: number,
  whileConnected: () => Promise<void>,
): Promise<RoomRunResult> {
  const sentAt = new Map<string, number>();
  const latencies: number[] = [];
  let delivered = 0;
  const chats: WebSocket[] = [];
  const presences: WebSocket[] = [];
  const started = now();
  // Connect in batches so the handshakes measure the server, not a SYN flood.
  const BATCH = 50;
  for (let i = 0; i < participants; i += BATCH) {
    const batch = Array.from({ length: Math.min(BATCH, participants - i) }, (_, k) => i + k);
    await Promise.all(
      batch.map(async (p) => {
        const address = participantAddress(p);
        const presence = await open(`${wsBase}/presence`, address);
        presence.send(JSON.stringify({ type: 'progress', passed: ['why-websocket'] }));
        presences.push(presence);
        const chat = await open(`${wsBase}/chat?room=bench&name=p${p}`, address);
        chat.on('message', (data) => {
          const event = JSON.parse(String(data)) as { type: string; text?: string };
          if (event.type !== 'message' || !event.text) return;
          const t0 = sentAt.get(event.text);
          if (t0 === undefined) return;
          latencies.push(now() - t0);
          delivered++;
        });
        chats.push(chat);
      }),
    );
  }
  const connectMs = now() - started;

  for (let m = 0; m < messages; m++) {
    const text = `bench message ${m}`;
    const sender = chats[m % chats.length]!;
    sentAt.set(text, now());
    sender.send(text);
    await new Promise((resolve) => setTimeout(resolve, gapMs));
  }
  // Let the last deliveries land, bounded.
  const expected = participants * messages;
  const deadline = now() + 5000;
  while (delivered < expected && now() < deadline) await new Promise((resolve) => setTimeout(resolve, 50));
  await whileConnected();

  await Promise.all(
    [...chats, ...presences].map((ws) => {
      ws.close();
      return once(ws, 'close');
    }),
  );
  return { participants, messages, expected, delivered, latencies, connectMs };
}
