import { caller, type Connection, ConnectionType, ListArgs, listSize, PageArgs, type RequestContext, RequestLoader } from '@carebridge/service-kit';
import { Arg, Args, Authorized, Ctx, FieldResolver, ID, Int, Mutation, Query, Resolver, Root } from 'type-graphql';
import type { CustomerQueries } from '../customer/customer-queries';
import { Customer } from '../customer/customer.entity';
import type { CustomerEvents } from './customer-events';
import { CustomerEvent, CustomerEventInvitation, KeyAccount, KeyAccountMember } from './key-account.entity';
import {
  AddKeyAccountMemberInput,
  CancelCustomerEventInput,
  CreateKeyAccountInput,
  CustomerEventsArgs,
  InviteToCustomerEventInput,
  KeyAccountsArgs,
  OrganiseCustomerEventInput,
  RecordCustomerEventAttendanceInput,
  RecordInvitationResponseInput,
  RemoveKeyAccountMemberInput,
  UpdateKeyAccountInput,
} from './key-account.inputs';
import type { KeyAccountManagement } from './key-account-management';
import type { KeyAccountQueries } from './key-account-queries';
import { ServiceTerms } from './key-account.enums';
import { responseTargetMinutes } from './service-terms-announcement';

/** The key-account use cases the resolvers call. */
export interface KeyAccountUseCases {
  management: KeyAccountManagement;
  customerEvents: CustomerEvents;
  queries: KeyAccountQueries;
}

const KeyAccountConnection = ConnectionType(KeyAccount);
const KeyAccountMemberConnection = ConnectionType(KeyAccountMember);
const CustomerEventConnection = ConnectionType(CustomerEvent);
const STAFF = ['agent', 'crm_manager', 'complaint_specialist', 'after_sales', 'analyst'] as const;

/** Customers of a page of members or invitations, in one query. */
function customerBatch(customers: CustomerQueries): RequestLoader<string, Customer | null> {
  return new RequestLoader(async (ids) => {
    const found = await customers.findManyById(ids);
    return new Map(ids.map((id) => [id, found.find((c) => c.id === id) ?? null]));
  });
}

@Resolver(() => KeyAccount)
export class KeyAccountResolver {
  constructor(private readonly useCases: KeyAccountUseCases) {}

  @Authorized(...STAFF)
  @Query(() => KeyAccountConnection, { description: 'Key accounts, newest first; searched by name, account manager or dedicated contact.' })
  keyAccounts(@Args() args: KeyAccountsArgs): Promise<Connection<KeyAccount>> {
    return this.useCases.queries.list(args);
  }

  @Authorized(...STAFF)
  @Query(() => KeyAccount, { nullable: true })
  keyAccount(@Arg('id', () => ID) id: string): Promise<KeyAccount | null> {
    return this.useCases.queries.findById(id);
  }

  @Authorized('crm_manager')
  @Mutation(() => KeyAccount, { description: 'A corporate or high-end key account with its dedicated account manager and service terms.' })
  createKeyAccount(@Arg('input') input: CreateKeyAccountInput, @Ctx() context: RequestContext): Promise<KeyAccount> {
    return this.useCases.management.create(input, caller(context));
  }

  @Authorized('crm_manager')
  @Mutation(() => KeyAccount)
  updateKeyAccount(@Arg('input') input: UpdateKeyAccountInput): Promise<KeyAccount> {
    return this.useCases.management.update(input);
  }

  @Authorized('crm_manager')
  @Mutation(() => KeyAccount, { description: "Adds a member customer; their tier rises to the account's member tier (rule KEY_ACCOUNT)." })
  addKeyAccountMember(@Arg('input') input: AddKeyAccountMemberInput, @Ctx() context: RequestContext): Promise<KeyAccount> {
    return this.useCases.management.addMember(input, caller(context));
  }

  @Authorized('crm_manager')
  @Mutation(() => KeyAccount)
  removeKeyAccountMember(@Arg('input') input: RemoveKeyAccountMemberInput): Promise<KeyAccount> {
    return this.useCases.management.removeMember(input);
  }

  @FieldResolver(() => KeyAccountMemberConnection)
  members(@Root() account: KeyAccount, @Args() page: PageArgs): Promise<Connection<KeyAccountMember>> {
    return this.useCases.queries.members(account.id, page);
  }

  @FieldResolver(() => CustomerEventConnection, { description: 'Customer events organised for the account, latest first.' })
  events(@Root() account: KeyAccount, @Args() page: PageArgs): Promise<Connection<CustomerEvent>> {
    return this.useCases.queries.events(account.id, page);
  }
}

@Resolver(() => KeyAccountMember)
export class KeyAccountMemberResolver {
  private readonly customerLoader: RequestLoader<string, Customer | null>;

