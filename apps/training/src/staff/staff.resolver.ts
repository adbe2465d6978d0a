import { caller, type RequestContext } from '@carebridge/service-kit';
import { GraphQLJSONObject } from 'graphql-scalars';
import { IsOptional, Length } from 'class-validator';
import { Arg, ArgsType, Args, Authorized, Ctx, Field, Int, Mutation, ObjectType, Query, Resolver } from 'type-graphql';
import type { StaffDataRights } from './staff-data-rights';
import { StaffMember } from './staff-member.entity';
import type { StaffRoster } from './staff-roster';
import { RegisterStaffMemberInput } from './staff.inputs';

@ArgsType()
class StaffMembersArgs {
  @Field(() => String, { nullable: true })
  @IsOptional()
  @Length(1, 100)
  team?: string | null;

  @Field(() => String, { nullable: true })
  @IsOptional()
  @Length(1, 100)
  role?: string | null;

  @Field({ defaultValue: false })
  includeInactive: boolean;
}

@ObjectType('StaffDataExport', { description: 'What training keeps about a member of staff, as one JSON document (their right of access).' })
class StaffDataExport {
  @Field()
  userId: string;

  @Field()
  exportedAt: Date;

  @Field(() => GraphQLJSONObject, { description: 'Section name → its records: staffMember, enrolments, quizAttempts, certificates, overdueTraining, qaReviews, evaluations, periodFigures, procedureFeedback.' })
  sections: Record<string, unknown[]>;
}

@ObjectType('StaffErasureSection')
class StaffErasureSection {
  @Field()
  section: string;

  @Field(() => Int)
  records: number;
}

@ObjectType('StaffErasure', { description: 'What an erasure of a member of staff touched in training.' })
class StaffErasure {
  @Field()
  userId: string;

  @Field()
  erasedAt: Date;

  @Field(() => [StaffErasureSection])
  sections: StaffErasureSection[];
}

@Resolver(() => StaffMember)
export class StaffResolver {
  constructor(
    private readonly roster: StaffRoster,
    private readonly rights: StaffDataRights,
  ) {}

  @Authorized('trainer', 'supervisor')
  @Mutation(() => StaffMember, { description: 'Registers a member of staff on training’s roster, or updates their role, team, supervisor or whether they are active.' })
  registerStaffMember(@Arg('input') input: RegisterStaffMemberInput, @Ctx() context: RequestContext): Promise<StaffMember> {
    return this.roster.register(input, caller(context));
  }

  @Authorized('trainer', 'supervisor')
  @Query(() => [StaffMember], { description: 'The roster, by team then name (at most 1000).' })
  staffMembers(@Args() args: StaffMembersArgs): Promise<StaffMember[]> {
    return this.roster.list(args);
  }

  @Authorized('admin')
  @Query(() => StaffDataExport, { description: 'Everything training keeps about a member of staff (their data export); recorded on the personal-data access log.' })
  staffDataExport(@Arg('userId') userId: string, @Ctx() context: RequestContext): Promise<StaffDataExport> {
    return this.rights.export(userId, context);
  }

  @Authorized('admin')
  @Mutation(() => StaffErasure, { description: 'Erases what training keeps about a member of staff: evaluations, figures, QA reviews of their work, training records; feedback and reviews they gave lose their name.' })
  eraseStaffMember(@Arg('userId') userId: string, @Ctx() context: RequestContext): Promise<StaffErasure> {
    return this.rights.erase(userId, caller(context));
  }
}
