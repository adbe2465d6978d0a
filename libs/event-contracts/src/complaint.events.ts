import { z } from 'zod';
import { COMPENSATION_KINDS, COMPLAINT_DEADLINES, COMPLAINT_URGENCIES } from './complaint-taxonomy';
import { defineEvent, field } from './contract';
import { defineCustomerExportPrepared } from './customer-export';
import { TOPICS } from './topics';

const urgency = z.enum(COMPLAINT_URGENCIES);

export const complaintRegistered = defineEvent({
  type: 'complaint.registered',
  version: 1,
  producer: 'complaint',
  topic: TOPICS.complaint,
  description: "A complaint was registered (A-3.2.1). Carries its classification, not the customer's words.",
  schema: z.object({
    complaintId: field.id(),
    registrationNumber: z.string(),
    customerId: field.id(),
    channel: z.string(),
    category: z.string(),
    urgency,
    registeredBy: z.string(),
    registeredAt: field.time(),
    /** Set when the complaint was escalated from an inquiry. */
    inquiryId: field.id().optional(),
    /** When the customer is owed feedback: the communication service tells them with the registration number. */
    feedbackDueAt: field.time().optional(),
  }),
  key: (data) => data.complaintId,
  personalData: 'customerId (a pseudonymous id) so crm can add the complaint to the customer history',
});

export const complaintAssigned = defineEvent({
  type: 'complaint.assigned',
  version: 1,
  producer: 'complaint',
  topic: TOPICS.complaint,
  description: 'A complaint was assigned (or reassigned) to a responsible person and department (A-3.2.3).',
  schema: z.object({
    complaintId: field.id(),
    customerId: field.id(),
    assigneeId: z.string(),
    department: z.string().nullable(),
    assignedBy: z.string(),
    automatic: z.boolean(),
    reason: z.string().nullable(),
    assignedAt: field.time(),
  }),
  key: (data) => data.complaintId,
  personalData: 'none',
});

export const complaintFeedbackGiven = defineEvent({
  type: 'complaint.feedback_given',
  version: 1,
  producer: 'complaint',
  topic: TOPICS.complaint,
  description: 'The responsible person gave the customer feedback on the complaint (A-3.2.4); says whether it was within the deadline.',
  schema: z.object({
    complaintId: field.id(),
    customerId: field.id(),
    givenBy: z.string(),
    givenAt: field.time(),
    feedbackDueAt: field.time().nullable(),
    withinDeadline: z.boolean(),
  }),
  key: (data) => data.complaintId,
  personalData: 'none: the feedback text stays in the complaint service',
});

export const compensationItem = z.object({
  itemId: field.id(),
  kind: z.enum(COMPENSATION_KINDS),
  /** Decimal string for money, e.g. "120.00" (REFUND, VOUCHER). */
  amount: z.string().nullable(),
  /** ISO 4217 (REFUND, VOUCHER). */
  currency: z.string().length(3).nullable(),
  /** Whole points or miles (LOYALTY_POINTS, MILES). */
  quantity: z.number().int().nullable(),
  description: z.string().nullable(),
  reason: z.string(),
});

export const complaintResolved = defineEvent({
  type: 'complaint.resolved',
  version: 1,
  producer: 'complaint',
  topic: TOPICS.complaint,
  description: 'A complaint was resolved with a resolution plan and its compensation items (T-3.3, T-1.5). crm credits points and issues vouchers from it.',
  schema: z.object({
    complaintId: field.id(),
    registrationNumber: z.string(),
    customerId: field.id(),
    resolvedBy: z.string(),
    resolvedAt: field.time(),
    rootCause: z.string().nullable(),
    compensation: z.array(compensationItem),
  }),
  key: (data) => data.complaintId,
  personalData: 'customerId, so crm can credit the compensation',
});

