import { caller, type RequestContext } from '@carebridge/service-kit';
import { Arg, Authorized, Ctx, Int, Mutation, Query, Resolver } from 'type-graphql';
import { STAFF_ROLES } from '../delivery/delivery.enums';
import type { StaffInbox } from './staff-inbox';
import { StaffNotification } from './staff-notification.entity';
import { MarkNotificationsReadInput, SetNotificationPreferencesInput } from './staff-notification.inputs';
import { StaffPreference } from './staff-preference.entity';

@Resolver(() => StaffNotification)
export class StaffNotificationResolver {
  constructor(private readonly inbox: StaffInbox) {}

  @Authorized(...STAFF_ROLES)
  @Query(() => [StaffNotification], { description: 'Your notification inbox, newest first: what was addressed to you or to one of your roles.' })
  async myNotifications(
    @Ctx() context: RequestContext,
    @Arg('unreadOnly', { defaultValue: false }) unreadOnly: boolean,
    @Arg('first', () => Int, { defaultValue: 50 }) first: number,
  ): Promise<StaffNotification[]> {
    const entries = await this.inbox.list(caller(context), { unreadOnly, first });
    return entries.map(({ notification, readAt }) => Object.assign(notification, { readAt }));
  }

  @Authorized(...STAFF_ROLES)
  @Query(() => Int, { description: 'How many notifications of your inbox you have not read.' })
  myUnreadNotificationCount(@Ctx() context: RequestContext): Promise<number> {
    return this.inbox.unreadCount(caller(context));
  }

  @Authorized(...STAFF_ROLES)
  @Mutation(() => [StaffNotification], { description: 'Marks notifications of your inbox read; another’s notification is NOT_FOUND.' })
  async markNotificationsRead(@Arg('input') input: MarkNotificationsReadInput, @Ctx() context: RequestContext): Promise<StaffNotification[]> {
    const entries = await this.inbox.markRead(caller(context), input.ids);
    return entries.map(({ notification, readAt }) => Object.assign(notification, { readAt }));
  }

  @Authorized(...STAFF_ROLES)
  @Query(() => StaffPreference, { description: 'Whether you are told by e-mail too.' })
  myNotificationPreferences(@Ctx() context: RequestContext): Promise<StaffPreference> {
    return this.inbox.preferences(caller(context));
  }

  @Authorized(...STAFF_ROLES)
  @Mutation(() => StaffPreference, { description: 'Sets whether you are told by e-mail too, where and in which language.' })
  setMyNotificationPreferences(@Arg('input') input: SetNotificationPreferencesInput, @Ctx() context: RequestContext): Promise<StaffPreference> {
    return this.inbox.setPreferences(caller(context), input);
  }
}
