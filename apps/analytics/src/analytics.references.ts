import type { ReferenceResolvers } from '@carebridge/service-kit';
import type { AnalyticsDomain } from './analytics.domain';

/** analytics owns no entity that other subgraphs resolve: it only refers to theirs (Complaint, Inquiry). */
export function analyticsReferences(_domain: AnalyticsDomain): ReferenceResolvers {
  return {};
}
