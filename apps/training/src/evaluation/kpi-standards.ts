import type { Identity } from '@carebridge/auth';
import { BadUserInputError } from '@carebridge/domain';
import type { Clock } from '@carebridge/service-kit';
import type { DataSource, EntityManager } from 'typeorm';
import { KPI_SCALE, type EvaluationPeriodKind } from './evaluation.enums';
import type { SetKpiStandardInput } from './evaluation.inputs';
import { KpiStandard } from './kpi-standard.entity';

/** The KPI standards per role and period (T-5.4). */
export class KpiStandards {
  constructor(
    private readonly dataSource: DataSource,
    private readonly clock: Clock,
  ) {}

  async set(input: SetKpiStandardInput, by: Identity): Promise<KpiStandard> {
    const scale = KPI_SCALE[input.kpi];
    if (input.target < scale.min || input.target > scale.max) throw BadUserInputError.field('input.target', 'range', `must be from ${scale.min} to ${scale.max} for ${input.kpi}`);
    const values = { ...input, updatedBy: by.userId, updatedAt: this.clock.now() };
    await this.dataSource.createQueryBuilder().insert().into(KpiStandard).values(values).orUpdate(['target', 'weight', 'updated_by', 'updated_at'], ['role', 'kpi', 'period_kind']).execute();
    return this.dataSource.getRepository(KpiStandard).findOneByOrFail({ role: input.role, kpi: input.kpi, periodKind: input.periodKind });
  }

  /** Removes a standard; evaluations already prepared keep the results they showed. */
  async remove(role: string, kpi: string, periodKind: string): Promise<boolean> {
    const removed = await this.dataSource.getRepository(KpiStandard).delete({ role: role as never, kpi: kpi as never, periodKind: periodKind as never });
    return (removed.affected ?? 0) > 0;
  }

  list(role?: string | null): Promise<KpiStandard[]> {
    return this.dataSource.getRepository(KpiStandard).find({ where: role ? { role: role as never } : {}, order: { role: 'ASC', periodKind: 'ASC', kpi: 'ASC' } });
  }

  of(manager: EntityManager, role: string, periodKind: EvaluationPeriodKind): Promise<KpiStandard[]> {
    return manager.find(KpiStandard, { where: { role: role as never, periodKind }, order: { kpi: 'ASC' } });
  }
}
