import type { EntityManager } from 'typeorm';

/**
 * What the inquiry's steps ask of the order changes raised on it (order-change/ answers it): they
 * follow the inquiry when it is merged or linked to a customer, and a saved reply may quote the
 * booking. Each call works in the step's transaction.
 */
export interface InquiryOrderChanges {
  /** The booking of the inquiry's latest order change, for a saved reply's {{bookingReference}}. */
  latestBookingReference(manager: EntityManager, inquiryId: string): Promise<string | null>;
  /** The merged inquiry's order changes move to the survivor. */
  moveToInquiry(manager: EntityManager, fromInquiryId: string, toInquiryId: string): Promise<void>;
  /** The inquiry's order changes take the customer linked to it. */
  linkCustomer(manager: EntityManager, inquiryId: string, customerId: string): Promise<void>;
}
