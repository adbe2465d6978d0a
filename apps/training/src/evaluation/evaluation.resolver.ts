import { hasAnyRole } from '@carebridge/auth';
import { type PersonalDataAccess, PersonalDataAccessArgs, PersonalDataAccessConnection, type PersonalDataAccessLog } from '@carebridge/personal-data-access';
import { caller, type Connection, type RequestContext } from '@carebridge/service-kit';
import { Arg, Args, Authorized, Ctx, Field, FieldResolver, Float, ID, Int, Mutation, ObjectType, Query, Resolver, Root } from 'type-graphql';
import type { EvaluationDrafting } from './evaluation-drafting';
import type { EvaluationQueries } from './evaluation-queries';
import type { EvaluationSignOff } from './evaluation-sign-off';
import { Evaluation, EvaluationResult } from './evaluation.entity';
import { EvaluationPeriodKind, Kpi } from './evaluation.enums';
import { EvaluationFilter, EvaluationPeriodInput, SetKpiStandardInput } from './evaluation.inputs';
import { KpiStandard } from './kpi-standard.entity';
import type { KpiStandards } from './kpi-standards';

const MASK = '***';

@ObjectType('EvaluationKpiSummary')
class EvaluationKpiSummary {
  @Field(() => Kpi)
  kpi: string;

  @Field(() => Float, { nullable: true })
  averageScore: number | null;

  @Field(() => Float, { nullable: true, description: 'Share of evaluations that met the standard, 0–1.' })
  metShare: number | null;
}

@ObjectType('EvaluationSummary', { description: 'A period’s evaluations in figures (per team or overall); figures are withheld for fewer than 3 evaluations.' })
class EvaluationSummaryType {
  @Field(() => EvaluationPeriodKind)
  periodKind: EvaluationPeriodKind;

  @Field()
  periodStart: Date;

  @Field(() => String, { nullable: true })
  team: string | null;

  @Field(() => Int)
  evaluations: number;

  @Field(() => Int)
  signedOff: number;

  @Field(() => Float, { nullable: true })
  averageScore: number | null;

  @Field(() => Int, { nullable: true, description: 'How many were flagged for recognition.' })
  excellent: number | null;

  @Field(() => [EvaluationKpiSummary])
  kpis: EvaluationKpiSummary[];
}

/**
 * Agents' evaluations are personal data: an agent reads their own; supervisors (and admins) read
 * anyone's, trainers everything but the comments (masked); each unmasked read of someone else's
 * evaluation goes on the access log, under the agent's roster id, before the value is returned.
 */
@Resolver(() => Evaluation)
export class EvaluationResolver {
  constructor(
    private readonly standards: KpiStandards,
    private readonly drafting: EvaluationDrafting,
    private readonly signOff: EvaluationSignOff,
    private readonly queries: EvaluationQueries,
    private readonly accessLog: PersonalDataAccessLog,
  ) {}

  @Authorized()
  @Query(() => [KpiStandard], { description: 'The KPI standards, per role and period.' })
  kpiStandards(@Arg('role', () => String, { nullable: true }) role?: string | null): Promise<KpiStandard[]> {
    return this.standards.list(role);
  }

  @Authorized('trainer', 'supervisor')
  @Mutation(() => KpiStandard, { description: 'Sets a role’s KPI standard (target, weight, period); it replaces the one for the same role, KPI and period.' })
  setKpiStandard(@Arg('input') input: SetKpiStandardInput, @Ctx() context: RequestContext): Promise<KpiStandard> {
    return this.standards.set(input, caller(context));
  }

  @Authorized('trainer', 'supervisor')
  @Mutation(() => Boolean, { description: 'Removes a KPI standard; prepared evaluations keep their results.' })
  removeKpiStandard(@Arg('role') role: string, @Arg('kpi', () => Kpi) kpi: Kpi, @Arg('periodKind', () => EvaluationPeriodKind, { defaultValue: EvaluationPeriodKind.MONTH }) periodKind: EvaluationPeriodKind): Promise<boolean> {
    return this.standards.remove(role, kpi, periodKind);
  }

  @Authorized()
  @Query(() => [Evaluation], { description: 'The caller’s own evaluations, newest period first.' })
  myEvaluations(@Ctx() context: RequestContext): Promise<Evaluation[]> {
    return this.queries.mine(caller(context));
  }

  @Authorized()
  @Query(() => Evaluation, { description: 'One evaluation: the agent’s own, or anyone’s for supervisors and trainers.' })
  agentEvaluation(@Arg('id', () => ID) id: string, @Ctx() context: RequestContext): Promise<Evaluation> {
    return this.queries.get(id, caller(context));
  }

