import { caller, type Connection, ConnectionType, maskEmail, maskPhone, PageArgs, type RequestContext, RequestLoader } from '@carebridge/service-kit';
import { Arg, Args, Authorized, Ctx, FieldResolver, ID, Mutation, Query, Resolver, Root } from 'type-graphql';
import { type AccessLog, seesContactDetails, seesDocuments } from '../access-log/access-log';
import type { ContactDetails } from './contact-details';
import { CustomerContact } from './customer-contact.entity';
import { Customer } from './customer.entity';
import { ContactKind } from './customer.enums';
import {
  AddCustomerContactInput,
  AddTravelDocumentInput,
  CreateCustomerInput,
  CustomersArgs,
  RemoveCustomerContactInput,
  RemoveTravelDocumentInput,
  SetCustomerTierInput,
  SetPrimaryCustomerContactInput,
  UpdateCustomerInput,
  VerifyCustomerInput,
} from './customer.inputs';
import type { CustomerQueries } from './customer-queries';
import type { CustomerRegistration } from './customer-registration';
import type { CustomerTiers } from './customer-tiers';
import type { ProfileUpdate } from './profile-update';
import { TravelDocument } from './travel-document.entity';
import type { TravelDocuments } from './travel-documents';

/** The customer use cases the resolver calls. */
export interface CustomerUseCases {
  queries: CustomerQueries;
  registration: CustomerRegistration;
  profileUpdate: ProfileUpdate;
  contactDetails: ContactDetails;
  travelDocuments: TravelDocuments;
  tiers: CustomerTiers;
}

export const CustomerConnection = ConnectionType(Customer);

/** Front-line roles that capture and correct what customers tell them. */
const PROFILE_EDITORS = ['agent', 'crm_manager', 'complaint_specialist', 'after_sales'] as const;

@Resolver(() => Customer)
export class CustomerResolver {
  private readonly contactLoader: RequestLoader<string, CustomerContact[]>;
  private readonly documentLoader: RequestLoader<string, TravelDocument[]>;

  constructor(
    private readonly useCases: CustomerUseCases,
    private readonly accessLog: AccessLog,
  ) {
    this.contactLoader = new RequestLoader((ids) => useCases.queries.contactsOf(ids));
    this.documentLoader = new RequestLoader((ids) => useCases.queries.documentsOf(ids));
  }

  @Authorized()
  @Query(() => Customer, { nullable: true, description: 'One customer by id (a merged profile says where it went, see mergedIntoId).' })
  customer(@Arg('id', () => ID) id: string): Promise<Customer | null> {
    return this.useCases.queries.findById(id);
  }

  @Authorized()
  @Query(() => CustomerConnection, { description: 'Customers (ACTIVE unless filtered otherwise), newest first, optionally matching a search text.' })
  customers(@Args() args: CustomersArgs): Promise<Connection<Customer>> {
    return this.useCases.queries.list(args);
  }

  @Authorized('agent', 'crm_manager', 'after_sales')
  @Query(() => CustomerConnection, { description: 'Profiles not confirmed with the customer for CRM_VERIFY_AFTER_DAYS, longest unverified first (timeliness, T-1.6).' })
  customersDueForVerification(@Args() page: PageArgs): Promise<Connection<Customer>> {
    return this.useCases.queries.dueForVerification(page);
  }

  @Authorized(...PROFILE_EDITORS)
  @Mutation(() => Customer)
  createCustomer(@Arg('input') input: CreateCustomerInput, @Ctx() context: RequestContext): Promise<Customer> {
    return this.useCases.registration.register(input, caller(context));
  }

  @Authorized(...PROFILE_EDITORS)
  @Mutation(() => Customer, { description: 'Changes the profile: name, primary contacts, language, channel, preferences, tags, consents, notes.' })
  updateCustomer(@Arg('input') input: UpdateCustomerInput): Promise<Customer> {
    return this.useCases.profileUpdate.update(input);
  }

  @Authorized(...PROFILE_EDITORS)
  @Mutation(() => Customer, { description: 'Adds an e-mail address or phone number; the first of its kind becomes primary.' })
  addCustomerContact(@Arg('input') input: AddCustomerContactInput): Promise<Customer> {
    return this.useCases.contactDetails.add(input);
  }

  @Authorized(...PROFILE_EDITORS)
  @Mutation(() => Customer, { description: 'Removes a contact; removing a primary one makes the oldest other one of its kind primary.' })
  removeCustomerContact(@Arg('input') input: RemoveCustomerContactInput): Promise<Customer> {
    return this.useCases.contactDetails.remove(input);
  }

