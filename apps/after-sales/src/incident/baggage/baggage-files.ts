import type { Identity } from '@carebridge/auth';
import { BadUserInputError, ConflictError, ensureNotInFuture, isUuid, NotFoundError } from '@carebridge/domain';
import { baggageFileClosed, baggageFileDeliveryUpdated, baggageFileOpened, baggageFileSuspended } from '@carebridge/event-contracts';
import type { Outbox } from '@carebridge/messaging';
import type { Clock } from '@carebridge/service-kit';
import type { DataSource, EntityManager } from 'typeorm';
import { INCIDENT_STEPS } from '../incident-lifecycle';
import type { IncidentCustomerTimeline } from '../incident-customer-timeline';
import type { IncidentSteps } from '../incident-steps';
import { incidentTimeline } from '../incident-timeline';
import type { IncidentTrips } from '../incident-trips';
import { BaggageFileOutcome, BaggageFileStatus, DeliveryStatus, IncidentAction, IncidentCategory } from '../incident.enums';
import { Incident } from '../incident.entity';
import { BAGGAGE_FILE_STEPS, ensureBaggageFileStep } from './baggage-file-lifecycle';
import { baggageFileReference } from './baggage-file-reference';
import { BaggageDelivery, BaggageDeliveryUpdate, BaggageFile } from './baggage-file.entity';
import type { CloseBaggageFileInput, OpenBaggageFileInput, OrderBaggageDeliveryInput, RecordCourierUpdateInput, ReopenBaggageTraceInput, SuspendBaggageFileInput } from './baggage.inputs';

/** Statuses a delivery does not leave. */
const FINAL_DELIVERY: readonly DeliveryStatus[] = [DeliveryStatus.DELIVERED, DeliveryStatus.CANCELLED];

/**
 * Baggage files (T-4.3): opened under the industry reference for a baggage incident, suspended when
 * the bag is found, closed with the outcome, the reason for loss and the fault station; a found
 * bag's delivery ordered from a courier, whose status updates are recorded once per update id.
 * Each step is a step of the incident (its timeline) and publishes `baggage_file.*`.
 */
export class BaggageFiles {
  constructor(
    private readonly dataSource: DataSource,
    private readonly steps: IncidentSteps,
    private readonly outbox: Outbox,
    private readonly timeline: IncidentCustomerTimeline,
    private readonly clock: Clock,
    private readonly trips: IncidentTrips,
  ) {}

  async open(input: OpenBaggageFileInput, actor: Identity): Promise<BaggageFile> {
    const reference = baggageFileReference(input.reference);
    let file!: BaggageFile;
    await this.steps.take(input.incidentId, INCIDENT_STEPS.work, actor, async (incident, manager, now) => {
      if (incident.category !== IncidentCategory.BAGGAGE) throw BadUserInputError.field('input.incidentId', 'baggage-incident', `must be a baggage incident (${incident.number} is ${incident.type})`);
      if (await manager.existsBy(BaggageFile, { incidentId: incident.id })) throw new ConflictError(`Incident ${incident.number} has a baggage file already`);
      if (await manager.existsBy(BaggageFile, { reference })) throw BadUserInputError.field('input.reference', 'unique', `baggage file ${reference} exists already`);
      file = await manager.save(
        manager.create(BaggageFile, {
          reference,
          incidentId: incident.id,
          status: BaggageFileStatus.OPEN,
          bagTag: input.bagTag?.trim().toUpperCase() || null,
          bagDescription: input.bagDescription?.trim() || null,
          openedAt: now,
          updatedAt: now,
        }),
      );
      const eventId = await this.outbox.publish(manager, baggageFileOpened, { ...fileFacts(file, incident), incidentType: incident.type, openedAt: now.toISOString() });
      await this.timeline.baggageFile(manager, eventId, incident, reference, 'opened', now);
      return { action: IncidentAction.BAGGAGE_FILE_OPENED, changes: { reference: { to: reference } } };
    });
    return file;
  }

