import type { Identity } from '@carebridge/auth';
import { ensureNotInFuture } from '@carebridge/domain';
import type { Clock } from '@carebridge/service-kit';
import type { Changes } from '../history/complaint-history.enums';
import { ComplaintAction } from '../history/complaint-history.enums';
import { STEPS } from './complaint-lifecycle';
import type { ComplaintSteps } from './complaint-steps';
import type { Complaint } from './complaint.entity';
import type { InvolvedPartyInput, UpdateComplaintInput } from './complaint.inputs';

/**
 * Fields an erasure blanks: the timeline names them when they change but keeps no value, since the
 * timeline is append-only and an erasure never rewrites it. The values are on the complaint.
 */
const PERSONAL = new Set(['location', 'peopleInvolved', 'bookingReference']);

/** Flight numbers are kept as the inquiry service sends them: upper case, no spaces (LH721). */
export function flightNumber(value: string | null | undefined): string | null {
  return value?.replace(/\s+/g, '').toUpperCase() || null;
}

export function bookingReference(value: string | null | undefined): string | null {
  return value?.trim().toUpperCase() || null;
}

export function involvedParties(parties: readonly InvolvedPartyInput[] | null | undefined): Complaint['peopleInvolved'] {
  return (parties ?? []).map((p) => ({ kind: p.kind, name: p.name.trim(), detail: p.detail?.trim() || null }));
}

/**
 * Completing the file after registration: the time, place, people involved, flight and
 * booking reference the customer tells later — an escalated complaint often arrives without them.
 * In every status but CLOSED (a closed file is archived: reopen it first); each change is one line
 * of the timeline naming the fields changed.
 */
export class ComplaintDetails {
  constructor(
    private readonly steps: ComplaintSteps,
    private readonly clock: Clock,
  ) {}

  update(input: UpdateComplaintInput, actor: Identity): Promise<Complaint> {
    if (input.occurredAt) ensureNotInFuture(input.occurredAt, this.clock.now(), 'input.occurredAt');
    return this.steps.take(input, STEPS.updateDetails, actor, async (complaint) => {
      const after: Partial<Pick<Complaint, 'occurredAt' | 'location' | 'peopleInvolved' | 'flightNumber' | 'bookingReference'>> = {};
      if (input.occurredAt !== undefined) after.occurredAt = input.occurredAt ?? null;
      if (input.location !== undefined) after.location = input.location?.trim() || null;
      if (input.peopleInvolved !== undefined) after.peopleInvolved = involvedParties(input.peopleInvolved);
      if (input.flightNumber !== undefined) after.flightNumber = flightNumber(input.flightNumber);
      if (input.bookingReference !== undefined) after.bookingReference = bookingReference(input.bookingReference);
      const changes: Changes = {};
      for (const [field, value] of Object.entries(after) as [keyof typeof after, unknown][]) {
        const before = complaint[field];
        if (JSON.stringify(comparable(before)) === JSON.stringify(comparable(value))) continue;
        changes[field] = PERSONAL.has(field) ? {} : { from: comparable(before), to: comparable(value) };
      }
      if (!Object.keys(changes).length) return null;
      Object.assign(complaint, after);
      return { action: ComplaintAction.DETAILS_UPDATED, changes };
    });
  }
}

function comparable(value: unknown): unknown {
  return value instanceof Date ? value.toISOString() : (value ?? null);
}
