import { randomUUID } from 'node:crypto';
import type { Identity } from '@carebridge/auth';
import { complaintAssigned, inquiryFirstResponded } from '@carebridge/event-contracts';
import { openServiceUnderTest, type ServiceUnderTest, useServiceUnderTest } from '@carebridge/testing';
import type { CreateKnowledgeArticleInput } from './knowledge/knowledge.inputs';
import { type TrainingDomain, trainingDomain } from './training.domain';
import { trainingEventHandlers } from './training.event-handlers';
import { trainingReferences } from './training.references';
import { trainingResolvers } from './training.resolvers';
import { type TrainingSettings, trainingSettings } from './training.settings';
import { trainingSubgraph } from './training.subgraph';

/** Test users of training, one per duty. */
export const people = {
  agent: { userId: 'agent-ana', roles: ['agent'], name: 'Ana Agent' },
  analyst: { userId: 'analyst-al', roles: ['analyst'], name: 'Al Analyst' },
  trainer: { userId: 'trainer-tess', roles: ['trainer'], name: 'Tess Trainer' },
  otherTrainer: { userId: 'trainer-tom', roles: ['trainer'], name: 'Tom Trainer' },
  supervisor: { userId: 'supervisor-sue', roles: ['supervisor'], name: 'Sue Supervisor' },
} satisfies Record<string, Identity>;

/**
 * training on a fresh database of its own (`openServiceUnderTest`): its use cases, `deliver` for
 * other services' events, `learnCustomer`, `db.clock`, `deadLetters`, and `run` for operations on its
 * schema as the gateway would forward them. The steps its tests take again and again go here.
 */
export type TrainingWorld = TrainingDomain & Omit<ServiceUnderTest<TrainingDomain, TrainingSettings>, 'domain'>;

export async function openTraining(env: Record<string, string> = {}): Promise<TrainingWorld> {
  const { domain, ...service } = await openServiceUnderTest({
    definition: trainingSubgraph,
    settings: trainingSettings(env),
    domain: trainingDomain,
    eventHandlers: trainingEventHandlers,
    resolvers: trainingResolvers,
    references: trainingReferences,
    consumer: { maxAttempts: 2, retryBackoffMs: 1 },
  });
  return { ...domain, ...service };
}

/** training as the tests of the enclosing `describe` share it; each test ends with no event dead-lettered. */
export function useTraining(env: Record<string, string> = {}): TrainingWorld {
  const world = useServiceUnderTest(() => openTraining(env));
  afterEach(() => expect(world.deadLetters.map((m) => m.headers.dlq_error)).toEqual([]));
  return world;
}

/** A knowledge category for tests, made once per slug. */
export async function knowledgeCategory(world: TrainingWorld, slug = 'baggage', inquiryCategories: string[] = []) {
  const existing = (await world.knowledge.queries.categories()).find((category) => category.slug === slug);
  return existing ?? world.knowledge.writing.createCategory({ slug, name: slug, sections: ['General', 'Rules'], inquiryCategories });
}

/** An article written by the trainer, sent to review and approved by the supervisor: live at once. */
export async function publishedArticle(
  world: TrainingWorld,
  article: Partial<Omit<CreateKnowledgeArticleInput, 'categoryId'>> & { title: string; body: string; category?: string; inquiryCategories?: string[] },
) {
  const category = await knowledgeCategory(world, article.category ?? 'baggage', article.inquiryCategories);
  const draft = await world.knowledge.writing.create(
    {
      kind: article.kind ?? 'FAQ',
      locale: article.locale ?? 'EN',
      visibility: article.visibility ?? 'INTERNAL',
      section: article.section ?? 'General',
      tags: article.tags ?? [],
      ownerId: article.ownerId ?? null,
      translationOfId: article.translationOfId ?? null,
      title: article.title,
      body: article.body,
      categoryId: category.id,
    },
    people.trainer,
  );
  await world.knowledge.writing.submit(draft.id, people.trainer);
  return world.knowledge.review.approve({ articleId: draft.id }, people.supervisor);
}

/** An inquiry or a complaint that this member of staff handled, as inquiry's or complaint's events tell training: its id. */
export async function handledCase(world: TrainingWorld, caseKind: 'INQUIRY' | 'COMPLAINT', userId: string): Promise<string> {
  const caseId = randomUUID();
  const at = world.db.clock.now().toISOString();
  if (caseKind === 'INQUIRY') {
    await world.deliver(inquiryFirstResponded, { inquiryId: caseId, customerId: null, channel: 'EMAIL', respondedBy: userId, respondedAt: at, firstResponseSeconds: 600, withinTarget: true });
  } else {
    await world.deliver(complaintAssigned, { complaintId: caseId, customerId: randomUUID(), assigneeId: userId, department: null, assignedBy: 'supervisor-sue', automatic: false, reason: null, assignedAt: at });
  }
  return caseId;
}
