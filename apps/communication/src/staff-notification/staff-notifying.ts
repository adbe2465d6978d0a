import type { Clock } from '@carebridge/service-kit';
import type { EntityManager } from 'typeorm';
import type { DeliveryQueue } from '../delivery/delivery-queue';
import { MessageChannel, MessagePurpose } from '../delivery/delivery.enums';
import { templateNamed } from '../template/message-templates';
import { formatTime, renderTemplate } from '../template/template-rendering';
import { type Locale, localeFor } from '../template/template.enums';
import { StaffNotification } from './staff-notification.entity';
import { StaffPreference } from './staff-preference.entity';

export type StaffRecipient = { userId: string } | { role: string };

export interface StaffNotice {
  causeEventId: string;
  kind: string;
  templateKey: string;
  recipient: StaffRecipient;
  subjectType: string;
  subjectId: string;
  values(addressing: { locale: Locale; time(value: Date | string): string }): Record<string, string>;
}

export function recipientKey(recipient: StaffRecipient): string {
  return 'userId' in recipient ? `user:${recipient.userId}` : `role:${recipient.role}`;
}

/**
 * Tells staff in the app: one notification per event, kind and recipient, in the inbox of the user
 * or of everyone with the role; and by e-mail to those who asked for it in their preferences.
 */
export class StaffNotifying {
  constructor(
    private readonly queue: DeliveryQueue,
    private readonly clock: Clock,
    private readonly timeZone: string,
  ) {}

  async notify(manager: EntityManager, notice: StaffNotice): Promise<StaffNotification | null> {
    const template = templateNamed(notice.templateKey);
    if (!template) throw new Error(`No message template ${notice.templateKey}`);
    const now = this.clock.now();
    const byEmail = await this.emailRecipients(manager, notice.recipient);
    const render = (locale: Locale) => renderTemplate(template, locale, notice.values({ locale, time: (value) => formatTime(value, locale, this.timeZone) }));
    const ownLocale = 'userId' in notice.recipient ? localeFor(byEmail[0]?.locale ?? (await manager.findOneBy(StaffPreference, { userId: notice.recipient.userId }))?.locale) : 'en';
    const inApp = render(ownLocale);
    const inserted = await manager
      .createQueryBuilder()
      .insert()
      .into(StaffNotification)
      .values({
        kind: notice.kind,
        recipient: recipientKey(notice.recipient),
        title: inApp.subject,
        body: inApp.body,
        subjectType: notice.subjectType,
        subjectId: notice.subjectId,
        causeEventId: notice.causeEventId,
        createdAt: now,
      })
      .orIgnore()
      .returning(['id'])
      .execute();
    const id = (inserted.raw as { id: string }[])[0]?.id;
    if (!id) return null;
    for (const preference of byEmail) {
      await this.queue.enqueue(
        manager,
        {
          causeEventId: notice.causeEventId,
          purpose: MessagePurpose.SERVICE,
          channel: MessageChannel.EMAIL,
          customerId: null,
          staffUserId: preference.userId,
          recipientKey: `staff:${preference.userId}`,
          address: preference.email,
          thread: null,
          message: render(localeFor(preference.locale)),
        },
        now,
      );
    }
    return manager.findOneByOrFail(StaffNotification, { id });
  }

  private emailRecipients(manager: EntityManager, recipient: StaffRecipient): Promise<StaffPreference[]> {
    const query = manager.createQueryBuilder(StaffPreference, 'p').where('p.email_enabled AND p.email IS NOT NULL');
    return ('userId' in recipient ? query.andWhere('p.user_id = :user', { user: recipient.userId }) : query.andWhere(':role = ANY(p.roles)', { role: recipient.role })).orderBy('p.user_id').getMany();
  }
}
