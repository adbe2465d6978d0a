import type { Clock } from '@carebridge/service-kit';
import type { DataSource } from 'typeorm';
import { complianceByTeam, type MandatoryTraining, mandatoryTraining, type MandatoryTrainingFilter, type TeamCompliance } from './mandatory-training';

/** Who must take what and where they stand, as of now (T-5.1): per person, and per team with who is overdue. */
export class TrainingCompliance {
  constructor(
    private readonly dataSource: DataSource,
    private readonly clock: Clock,
  ) {}

  standing(filter: MandatoryTrainingFilter): Promise<MandatoryTraining[]> {
    return mandatoryTraining(this.dataSource.manager, this.clock.now(), filter);
  }

  byTeam(team?: string | null): Promise<TeamCompliance[]> {
    return complianceByTeam(this.dataSource.manager, this.clock.now(), team);
  }
}
