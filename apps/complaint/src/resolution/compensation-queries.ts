import type { DataSource } from 'typeorm';
import { CompensationItem } from './compensation-item.entity';

/** The compensation recorded on a complaint. */
export class CompensationQueries {
  constructor(private readonly dataSource: DataSource) {}

  /** Proposed, approved, withdrawn and granted, oldest first. */
  compensationOf(complaintId: string): Promise<CompensationItem[]> {
    return this.dataSource.getRepository(CompensationItem).find({ where: { complaintId }, order: { proposedAt: 'ASC', position: 'ASC' } });
  }
}
