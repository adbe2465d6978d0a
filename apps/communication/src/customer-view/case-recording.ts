import type { CustomerStanding } from '@carebridge/known-customers';
import type { EntityManager } from 'typeorm';
import { CaseView, CaseViewStep } from './case-view.entity';
import { type CustomerCaseDeadlineKind, type CustomerCaseKind, CustomerCaseStatus, type CustomerCaseStepKind } from './case-view.enums';

/** Whom crm knows: the customer a case belongs to after merges, or that they were erased. */
export interface CustomerStandings {
  standing(manager: EntityManager, customerId: string): Promise<CustomerStanding>;
}

/** What one event tells about one case of a customer. */
export interface CaseFact {
  caseId: string;
  kind: CustomerCaseKind;
  customerId: string;
  /** When it happened, as the source service says. */
  at: Date;
  /** The status it leads to. */
  status?: CustomerCaseStatus;
  /** Only news to the customer from these statuses (a complaint's first assignment); otherwise nothing changes. */
  onlyFrom?: readonly CustomerCaseStatus[];
  /** The next deadline: set, cleared (null), or left as it is (undefined). */
  deadline?: { kind: CustomerCaseDeadlineKind; at: Date } | null;
  reference?: string | null;
  category?: string;
  relatedCaseId?: string | null;
  /** The public step, under the id of the event that told it. */
  step?: { id: string; kind: CustomerCaseStepKind; detail?: string | null; staffId?: string | null };
}

/**
 * Keeps the customer's view of their cases, one event at a time, in the transaction of the
 * consumer that records the event as processed. A case is made by whichever of its events comes
 * first; a merged customer's cases go to the surviving profile, and nothing is kept for an erased one.
 */
export class CaseRecording {
  constructor(private readonly customers: CustomerStandings) {}

  async record(manager: EntityManager, fact: CaseFact): Promise<void> {
    const standing = await this.customers.standing(manager, fact.customerId);
    if (standing.state === 'ERASED') return;
    // Not yet known (crm's customer.created is on another topic): kept, and re-pointed or erased with the customer.
    const customerId = standing.state === 'KNOWN' ? standing.id : fact.customerId;

    const cases = manager.getRepository(CaseView);
    const existing = await cases.findOne({ where: { id: fact.caseId }, lock: { mode: 'pessimistic_write' } });
    const current = existing ?? cases.create({ id: fact.caseId, kind: fact.kind, customerId, reference: null, category: null, status: CustomerCaseStatus.RECEIVED, deadlineKind: null, deadlineAt: null, relatedCaseId: null, openedAt: fact.at, updatedAt: fact.at });
    if (fact.onlyFrom && !fact.onlyFrom.includes(current.status)) return;
    if (fact.status) current.status = fact.status;
    if (fact.deadline !== undefined) {
      current.deadlineKind = fact.deadline?.kind ?? null;
      current.deadlineAt = fact.deadline?.at ?? null;
    }
    if (fact.reference !== undefined && fact.reference !== null) current.reference = fact.reference;
    if (fact.category !== undefined) current.category = fact.category;
    if (fact.relatedCaseId) current.relatedCaseId = fact.relatedCaseId;
    if (fact.at < current.openedAt) current.openedAt = fact.at;
    if (fact.at > current.updatedAt) current.updatedAt = fact.at;
    await cases.save(current);

    if (fact.step) {
      await manager
        .createQueryBuilder()
        .insert()
        .into(CaseViewStep)
        .values({ id: fact.step.id, caseId: fact.caseId, kind: fact.step.kind, at: fact.at, detail: fact.step.detail ?? null, staffId: fact.step.staffId ?? null })
        .orIgnore()
        .execute();
    }
  }
}
