import type { Identity } from '@carebridge/auth';
import { BadUserInputError, type Clock } from '@carebridge/service-kit';
import type { DataSource, EntityManager } from 'typeorm';
import { InquiryChannel, isLiveChannel } from '../inquiry/inquiry.entity';
import type { InquirySettings } from '../inquiry.settings';
import { addBusinessTime } from './business-hours';
import { ResponsePolicy, ResponsePolicyOverride } from './response-policy.entity';
import type { UpdateResponsePolicyInput } from './response-policy.inputs';

/**
 * Response targets per channel: the settings give the defaults (first reply within 5
 * minutes, calls within 3 rings of 6 s), an admin may change a channel's targets. Written
 * channels count business hours; a call rings in real time.
 */
export class ResponsePolicyService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly settings: InquirySettings,
    private readonly clock: Clock,
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
        firstResponseSeconds: live ? (rings ?? 1) * this.settings.INQUIRY_RING_SECONDS : input.firstResponseMinutes != null ? input.firstResponseMinutes * 60 : current.firstResponseSeconds,
        replySeconds: input.replyMinutes != null ? input.replyMinutes * 60 : (current.replySeconds ?? this.settings.INQUIRY_REPLY_TARGET_MINUTES * 60),
        updatedBy: by.userId,
        updatedAt: this.clock.now(),
      };
      await manager.upsert(ResponsePolicyOverride, override, ['channel']);
      return this.effective(input.channel, override);
    });
  }

  /** When the first response to an inquiry received at `receivedAt` is due. */
  firstResponseDue(policy: ResponsePolicy, receivedAt: Date): Date {
    const ms = policy.firstResponseSeconds * 1000;
    return policy.businessHoursOnly ? addBusinessTime(receivedAt, ms, this.settings.businessHours) : new Date(receivedAt.getTime() + ms);
  }

  /** When the reply to a customer message received at `receivedAt` is due; null for calls. */
  replyDue(policy: ResponsePolicy, receivedAt: Date): Date | null {
    if (policy.replySeconds === null) return null;
    return addBusinessTime(receivedAt, policy.replySeconds * 1000, this.settings.businessHours);
  }

  get ringSeconds(): number {
    return this.settings.INQUIRY_RING_SECONDS;
  }

  private effective(channel: InquiryChannel, override: ResponsePolicyOverride | undefined): ResponsePolicy {
    const live = isLiveChannel(channel);
    const rings = live ? (override?.phoneRings ?? this.settings.INQUIRY_PHONE_RINGS) : null;
    return {
      channel,
      rings,
      ringSeconds: live ? this.settings.INQUIRY_RING_SECONDS : null,
      // A ring's length is a setting: the target in seconds follows it even after an admin set the rings.
      firstResponseSeconds: live ? (rings ?? 1) * this.settings.INQUIRY_RING_SECONDS : (override?.firstResponseSeconds ?? this.settings.INQUIRY_FIRST_REPLY_MINUTES * 60),
      replySeconds: live ? null : (override?.replySeconds ?? this.settings.INQUIRY_REPLY_TARGET_MINUTES * 60),
      businessHoursOnly: !live,
      changedByAdmin: Boolean(override),
      updatedBy: override?.updatedBy ?? null,
      updatedAt: override?.updatedAt ?? null,
    };
  }
}
