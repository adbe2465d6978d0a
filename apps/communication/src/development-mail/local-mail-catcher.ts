import type { Logger } from '@carebridge/service-kit';
import { SMTPServer } from 'smtp-server';
import type { InboundMail } from '../inbound/inbound-mail';
import type { DevelopmentMailbox } from './development-mailbox';

/**
 * The local SMTP server of development and tests (smtp-server): every outbound mail lands in the
 * development mailbox instead of the internet, and mail to the support or bounce address goes the
 * inbound way, exactly as the production webhook or a real MX would hand it over.
 */
export class LocalMailCatcher {
  private readonly server: SMTPServer;

  constructor(
    private readonly mailbox: DevelopmentMailbox,
    private readonly inbound: InboundMail,
    private readonly logger: Logger,
  ) {
    this.server = new SMTPServer({
      authOptional: true,
      disabledCommands: ['STARTTLS'],
      banner: 'Carebridge local SMTP catcher',
      size: 25 * 1024 * 1024,
      logger: false,
      onData: (stream, session, callback) => {
        const chunks: Buffer[] = [];
        stream.on('data', (chunk: Buffer) => chunks.push(chunk));
        stream.on('error', callback);
        stream.on('end', () => {
          const from = session.envelope.mailFrom ? session.envelope.mailFrom.address : '';
          const to = session.envelope.rcptTo.map((r) => r.address);
          this.take(Buffer.concat(chunks), from, to).then(
            () => callback(),
            (error: Error) => {
              this.logger.error({ err: error.message }, 'local SMTP catcher could not take a mail');
              callback(Object.assign(new Error('451 could not take the mail now'), { responseCode: 451 }));
            },
          );
        });
      },
    });
    this.server.on('error', (error) => this.logger.error({ err: error.message }, 'local SMTP catcher error'));
  }

  private async take(raw: Buffer, from: string, to: string[]): Promise<void> {
    const inbound = to.filter((address) => this.inbound.takes(address));
    const elsewhere = to.filter((address) => !this.inbound.takes(address));
    if (inbound.length) await this.inbound.receive(raw, inbound);
    if (elsewhere.length) await this.mailbox.keep(raw, { from, to: elsewhere });
  }

  listen(host: string, port: number): Promise<number> {
    return new Promise((resolve, reject) => {
      this.server.server.once('error', reject);
      this.server.listen(port, host, () => {
        this.server.server.off('error', reject);
        // The catcher never keeps the process alive on its own: it ends with the service.
        this.server.server.unref();
        const address = this.server.server.address();
        resolve(typeof address === 'object' && address ? address.port : port);
      });
    });
  }

  close(): Promise<void> {
    return new Promise((resolve) => this.server.close(() => resolve()));
  }
}