  suspend(input: SuspendBaggageFileInput, actor: Identity): Promise<BaggageFile> {
    return this.fileStep(input.reference, BAGGAGE_FILE_STEPS.suspend, actor, async (file, incident, manager, now) => {
      ensureNotInFuture(input.foundAt, now, 'input.foundAt');
      if (input.foundAt < file.openedAt) throw BadUserInputError.field('input.foundAt', 'after', 'must not be before the file was opened');
      Object.assign(file, { foundAt: input.foundAt, foundStation: input.foundStation?.toUpperCase() ?? null, suspendedAt: now });
      const eventId = await this.outbox.publish(manager, baggageFileSuspended, {
        ...fileFacts(file, incident),
        foundAt: input.foundAt.toISOString(),
        foundStation: file.foundStation,
        suspendedAt: now.toISOString(),
      });
      await this.timeline.baggageFile(manager, eventId, incident, file.reference, 'suspended (bag found)', now);
      return { action: IncidentAction.BAGGAGE_FILE_SUSPENDED, changes: { reference: { to: file.reference }, foundStation: { to: file.foundStation } } };
    });
  }

  reinstate(input: ReopenBaggageTraceInput, actor: Identity): Promise<BaggageFile> {
    return this.fileStep(input.reference, BAGGAGE_FILE_STEPS.reinstate, actor, async (file) => {
      Object.assign(file, { foundAt: null, foundStation: null, suspendedAt: null });
      return { action: IncidentAction.BAGGAGE_FILE_REOPENED, note: input.note, changes: { reference: { to: file.reference } } };
    });
  }

  close(input: CloseBaggageFileInput, actor: Identity): Promise<BaggageFile> {
    return this.fileStep(input.reference, BAGGAGE_FILE_STEPS.close, actor, async (file, incident, manager, now) => {
      const delivered = await manager.findOne(BaggageDelivery, { where: { baggageFileId: file.id, status: DeliveryStatus.DELIVERED }, order: { deliveredAt: 'DESC' } });
      if (input.outcome === BaggageFileOutcome.DELIVERED && !delivered) {
        throw BadUserInputError.field('input.outcome', 'delivered', 'DELIVERED needs a delivery the courier reported delivered');
      }
      if (input.outcome === BaggageFileOutcome.COLLECTED) {
        if (file.status !== BaggageFileStatus.SUSPENDED) throw BadUserInputError.field('input.outcome', 'found', 'COLLECTED needs the bag found (the file suspended)');
        if (!input.receivedAt) throw BadUserInputError.field('input.receivedAt', 'required', 'must say when the passenger collected the bag');
      }
      if (input.receivedAt) ensureNotInFuture(input.receivedAt, now, 'input.receivedAt');
      Object.assign(file, {
        outcome: input.outcome,
        lossReason: input.lossReason,
        faultStation: input.faultStation.toUpperCase(),
        closedAt: now,
        receivedAt: input.receivedAt ?? delivered?.deliveredAt ?? file.receivedAt,
      });
      const eventId = await this.outbox.publish(manager, baggageFileClosed, {
        ...fileFacts(file, incident),
        outcome: input.outcome,
        lossReason: input.lossReason,
        faultStation: input.faultStation.toUpperCase(),
        closedAt: now.toISOString(),
      });
      await this.timeline.baggageFile(manager, eventId, incident, file.reference, 'closed', now);
      return {
        action: IncidentAction.BAGGAGE_FILE_CLOSED,
        changes: { reference: { to: file.reference }, outcome: { to: input.outcome }, lossReason: { to: input.lossReason }, faultStation: { to: file.faultStation } },
      };
    });
  }

