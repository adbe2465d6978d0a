import { caller, ListArgs, listSize, type RequestContext } from '@carebridge/service-kit';
import { Arg, Args, Authorized, Ctx, FieldResolver, Mutation, Query, Resolver, Root } from 'type-graphql';
import { COURIER_REPORTERS, INCIDENT_MANAGERS, INCIDENT_READERS } from '../incident-access';
import type { IncidentDisclosure } from '../incident-disclosure';
import { BaggageDelivery, BaggageDeliveryUpdate, BaggageFile } from './baggage-file.entity';
import type { BaggageFiles } from './baggage-files';
import { PassengerBaggageStatus } from './baggage.types';
import {
  CloseBaggageFileInput,
  OpenBaggageFileInput,
  OrderBaggageDeliveryInput,
  PassengerBaggageStatusArgs,
  RecordCourierUpdateInput,
  ReopenBaggageTraceInput,
  SuspendBaggageFileInput,
} from './baggage.inputs';

const SUMMARY = {
  OPEN: 'We are tracing your bag.',
  SUSPENDED: 'Your bag has been found.',
  CLOSED: 'Your baggage file is closed.',
} as const;

@Resolver(() => BaggageFile)
export class BaggageFileResolver {
  constructor(
    private readonly files: BaggageFiles,
    private readonly disclosure: IncidentDisclosure,
  ) {}

  @Authorized(...INCIDENT_READERS)
  @Query(() => BaggageFile, { nullable: true, description: 'A baggage file by its reference, e.g. PVGMU12345.' })
  baggageFile(@Arg('reference') reference: string): Promise<BaggageFile | null> {
    return this.files.findByReference(reference);
  }

  @Authorized()
  @Query(() => PassengerBaggageStatus, {
    description: 'The status of a baggage file as the passenger may read it, by its reference and the trip’s booking reference (both must match); no staff-only fields.',
  })
  async passengerBaggageStatus(@Args() args: PassengerBaggageStatusArgs): Promise<PassengerBaggageStatus> {
    const { file, delivery } = await this.files.forPassenger(args.reference, args.bookingReference);
    const summary = delivery?.status === 'DELIVERED' ? 'Your bag has been delivered.' : delivery && file.status !== 'CLOSED' ? 'Your bag is on its way to you.' : SUMMARY[file.status];
    return {
      reference: file.reference,
      status: file.status,
      summary,
      openedAt: file.openedAt,
      foundAt: file.foundAt,
      deliveryStatus: delivery?.status ?? null,
      deliveryExpectedAt: delivery?.expectedAt ?? null,
      deliveredAt: delivery?.deliveredAt ?? null,
      outcome: file.outcome,
      closedAt: file.closedAt,
    };
  }

  @Authorized(...INCIDENT_MANAGERS)
  @Mutation(() => BaggageFile, { description: 'Opens the baggage file of a baggage incident under its industry reference; publishes baggage_file.opened.' })
  openBaggageFile(@Arg('input') input: OpenBaggageFileInput, @Ctx() context: RequestContext): Promise<BaggageFile> {
    return this.files.open(input, caller(context));
  }

  @Authorized(...INCIDENT_MANAGERS)
  @Mutation(() => BaggageFile, { description: 'The bag was found: OPEN → SUSPENDED; publishes baggage_file.suspended.' })
  suspendBaggageFile(@Arg('input') input: SuspendBaggageFileInput, @Ctx() context: RequestContext): Promise<BaggageFile> {
    return this.files.suspend(input, caller(context));
  }

  @Authorized(...INCIDENT_MANAGERS)
  @Mutation(() => BaggageFile, { description: 'The bag found was not the passenger’s: SUSPENDED → OPEN.' })
  reopenBaggageTrace(@Arg('input') input: ReopenBaggageTraceInput, @Ctx() context: RequestContext): Promise<BaggageFile> {
    return this.files.reinstate(input, caller(context));
  }

  @Authorized(...INCIDENT_MANAGERS)
  @Mutation(() => BaggageFile, { description: 'Closes the file with its outcome, the reason for loss and the fault station; publishes baggage_file.closed.' })
  closeBaggageFile(@Arg('input') input: CloseBaggageFileInput, @Ctx() context: RequestContext): Promise<BaggageFile> {
    return this.files.close(input, caller(context));
  }

  @Authorized(...INCIDENT_MANAGERS)
  @Mutation(() => BaggageDelivery, { description: 'Orders the delivery of a found bag from a courier; publishes baggage_file.delivery_updated.' })
  orderBaggageDelivery(@Arg('input') input: OrderBaggageDeliveryInput, @Ctx() context: RequestContext): Promise<BaggageDelivery> {
    return this.files.orderDelivery(input, caller(context));
  }

  @Authorized(...COURIER_REPORTERS)
  @Mutation(() => BaggageDelivery, { description: 'A courier’s status update of a delivery (integration role); the same updateId again changes nothing.' })
  recordCourierUpdate(@Arg('input') input: RecordCourierUpdateInput, @Ctx() context: RequestContext): Promise<BaggageDelivery> {
    return this.files.recordCourierUpdate(input, caller(context));
  }

  @FieldResolver(() => String, { nullable: true, description: 'What the bag looks like and holds; masked for trainers and analysts.' })
  bagDescription(@Root() file: BaggageFile, @Ctx() context: RequestContext): Promise<string | null> {
    return this.disclosure.personal(context, file.incidentId, 'baggageFile.bagDescription', file.bagDescription);
  }

  @FieldResolver(() => [BaggageDelivery], { description: 'Deliveries ordered, oldest first.' })
  deliveries(@Root() file: BaggageFile): Promise<BaggageDelivery[]> {
    return this.files.deliveriesOf(file.id);
  }
}

@Resolver(() => BaggageDelivery)
export class BaggageDeliveryResolver {
  constructor(
    private readonly files: BaggageFiles,
    private readonly disclosure: IncidentDisclosure,
  ) {}

  @FieldResolver(() => String, { description: 'Where the bag goes; masked for trainers and analysts.' })
  address(@Root() delivery: BaggageDelivery, @Ctx() context: RequestContext): Promise<string> {
    return this.disclosure.personal(context, delivery.incidentId, 'baggageDelivery.address', delivery.address);
  }

  @FieldResolver(() => [BaggageDeliveryUpdate], { description: 'The courier’s updates, in the order they happened; at most `first` of them (bounded list).' })
  updates(@Root() delivery: BaggageDelivery, @Args() list: ListArgs): Promise<BaggageDeliveryUpdate[]> {
    return this.files.updatesOf(delivery.id, listSize(list));
  }
}

@Resolver(() => BaggageDeliveryUpdate)
export class BaggageDeliveryUpdateResolver {
  constructor(private readonly disclosure: IncidentDisclosure) {}

  @FieldResolver(() => String, { nullable: true })
  note(@Root() update: BaggageDeliveryUpdate, @Ctx() context: RequestContext): Promise<string | null> {
    return this.disclosure.personal(context, update.incidentId, 'baggageDelivery.updates.note', update.note);
  }
}
