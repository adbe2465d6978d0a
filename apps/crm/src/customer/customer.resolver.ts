import { CONTACT_DETAIL_ROLES, hasAnyRole } from '@carebridge/auth';
import { type Connection, ConnectionType, maskEmail, maskPhone, type RequestContext } from '@carebridge/service-kit';
import { Arg, Args, Authorized, Ctx, FieldResolver, ID, Mutation, Query, Resolver, Root } from 'type-graphql';
import { Customer } from './customer.entity';
import { CreateCustomerInput, CustomersArgs, UpdateCustomerInput } from './customer.inputs';
import type { CustomerService } from './customer.service';

const CustomerConnection = ConnectionType(Customer);

@Resolver(() => Customer)
export class CustomerResolver {
  constructor(private readonly customerService: CustomerService) {}

  @Authorized()
  @Query(() => Customer, { nullable: true, description: 'One customer by id.' })
  customer(@Arg('id', () => ID) id: string): Promise<Customer | null> {
    return this.customerService.findById(id);
  }

  @Authorized()
  @Query(() => CustomerConnection, { description: 'Customers, newest first, optionally matching a search text.' })
  customers(@Args() args: CustomersArgs): Promise<Connection<Customer>> {
    return this.customerService.list(args);
  }

  @Authorized('agent', 'crm_manager', 'complaint_specialist', 'after_sales')
  @Mutation(() => Customer)
  createCustomer(@Arg('input') input: CreateCustomerInput): Promise<Customer> {
    return this.customerService.create(input);
  }

  @Authorized('agent', 'crm_manager', 'complaint_specialist', 'after_sales')
  @Mutation(() => Customer)
  updateCustomer(@Arg('input') input: UpdateCustomerInput): Promise<Customer> {
    return this.customerService.update(input);
  }

  @FieldResolver(() => String, { nullable: true })
  email(@Root() customer: Customer, @Ctx() context: RequestContext): string | null {
    return hasAnyRole(context.identity, CONTACT_DETAIL_ROLES) ? customer.email : maskEmail(customer.email);
  }

  @FieldResolver(() => String, { nullable: true })
  phone(@Root() customer: Customer, @Ctx() context: RequestContext): string | null {
    return hasAnyRole(context.identity, CONTACT_DETAIL_ROLES) ? customer.phone : maskPhone(customer.phone);
  }
}