  constructor(customers: CustomerQueries) {
    this.customerLoader = customerBatch(customers);
  }

  @FieldResolver(() => Customer, { nullable: true })
  customer(@Root() member: KeyAccountMember, @Ctx() context: RequestContext): Promise<Customer | null> {
    return this.customerLoader.load(context, member.customerId);
  }
}

@Resolver(() => CustomerEvent)
export class CustomerEventResolver {
  constructor(private readonly useCases: KeyAccountUseCases) {}

  @Authorized(...STAFF)
  @Query(() => CustomerEventConnection, { description: 'Customer events, latest first (A-3.4.3).' })
  customerEvents(@Args() args: CustomerEventsArgs): Promise<Connection<CustomerEvent>> {
    return this.useCases.queries.events(args.keyAccountId, args);
  }

  @Authorized(...STAFF)
  @Query(() => CustomerEvent, { nullable: true })
  customerEvent(@Arg('id', () => ID) id: string): Promise<CustomerEvent | null> {
    return this.useCases.queries.findEvent(id);
  }

  @Authorized('crm_manager')
  @Mutation(() => CustomerEvent, { description: 'Organises a customer event, for a key account or for key customers generally.' })
  organiseCustomerEvent(@Arg('input') input: OrganiseCustomerEventInput, @Ctx() context: RequestContext): Promise<CustomerEvent> {
    return this.useCases.customerEvents.organise(input, caller(context));
  }

  @Authorized('crm_manager')
  @Mutation(() => CustomerEvent)
  inviteToCustomerEvent(@Arg('input') input: InviteToCustomerEventInput, @Ctx() context: RequestContext): Promise<CustomerEvent> {
    return this.useCases.customerEvents.invite(input, caller(context));
  }

  @Authorized('crm_manager', 'agent')
  @Mutation(() => CustomerEventInvitation, { description: 'The customer accepted or declined.' })
  recordInvitationResponse(@Arg('input') input: RecordInvitationResponseInput): Promise<CustomerEventInvitation> {
    return this.useCases.customerEvents.recordResponse(input);
  }

  @Authorized('crm_manager')
  @Mutation(() => CustomerEvent)
  recordCustomerEventAttendance(@Arg('input') input: RecordCustomerEventAttendanceInput): Promise<CustomerEvent> {
    return this.useCases.customerEvents.recordAttendance(input);
  }

  @Authorized('crm_manager')
  @Mutation(() => CustomerEvent)
  cancelCustomerEvent(@Arg('input') input: CancelCustomerEventInput): Promise<CustomerEvent> {
    return this.useCases.customerEvents.cancel(input);
  }

  @FieldResolver(() => [CustomerEventInvitation], { description: 'The customers invited, in the order they were invited; at most `first` of them (bounded list).' })
  invitations(@Root() event: CustomerEvent, @Args() list: ListArgs): Promise<CustomerEventInvitation[]> {
    return this.useCases.queries.invitations(event.id, listSize(list));
  }
}

@Resolver(() => CustomerEventInvitation)
export class CustomerEventInvitationResolver {
  private readonly customerLoader: RequestLoader<string, Customer | null>;

  constructor(customers: CustomerQueries) {
    this.customerLoader = customerBatch(customers);
  }

  @FieldResolver(() => Customer, { nullable: true })
  customer(@Root() invitation: CustomerEventInvitation, @Ctx() context: RequestContext): Promise<Customer | null> {
    return this.customerLoader.load(context, invitation.customerId);
  }
}

@Resolver(() => Customer)
export class CustomerKeyAccountResolver {
  constructor(private readonly useCases: KeyAccountUseCases) {}

  @Authorized()
  @FieldResolver(() => KeyAccount, { nullable: true, description: 'The key account the customer belongs to.' })
  keyAccount(@Root() customer: Customer): Promise<KeyAccount | null> {
    return this.useCases.queries.accountOf(customer.id);
  }

  @Authorized(...STAFF)
  @FieldResolver(() => [CustomerEventInvitation], { description: 'Customer events the customer was invited to, oldest first; at most `first` of them (bounded list).' })
  customerEventInvitations(@Root() customer: Customer, @Args() list: ListArgs): Promise<CustomerEventInvitation[]> {
    return this.useCases.queries.invitationsOf(customer.id, listSize(list));
  }
}

@Resolver(() => ServiceTerms)
export class ServiceTermsResolver {
  @FieldResolver(() => Int, { description: 'The agreed response time in whole hours, rounded up.', deprecationReason: 'Use responseTargetMinutes.' })
  responseTimeHours(@Root() terms: ServiceTerms): number {
    return Math.ceil(responseTargetMinutes(terms) / 60);
  }

  @FieldResolver(() => Int)
  responseTargetMinutes(@Root() terms: ServiceTerms): number {
    return responseTargetMinutes(terms);
  }
}