  @Authorized('supervisor', 'trainer')
  @Query(() => [Evaluation], { description: 'Evaluations by period and agent (at most 200).' })
  agentEvaluations(@Arg('filter', () => EvaluationFilter, { defaultValue: {} }) filter: EvaluationFilter): Promise<Evaluation[]> {
    return this.queries.list(filter);
  }

  @Authorized('analyst', 'supervisor', 'trainer')
  @Query(() => EvaluationSummaryType, { description: 'A period’s evaluations in figures, per team or overall, never per person.' })
  evaluationSummary(
    @Arg('periodStart') periodStart: Date,
    @Arg('periodKind', () => EvaluationPeriodKind, { defaultValue: EvaluationPeriodKind.MONTH }) periodKind: EvaluationPeriodKind,
    @Arg('team', () => String, { nullable: true }) team?: string | null,
  ): Promise<EvaluationSummaryType> {
    return this.queries.summary(periodKind, periodStart, team);
  }

  @Authorized('supervisor')
  @Mutation(() => Evaluation, { description: 'Prepares (or refreshes) an agent’s draft evaluation for a period from analytics’ figures and the QA results.' })
  prepareEvaluation(@Arg('input') input: EvaluationPeriodInput): Promise<Evaluation> {
    return this.drafting.prepareNow(input.agentUserId, input.periodKind, input.periodStart);
  }

  @Authorized('supervisor')
  @Mutation(() => Evaluation, { description: 'Signs an evaluation off: prepared one last time, then final; announced as evaluation.signed_off.' })
  signOffEvaluation(@Arg('id', () => ID) id: string, @Ctx() context: RequestContext, @Arg('comment', () => String, { nullable: true }) comment?: string | null): Promise<Evaluation> {
    return this.signOff.signOff(id, comment, caller(context));
  }

  @Authorized()
  @Mutation(() => Evaluation, { description: 'The agent acknowledges their signed-off evaluation, with a comment.' })
  acknowledgeEvaluation(@Arg('id', () => ID) id: string, @Ctx() context: RequestContext, @Arg('comment', () => String, { nullable: true }) comment?: string | null): Promise<Evaluation> {
    return this.signOff.acknowledge(id, comment, caller(context));
  }

  @Authorized('admin')
  @Query(() => PersonalDataAccessConnection, { description: 'Who read which staff member’s evaluation unmasked, or exported their data, newest first (customerId holds the staff member’s roster id).' })
  trainingPersonalDataAccessLog(@Args() args: PersonalDataAccessArgs): Promise<Connection<PersonalDataAccess>> {
    return this.accessLog.list(args.filter ?? {}, args);
  }

  @FieldResolver(() => [EvaluationResult], { description: 'The score against each KPI standard of the role.' })
  async results(@Root() evaluation: Evaluation, @Ctx() context: RequestContext): Promise<EvaluationResult[]> {
    await this.disclose(evaluation, context, 'evaluation.results');
    return evaluation.results;
  }

  @FieldResolver(() => Float, { nullable: true, description: 'The weighted score over the measured standards (100 = on target).' })
  async overallScore(@Root() evaluation: Evaluation, @Ctx() context: RequestContext): Promise<number | null> {
    await this.disclose(evaluation, context, 'evaluation.overallScore');
    return evaluation.overallScore;
  }

  @FieldResolver(() => String, { nullable: true, description: 'The supervisor’s comment at sign-off (masked for trainers).' })
  async supervisorComment(@Root() evaluation: Evaluation, @Ctx() context: RequestContext): Promise<string | null> {
    return this.comment(evaluation, context, 'evaluation.supervisorComment', evaluation.supervisorComment);
  }

  @FieldResolver(() => String, { nullable: true, description: 'The agent’s comment at acknowledgement (masked for trainers).' })
  async agentComment(@Root() evaluation: Evaluation, @Ctx() context: RequestContext): Promise<string | null> {
    return this.comment(evaluation, context, 'evaluation.agentComment', evaluation.agentComment);
  }

  private async comment(evaluation: Evaluation, context: RequestContext, field: string, value: string | null): Promise<string | null> {
    if (value === null) return null;
    const own = context.identity?.userId === evaluation.agentUserId;
    if (!own && !hasAnyRole(context.identity, ['supervisor'])) return MASK;
    await this.disclose(evaluation, context, field);
    return value;
  }

  /** Someone else's evaluation shown unmasked: on the log first. */
  private async disclose(evaluation: Evaluation, context: RequestContext, field: string): Promise<void> {
    if (context.identity?.userId === evaluation.agentUserId) return;
    await this.accessLog.disclosed(context, evaluation.staffMemberId, field);
  }
}