export const complaintClosed = defineEvent({
  type: 'complaint.closed',
  version: 1,
  producer: 'complaint',
  topic: TOPICS.complaint,
  description: "A complaint was closed (A-3.2.5) with the customer's satisfaction, or the reason it could not be asked. crm schedules a follow-up from it.",
  schema: z.object({
    complaintId: field.id(),
    registrationNumber: z.string(),
    customerId: field.id(),
    closedBy: z.string(),
    closedAt: field.time(),
    satisfactionScore: z.number().int().min(1).max(5).nullable(),
    satisfactionComment: z.string().nullable(),
    closedWithoutSatisfactionReason: z.string().nullable(),
    category: z.string().optional(),
    description: z.string().optional(),
    resolutionExplanation: z.string().nullable().optional(),
  }),
  key: (data) => data.complaintId,
  personalData:
    "satisfactionComment is the customer's words, for satisfaction analysis (A-3.3.1); description (the customer's words) and resolutionExplanation let training draft a knowledge-base article from the solved case — it keeps them only with personal data removed",
  encrypted: { fields: ['satisfactionComment', 'description', 'resolutionExplanation'], subject: (data) => data.customerId },
});

export const complaintReopened = defineEvent({
  type: 'complaint.reopened',
  version: 1,
  producer: 'complaint',
  topic: TOPICS.complaint,
  description: 'A resolved or closed complaint was reopened; its history is kept.',
  schema: z.object({
    complaintId: field.id(),
    customerId: field.id(),
    reopenedBy: z.string(),
    reopenedAt: field.time(),
    reason: z.string(),
  }),
  key: (data) => data.complaintId,
  personalData: 'none',
});

export const complaintMerged = defineEvent({
  type: 'complaint.merged',
  version: 1,
  producer: 'complaint',
  topic: TOPICS.complaint,
  description:
    'A duplicate complaint (the same bag, the same matter) was merged into another of the same customer: the duplicate is closed without a satisfaction survey and its deadlines stop; both keep their history.',
  schema: z.object({
    complaintId: field.id(),
    intoComplaintId: field.id(),
    customerId: field.id(),
    mergedBy: z.string(),
    mergedAt: field.time(),
  }),
  key: (data) => data.complaintId,
  personalData: 'none',
});

export const complaintSlaBreached = defineEvent({
  type: 'complaint.sla_breached',
  version: 1,
  producer: 'complaint',
  topic: TOPICS.complaint,
  description: 'A complaint passed one of its deadlines (internal feedback target or a regulatory one); emitted once per breach.',
  schema: z.object({
    complaintId: field.id(),
    customerId: field.id(),
    deadline: z.enum(COMPLAINT_DEADLINES),
    urgency,
    dueAt: field.time(),
    breachedAt: field.time(),
    assigneeId: z.string().nullable(),
  }),
  key: (data) => data.complaintId,
  personalData: 'none',
});

export const complaintSlaAtRisk = defineEvent({
  type: 'complaint.sla_at_risk',
  version: 1,
  producer: 'complaint',
  topic: TOPICS.complaint,
  description: 'A complaint is in the last part of the time for one of its deadlines (COMPLAINT_AT_RISK_PERCENT), still unmet; emitted once per deadline and due time, before any breach.',
  schema: z.object({
    complaintId: field.id(),
    customerId: field.id(),
    deadline: z.enum(COMPLAINT_DEADLINES),
    urgency,
    dueAt: field.time(),
    detectedAt: field.time(),
    assigneeId: z.string().nullable(),
  }),
  key: (data) => data.complaintId,
  personalData: 'none',
});

export const compensationApprovalRequested = defineEvent({
  type: 'compensation.approval_requested',
  version: 1,
  producer: 'complaint',
  topic: TOPICS.complaint,
  description: "A complaint's resolution plan proposes compensation above the approval threshold (T-1.5): a supervisor's approval waits.",
  schema: z.object({
    complaintId: field.id(),
    registrationNumber: z.string(),
    customerId: field.id(),
    itemIds: z.array(field.id()).min(1),
    proposedBy: z.string(),
    requestedAt: field.time(),
  }),
  key: (data) => data.complaintId,
  personalData: 'none',
});

export const complaintCustomerExportPrepared = defineCustomerExportPrepared('complaint', TOPICS.complaintCustomerExport);
