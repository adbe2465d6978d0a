import { createHmac, timingSafeEqual } from 'node:crypto';
import { ThreadKind } from '../delivery/delivery.enums';

/**
 * Sub-addresses of the support and bounce addresses (`support+<tag>@domain`), so that a mail coming
 * back says what it answers without anyone reading it: a reply token for a case, a delivery id for
 * a bounce. Tokens are lower-case hex, because mail systems may change the case of a local part.
 */
const KIND_LETTER: Record<ThreadKind, string> = { [ThreadKind.INQUIRY]: 'i', [ThreadKind.COMPLAINT]: 'c' };
const LETTER_KIND = Object.fromEntries(Object.entries(KIND_LETTER).map(([kind, letter]) => [letter, kind as ThreadKind]));

function withTag(address: string, tag: string): string {
  const [local, domain] = address.split('@');
  return `${local}+${tag}@${domain}`;
}

/** The tag of `local+tag@domain` when it is a sub-address of `base`, else null. */
export function tagOf(address: string, base: string): string | null {
  const [local, domain] = address.toLowerCase().split('@');
  const [baseLocal, baseDomain] = base.toLowerCase().split('@');
  if (domain !== baseDomain) return null;
  if (local === baseLocal) return '';
  return local.startsWith(`${baseLocal}+`) ? local.slice(baseLocal.length + 1) : null;
}

export function isAddressOf(address: string, base: string): boolean {
  return tagOf(address, base) !== null;
}

export class ReplyTokens {
  constructor(
    private readonly secret: string,
    private readonly supportAddress: string,
  ) {}

  /** `support+i<inquiry id hex><signature>@domain`. */
  replyAddress(kind: ThreadKind, caseId: string): string {
    const body = `${KIND_LETTER[kind]}${caseId.replace(/-/g, '')}`;
    return withTag(this.supportAddress, `${body}${this.sign(body)}`);
  }

  /** The case a reply address names, when its signature holds. */
  caseOf(address: string): { kind: ThreadKind; id: string } | null {
    const tag = tagOf(address, this.supportAddress);
    const match = tag?.match(/^([ic])([0-9a-f]{32})([0-9a-f]{16})$/);
    if (!match) return null;
    const [, letter, hex, signature] = match;
    const expected = Buffer.from(this.sign(`${letter}${hex}`));
    if (!timingSafeEqual(expected, Buffer.from(signature))) return null;
    const id = `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
    return { kind: LETTER_KIND[letter], id };
  }

  private sign(body: string): string {
    return createHmac('sha256', this.secret).update(body).digest('hex').slice(0, 16);
  }
}

/** `bounces+<delivery id hex>@domain`: the envelope sender of a delivery's mail. */
export function bounceAddressFor(bounceAddress: string, deliveryId: string): string {
  return withTag(bounceAddress, deliveryId.replace(/-/g, ''));
}

/** The delivery a bounce was addressed to, or null. */
export function deliveryOfBounce(address: string, bounceAddress: string): string | null {
  const hex = tagOf(address, bounceAddress)?.match(/^[0-9a-f]{32}$/)?.[0];
  return hex ? `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}` : null;
}
