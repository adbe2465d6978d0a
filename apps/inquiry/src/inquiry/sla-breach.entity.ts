import { Column, Entity, PrimaryColumn } from 'typeorm';
import { ResponseTarget } from '../response-policy/response-policy.enums';

/** A breach of one deadline, recorded once (the unique key) so that `inquiry.sla_breached` is emitted once. */
@Entity('inquiry_sla_breach')
export class SlaBreach {
  @PrimaryColumn({ name: 'inquiry_id', type: 'uuid' })
  inquiryId: string;

  @PrimaryColumn({ type: 'enum', enum: ResponseTarget, enumName: 'response_target' })
  target: ResponseTarget;

  @PrimaryColumn({ name: 'due_at', type: 'timestamptz', precision: 3 })
  dueAt: Date;

  @Column({ name: 'breached_at', type: 'timestamptz', precision: 3 })
  breachedAt: Date;
}
