import { ConflictError } from '@carebridge/domain';
import { BaggageFileStatus } from '../incident.enums';

const { OPEN, SUSPENDED, CLOSED } = BaggageFileStatus;

export interface BaggageFileStep {
  name: string;
  from: readonly BaggageFileStatus[];
  to?: BaggageFileStatus;
}

/**
 * A baggage file's status table: OPEN while the bag is traced, SUSPENDED once it is found (until
 * it is delivered or collected), CLOSED with the reason for loss and the fault station. A bag
 * that turns out not to be the passenger's puts the file back to OPEN.
 */
export const BAGGAGE_FILE_STEPS = {
  suspend: { name: 'suspend (bag found)', from: [OPEN], to: SUSPENDED },
  reinstate: { name: 'reopen the trace of', from: [SUSPENDED], to: OPEN },
  orderDelivery: { name: 'order the delivery of', from: [SUSPENDED] },
  close: { name: 'close', from: [OPEN, SUSPENDED], to: CLOSED },
} satisfies Record<string, BaggageFileStep>;

export const BAGGAGE_FILE_NEXT_STATUSES: Readonly<Record<BaggageFileStatus, BaggageFileStatus[]>> = Object.fromEntries(
  Object.values(BaggageFileStatus).map((status) => [
    status,
    [...new Set(Object.values(BAGGAGE_FILE_STEPS).flatMap((step: BaggageFileStep) => (step.to && step.from.includes(status) ? [step.to] : [])))],
  ]),
) as Record<BaggageFileStatus, BaggageFileStatus[]>;

export function ensureBaggageFileStep(step: BaggageFileStep, status: BaggageFileStatus, reference: string): void {
  if (!step.from.includes(status)) {
    throw new ConflictError(`Cannot ${step.name} baggage file ${reference}: it is ${status}`, { currentStatus: status, allowedNext: BAGGAGE_FILE_NEXT_STATUSES[status] });
  }
}
