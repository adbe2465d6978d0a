import { SignedLinks } from '@carebridge/auth';
import { BadUserInputError } from '@carebridge/domain';
import type { Clock } from '@carebridge/service-kit';
import type { CaseWithSteps, CustomerCaseQueries } from './case-view-queries';
import type { CustomerViewSettings } from './customer-view.settings';

/**
 * Status links (A-2.3): whoever holds one reads one case, as its customer sees it, without an
 * account. The same signed links as after-sales' survey links (libs/auth), for the purpose
 * `case-status`, under COMMUNICATION_STATUS_LINK_SECRET. Nothing is stored per link; it works until
 * it expires, and not at all once the case is gone (the customer was erased).
 */
export class StatusLinks {
  private readonly links: SignedLinks;

  constructor(
    private readonly queries: CustomerCaseQueries,
    private readonly clock: Clock,
    private readonly settings: Pick<CustomerViewSettings, 'statusLinkSecret' | 'statusLinkTtlDays'>,
  ) {
    this.links = new SignedLinks('case-status', settings.statusLinkSecret);
  }

  /** A new link to one case, for a message to its customer. */
  async issue(caseId: string): Promise<{ caseId: string; link: string; expiresAt: Date }> {
    const found = await this.queries.caseById(caseId);
    const expiresAt = new Date(this.clock.now().getTime() + this.settings.statusLinkTtlDays * 86_400_000);
    return { caseId: found.id, link: this.links.sign(found.id, expiresAt), expiresAt };
  }

  /** The case a genuine, unexpired link names; a forged or expired one is refused naming `link`. */
  async read(link: string): Promise<CaseWithSteps> {
    const checked = this.links.check(link, this.clock.now());
    if (!checked.valid) {
      throw checked.rule === 'expired'
        ? BadUserInputError.field('link', 'expired', `the status link expired on ${checked.expiresAt.toISOString()}; ask for a new one`)
        : BadUserInputError.field('link', 'signature', 'is not a status link issued by Carebridge (damaged or forged)');
    }
    return this.queries.caseById(checked.subject);
  }
}