  async orderDelivery(input: OrderBaggageDeliveryInput, actor: Identity): Promise<BaggageDelivery> {
    let delivery!: BaggageDelivery;
    await this.fileStep(input.reference, BAGGAGE_FILE_STEPS.orderDelivery, actor, async (file, incident, manager, now) => {
      const pending = await manager.findOne(BaggageDelivery, { where: { baggageFileId: file.id }, order: { orderedAt: 'DESC' } });
      if (pending && !FINAL_DELIVERY.includes(pending.status) && pending.status !== DeliveryStatus.FAILED) {
        throw new ConflictError(`Baggage file ${file.reference} has a delivery under way (${pending.status})`, { deliveryId: pending.id, status: pending.status });
      }
      delivery = await manager.save(
        manager.create(BaggageDelivery, {
          baggageFileId: file.id,
          incidentId: incident.id,
          courier: input.courier.trim(),
          address: input.address.trim(),
          status: DeliveryStatus.ORDERED,
          orderedAt: now,
          orderedBy: actor.userId,
          expectedAt: input.expectedAt ?? null,
          deliveredAt: null,
          statusAt: now,
        }),
      );
      await this.outbox.publish(manager, baggageFileDeliveryUpdated, { ...fileFacts(file, incident), deliveryId: delivery.id, courier: delivery.courier, status: delivery.status, at: now.toISOString() });
      return { action: IncidentAction.DELIVERY_ORDERED, changes: { deliveryId: { to: delivery.id }, courier: { to: delivery.courier } } };
    });
    return delivery;
  }

  /**
   * A courier's status update, recorded once per update id: the same update sent again returns the
   * delivery as it is. An update older than the status shown is recorded but does not move it back;
   * DELIVERED and CANCELLED are final.
   */
  async recordCourierUpdate(input: RecordCourierUpdateInput, actor: Identity): Promise<BaggageDelivery> {
    const now = this.clock.now();
    ensureNotInFuture(input.at, now, 'input.at');
    if (!isUuid(input.deliveryId)) throw new NotFoundError('BaggageDelivery', input.deliveryId);
    return this.dataSource.transaction(async (manager) => {
      const delivery = await manager.findOne(BaggageDelivery, { where: { id: input.deliveryId }, lock: { mode: 'pessimistic_write' } });
      if (!delivery) throw new NotFoundError('BaggageDelivery', input.deliveryId);
      if (input.at < delivery.orderedAt) throw BadUserInputError.field('input.at', 'after', 'must not be before the delivery was ordered');
      const inserted: unknown[] = await manager.query(
        `INSERT INTO baggage_delivery_update (delivery_id, incident_id, update_id, status, at, note, recorded_at) VALUES ($1, $2, $3, $4, $5, $6, $7)
         ON CONFLICT (delivery_id, update_id) DO NOTHING RETURNING id`,
        [delivery.id, delivery.incidentId, input.updateId, input.status, input.at, input.note?.trim() || null, now],
      );
      if (!inserted.length) return delivery;
      const moves = !FINAL_DELIVERY.includes(delivery.status) && input.at >= delivery.statusAt;
      if (moves) {
        delivery.status = input.status;
        delivery.statusAt = input.at;
        if (input.expectedAt) delivery.expectedAt = input.expectedAt;
        if (input.status === DeliveryStatus.DELIVERED) delivery.deliveredAt = input.at;
        await manager.save(delivery);
        if (input.status === DeliveryStatus.DELIVERED) await manager.update(BaggageFile, { id: delivery.baggageFileId }, { receivedAt: input.at, updatedAt: now });
      }
      const file = await manager.findOneByOrFail(BaggageFile, { id: delivery.baggageFileId });
      const [incident] = await manager.query(`SELECT id, customer_id AS "customerId" FROM incident WHERE id = $1`, [delivery.incidentId]);
      await incidentTimeline.record(manager, delivery.incidentId, {
        action: IncidentAction.DELIVERY_UPDATED,
        at: now,
        actor,
        note: input.note,
        changes: { deliveryId: { to: delivery.id }, updateId: { to: input.updateId }, status: { to: input.status }, applied: { to: moves } },
      });
      if (moves) {
        await this.outbox.publish(manager, baggageFileDeliveryUpdated, {
          baggageFileId: file.id,
          reference: file.reference,
          incidentId: incident.id,
          customerId: incident.customerId,
          deliveryId: delivery.id,
          courier: delivery.courier,
          status: delivery.status,
          at: input.at.toISOString(),
        });
      }
      return delivery;
    });
  }

