import { SignedLinks } from '@carebridge/auth';
import { BadUserInputError, isUuid } from '@carebridge/domain';

/**
 * Signed survey links (T-4.1): the same signed links as every caller who is not staff presents
 * (libs/auth signed-links.ts), for the purpose `followup-survey`, naming the survey and when the
 * link expires, signed under AFTER_SALES_SURVEY_LINK_SECRET. Nothing is stored for it: the survey's
 * status makes the link single-use (an answered survey takes no second answer).
 */
export class SurveyLinks {
  private readonly links: SignedLinks;

  constructor(secret: string) {
    this.links = new SignedLinks('followup-survey', secret);
  }

  sign(surveyId: string, expiresAt: Date): string {
    return this.links.sign(surveyId, expiresAt);
  }

  /** The survey id of a genuine, unexpired token; otherwise a BAD_USER_INPUT naming `field`. */
  verify(token: string, now: Date, field = 'input.token'): { surveyId: string; expiresAt: Date } {
    const checked = this.links.check(token, now);
    if (checked.valid && isUuid(checked.subject)) return { surveyId: checked.subject, expiresAt: checked.expiresAt };
    if (!checked.valid && checked.rule === 'expired') throw BadUserInputError.field(field, 'expired', `the survey link expired on ${checked.expiresAt.toISOString()}`);
    throw BadUserInputError.field(field, 'signature', 'is not a valid survey link: it was changed or not issued by us');
  }
}
