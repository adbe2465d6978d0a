import { SignedLinks } from '@carebridge/auth';
import type { SurveyLinkSettings } from '../communication.settings';

/**
 * The link of a post-trip survey, for the mail that invites the customer. after-sales verifies
 * it: the platform's signed links (libs/auth), purpose `followup-survey`, naming the survey until the
 * expiry followup_survey.sent states, under the same secret (COMMUNICATION_SURVEY_LINK_SECRET =
 * AFTER_SALES_SURVEY_LINK_SECRET). Signing it here keeps the credential off every event stream: the
 * event carries ids only, and the token exists in the mail alone.
 */
export class SurveyInvitationLinks {
  private readonly links: SignedLinks;

  constructor(private readonly settings: SurveyLinkSettings) {
    this.links = new SignedLinks('followup-survey', settings.secret);
  }

  /** `<survey page>?token=<signed link>`. */
  linkTo(surveyId: string, expiresAt: Date): string {
    const url = new URL(this.settings.pageUrl);
    url.searchParams.set('token', this.links.sign(surveyId, expiresAt));
    return url.toString();
  }
}
