import type { PersonalTextOptions } from '@carebridge/service-kit';

/**
 * A message's subject and text name the customer and their case (PersonalText): withheld from
 * roles without need, and each read by staff logged under the customer it went to. A message to
 * a staff member has no customer: nothing to log.
 */
export const DELIVERY_TEXT: PersonalTextOptions<{ customerId: string | null }> = { customer: (delivery) => delivery.customerId };
