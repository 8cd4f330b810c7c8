import { type ClientRequest, get } from 'node:http';

export interface ReceivedEvent {
  name: string;
  receivedAt: number;
  data: any;
}

/**
 * Reads a server-sent event stream and queues its named events. Plain node:http, closed by
 * destroying the connection, as a browser's EventSource does when a page goes away.
 */
export class EventStream {
  readonly events: ReceivedEvent[] = [];
  private request: ClientRequest | null = null;
  private waiters: (() => void)[] = [];
  status = 0;
  body = '';

  open(url: string, headers: Record<string, string> = {}): Promise<this> {
    return new Promise((resolve, reject) => {
      this.request = get(url, { headers: { accept: 'text/event-stream', ...headers } }, (response) => {
        this.status = response.statusCode ?? 0;
        response.setEncoding('utf8');
        let buffer = '';
        response.on('data', (chunk: string) => {
          if (this.status !== 200) {
            this.body += chunk;
            return;
          }
          buffer += chunk;
          let end: number;
          while ((end = buffer.indexOf('\n\n')) >= 0) {
            const lines = buffer.slice(0, end).split('\n');
            buffer = buffer.slice(end + 2);
            const name = lines.find((l) => l.startsWith('event: '))?.slice(7);
            if (!name) continue;
            const data = lines
              .filter((l) => l.startsWith('data: '))
              .map((l) => l.slice(6))
              .join('\n');
            this.events.push({ name, receivedAt: Date.now(), data: JSON.parse(data) });
            this.waiters.splice(0).forEach((wake) => wake());
          }
        });
        response.on('error', () => undefined);
        response.on('end', () => resolve(this));
        if (this.status === 200) resolve(this);
      });
      this.request.on('error', (error) => (this.status === 0 ? reject(error) : undefined));
    });
  }

  /** The first `name` event at or after `index` that passes `test`, or a failure after `timeoutMs`. */
  async next(name: string, test: (data: any) => boolean, timeoutMs: number, index = 0): Promise<ReceivedEvent> {
    const deadline = Date.now() + timeoutMs;
    for (;;) {
      const found = this.events.slice(index).find((e) => e.name === name && test(e.data));
      if (found) return found;
      const left = deadline - Date.now();
      if (left <= 0)
        throw new Error(
          `no matching ${name} event within ${timeoutMs} ms; got ${this.events.length} events, the last: ${JSON.stringify(this.events.at(-1)?.data)?.slice(0, 400)}`,
        );
      await new Promise<void>((wake) => {
        const timer = setTimeout(wake, left);
        this.waiters.push(() => {
          clearTimeout(timer);
          wake();
        });
      });
    }
  }

  close(): void {
    this.request?.destroy();
  }
}
