import { SignedLinks } from '@carebridge/auth';
import { ThreadKind } from '../delivery/delivery.enums';

/**
 * Sub-addresses of the support and bounce addresses (`support+<tag>@domain`), so that a mail coming
 * back says what it answers without anyone reading it: a reply token for a case, a delivery id for
 * a bounce. Delivery ids are lower-case hex, because mail systems may change the case of a local part.
 */
const KIND_LETTER: Record<ThreadKind, string> = { [ThreadKind.INQUIRY]: 'i', [ThreadKind.COMPLAINT]: 'c' };
const LETTER_KIND = Object.fromEntries(Object.entries(KIND_LETTER).map(([kind, letter]) => [letter, kind as ThreadKind]));
const DAY_MS = 86_400_000;

function withTag(address: string, tag: string): string {
  const [local, domain] = address.split('@');
  return `${local}+${tag}@${domain}`;
}

/** The tag of `local+tag@domain`, as written, when it is a sub-address of `base` (compared without case), else null. */
export function tagOf(address: string, base: string): string | null {
  const at = address.lastIndexOf('@');
  const local = address.slice(0, at);
  const [baseLocal, baseDomain] = base.toLowerCase().split('@');
  if (at < 0 || address.slice(at + 1).toLowerCase() !== baseDomain) return null;
  if (local.toLowerCase() === baseLocal) return '';
  return local.toLowerCase().startsWith(`${baseLocal}+`) ? local.slice(baseLocal.length + 1) : null;
}

export function isAddressOf(address: string, base: string): boolean {
  return tagOf(address, base) !== null;
}

/**
 * Reply tokens: the platform's signed links (libs/auth), for the purpose `reply-address`, naming the
 * case (`i` or `c` and its id in base64url) until `ttlDays` after the mail was sent. The token is the
 * tag of the Reply-To address, `support+v1.<case>.<expiry>.<signature>@domain`: 89 characters before
 * the `@`, more than RFC 5321's 64 but taken by the common mail systems; one that shortens the address
 * or changes its case breaks only the token, and the answer threads by its In-Reply-To/References.
 */
export class ReplyTokens {
  private readonly links: SignedLinks;

  constructor(
    secret: string,
    private readonly supportAddress: string,
    private readonly ttlDays: number,
  ) {
    this.links = new SignedLinks('reply-address', secret);
  }

  /** The Reply-To address of a mail about a case, sent at `now`. */
  replyAddress(kind: ThreadKind, caseId: string, now: Date): string {
    const subject = `${KIND_LETTER[kind]}${Buffer.from(caseId.replace(/-/g, ''), 'hex').toString('base64url')}`;
    return withTag(this.supportAddress, this.links.sign(subject, new Date(now.getTime() + this.ttlDays * DAY_MS)));
  }

  /** The case a reply address names, when its signature holds and it has not expired at `now`. */
  caseOf(address: string, now: Date): { kind: ThreadKind; id: string } | null {
    const tag = tagOf(address, this.supportAddress);
    if (!tag) return null;
    const checked = this.links.check(tag, now);
    const match = checked.valid ? checked.subject.match(/^([ic])([A-Za-z0-9_-]{22})$/) : null;
    if (!match) return null;
    const hex = Buffer.from(match[2], 'base64url').toString('hex');
    if (hex.length !== 32) return null;
    return { kind: LETTER_KIND[match[1]], id: `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}` };
  }
}

/** `bounces+<delivery id hex>@domain`: the envelope sender of a delivery's mail. */
export function bounceAddressFor(bounceAddress: string, deliveryId: string): string {
  return withTag(bounceAddress, deliveryId.replace(/-/g, ''));
}

/** The delivery a bounce was addressed to, or null. */
export function deliveryOfBounce(address: string, bounceAddress: string): string | null {
  const hex = tagOf(address, bounceAddress)?.toLowerCase().match(/^[0-9a-f]{32}$/)?.[0];
  return hex ? `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}` : null;
}
