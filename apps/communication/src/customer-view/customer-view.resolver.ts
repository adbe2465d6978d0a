import { type Identity, isCustomerCaller } from '@carebridge/auth';
import { ForbiddenError } from '@carebridge/domain';
import { caller, type RequestContext } from '@carebridge/service-kit';
import { Max, Min } from 'class-validator';
import { Arg, Args, ArgsType, Authorized, Ctx, Field, FieldResolver, ID, Int, ObjectType, Query, Resolver, Root } from 'type-graphql';
import type { CaseWithSteps, CustomerCaseQueries } from './case-view-queries';
import { CaseView, CaseViewStep } from './case-view.entity';
import type { StatusLinks } from './status-links';

@ObjectType('CaseStatusLink', { description: 'A signed, expiring link that reads one case without an account (caseStatus takes it).' })
export class CaseStatusLink {
  @Field(() => ID)
  caseId: string;

  @Field({ description: 'Goes into the link sent to the customer.' })
  link: string;

  @Field()
  expiresAt: Date;
}

@ArgsType()
export class MyCasesArgs {
  @Field(() => Int, { defaultValue: 50, description: 'How many, the most recently changed first (1–100).' })
  @Min(1)
  @Max(100)
  first: number;
}

/** Roles that send customers their status links. */
const LINK_ISSUERS = ['agent', 'complaint_specialist', 'supervisor', 'after_sales', 'integration'] as const;

/** The customer calling for themselves; staff, even admin, have no cases of their own to read. */
function customerOf(context: RequestContext): Identity {
  const identity = caller(context);
  if (!isCustomerCaller(identity)) throw new ForbiddenError('Only a customer reads their own cases: sign in with a customer token');
  return identity;
}

@Resolver(() => CaseView)
export class CustomerViewResolver {
  constructor(
    private readonly queries: CustomerCaseQueries,
    private readonly statusLinks: StatusLinks,
  ) {}

  @Authorized('customer')
  @Query(() => [CaseView], { description: 'The signed-in customer’s cases (customer token only).' })
  myCases(@Args() args: MyCasesArgs, @Ctx() context: RequestContext): Promise<CaseWithSteps[]> {
    return this.queries.casesOf(customerOf(context).userId, args.first);
  }

  @Authorized('customer')
  @Query(() => CaseView, { description: 'One case of the signed-in customer (customer token only); NOT_FOUND for anyone else’s.' })
  myCase(@Arg('id', () => ID) id: string, @Ctx() context: RequestContext): Promise<CaseWithSteps> {
    return this.queries.caseOf(customerOf(context).userId, id);
  }

  // No @Authorized: the signed link is the credential. The gateway lets this one operation through without a token.
  @Query(() => CaseView, { description: 'The case a status link names, as its customer sees it; no account needed. A forged or expired link is BAD_USER_INPUT on `link`.' })
  caseStatus(@Arg('link') link: string): Promise<CaseWithSteps> {
    return this.statusLinks.read(link);
  }

  @Authorized(...LINK_ISSUERS)
  @Query(() => CaseStatusLink, { description: 'A new status link to one case, for a message to its customer.' })
  caseStatusLink(@Arg('caseId', () => ID) caseId: string): Promise<CaseStatusLink> {
    return this.statusLinks.issue(caseId);
  }

  @FieldResolver(() => [CaseViewStep], { description: 'The public timeline, oldest first: status changes and what the customer was sent.' })
  timeline(@Root() customerCase: CaseWithSteps): CaseViewStep[] {
    return customerCase.steps;
  }
}

@Resolver(() => CaseViewStep)
export class CaseViewStepResolver {
  constructor(private readonly showsStaff: boolean) {}

  @FieldResolver(() => String, { nullable: true, description: 'Who at the company took the step (their user id), where the company’s policy shows staff to customers; otherwise null.' })
  handledBy(@Root() step: CaseViewStep): string | null {
    return this.showsStaff ? step.staffId : null;
  }
}
