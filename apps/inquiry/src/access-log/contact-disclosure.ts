import { CONTACT_DETAIL_ROLES, hasAnyRole } from '@carebridge/auth';
import type { PersonalDataAccessLog } from '@carebridge/personal-data-access';
import { maskEmail, maskPhone, type RequestContext } from '@carebridge/service-kit';

/** The contact details an inquiry holds: the e-mail and phone the customer gave (the name they gave is shown to every staff role). */
export type ContactField = 'contactEmail' | 'contactPhone';

const MASKS: Record<ContactField, (value: string | null) => string | null> = {
  contactEmail: maskEmail,
  contactPhone: maskPhone,
};

/**
 * Shows an inquiry's contact details: masked for roles without a need for them, and
 * unmasked only once the read is on the access log — under the customer's id, or the inquiry's
 * while no customer is linked (the only id the person has here then). Empty values disclose nothing.
 */
export class ContactDisclosure {
  constructor(private readonly log: PersonalDataAccessLog) {}

  async show(context: RequestContext, inquiry: { id: string; customerId: string | null }, field: ContactField, value: string | null): Promise<string | null> {
    if (!hasAnyRole(context.identity, CONTACT_DETAIL_ROLES)) return MASKS[field](value);
    if (value) await this.log.disclosed(context, inquiry.customerId ?? inquiry.id, `inquiry.${field}`);
    return value;
  }
}
