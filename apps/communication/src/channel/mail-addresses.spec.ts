import { createHmac, randomUUID } from 'node:crypto';
import { developmentLinkSecret } from '@carebridge/auth';
import { ThreadKind } from '../delivery/delivery.enums';
import { deliveryOfBounce, ReplyTokens, tagOf } from './mail-addresses';

describe('reply addresses and bounce addresses', () => {
  const tokens = new ReplyTokens(developmentLinkSecret('reply-address'), 'support@carebridge.localhost', 30);
  const sentAt = new Date('2026-11-02T09:00:00.000Z');
  const later = (days: number) => new Date(sentAt.getTime() + days * 86_400_000);

  it('names the case in a signed link of the purpose reply-address, until it expires', () => {
    const complaintId = randomUUID();
    const address = tokens.replyAddress(ThreadKind.COMPLAINT, complaintId, sentAt);
    expect(address).toMatch(/^support\+v1\.c[\w-]{22}\.\d+\.[\w-]{43}@carebridge\.localhost$/);
    expect(tokens.caseOf(address, later(29))).toEqual({ kind: ThreadKind.COMPLAINT, id: complaintId });
    // The support address itself may come back in another case; the token may not.
    expect(tokens.caseOf(address.replace('support+', 'SUPPORT+').replace('@carebridge.localhost', '@Carebridge.Localhost'), later(1))).toEqual({ kind: ThreadKind.COMPLAINT, id: complaintId });
    expect(tokens.caseOf(address.toLowerCase(), later(1))).toBeNull();
    expect(tokens.caseOf(address, later(30))).toBeNull();
  });

  it('threads nothing on a forged token, a token of another secret or purpose, or the old hex tokens', () => {
    const inquiryId = randomUUID();
    const address = tokens.replyAddress(ThreadKind.INQUIRY, inquiryId, sentAt);
    const other = new ReplyTokens(developmentLinkSecret('case-status'), 'support@carebridge.localhost', 30);
    expect(other.caseOf(address, later(1))).toBeNull();
    expect(tokens.caseOf(address.replace(/[\w-]{4}@/, 'AAAA@'), later(1))).toBeNull();
    expect(tokens.caseOf(address.replace('support+', 'help+'), later(1))).toBeNull();
    const hex = `i${inquiryId.replace(/-/g, '')}`;
    const oldToken = `${hex}${createHmac('sha256', 'any-old-secret').update(hex).digest('hex').slice(0, 16)}`;
    expect(tokens.caseOf(`support+${oldToken}@carebridge.localhost`, later(1))).toBeNull();
  });

  it('reads a bounce address whatever the case of its delivery id', () => {
    const deliveryId = randomUUID();
    expect(deliveryOfBounce(`BOUNCES+${deliveryId.replace(/-/g, '').toUpperCase()}@carebridge.localhost`, 'bounces@carebridge.localhost')).toBe(deliveryId);
    expect(tagOf('support@elsewhere.example', 'support@carebridge.localhost')).toBeNull();
    expect(tagOf('support@carebridge.localhost', 'support@carebridge.localhost')).toBe('');
  });
});
