import { type AddressInfo } from 'node:net';
import { simpleParser, type ParsedMail } from 'mailparser';
import { SMTPServer } from 'smtp-server';

export interface ReceivedMail {
  to: string;
  from: string;
  subject: string;
  text: string;
  html: string;
  messageId: string;
  /** The first link on PUBLIC_URL in the text part. */
  link: string | null;
  raw: ParsedMail;
}

/**
 * A real SMTP server inside the test process (npm `smtp-server`), each message parsed with
 * `mailparser`. `stop()` then `start()` again on the same port stands in for an SMTP outage.
 */
export class SmtpSink {
  readonly mails: ReceivedMail[] = [];
  private server: SMTPServer | null = null;
  private waiters: (() => void)[] = [];
  port = 0;

  constructor(private readonly publicUrl = 'http://laurel.test') {}

  get url(): string {
    return `smtp://127.0.0.1:${this.port}`;
  }

  async start(): Promise<void> {
    const server = new SMTPServer({
      secure: false,
      authOptional: true,
      disabledCommands: ['STARTTLS', 'AUTH'],
      logger: false,
      onData: (stream, session, callback) => {
        simpleParser(stream)
          .then((parsed) => {
            const text = parsed.text ?? '';
            const escaped = this.publicUrl.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
            this.mails.push({
              to: session.envelope.rcptTo.map((r) => r.address).join(','),
              from: session.envelope.mailFrom ? session.envelope.mailFrom.address : '',
              subject: parsed.subject ?? '',
              text,
              html: typeof parsed.html === 'string' ? parsed.html : '',
              messageId: parsed.messageId ?? '',
              link: new RegExp(`${escaped}\\S+`).exec(text)?.[0] ?? null,
              raw: parsed,
            });
            for (const wake of this.waiters.splice(0)) wake();
            callback();
          })
          .catch((error: Error) => callback(error));
      },
    });
    await new Promise<void>((resolve, reject) => {
      server.once('error', reject);
      server.listen(this.port, '127.0.0.1', () => resolve());
    });
    server.on('error', () => undefined);
    this.port = (server.server.address() as AddressInfo).port;
    this.server = server;
  }

  /** Closes the port: connections are refused until `start()`. */
  async stop(): Promise<void> {
    const server = this.server;
    this.server = null;
    if (server) await new Promise<void>((resolve) => server.close(() => resolve()));
  }

  to(address: string): ReceivedMail[] {
    return this.mails.filter((m) => m.to.toLowerCase() === address.toLowerCase());
  }

  /** Waits until `n` messages match and answers the n-th of them (from 1, in arrival order): the second mail to the same address. */
  async waitForNth(match: (mail: ReceivedMail) => boolean, n: number, timeoutMs = 20_000): Promise<ReceivedMail> {
    const found = await this.waitFor(match, n, timeoutMs);
    const mail = found[n - 1];
    if (mail === undefined) throw new Error(`mail number ${n} of ${found.length} asked for`);
    return mail;
  }

  /** Waits until `count` messages match, or fails naming what arrived. */
  async waitFor(match: (mail: ReceivedMail) => boolean, count = 1, timeoutMs = 20_000): Promise<[ReceivedMail, ...ReceivedMail[]]> {
    const deadline = Date.now() + timeoutMs;
    for (;;) {
      const found = this.mails.filter(match);
      // At least one mail, however small `count` is: the caller waits for mail.
      const [first, ...more] = found;
      if (first !== undefined && found.length >= count) return [first, ...more];
      const left = deadline - Date.now();
      if (left <= 0) {
        throw new Error(
          `expected ${count} mail(s), got ${found.length}; received: ${this.mails.map((m) => `${m.to} "${m.subject}"`).join('; ') || 'none'}`,
        );
      }
      await new Promise<void>((resolve) => {
        const timer = setTimeout(resolve, Math.min(left, 500));
        this.waiters.push(() => {
          clearTimeout(timer);
          resolve();
        });
      });
    }
  }
}