  @Authorized(...PROFILE_EDITORS)
  @Mutation(() => Customer)
  setPrimaryCustomerContact(@Arg('input') input: SetPrimaryCustomerContactInput): Promise<Customer> {
    return this.useCases.contactDetails.setPrimary(input);
  }

  @Authorized('agent', 'crm_manager', 'after_sales')
  @Mutation(() => Customer, { description: 'Puts a passport or other travel document on file.' })
  addTravelDocument(@Arg('input') input: AddTravelDocumentInput, @Ctx() context: RequestContext): Promise<Customer> {
    return this.useCases.travelDocuments.add(input, caller(context));
  }

  @Authorized('agent', 'crm_manager', 'after_sales')
  @Mutation(() => Customer)
  removeTravelDocument(@Arg('input') input: RemoveTravelDocumentInput): Promise<Customer> {
    return this.useCases.travelDocuments.remove(input);
  }

  @Authorized(...PROFILE_EDITORS)
  @Mutation(() => Customer, { description: 'Records that the profile was confirmed with the customer now.' })
  verifyCustomer(@Arg('input') input: VerifyCustomerInput, @Ctx() context: RequestContext): Promise<Customer> {
    return this.useCases.profileUpdate.verify(input, caller(context));
  }

  @Authorized('crm_manager')
  @Mutation(() => Customer, { description: 'Sets the tier by hand (rule MANUAL) with the reason.' })
  setCustomerTier(@Arg('input') input: SetCustomerTierInput): Promise<Customer> {
    return this.useCases.tiers.set(input);
  }

  @FieldResolver(() => String, { nullable: true })
  async email(@Root() customer: Customer, @Ctx() context: RequestContext): Promise<string | null> {
    if (!customer.email || !seesContactDetails(context)) return maskEmail(customer.email);
    await this.accessLog.disclosed(context, customer.id, 'email');
    return customer.email;
  }

  @FieldResolver(() => String, { nullable: true })
  async phone(@Root() customer: Customer, @Ctx() context: RequestContext): Promise<string | null> {
    if (!customer.phone || !seesContactDetails(context)) return maskPhone(customer.phone);
    await this.accessLog.disclosed(context, customer.id, 'phone');
    return customer.phone;
  }

  @FieldResolver(() => String, { nullable: true, description: 'Notes for personal service; hidden (null) for roles without a need for personal details.' })
  notes(@Root() customer: Customer, @Ctx() context: RequestContext): string | null {
    return seesContactDetails(context) ? customer.notes : null;
  }

  @Authorized()
  @FieldResolver(() => [CustomerContact], { description: 'All e-mail addresses and phone numbers, primary ones first.' })
  contacts(@Root() customer: Customer, @Ctx() context: RequestContext): Promise<CustomerContact[]> {
    return this.contactLoader.load(context, customer.id);
  }

  @Authorized()
  @FieldResolver(() => [TravelDocument], { description: 'Travel documents on file; numbers masked for roles without need.' })
  documents(@Root() customer: Customer, @Ctx() context: RequestContext): Promise<TravelDocument[]> {
    return this.documentLoader.load(context, customer.id);
  }
}

@Resolver(() => CustomerContact)
export class CustomerContactResolver {
  constructor(private readonly accessLog: AccessLog) {}

  @FieldResolver(() => String)
  async value(@Root() contact: CustomerContact, @Ctx() context: RequestContext): Promise<string> {
    if (!seesContactDetails(context)) return (contact.kind === ContactKind.EMAIL ? maskEmail(contact.value) : maskPhone(contact.value)) ?? '';
    await this.accessLog.disclosed(context, contact.customerId, 'contacts.value');
    return contact.value;
  }
}

@Resolver(() => TravelDocument)
export class TravelDocumentResolver {
  constructor(private readonly accessLog: AccessLog) {}

  @FieldResolver(() => String)
  async number(@Root() document: TravelDocument, @Ctx() context: RequestContext): Promise<string> {
    if (!seesDocuments(context)) return maskDocumentNumber(document.number);
    await this.accessLog.disclosed(context, document.customerId, 'documents.number');
    return document.number;
  }
}

/** "C01X00T47" → "******T47": enough to confirm with the customer, not to use. */
export function maskDocumentNumber(number: string): string {
  return `${'*'.repeat(Math.max(number.length - 3, 0))}${number.slice(-3)}`;
}
