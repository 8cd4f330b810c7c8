import { createConnection, createServer, type Server, type Socket } from 'node:net';

/**
 * A TCP proxy between an API process and PostgreSQL that reads the frontend side of the wire
 * protocol and records every statement the API sends: a simple query ('Q', as BEGIN and COMMIT
 * go) or an Execute ('E') of the extended protocol (every query with parameters goes Parse,
 * Bind, Describe, Execute, Sync). Nothing is configured on the server, so it counts the same
 * against the embedded PostgreSQL and any DATABASE_URL.
 */
export class StatementCounter {
  private readonly statements: string[] = [];
  private readonly sockets = new Set<Socket>();

  private constructor(
    private readonly server: Server,
    readonly databaseUrl: string,
  ) {}

  /** Starts the proxy in front of `databaseUrl`; give the API `counter.databaseUrl`. */
  static async start(databaseUrl: string): Promise<StatementCounter> {
    const target = new URL(databaseUrl);
    const server = createServer();
    await new Promise<void>((resolveListen) => server.listen(0, '127.0.0.1', resolveListen));
    const proxied = new URL(databaseUrl);
    proxied.hostname = '127.0.0.1';
    proxied.port = String((server.address() as { port: number }).port);
    const counter = new StatementCounter(server, proxied.toString());
    server.on('connection', (client) => counter.pipe(client, target.hostname, Number(target.port || 5432)));
    return counter;
  }

  /**
   * The statements the request sent while `work` ran (their SQL text, in order). Left out: the
   * mail queue's own polling (pg-boss, schema `pgboss`, on its own `laurel-jobs` connections), the
   * delivery of a mail queued earlier (`/* mail-delivery *\/`, which can start whenever the queue
   * next polls, after any quiet spell) and the session check, which runs at most once per account
   * per second whatever the request (issue 10).
   */
  async during(work: () => Promise<unknown>): Promise<string[]> {
    await this.quiet();
    const from = this.statements.length;
    await work();
    return this.statements
      .slice(from)
      .filter((sql) => !/\bpgboss\./.test(sql) && !sql.startsWith('/* session-check */') && !sql.startsWith('/* mail-delivery */'));
  }

  /**
   * Waits until no statement has come for 300 ms (at most 5 s), so that what an earlier request
   * left running after its answer (a mail put in the outbox) is not counted as the next one's.
   */
  private async quiet(): Promise<void> {
    const until = Date.now() + 5000;
    let seen = this.statements.length;
    do {
      await new Promise((resolveWait) => setTimeout(resolveWait, 300));
      if (this.statements.length === seen) return;
      seen = this.statements.length;
    } while (Date.now() < until);
  }

  async stop(): Promise<void> {
    for (const socket of this.sockets) socket.destroy();
    await new Promise<void>((resolveClose) => this.server.close(() => resolveClose()));
  }

  private pipe(client: Socket, host: string, port: number): void {
    const server = createConnection({ host, port });
    this.sockets.add(client).add(server);
    const parser = new FrontendParser((sql) => this.statements.push(sql));
    client.on('data', (chunk) => {
      parser.push(chunk);
      server.write(chunk);
    });
    server.on('data', (chunk) => client.write(chunk));
    const close = () => {
      client.destroy();
      server.destroy();
      this.sockets.delete(client);
      this.sockets.delete(server);
    };
    client.on('close', close).on('error', close);
    server.on('close', close).on('error', close);
  }
}

const SSL_REQUEST = 80877103;
const GSSENC_REQUEST = 80877104;

/**
 * Splits the frontend byte stream into messages; reports each statement executed. The hot paths
 * run named prepared statements, whose text is sent only in the first Parse on a connection.
 */
class FrontendParser {
  private buffer = Buffer.alloc(0);
  private startup = true;
  /** The SQL of each prepared statement by name ('' is the unnamed one, which every Parse without a name replaces). */
  private readonly prepared = new Map<string, string>();
  /** The statement the last Bind made the portal of, which the following Execute runs. */
  private bound = '';
  /** A connection of the job queue, whose statements are none of a request's. */
  private jobQueue = false;

  constructor(private readonly onStatement: (sql: string) => void) {}

  push(chunk: Buffer): void {
    this.buffer = Buffer.concat([this.buffer, chunk]);
    for (;;) {
      if (this.startup) {
        // The startup packet, or an SSL/GSS request that precedes it, has no type byte.
        if (this.buffer.length < 8) return;
        const length = this.buffer.readInt32BE(0);
        if (this.buffer.length < length) return;
        const code = this.buffer.readInt32BE(4);
        const parameters = this.buffer.subarray(8, length).toString('utf8').split('\0');
        this.buffer = this.buffer.subarray(length);
        if (code !== SSL_REQUEST && code !== GSSENC_REQUEST) {
          this.startup = false;
          // The job queue's own pool (pg-boss polls every second, BEGIN and COMMIT included).
          const at = parameters.indexOf('application_name');
          this.jobQueue = at >= 0 && parameters[at + 1] === 'laurel-jobs';
        }
        continue;
      }
      if (this.buffer.length < 5) return;
      const type = String.fromCharCode(this.buffer.readUInt8(0));
      const length = this.buffer.readInt32BE(1);
      if (this.buffer.length < 1 + length) return;
      const body = this.buffer.subarray(5, 1 + length);
      this.buffer = this.buffer.subarray(1 + length);
      if (this.jobQueue) continue;
      if (type === 'Q') this.onStatement(cString(body, 0));
      else if (type === 'P') this.prepared.set(cString(body, 0), cString(body, body.indexOf(0) + 1));
      // Bind: the portal's name, then the statement's (named ones are parsed once per connection).
      else if (type === 'B') this.bound = cString(body, body.indexOf(0) + 1);
      else if (type === 'E') this.onStatement(this.prepared.get(this.bound) ?? '');
    }
  }
}

function cString(buffer: Buffer, start: number): string {
  const end = buffer.indexOf(0, start);
  return buffer
    .subarray(start, end < 0 ? buffer.length : end)
    .toString('utf8')
    .replace(/\s+/g, ' ')
    .trim();
}
