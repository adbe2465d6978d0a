import { entityReference, type ReferenceResolvers } from '@carebridge/service-kit';
import type { TrainingDomain } from './training.domain';

/** The entities of training that other subgraphs (and the gateway) resolve by key. */
export function trainingReferences(domain: TrainingDomain): ReferenceResolvers {
  return {
    Course: entityReference((references) => domain.courseCatalogue.byIds(references.map((reference) => reference.id))),
    KnowledgeArticle: entityReference((references) => domain.knowledge.queries.byIds(references.map((reference) => reference.id))),
    // Training adds suggestedArticles to inquiry's Inquiry: the key is all it needs.
    Inquiry: entityReference(async (references) => references.map((reference) => ({ id: reference.id }))),
  };
}
