import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The facts analytics keeps, one row per case (inquiry or complaint) and one per counted step, keyed
 * by the time each step happened. Ids and classifications only: no names, no customer's words.
 */
export class CreateCaseFacts1796169400000 implements MigrationInterface {
  name = 'CreateCaseFacts1796169400000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      CREATE TABLE case_fact (
        case_id uuid PRIMARY KEY,
        kind text NOT NULL CHECK (kind IN ('INQUIRY', 'COMPLAINT')),
        opened_at timestamp(3) with time zone,
        reference text,
        channel text,
        category text,
        urgency text,
        root_cause text,
        team text,
        agent_id text,
        customer_id uuid,
        inquiry_id uuid,
        first_response_due_at timestamp(3) with time zone,
        first_responded_at timestamp(3) with time zone,
        first_response_seconds double precision,
        first_response_business_seconds double precision,
        first_response_within_target boolean,
        first_response_breached boolean NOT NULL DEFAULT false,
        first_feedback_at timestamp(3) with time zone,
        feedback_late boolean NOT NULL DEFAULT false,
        dot_acknowledgment_breached boolean NOT NULL DEFAULT false,
        dot_response_breached boolean NOT NULL DEFAULT false,
        first_resolved_at timestamp(3) with time zone,
        last_resolved_at timestamp(3) with time zone,
        handling_seconds double precision,
        reopen_count integer NOT NULL DEFAULT 0,
        escalated_at timestamp(3) with time zone
      );
      CREATE INDEX case_fact_opened ON case_fact (opened_at);
      CREATE INDEX case_fact_customer ON case_fact (customer_id);

      -- Each spell a case is open: from registration or a reopening to the resolution (or closing) that ends it.
      CREATE TABLE open_spell (
        event_id uuid PRIMARY KEY,
        case_id uuid NOT NULL,
        opened_at timestamp(3) with time zone NOT NULL,
        ended_at timestamp(3) with time zone
      );
      CREATE INDEX open_spell_case ON open_spell (case_id, opened_at);
      -- Finds the spells open during a period by range overlap, without reading every older spell.
      CREATE INDEX open_spell_span ON open_spell USING gist (tstzrange(opened_at, ended_at, '[]'));

      -- Every resolution as it happened: a later reopening does not erase it.
      CREATE TABLE resolution (
        event_id uuid PRIMARY KEY,
        case_id uuid NOT NULL,
        resolved_at timestamp(3) with time zone NOT NULL,
        root_cause text
      );
      CREATE INDEX resolution_time ON resolution (resolved_at);
      CREATE INDEX resolution_case ON resolution (case_id);

      CREATE TABLE satisfaction_answer (
        event_id uuid PRIMARY KEY,
        case_id uuid NOT NULL,
        answered_at timestamp(3) with time zone NOT NULL,
        score integer NOT NULL CHECK (score BETWEEN 1 AND 5)
      );
      CREATE INDEX satisfaction_answer_time ON satisfaction_answer (answered_at);
      CREATE INDEX satisfaction_answer_case ON satisfaction_answer (case_id);

      CREATE TABLE survey_answer (
        survey_id uuid PRIMARY KEY,
        customer_id uuid,
        answered_at timestamp(3) with time zone NOT NULL,
        nps integer NOT NULL CHECK (nps BETWEEN 0 AND 10),
        -- The 1-5 ratings of the trip's components: how many, how many 4 or 5, their sum.
        ratings integer NOT NULL DEFAULT 0,
        ratings_satisfied integer NOT NULL DEFAULT 0,
        rating_sum integer NOT NULL DEFAULT 0
      );
      CREATE INDEX survey_answer_time ON survey_answer (answered_at);
      CREATE INDEX survey_answer_customer ON survey_answer (customer_id);

      CREATE TABLE compensation_grant (
        item_id uuid PRIMARY KEY,
        case_id uuid NOT NULL,
        granted_at timestamp(3) with time zone NOT NULL,
        kind text NOT NULL,
        currency text,
        amount numeric(18, 2),
        quantity bigint
      );
      CREATE INDEX compensation_grant_time ON compensation_grant (granted_at);
      CREATE INDEX compensation_grant_case ON compensation_grant (case_id);

      -- training's QA reviews of an agent's case (scores in hundredths, so that sums are exact).
      CREATE TABLE qa_review (
        review_id uuid PRIMARY KEY,
        agent_id text NOT NULL,
        case_id uuid NOT NULL,
        completed_at timestamp(3) with time zone NOT NULL,
        score_hundredths integer NOT NULL CHECK (score_hundredths BETWEEN 0 AND 10000),
        auto_failed boolean NOT NULL
      );
      CREATE INDEX qa_review_time ON qa_review (completed_at);

      -- The tier crm last stated for a customer (customer.created / customer.updated), newest statement wins.
      CREATE TABLE customer_tier (
        customer_id uuid PRIMARY KEY,
        tier text NOT NULL,
        stated_at timestamp(3) with time zone NOT NULL
      );

      -- The agent periods already closed and published (analytics.agent_period_closed).
      CREATE TABLE agent_period_close (
        period_kind text NOT NULL,
        period_start date NOT NULL,
        closed_at timestamp(3) with time zone NOT NULL,
        agents integer NOT NULL,
        PRIMARY KEY (period_kind, period_start)
      );

      -- Who exported which cases, and when (per-case CSV exports).
      CREATE TABLE case_export_audit (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        requested_by text NOT NULL,
        requested_at timestamp(3) with time zone NOT NULL,
        filter jsonb NOT NULL
      );
      CREATE INDEX case_export_audit_time ON case_export_audit (requested_at);`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `DROP TABLE case_export_audit, agent_period_close, customer_tier, qa_review, compensation_grant, survey_answer, satisfaction_answer, resolution, open_spell, case_fact`,
    );
  }
}
