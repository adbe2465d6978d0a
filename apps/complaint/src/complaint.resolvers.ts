import type { Clock } from '@carebridge/service-kit';
import type { ComplaintDomain } from './complaint.domain';
import { ComplaintFeedbackResolver, ComplaintResolver } from './complaint/complaint.resolver';
import { CustomerComplaintsResolver } from './customer/customer-complaints.resolver';
import { DeadlinePolicyResolver } from './deadline/deadline-policy.resolver';
import { ComplaintHandlerResolver } from './handler/complaint-handler.resolver';
import { ResolutionResolver } from './resolution/resolution.resolver';

/** The complaint service's GraphQL resolvers, calling its use cases. */
export function complaintResolvers(domain: ComplaintDomain, runtime: { clock: Clock }): object[] {
  return [
    new ComplaintResolver(domain, runtime.clock),
    new ComplaintFeedbackResolver(),
    new ResolutionResolver(domain),
    new ComplaintHandlerResolver(domain.handlers),
    new DeadlinePolicyResolver(domain.policies),
    new CustomerComplaintsResolver(domain.queries),
  ];
}