  // --- reads -----------------------------------------------------------------------------------

  findByReference(reference: string): Promise<BaggageFile | null> {
    const normalised = reference.trim().toUpperCase();
    return this.dataSource.getRepository(BaggageFile).findOneBy({ reference: normalised });
  }

  fileOfIncident(incidentId: string): Promise<BaggageFile | null> {
    return this.dataSource.getRepository(BaggageFile).findOneBy({ incidentId });
  }

  deliveriesOf(fileId: string): Promise<BaggageDelivery[]> {
    return this.dataSource.getRepository(BaggageDelivery).find({ where: { baggageFileId: fileId }, order: { orderedAt: 'ASC', id: 'ASC' } });
  }

  /** The first `first` courier updates of a delivery (all when not given). */
  updatesOf(deliveryId: string, first?: number): Promise<BaggageDeliveryUpdate[]> {
    return this.dataSource.getRepository(BaggageDeliveryUpdate).find({ where: { deliveryId }, order: { at: 'ASC', recordedAt: 'ASC', id: 'ASC' }, take: first });
  }

  /** The file a passenger may read: the reference and the trip's booking reference must both match (else NOT_FOUND, revealing nothing). */
  async forPassenger(reference: string, bookingReference: string): Promise<{ file: BaggageFile; delivery: BaggageDelivery | null }> {
    const file = /^[A-Za-z0-9]{10}$/.test(reference.trim()) ? await this.findByReference(reference) : null;
    const incident = file ? await this.dataSource.getRepository(Incident).findOneBy({ id: file.incidentId }) : null;
    const trip = incident?.tripId ? await this.trips.findById(incident.tripId) : null;
    if (!file || !trip?.bookingReference || trip.bookingReference.toUpperCase() !== bookingReference.trim().toUpperCase()) throw new NotFoundError('BaggageFile', reference);
    const deliveries = await this.deliveriesOf(file.id);
    return { file, delivery: deliveries[deliveries.length - 1] ?? null };
  }

  /** Locks the file and takes its step as a step of its incident. */
  private async fileStep(
    referenceText: string,
    step: (typeof BAGGAGE_FILE_STEPS)[keyof typeof BAGGAGE_FILE_STEPS],
    actor: Identity,
    apply: (file: BaggageFile, incident: Incident, manager: EntityManager, now: Date) => Promise<{ action: IncidentAction; note?: string | null; changes?: Record<string, unknown> }>,
  ): Promise<BaggageFile> {
    const reference = baggageFileReference(referenceText);
    return this.dataSource.transaction(async (manager) => {
      const found = await manager.findOneBy(BaggageFile, { reference });
      if (!found) throw new NotFoundError('BaggageFile', reference);
      let file = found;
      await this.steps.takeIn(manager, found.incidentId, INCIDENT_STEPS.work, actor, async (incident, m, now) => {
        file = await m.findOneOrFail(BaggageFile, { where: { id: found.id }, lock: { mode: 'pessimistic_write' } });
        ensureBaggageFileStep(step, file.status, file.reference);
        const outcome = await apply(file, incident, m, now);
        if ('to' in step && step.to) file.status = step.to;
        file.updatedAt = now;
        file = await m.save(file);
        return outcome;
      });
      return file;
    });
  }
}

function fileFacts(file: BaggageFile, incident: Incident) {
  return { baggageFileId: file.id, reference: file.reference, incidentId: incident.id, customerId: incident.customerId };
}
