import { caller, type RequestContext } from '@carebridge/service-kit';
import { Arg, Authorized, Ctx, Query, Resolver } from 'type-graphql';
import { MandatoryTraining, TeamCompliance } from './mandatory-training';
import type { TrainingCompliance } from './training-compliance';

@Resolver()
export class ComplianceResolver {
  constructor(private readonly compliance: TrainingCompliance) {}

  @Authorized('trainer', 'supervisor')
  @Query(() => [TeamCompliance], { description: 'Per team: who is overdue on mandatory training, and on what.' })
  trainingCompliance(@Arg('team', () => String, { nullable: true }) team?: string | null): Promise<TeamCompliance[]> {
    return this.compliance.byTeam(team);
  }

  @Authorized('trainer', 'supervisor')
  @Query(() => [MandatoryTraining], { description: 'Each person and mandatory course, with where they stand.' })
  mandatoryTraining(@Arg('team', () => String, { nullable: true }) team?: string | null, @Arg('onlyOverdue', { defaultValue: false }) onlyOverdue?: boolean): Promise<MandatoryTraining[]> {
    return this.compliance.standing({ team, onlyOverdue });
  }

  @Authorized()
  @Query(() => [MandatoryTraining], { description: 'The caller’s mandatory courses and where they stand.' })
  myMandatoryTraining(@Ctx() context: RequestContext): Promise<MandatoryTraining[]> {
    return this.compliance.standing({ staffUserId: caller(context).userId });
  }
}
