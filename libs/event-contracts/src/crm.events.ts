import { z } from 'zod';
import { defineEvent, field } from './contract';
import { TOPICS } from './topics';

const tier = z.enum(['STANDARD', 'SILVER', 'GOLD', 'VIP']);

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
