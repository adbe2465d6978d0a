import type { Identity } from '@carebridge/auth';
import { BadUserInputError, NotFoundError, isUuid } from '@carebridge/domain';
import type { Clock } from '@carebridge/service-kit';
import type { DataSource } from 'typeorm';
import { StaffNotification } from './staff-notification.entity';
import { StaffPreference } from './staff-preference.entity';
import { StaffNotificationRead } from './staff-notification-read.entity';

export interface InboxEntry {
  notification: StaffNotification;
  readAt: Date | null;
}

/** The recipients a caller reads as: themselves and each of their roles. */
function addressedTo(identity: Identity): string[] {
  return [`user:${identity.userId}`, ...identity.roles.map((role) => `role:${role}`)];
}

/**
 * A staff member's notification inbox: what was addressed to them or to one of their roles, newest
 * first, with their own read marks. Nobody reads, or marks, another's notifications.
 */
export class StaffInbox {
  constructor(
    private readonly dataSource: DataSource,
    private readonly clock: Clock,
  ) {}

  async list(identity: Identity, options: { unreadOnly: boolean; first: number }): Promise<InboxEntry[]> {
    if (options.first < 1 || options.first > 200) throw BadUserInputError.field('first', 'range', 'must be from 1 to 200');
    const rows: (StaffNotification & { read_at: Date | null })[] = await this.dataSource.query(
      `SELECT n.id, n.kind, n.title, n.body, n.subject_type AS "subjectType", n.subject_id AS "subjectId", n.created_at AS "createdAt", r.read_at
         FROM staff_notification n
         LEFT JOIN staff_notification_read r ON r.notification_id = n.id AND r.user_id = $2
        WHERE n.recipient = ANY($1) AND ($3::boolean IS FALSE OR r.read_at IS NULL)
        ORDER BY n.created_at DESC, n.id DESC
        LIMIT $4`,
      [addressedTo(identity), identity.userId, options.unreadOnly, options.first],
    );
    return rows.map(({ read_at, ...notification }) => ({ notification: Object.assign(new StaffNotification(), notification), readAt: read_at }));
  }

  async unreadCount(identity: Identity): Promise<number> {
    const [{ count }] = await this.dataSource.query(
      `SELECT count(*)::int AS count FROM staff_notification n
        WHERE n.recipient = ANY($1) AND NOT EXISTS (SELECT 1 FROM staff_notification_read r WHERE r.notification_id = n.id AND r.user_id = $2)`,
      [addressedTo(identity), identity.userId],
    );
    return count;
  }

  /** Marks the caller's notifications read; an id that is not theirs is NOT_FOUND, as if it did not exist. */
  async markRead(identity: Identity, ids: string[]): Promise<InboxEntry[]> {
    if (!ids.length || ids.length > 200) throw BadUserInputError.field('ids', 'range', 'must name from 1 to 200 notifications');
    const now = this.clock.now();
    return this.dataSource.transaction(async (manager) => {
      const unique = [...new Set(ids)];
      const own = unique.every(isUuid)
        ? await manager.createQueryBuilder(StaffNotification, 'n').where('n.id IN (:...ids) AND n.recipient IN (:...to)', { ids: unique, to: addressedTo(identity) }).getMany()
        : [];
      const missing = unique.find((id) => !own.some((n) => n.id === id));
      if (missing) throw new NotFoundError('StaffNotification', missing);
      await manager.createQueryBuilder().insert().into(StaffNotificationRead).values(own.map((n) => ({ notificationId: n.id, userId: identity.userId, readAt: now }))).orIgnore().execute();
      const reads = await manager.findBy(StaffNotificationRead, own.map((n) => ({ notificationId: n.id, userId: identity.userId })));
      return own.map((notification) => ({ notification, readAt: reads.find((r) => r.notificationId === notification.id)?.readAt ?? now }));
    });
  }

  async preferences(identity: Identity): Promise<StaffPreference> {
    return (await this.dataSource.getRepository(StaffPreference).findOneBy({ userId: identity.userId })) ?? Object.assign(new StaffPreference(), { userId: identity.userId, email: null, emailEnabled: false, locale: 'en', roles: identity.roles, updatedAt: this.clock.now() });
  }

  /** Whether to be told by e-mail too, where, and in which language; the caller's roles are kept for notifications to a role. */
  async setPreferences(identity: Identity, input: { email?: string | null; emailEnabled: boolean; locale?: string | null }): Promise<StaffPreference> {
    const email = input.email?.trim().toLowerCase() || null;
    if (email && !/^[^\s@<>]+@[^\s@<>]+\.[^\s@<>]+$/.test(email)) throw BadUserInputError.field('input.email', 'email', 'must be an e-mail address');
    if (input.emailEnabled && !email) throw BadUserInputError.field('input.email', 'required', 'must be given to be told by e-mail');
    const locale = input.locale ?? 'en';
    if (!['en', 'zh-CN'].includes(locale)) throw BadUserInputError.field('input.locale', 'locale', 'must be en or zh-CN');
    const preference = Object.assign(new StaffPreference(), { userId: identity.userId, email, emailEnabled: input.emailEnabled, locale, roles: identity.roles, updatedAt: this.clock.now() });
    return this.dataSource.getRepository(StaffPreference).save(preference);
  }
}
