import { z } from 'zod';
import { COMPENSATION_KINDS, COMPLAINT_CATEGORIES } from './complaint-taxonomy';
import { defineEvent, field } from './contract';
import { COUPON_SOURCES, COUPON_VALUE_TYPES, CUSTOMER_TIERS, FOLLOW_UP_KINDS, FOLLOW_UP_OUTCOMES, FOLLOW_UP_REASONS, FOLLOW_UP_REASONS_V1, LOYALTY_ENTRY_KINDS } from './crm-taxonomy';
import { TOPICS } from './topics';

const tier = z.enum(CUSTOMER_TIERS);

export const customerCreated = defineEvent({
  type: 'customer.created',
  version: 1,
  producer: 'crm',
  topic: TOPICS.customer,
  description: 'A customer profile was created. Other services learn the id here and keep no more than they need.',
  schema: z.object({
    customerId: field.id(),
    tier,
    preferredLanguage: z.string(),
    createdAt: field.time(),
  }),
  key: (data) => data.customerId,
  personalData: 'none: names and contact details stay in crm',
});

export const customerUpdated = defineEvent({
  type: 'customer.updated',
  version: 1,
  producer: 'crm',
  topic: TOPICS.customer,
  description: 'A customer profile changed. Lists which fields changed, not their personal values.',
  schema: z.object({
    customerId: field.id(),
    changedFields: z.array(z.string()),
    tier,
    preferredLanguage: z.string(),
    updatedAt: field.time(),
  }),
  key: (data) => data.customerId,
  personalData: 'none: changed field names only',
});

export const customerConsentsChanged = defineEvent({
  type: 'customer.consents_changed',
  version: 1,
  producer: 'crm',
  topic: TOPICS.customer,
  description:
    "A customer's consents as crm holds them now, published whenever one of them changes (or is stated when the profile is created). Services that contact customers apply the latest statement (changedAt) and ignore older ones.",
  schema: z.object({
    customerId: field.id(),
    followUpConsent: z.boolean(),
    marketingConsent: z.boolean(),
    changedAt: field.time(),
  }),
  key: (data) => data.customerId,
  personalData: 'none: consent flags only',
});

export const customerContactChanged = defineEvent({
  type: 'customer.contact_changed',
  version: 1,
  producer: 'crm',
  topic: TOPICS.customer,
  description:
    "The name, e-mail address, mobile number and language the customer is addressed with, as crm holds them now: published when the profile is created and whenever one of them changes. Only the communication service keeps them, to reach the customer (A-2.3).",
  schema: z.object({
    customerId: field.id(),
    name: z.string(),
    email: z.string().nullable(),
    phone: z.string().nullable(),
    preferredLanguage: z.string(),
    changedAt: field.time(),
  }),
  key: (data) => data.customerId,
  personalData: 'name, email and phone: the communication service needs them to send the customer what other services tell them; erased with the customer',
  encrypted: { fields: ['name', 'email', 'phone'], subject: (data) => data.customerId },
});

export const customerMerged = defineEvent({
  type: 'customer.merged',
  version: 1,
  producer: 'crm',
  topic: TOPICS.customer,
  description: 'A duplicate profile was merged into a surviving one. Services re-point their records from mergedId to survivorId.',
  schema: z.object({
    survivorId: field.id(),
    mergedId: field.id(),
    mergedBy: z.string(),
    mergedAt: field.time(),
  }),
  // Keyed by the merged (disappearing) customer, so it follows that customer's earlier events.
  key: (data) => data.mergedId,
  personalData: 'none',
});

export const customerErased = defineEvent({
  type: 'customer.erased',
  version: 1,
  producer: 'crm',
  topic: TOPICS.customer,
  description: 'A customer was erased (right to erasure). Every service anonymises its copies of this customer.',
  schema: z.object({
    customerId: field.id(),
    erasedAt: field.time(),
  }),
  key: (data) => data.customerId,
  personalData: 'none',
});

export const customerExportRequested = defineEvent({
  type: 'customer.export_requested',
  version: 1,
  producer: 'crm',
  topic: TOPICS.customer,
  description:
    'A customer asked for all data Carebridge holds about them (right of access, A-5.3). Every service that keeps records about customers prepares its part, keeps it until expiresAt and answers with its <service>.customer_export_prepared event.',
  schema: z.object({
    exportId: field.id(),
    customerId: field.id(),
    requestedAt: field.time(),
    expiresAt: field.time(),
  }),
  // Keyed by the customer, so it arrives after every earlier merge of this customer and before a later erasure.
  key: (data) => data.customerId,
  personalData: 'none',
});

/** One agreed compensation rule of a key account: what may be granted to its members, up to a maximum. */
export const compensationRuleSchema = z.object({
  /** null: a complaint of any category. */
  category: z.enum(COMPLAINT_CATEGORIES).nullable(),
  kind: z.enum(COMPENSATION_KINDS),
  /** Decimal string with currency (REFUND, VOUCHER). */
  maxAmount: z.string().nullable(),
  currency: z.string().length(3).nullable(),
  /** Whole points or miles (LOYALTY_POINTS, MILES). */
  maxQuantity: z.number().int().nullable(),
  /** Up to the maximum, no supervisor approval is needed for this account. */
  preApproved: z.boolean(),
});

