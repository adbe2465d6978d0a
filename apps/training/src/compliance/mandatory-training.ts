import type { EntityManager } from 'typeorm';
import { Field, ID, Int, ObjectType } from 'type-graphql';
import { ComplianceStatus, OverdueReason } from './compliance.enums';

@ObjectType('MandatoryTraining', { description: 'A person and a course mandatory for their role: where they stand.' })
export class MandatoryTraining {
  @Field()
  staffUserId: string;

  @Field()
  displayName: string;

  @Field(() => String)
  role: string;

  @Field(() => String, { nullable: true })
  team: string | null;

  @Field(() => ID)
  courseId: string;

  @Field()
  courseTitle: string;

  @Field(() => ComplianceStatus)
  status: ComplianceStatus;

  @Field(() => OverdueReason, { nullable: true })
  overdueReason: OverdueReason | null;

  @Field(() => Date, { nullable: true, description: 'When it is (or was) due: the first completion’s due date, or the certificate’s expiry.' })
  dueAt: Date | null;

  @Field(() => ID, { nullable: true })
  certificateId: string | null;
}

@ObjectType('TeamCompliance', { description: 'A team’s mandatory training: how many people, who is overdue on what.' })
export class TeamCompliance {
  @Field(() => String, { nullable: true, description: 'The team; none for staff without one.' })
  team: string | null;

  @Field(() => Int)
  staffCount: number;

  @Field(() => Int, { description: 'People overdue on at least one mandatory course.' })
  overdueStaffCount: number;

  @Field(() => [MandatoryTraining])
  overdue: MandatoryTraining[];
}

export interface MandatoryTrainingFilter {
  team?: string | null;
  staffUserId?: string;
  onlyOverdue?: boolean;
}

/**
 * Who must take what, and where they stand, from the roster, the courses' mandatory roles and the
 * current certificates: one query, the status computed at `now` so it never waits for a job.
 * A course never completed is due `completion_due_days` after the later of the person joining the
 * roster and the course becoming mandatory for their role.
 */
export async function mandatoryTraining(manager: EntityManager, now: Date, filter: MandatoryTrainingFilter = {}): Promise<MandatoryTraining[]> {
  const rows: any[] = await manager.query(
    `WITH standing AS (
       SELECT s.user_id, s.display_name, s.role, s.team, c.id AS course_id, c.title,
              cert.id AS certificate_id, cert.expires_at, cert.recertification_due_at,
              GREATEST(s.registered_at, (c.mandatory_since ->> s.role)::timestamptz) + make_interval(days => c.completion_due_days) AS first_due_at
       FROM staff_member s
       JOIN course c ON s.role = ANY (c.mandatory_for_roles)
       LEFT JOIN training_certificate cert ON cert.course_id = c.id AND cert.staff_user_id = s.user_id AND cert.status <> 'RENEWED'
       WHERE s.active AND s.erased_at IS NULL
         AND ($2::text IS NULL OR s.team = $2)
         AND ($3::text IS NULL OR s.user_id = $3)
     )
     SELECT *,
       CASE
         WHEN certificate_id IS NULL THEN CASE WHEN first_due_at <= $1 THEN 'OVERDUE' ELSE 'PENDING' END
         WHEN expires_at IS NOT NULL AND expires_at <= $1 THEN 'OVERDUE'
         WHEN recertification_due_at IS NOT NULL AND recertification_due_at <= $1 THEN 'RECERTIFICATION_DUE'
         ELSE 'COMPLIANT'
       END AS status
     FROM standing
     ORDER BY team NULLS LAST, display_name, user_id, title, course_id`,
    [now, filter.team ?? null, filter.staffUserId ?? null],
  );
  return rows
    .map((row) => ({
      staffUserId: row.user_id,
      displayName: row.display_name,
      role: row.role,
      team: row.team,
      courseId: row.course_id,
      courseTitle: row.title,
      status: row.status as ComplianceStatus,
      overdueReason: row.status === ComplianceStatus.OVERDUE ? (row.certificate_id ? OverdueReason.CERTIFICATE_EXPIRED : OverdueReason.NEVER_COMPLETED) : null,
      dueAt: row.certificate_id ? row.expires_at : row.first_due_at,
      certificateId: row.certificate_id,
    }))
    .filter((row) => !filter.onlyOverdue || row.status === ComplianceStatus.OVERDUE);
}

/** Per team: how many active staff, and who is overdue on what. */
export async function complianceByTeam(manager: EntityManager, now: Date, team?: string | null): Promise<TeamCompliance[]> {
  const overdue = await mandatoryTraining(manager, now, { team, onlyOverdue: true });
  const teams: { team: string | null; staff: string }[] = await manager.query(
    `SELECT team, count(*)::int AS staff FROM staff_member WHERE active AND erased_at IS NULL AND ($1::text IS NULL OR team = $1) GROUP BY team ORDER BY team NULLS LAST`,
    [team ?? null],
  );
  return teams.map((row) => {
    const ofTeam = overdue.filter((item) => item.team === row.team);
    return { team: row.team, staffCount: Number(row.staff), overdueStaffCount: new Set(ofTeam.map((item) => item.staffUserId)).size, overdue: ofTeam };
  });
}
