import { BadUserInputError, isUuid, NotFoundError } from '@carebridge/domain';
import type { Clock } from '@carebridge/service-kit';
import { type DataSource, In } from 'typeorm';
import { CaseView, CaseViewStep } from './case-view.entity';
import { CustomerCaseStatus } from './case-view.enums';

/** A case with its public steps, oldest first. */
export type CaseWithSteps = CaseView & { steps: CaseViewStep[] };

/** Reading the customer's own view: only ever one customer's cases, or the one case a link names. */
export class CustomerCaseQueries {
  constructor(
    private readonly dataSource: DataSource,
    private readonly clock: Clock,
  ) {}

  /** The customer's cases, the most recently changed first. */
  async casesOf(customerId: string, first: number): Promise<CaseWithSteps[]> {
    const cases = await this.dataSource.getRepository(CaseView).find({ where: { customerId }, order: { updatedAt: 'DESC', id: 'ASC' }, take: first });
    return this.withSteps(cases);
  }

  /** One case of this customer; another customer's case is as unknown as one that does not exist. */
  async caseOf(customerId: string, caseId: string, field = 'id'): Promise<CaseWithSteps> {
    if (!isUuid(caseId)) throw BadUserInputError.field(field, 'uuid', 'must be a case id (UUID)');
    const found = await this.dataSource.getRepository(CaseView).findOneBy({ id: caseId, customerId });
    if (!found) throw new NotFoundError('CustomerCase', caseId);
    return (await this.withSteps([found]))[0];
  }

  /** One case by id, for a status link that names it. */
  async caseById(caseId: string): Promise<CaseWithSteps> {
    const found = await this.dataSource.getRepository(CaseView).findOneBy({ id: caseId });
    if (!found) throw new NotFoundError('CustomerCase', caseId);
    return (await this.withSteps([found]))[0];
  }

  private async withSteps(cases: CaseView[]): Promise<CaseWithSteps[]> {
    if (!cases.length) return [];
    const steps = await this.dataSource.getRepository(CaseViewStep).find({ where: { caseId: In(cases.map((c) => c.id)) }, order: { at: 'ASC', id: 'ASC' } });
    const now = this.clock.now();
    return cases.map((c) => ({ ...presented(c, now), steps: steps.filter((s) => s.caseId === c.id) }) as CaseWithSteps);
  }
}

/** A survey whose link ran out unanswered waits for nothing any more (after-sales publishes no event for it). */
function presented(customerCase: CaseView, now: Date): CaseView {
  if (customerCase.status === CustomerCaseStatus.WAITING_FOR_YOU && customerCase.deadlineKind === 'SURVEY_ANSWER' && customerCase.deadlineAt && customerCase.deadlineAt <= now) {
    return { ...customerCase, status: CustomerCaseStatus.CLOSED, deadlineKind: null, deadlineAt: null };
  }
  return customerCase;
}
