import { Column, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';
import type { EvaluationPeriodKind } from './evaluation.enums';

/** What analytics measured for an agent over a closed period (analytics.agent_period_closed): kept as sent, never recomputed here. */
export interface PeriodFigures {
  firstResponseWithinTargetRate: number | null;
  resolutionRate: number | null;
  csat: number | null;
  firstContactResolutionRate: number | null;
  averageHandlingSeconds: number | null;
  counts: { handled: number; resolved: number; surveyed: number };
}

@Entity('agent_period_figures')
@Index('agent_period_figures_key', ['agentUserId', 'periodKind', 'periodStart'], { unique: true })
export class AgentPeriodFigures {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column({ name: 'agent_user_id', type: 'text' })
  agentUserId: string;

  @Column({ name: 'period_kind', type: 'text' })
  periodKind: EvaluationPeriodKind;

  @Column({ name: 'period_start', type: 'timestamptz', precision: 3 })
  periodStart: Date;

  @Column({ name: 'period_end', type: 'timestamptz', precision: 3 })
  periodEnd: Date;

  @Column({ type: 'jsonb' })
  figures: PeriodFigures;

  /** When analytics closed the period: a later close (late data) replaces the figures, an older one is ignored. */
  @Column({ name: 'closed_at', type: 'timestamptz', precision: 3 })
  closedAt: Date;

  @Column({ name: 'received_at', type: 'timestamptz', precision: 3 })
  receivedAt: Date;
}
