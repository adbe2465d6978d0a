import { ForbiddenError } from '@carebridge/domain';
import type { Clock } from '@carebridge/service-kit';
import { simpleParser } from 'mailparser';
import type { DataSource } from 'typeorm';
import { DevelopmentMail } from './development-mail.entity';

/**
 * The mails the local SMTP catcher took instead of delivering them, readable through the graph in
 * development and tests, so that nobody needs an outside mail server to see what customers get.
 */
export class DevelopmentMailbox {
  constructor(
    private readonly dataSource: DataSource,
    private readonly clock: Clock,
    private readonly enabled: boolean,
  ) {}

  async keep(raw: Buffer, envelope: { from: string; to: string[] }): Promise<DevelopmentMail> {
    const mail = await simpleParser(raw);
    // The header as written (mailparser parses some headers into objects).
    const header = (name: string) => mail.headerLines.find((line) => line.key === name)?.line.replace(/^[^:]+:\s*/, '') ?? null;
    return this.dataSource.getRepository(DevelopmentMail).save({
      receivedAt: this.clock.now(),
      envelopeFrom: envelope.from,
      envelopeTo: envelope.to.map((a) => a.toLowerCase()),
      subject: mail.subject ?? '',
      text: mail.text ?? '',
      replyTo: mail.replyTo?.value[0]?.address ?? null,
      messageId: mail.messageId ?? null,
      dkimSignature: header('dkim-signature'),
      raw: raw.toString('utf8'),
    });
  }

  async list(options: { to?: string | null; first: number }): Promise<DevelopmentMail[]> {
    if (!this.enabled) throw new ForbiddenError('The development mailbox is only served with the local SMTP catcher (development and tests)');
    const query = this.dataSource.getRepository(DevelopmentMail).createQueryBuilder('m').orderBy('m.received_at', 'DESC').addOrderBy('m.id', 'DESC').take(Math.min(Math.max(options.first, 1), 200));
    if (options.to) query.where(':to = ANY(m.envelope_to)', { to: options.to.trim().toLowerCase() });
    return query.getMany();
  }
}
