import type { Identity } from '@carebridge/auth';
import type { BusinessCalendar } from '@carebridge/business-calendar';
import { BadUserInputError } from '@carebridge/domain';
import type { Clock } from '@carebridge/service-kit';
import type { DataSource, EntityManager } from 'typeorm';
import { InquiryChannel, isLiveChannel } from '../channel/channel.enums';
import type { KeyAccountTermsBook } from '@carebridge/known-customers';
import { ResponsePolicy, ResponsePolicyOverride } from './response-policy.entity';
import type { ResponseTargetDefaults } from './response-policy.enums';
import type { UpdateResponsePolicyInput } from './response-policy.inputs';

/**
 * Response targets per channel (A-3.1.1): the settings give the defaults (first reply within 5
 * minutes, calls within 3 rings of 6 s), an admin may change a channel's targets. Written
 * channels count business hours; a call rings in real time. A key account's agreed response time
 * (crm's service terms) shortens its members' written deadlines: they are due by the earlier of
 * the two, counted in calendar time, so the account is answered outside opening hours too.
 */
export class ResponsePolicies {
  constructor(
    private readonly dataSource: DataSource,
    private readonly defaults: ResponseTargetDefaults,
    private readonly calendar: BusinessCalendar,
    private readonly clock: Clock,
    private readonly terms: KeyAccountTermsBook,
  ) {}

  async list(): Promise<ResponsePolicy[]> {
    const overrides = await this.dataSource.getRepository(ResponsePolicyOverride).find();
    return Object.values(InquiryChannel).map((channel) => this.effective(channel, overrides.find((o) => o.channel === channel)));
  }

  async policyFor(manager: EntityManager, channel: InquiryChannel): Promise<ResponsePolicy> {
    return this.effective(channel, (await manager.findOneBy(ResponsePolicyOverride, { channel })) ?? undefined);
  }

  async update(input: UpdateResponsePolicyInput, by: Identity): Promise<ResponsePolicy> {
    const live = isLiveChannel(input.channel);
    if (live && input.firstResponseMinutes != null) {
      throw BadUserInputError.field('input.firstResponseMinutes', 'channel', `must not be set for ${input.channel}: a call's target is counted in rings`);
    }
    if (live && input.replyMinutes != null) {
      throw BadUserInputError.field('input.replyMinutes', 'channel', `must not be set for ${input.channel}: calls have no reply target`);
    }
    if (!live && input.rings != null) throw BadUserInputError.field('input.rings', 'channel', `must only be set for calls, not for ${input.channel}`);
    return this.dataSource.transaction(async (manager) => {
      const current = await this.policyFor(manager, input.channel);
      const rings = live ? (input.rings ?? current.rings) : null;
      const override: ResponsePolicyOverride = {
        channel: input.channel,
        phoneRings: rings,
        firstResponseSeconds: live ? (rings ?? 1) * this.defaults.ringSeconds : input.firstResponseMinutes != null ? input.firstResponseMinutes * 60 : current.firstResponseSeconds,
        replySeconds: input.replyMinutes != null ? input.replyMinutes * 60 : (current.replySeconds ?? this.defaults.replyMinutes * 60),
        updatedBy: by.userId,
        updatedAt: this.clock.now(),
      };
      await manager.upsert(ResponsePolicyOverride, override, ['channel']);
      return this.effective(input.channel, override);
    });
  }

  /** When the first response to an inquiry received at `receivedAt` on `channel` is due. */
  async firstResponseDue(manager: EntityManager, channel: InquiryChannel, receivedAt: Date, customerId: string | null = null): Promise<Date> {
    const policy = await this.policyFor(manager, channel);
    const ms = policy.firstResponseSeconds * 1000;
    if (!policy.businessHoursOnly) return new Date(receivedAt.getTime() + ms);
    return this.agreed(manager, customerId, receivedAt, this.calendar.add(receivedAt, ms));
  }

  /** When the reply to a customer message received at `receivedAt` on `channel` is due; null for calls. */
  async replyDue(manager: EntityManager, channel: InquiryChannel, receivedAt: Date, customerId: string | null = null): Promise<Date | null> {
    const policy = await this.policyFor(manager, channel);
    if (policy.replySeconds === null) return null;
    return this.agreed(manager, customerId, receivedAt, this.calendar.add(receivedAt, policy.replySeconds * 1000));
  }

  /** The earlier of the department's deadline and the customer's key-account response target. */
  private async agreed(manager: EntityManager, customerId: string | null, receivedAt: Date, due: Date): Promise<Date> {
    const minutes = await this.terms.responseTargetMinutes(manager, customerId, receivedAt);
    if (minutes === null) return due;
    const agreed = new Date(receivedAt.getTime() + minutes * 60_000);
    return agreed < due ? agreed : due;
  }

  /** When a deadline running from `startedAt` to `dueAt` becomes at risk (INQUIRY_AT_RISK_PERCENT of its span left). */
  atRiskAt(startedAt: Date, dueAt: Date): Date {
    const span = Math.max(0, dueAt.getTime() - startedAt.getTime());
    return new Date(dueAt.getTime() - (span * this.defaults.atRiskPercent) / 100);
  }

  /** The length of one ring (setting INQUIRY_RING_SECONDS): a call's wait in rings. */
  get ringSeconds(): number {
    return this.defaults.ringSeconds;
  }

  private effective(channel: InquiryChannel, override: ResponsePolicyOverride | undefined): ResponsePolicy {
    const live = isLiveChannel(channel);
    const rings = live ? (override?.phoneRings ?? this.defaults.phoneRings) : null;
    return {
      channel,
      rings,
      ringSeconds: live ? this.defaults.ringSeconds : null,
      // A ring's length is a setting: the target in seconds follows it even after an admin set the rings.
      firstResponseSeconds: live ? (rings ?? 1) * this.defaults.ringSeconds : (override?.firstResponseSeconds ?? this.defaults.firstReplyMinutes * 60),
      replySeconds: live ? null : (override?.replySeconds ?? this.defaults.replyMinutes * 60),
      businessHoursOnly: !live,
      changedByAdmin: Boolean(override),
      updatedBy: override?.updatedBy ?? null,
      updatedAt: override?.updatedAt ?? null,
    };
  }
}