/** The service terms a key account agreed (T-2.4), as they apply to each member customer. */
export const serviceTermsSchema = z.object({
  /** Agreed first-response time, counted in calendar time (24/7), not business hours. */
  responseTargetMinutes: z.number().int().min(1).max(10080),
  /** The staff member the account deals with. */
  dedicatedContact: z.object({ userId: z.string(), name: z.string().nullable() }).nullable(),
  compensationRules: z.array(compensationRuleSchema),
  /** After this instant the terms no longer apply; no event is sent when they lapse. */
  validUntil: field.time().nullable(),
});

export const customerServiceTermsChanged = defineEvent({
  type: 'customer.service_terms_changed',
  version: 1,
  producer: 'crm',
  topic: TOPICS.customer,
  description:
    "The key-account service terms that apply to a customer now: published when the customer joins or leaves a key account, when the account's terms, dedicated contact or status change, and for the survivor of a merge. keyAccountId and terms are null when none apply. Consumers keep the statement with the latest changedAt; inquiry and complaint shorten the customer's response deadlines with it.",
  schema: z.object({
    customerId: field.id(),
    keyAccountId: field.id().nullable(),
    terms: serviceTermsSchema.nullable(),
    changedAt: field.time(),
  }),
  key: (data) => data.customerId,
  personalData: "none: the dedicated contact is a staff member's id and name",
});

/** Superseded by v2 (a follow-up may now come from a care contact); kept for consumers and replays of what was published. */
export const followUpScheduledV1 = defineEvent({
  type: 'followup.scheduled',
  version: 1,
  producer: 'crm',
  topic: TOPICS.followUp,
  description: 'A follow-up call or visit to a customer was scheduled (T-2.1, A-3.4.2), by hand, by a recurring plan, or after a closed complaint. Superseded by v2, which crm publishes.',
  schema: z.object({
    followUpId: field.id(),
    customerId: field.id(),
    kind: z.enum(FOLLOW_UP_KINDS),
    dueAt: field.time(),
    ownerId: z.string().nullable(),
    reason: z.enum(FOLLOW_UP_REASONS_V1),
    complaintId: field.id().nullable(),
  }),
  key: (data) => data.customerId,
  personalData: 'none',
});

export const followUpScheduled = defineEvent({
  type: 'followup.scheduled',
  version: 2,
  producer: 'crm',
  topic: TOPICS.followUp,
  description:
    "A follow-up call or visit to a customer was scheduled (T-2.1, A-3.4.2), by hand, by a recurring plan, after a closed complaint, or for one of after-sales' care contacts (CARE_REMINDER, with careContactId). v2 of v1 with the new reason and careContactId.",
  schema: z.object({
    followUpId: field.id(),
    customerId: field.id(),
    kind: z.enum(FOLLOW_UP_KINDS),
    dueAt: field.time(),
    ownerId: z.string().nullable(),
    reason: z.enum(FOLLOW_UP_REASONS),
    complaintId: field.id().nullable(),
    careContactId: field.id().nullable(),
  }),
  key: (data) => data.customerId,
  personalData: 'none',
});

export const followUpCompleted = defineEvent({
  type: 'followup.completed',
  version: 1,
  producer: 'crm',
  topic: TOPICS.followUp,
  description: 'A follow-up was done, with its outcome and the satisfaction the customer expressed.',
  schema: z.object({
    followUpId: field.id(),
    customerId: field.id(),
    completedBy: z.string(),
    completedAt: field.time(),
    outcome: z.enum(FOLLOW_UP_OUTCOMES),
    satisfactionScore: z.number().int().min(1).max(5).nullable(),
    newNeeds: z.boolean(),
  }),
  key: (data) => data.customerId,
  personalData: 'none: notes stay in crm',
});

export const loyaltyPointsChanged = defineEvent({
  type: 'loyalty.points_changed',
  version: 1,
  producer: 'crm',
  topic: TOPICS.loyalty,
  description: "An entry in a customer's points ledger (T-2.3): earned, redeemed, adjusted or expired, with the balance after it.",
  schema: z.object({
    entryId: field.id(),
    customerId: field.id(),
    kind: z.enum(LOYALTY_ENTRY_KINDS),
    points: z.number().int(),
    balance: z.number().int().min(0),
    reason: z.string(),
    occurredAt: field.time(),
  }),
  key: (data) => data.customerId,
  personalData: 'none',
});

export const couponIssued = defineEvent({
  type: 'coupon.issued',
  version: 1,
  producer: 'crm',
  topic: TOPICS.loyalty,
  description: 'A coupon was issued to a customer: from a campaign, by hand, or as complaint compensation.',
  schema: z.object({
    couponId: field.id(),
    customerId: field.id(),
    valueType: z.enum(COUPON_VALUE_TYPES),
    value: z.string(),
    currency: z.string().length(3).nullable(),
    validUntil: field.time(),
    source: z.enum(COUPON_SOURCES),
    issuedAt: field.time(),
  }),
  key: (data) => data.customerId,
  personalData: 'none',
});

export const couponRedeemed = defineEvent({
  type: 'coupon.redeemed',
  version: 1,
  producer: 'crm',
  topic: TOPICS.loyalty,
  description: 'A coupon was redeemed (once).',
  schema: z.object({
    couponId: field.id(),
    customerId: field.id(),
    redeemedAt: field.time(),
    bookingReference: z.string().nullable(),
  }),
  key: (data) => data.customerId,
  personalData: 'none',
});
