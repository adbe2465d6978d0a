import type { Identity } from '@carebridge/auth';
import { type Connection, paginate, type PageArgs } from '@carebridge/service-kit';
import type { DataSource, SelectQueryBuilder } from 'typeorm';
import { ComplaintStatus } from '../status/status.enums';
import { CompensationItem } from './compensation-item.entity';
import { ApprovalState } from './compensation.enums';

/** The statuses in which compensation can be decided (STEPS.decideCompensation). */
const DECIDABLE = [ComplaintStatus.IN_PROGRESS, ComplaintStatus.FEEDBACK_GIVEN];

export interface ApprovalCounts {
  /** Items this supervisor may decide now (not proposed by them). */
  awaitingMe: number;
  /** Every item awaiting a decision. */
  awaitingAnyone: number;
  /** Of those, proposed by this person (someone else decides them). */
  proposedByMe: number;
  oldestProposedAt: Date | null;
}

/**
 * The supervisors' approval queue (T-1.5): compensation items awaiting a decision, oldest first,
 * leaving out what the supervisor proposed (nobody approves their own) and what cannot be decided
 * now (a withdrawn item, a complaint no longer in work).
 */
export class CompensationApprovalQueue {
  constructor(private readonly dataSource: DataSource) {}

  awaiting(supervisor: Identity, page: PageArgs): Promise<Connection<CompensationItem>> {
    const query = this.pending().andWhere('item.proposedBy <> :me', { me: supervisor.userId });
    return paginate(query, page, { sortKey: 'proposedAt', direction: 'ASC' });
  }

  async counts(supervisor: Identity): Promise<ApprovalCounts> {
    const [row] = await this.pending()
      .select('COUNT(*) FILTER (WHERE item.proposed_by <> :me)', 'awaitingMe')
      .addSelect('COUNT(*)', 'awaitingAnyone')
      .addSelect('COUNT(*) FILTER (WHERE item.proposed_by = :me)', 'proposedByMe')
      .addSelect('MIN(item.proposed_at)', 'oldest')
      .setParameter('me', supervisor.userId)
      .getRawMany();
    return { awaitingMe: Number(row.awaitingMe), awaitingAnyone: Number(row.awaitingAnyone), proposedByMe: Number(row.proposedByMe), oldestProposedAt: row.oldest ? new Date(row.oldest) : null };
  }

  private pending(): SelectQueryBuilder<CompensationItem> {
    return this.dataSource
      .getRepository(CompensationItem)
      .createQueryBuilder('item')
      .innerJoin('complaint', 'complaint', 'complaint.id = item.complaint_id AND complaint.status IN (:...decidable)', { decidable: DECIDABLE })
      .where('item.approval = :pending', { pending: ApprovalState.PENDING })
      .andWhere('item.withdrawnAt IS NULL');
  }
}
