import type { MigrationInterface, QueryRunner } from 'typeorm';

/** Staff roster, courses and sessions, certificates and overdue training, QA reviews, KPI standards and evaluations, procedure feedback. */
export class TrainingAndQuality1765250000000 implements MigrationInterface {
  name = 'TrainingAndQuality1765250000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      CREATE TABLE staff_member (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        user_id text NOT NULL UNIQUE,
        display_name text NOT NULL,
        role text NOT NULL,
        team text,
        supervisor_user_id text,
        active boolean NOT NULL,
        registered_at timestamp(3) with time zone NOT NULL,
        updated_at timestamp(3) with time zone NOT NULL,
        erased_at timestamp(3) with time zone
      )`);
    await queryRunner.query(`CREATE INDEX staff_member_team_idx ON staff_member (team, role) WHERE active AND erased_at IS NULL`);

    await queryRunner.query(`
      CREATE TABLE course (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        title text NOT NULL,
        description text,
        modules jsonb NOT NULL,
        mandatory_for_roles text[] NOT NULL,
        mandatory_since jsonb NOT NULL,
        completion_due_days integer NOT NULL CHECK (completion_due_days > 0),
        completion_rule text NOT NULL CHECK (completion_rule IN ('ATTENDANCE', 'QUIZ', 'ATTENDANCE_AND_QUIZ')),
        quiz_pass_mark integer CHECK (quiz_pass_mark BETWEEN 0 AND 100),
        quiz jsonb NOT NULL,
        max_quiz_attempts integer CHECK (max_quiz_attempts > 0),
        certificate_validity_days integer CHECK (certificate_validity_days > 0),
        recertification_notice_days integer NOT NULL CHECK (recertification_notice_days >= 0),
        created_by text NOT NULL,
        created_at timestamp(3) with time zone NOT NULL,
        updated_at timestamp(3) with time zone NOT NULL,
        version integer NOT NULL
      )`);
    await queryRunner.query(`CREATE INDEX course_mandatory_idx ON course USING gin (mandatory_for_roles)`);

    await queryRunner.query(`
      CREATE TABLE quiz_attempt (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        course_id uuid NOT NULL REFERENCES course (id) ON DELETE CASCADE,
        staff_user_id text NOT NULL,
        answers integer[] NOT NULL,
        score numeric(5, 2) NOT NULL CHECK (score BETWEEN 0 AND 100),
        passed boolean NOT NULL,
        attempt_number integer NOT NULL,
        attempted_at timestamp(3) with time zone NOT NULL
      )`);
    await queryRunner.query(`CREATE INDEX quiz_attempt_person_idx ON quiz_attempt (staff_user_id, course_id, attempted_at)`);

    await queryRunner.query(`
      CREATE TABLE training_certificate (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        course_id uuid NOT NULL REFERENCES course (id) ON DELETE CASCADE,
        staff_user_id text NOT NULL,
        status text NOT NULL CHECK (status IN ('VALID', 'RECERTIFICATION_DUE', 'EXPIRED', 'RENEWED')),
        issued_at timestamp(3) with time zone NOT NULL,
        expires_at timestamp(3) with time zone,
        recertification_due_at timestamp(3) with time zone,
        quiz_score numeric(5, 2),
        renews_certificate_id uuid REFERENCES training_certificate (id) ON DELETE SET NULL,
        updated_at timestamp(3) with time zone NOT NULL
      )`);
    // One current certificate per person and course; the renewed ones are history.
    await queryRunner.query(`CREATE UNIQUE INDEX training_certificate_current_key ON training_certificate (course_id, staff_user_id) WHERE status <> 'RENEWED'`);
    await queryRunner.query(`CREATE INDEX training_certificate_ageing_idx ON training_certificate (expires_at) WHERE status IN ('VALID', 'RECERTIFICATION_DUE')`);
    await queryRunner.query(`CREATE INDEX training_certificate_person_idx ON training_certificate (staff_user_id, issued_at DESC)`);

    await queryRunner.query(`
      CREATE TABLE training_session (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        course_id uuid NOT NULL REFERENCES course (id) ON DELETE CASCADE,
        starts_at timestamp(3) with time zone NOT NULL,
        ends_at timestamp(3) with time zone NOT NULL CHECK (ends_at > starts_at),
        trainer_user_id text NOT NULL,
        capacity integer NOT NULL CHECK (capacity > 0),
        mode text NOT NULL CHECK (mode IN ('ONLINE', 'ROOM')),
        location text NOT NULL,
        status text NOT NULL CHECK (status IN ('SCHEDULED', 'CANCELLED')),
        created_at timestamp(3) with time zone NOT NULL
      )`);
    await queryRunner.query(`CREATE INDEX training_session_course_idx ON training_session (course_id, starts_at)`);

    await queryRunner.query(`
      CREATE TABLE session_enrolment (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        session_id uuid NOT NULL REFERENCES training_session (id) ON DELETE CASCADE,
        staff_user_id text NOT NULL,
        status text NOT NULL CHECK (status IN ('ENROLLED', 'WAITLISTED', 'CANCELLED', 'ATTENDED', 'ABSENT')),
        requested_at timestamp(3) with time zone NOT NULL,
        updated_at timestamp(3) with time zone NOT NULL
      )`);
    await queryRunner.query(`CREATE UNIQUE INDEX session_enrolment_person_key ON session_enrolment (session_id, staff_user_id)`);
    await queryRunner.query(`CREATE INDEX session_enrolment_waiting_idx ON session_enrolment (session_id, requested_at, id) WHERE status = 'WAITLISTED'`);
    await queryRunner.query(`CREATE INDEX session_enrolment_attended_idx ON session_enrolment (staff_user_id, updated_at) WHERE status = 'ATTENDED'`);

    await queryRunner.query(`
      CREATE TABLE training_overdue (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        staff_user_id text NOT NULL,
        course_id uuid NOT NULL REFERENCES course (id) ON DELETE CASCADE,
        due_at timestamp(3) with time zone NOT NULL,
        reason text NOT NULL CHECK (reason IN ('NEVER_COMPLETED', 'CERTIFICATE_EXPIRED')),
        detected_at timestamp(3) with time zone NOT NULL
      )`);
    await queryRunner.query(`CREATE UNIQUE INDEX training_overdue_key ON training_overdue (staff_user_id, course_id, due_at)`);

    await queryRunner.query(`
      CREATE TABLE qa_scorecard (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        name text NOT NULL,
        categories jsonb NOT NULL,
        auto_fail_items jsonb NOT NULL,
        created_by text NOT NULL,
        created_at timestamp(3) with time zone NOT NULL
      )`);
    await queryRunner.query(`
      CREATE TABLE qa_calibration_session (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        scorecard_id uuid NOT NULL REFERENCES qa_scorecard (id),
        case_kind text NOT NULL CHECK (case_kind IN ('INQUIRY', 'COMPLAINT')),
        case_id uuid NOT NULL,
        agent_user_id text NOT NULL,
        facilitator_user_id text NOT NULL,
        status text NOT NULL CHECK (status IN ('OPEN', 'CLOSED')),
        created_at timestamp(3) with time zone NOT NULL,
        closed_at timestamp(3) with time zone
      )`);
    await queryRunner.query(`
      CREATE TABLE qa_review (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        scorecard_id uuid NOT NULL REFERENCES qa_scorecard (id),
        case_kind text NOT NULL CHECK (case_kind IN ('INQUIRY', 'COMPLAINT')),
        case_id uuid NOT NULL,
        agent_user_id text NOT NULL,
        reviewer_user_id text NOT NULL,
        calibration_session_id uuid REFERENCES qa_calibration_session (id) ON DELETE CASCADE,
        counts_toward_agent boolean NOT NULL,
        scores jsonb NOT NULL,
        auto_failed text[] NOT NULL,
        score numeric(5, 2) NOT NULL CHECK (score BETWEEN 0 AND 100),
        comment text,
        completed_at timestamp(3) with time zone NOT NULL,
        CHECK (counts_toward_agent = (calibration_session_id IS NULL))
      )`);
    await queryRunner.query(`CREATE INDEX qa_review_agent_idx ON qa_review (agent_user_id, completed_at)`);
    // One counted review per case; a calibration takes one score per reviewer.
    await queryRunner.query(`CREATE UNIQUE INDEX qa_review_counted_case_key ON qa_review (case_kind, case_id) WHERE counts_toward_agent`);
    await queryRunner.query(`CREATE UNIQUE INDEX qa_review_calibration_key ON qa_review (calibration_session_id, reviewer_user_id) WHERE calibration_session_id IS NOT NULL`);

    await queryRunner.query(`
      CREATE TABLE procedure_feedback (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        article_id uuid NOT NULL,
        agent_user_id text,
        rating integer NOT NULL CHECK (rating BETWEEN 1 AND 5),
        comment text,
        given_at timestamp(3) with time zone NOT NULL
      )`);
    await queryRunner.query(`CREATE INDEX procedure_feedback_article_idx ON procedure_feedback (article_id, given_at)`);

    await queryRunner.query(`
      CREATE TABLE kpi_standard (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        role text NOT NULL,
        kpi text NOT NULL,
        target double precision NOT NULL,
        weight integer NOT NULL CHECK (weight BETWEEN 1 AND 100),
        period_kind text NOT NULL CHECK (period_kind IN ('WEEK', 'MONTH', 'QUARTER')),
        updated_by text NOT NULL,
        updated_at timestamp(3) with time zone NOT NULL
      )`);
    await queryRunner.query(`CREATE UNIQUE INDEX kpi_standard_key ON kpi_standard (role, kpi, period_kind)`);

    await queryRunner.query(`
      CREATE TABLE agent_period_figures (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        agent_user_id text NOT NULL,
        period_kind text NOT NULL,
        period_start timestamp(3) with time zone NOT NULL,
        period_end timestamp(3) with time zone NOT NULL,
        figures jsonb NOT NULL,
        closed_at timestamp(3) with time zone NOT NULL,
        received_at timestamp(3) with time zone NOT NULL
      )`);
    await queryRunner.query(`CREATE UNIQUE INDEX agent_period_figures_key ON agent_period_figures (agent_user_id, period_kind, period_start)`);

    await queryRunner.query(`
      CREATE TABLE agent_evaluation (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        agent_user_id text NOT NULL,
        staff_member_id uuid NOT NULL,
        role text NOT NULL,
        team text,
        period_kind text NOT NULL,
        period_start timestamp(3) with time zone NOT NULL,
        period_end timestamp(3) with time zone NOT NULL,
        status text NOT NULL CHECK (status IN ('DRAFT', 'SIGNED_OFF', 'ACKNOWLEDGED')),
        results jsonb NOT NULL,
        overall_score numeric(6, 2),
        excellent boolean NOT NULL,
        qa_reviews integer NOT NULL,
        supervisor_comment text,
        signed_off_by text,
        signed_off_at timestamp(3) with time zone,
        agent_comment text,
        acknowledged_at timestamp(3) with time zone,
        prepared_at timestamp(3) with time zone NOT NULL,
        version integer NOT NULL
      )`);
    await queryRunner.query(`CREATE UNIQUE INDEX agent_evaluation_key ON agent_evaluation (agent_user_id, period_kind, period_start)`);
    await queryRunner.query(`CREATE INDEX agent_evaluation_period_idx ON agent_evaluation (period_kind, period_start, team)`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    for (const table of ['agent_evaluation', 'agent_period_figures', 'kpi_standard', 'procedure_feedback', 'qa_review', 'qa_calibration_session', 'qa_scorecard', 'training_overdue', 'session_enrolment', 'training_session', 'training_certificate', 'quiz_attempt', 'course', 'staff_member']) {
      await queryRunner.query(`DROP TABLE ${table}`);
    }
  }
}
