import { Inject, Injectable, type OnApplicationShutdown } from '@nestjs/common';
import { createTransport, type Transporter } from 'nodemailer';
import { laurelConfig, type LaurelConfig } from '@laurel/api-core';

export interface OutgoingMail {
  to: string;
  subject: string;
  text: string;
  html: string;
  /** The outbox id, as the Message-ID's left part: a retried message keeps its identity. */
  id: string;
}

/**
 * One pooled SMTP connection set per process (nodemailer). Absent SMTP_URL (development only; the
 * configuration refuses it in production), there is no transport and messages are captured.
 */
@Injectable()
export class MailTransport implements OnApplicationShutdown {
  private readonly transporter: Transporter | null;
  private readonly domain: string;

  constructor(@Inject(laurelConfig.KEY) private readonly config: LaurelConfig) {
    this.transporter = config.mail.smtpUrl
      ? createTransport({
          url: config.mail.smtpUrl,
          pool: true,
          maxConnections: 5,
          maxMessages: 500,
          connectionTimeout: 10_000,
          greetingTimeout: 10_000,
          socketTimeout: 30_000,
        } as Parameters<typeof createTransport>[0])
      : null;
    this.domain = /@([^>\s]+)>?\s*$/.exec(config.mail.from)?.[1] ?? 'laurel.localhost';
  }

  get captures(): boolean {
    return this.transporter === null;
  }

  async send(mail: OutgoingMail): Promise<void> {
    if (!this.transporter) throw new Error('No SMTP_URL: this process captures mail instead of sending it');
    await this.transporter.sendMail({
      from: this.config.mail.from,
      to: mail.to,
      subject: mail.subject,
      text: mail.text,
      html: mail.html,
      messageId: `<${mail.id}@${this.domain}>`,
    });
  }

  onApplicationShutdown(): void {
    this.transporter?.close();
  }
}
