import { FiguresResolver } from './figures/figures.resolver';
import type { AnalyticsDomain } from './analytics.domain';

/** The GraphQL resolvers of analytics; each calls use cases of the domain and nothing else. */
export function analyticsResolvers(domain: AnalyticsDomain): object[] {
  return [new FiguresResolver(domain.figureQueries)];
}
