import type { SubgraphRuntime } from '@carebridge/service-kit';
import { CaseRecording, type CustomerStandings } from './case-recording';
import { CustomerCaseQueries } from './case-view-queries';
import type { CustomerViewSettings } from './customer-view.settings';
import { CaseViewStepResolver, CustomerViewResolver } from './customer-view.resolver';
import { StatusLinks } from './status-links';

/** The customer's own view of their cases: its use cases, wired once. */
export function customerView(runtime: Pick<SubgraphRuntime, 'dataSource' | 'clock'>, customers: CustomerStandings, settings: CustomerViewSettings) {
  const caseQueries = new CustomerCaseQueries(runtime.dataSource, runtime.clock);
  return {
    caseRecording: new CaseRecording(customers),
    caseQueries,
    statusLinks: new StatusLinks(caseQueries, runtime.clock, settings),
    showsStaff: settings.showsStaff,
  };
}

export type CustomerView = ReturnType<typeof customerView>;

/** Its GraphQL resolvers. */
export function customerViewResolvers(view: CustomerView): object[] {
  return [new CustomerViewResolver(view.caseQueries, view.statusLinks), new CaseViewStepResolver(view.showsStaff)];
}
