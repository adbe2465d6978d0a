import { z } from 'zod';
import { defineEvent, field } from './contract';
import { TOPICS } from './topics';

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
    urgency: z.enum(['LOW', 'MEDIUM', 'HIGH', 'CRITICAL']),
    registeredBy: z.string(),
    registeredAt: field.time(),
  }),
  key: (data) => data.complaintId,
  personalData: 'customerId (a pseudonymous id) so crm can add the complaint to the customer history',
});
