import { enumOf, type EnumValue, INQUIRY_CHANNELS } from '@carebridge/event-contracts';
import { registerEnumType } from 'type-graphql';

/**
 * How the customer reached the department (T-1.1). A new channel is one value of INQUIRY_CHANNELS
 * (libs/event-contracts) plus a migration adding it to the `inquiry_channel` type, and belongs to
 * the live or the written channels below. Inquiries and response policies are kept per channel.
 */
export const InquiryChannel = enumOf(INQUIRY_CHANNELS);
export type InquiryChannel = EnumValue<typeof InquiryChannel>;

registerEnumType(InquiryChannel, { name: 'InquiryChannel', description: 'How the customer reached the department.' });

/**
 * Live channels are answered while the customer waits (the target is counted in rings); written
 * channels get a first reply within minutes, counted in business hours.
 */
export const LIVE_CHANNELS: ReadonlySet<InquiryChannel> = new Set([InquiryChannel.PHONE]);

export function isLiveChannel(channel: InquiryChannel): boolean {
  return LIVE_CHANNELS.has(channel);
}
