import { createHmac, timingSafeEqual } from 'node:crypto';
import { BadUserInputError, isUuid } from '@carebridge/domain';

/**
 * Signed survey links (T-4.1): the token carries only the survey id and when the link expires,
 * signed with HMAC-SHA256 under AFTER_SALES_SURVEY_LINK_SECRET. Nothing is stored for it: the
 * survey's status makes the link single-use (an answered survey takes no second answer).
 *
 * Format: `v1.<survey id>.<expiry, seconds since epoch>.<signature, base64url>`.
 */
export class SurveyLinks {
  constructor(private readonly secret: string) {}

  sign(surveyId: string, expiresAt: Date): string {
    const payload = `v1.${surveyId}.${Math.floor(expiresAt.getTime() / 1000)}`;
    return `${payload}.${this.signature(payload)}`;
  }

  /** The survey id of a genuine, unexpired token; otherwise a BAD_USER_INPUT naming `field`. */
  verify(token: string, now: Date, field = 'input.token'): { surveyId: string; expiresAt: Date } {
    const parts = token.trim().split('.');
    const forged = () => BadUserInputError.field(field, 'signature', 'is not a valid survey link: it was changed or not issued by us');
    if (parts.length !== 4 || parts[0] !== 'v1' || !isUuid(parts[1]) || !/^\d{1,12}$/.test(parts[2])) throw forged();
    const payload = parts.slice(0, 3).join('.');
    const expected = Buffer.from(this.signature(payload));
    const given = Buffer.from(parts[3]);
    if (expected.length !== given.length || !timingSafeEqual(expected, given)) throw forged();
    const expiresAt = new Date(Number(parts[2]) * 1000);
    if (now.getTime() >= expiresAt.getTime()) throw BadUserInputError.field(field, 'expired', `the survey link expired on ${expiresAt.toISOString()}`);
    return { surveyId: parts[1], expiresAt };
  }

  private signature(payload: string): string {
    return createHmac('sha256', this.secret).update(payload).digest('base64url');
  }
}
