import { BadUserInputError } from '@carebridge/domain';
import type { EntityManager } from 'typeorm';
import { ReviewedCaseKind } from './quality.enums';

/**
 * The inquiries and complaints training has heard of, and who on the staff handled each, learnt from
 * inquiry's and complaint's events (training never reads their tables): a QA review scores a case
 * that exists, of an agent who worked on it. Each event adds what it says once, so a redelivered
 * one changes nothing.
 */
export class ReviewableCases {
  async heard(manager: EntityManager, kind: ReviewedCaseKind, caseId: string, at: Date): Promise<void> {
    await manager.query(`INSERT INTO qa_case (case_kind, case_id, first_heard_at) VALUES ($1, $2, $3) ON CONFLICT DO NOTHING`, [kind, caseId, at]);
  }

  /** Someone on the staff worked on the case (replied, was assigned, resolved or closed it). */
  async handled(manager: EntityManager, kind: ReviewedCaseKind, caseId: string, userId: string, at: Date): Promise<void> {
    await this.heard(manager, kind, caseId, at);
    await manager.query(
      `INSERT INTO qa_case_handler (case_kind, case_id, user_id, first_handled_at) VALUES ($1, $2, $3, $4)
       ON CONFLICT (case_kind, case_id, user_id) DO UPDATE SET first_handled_at = least(qa_case_handler.first_handled_at, EXCLUDED.first_handled_at)`,
      [kind, caseId, userId, at],
    );
  }

  /** Refuses a review of a case training has not heard of, or of an agent who did not handle it. */
  async requireHandledBy(manager: EntityManager, kind: ReviewedCaseKind, caseId: string, agentUserId: string, fields: { caseId: string; agentUserId: string }): Promise<void> {
    const [found]: { handled: boolean }[] = await manager.query(
      `SELECT EXISTS (SELECT 1 FROM qa_case_handler h WHERE h.case_kind = c.case_kind AND h.case_id = c.case_id AND h.user_id = $3) AS handled
         FROM qa_case c WHERE c.case_kind = $1 AND c.case_id = $2`,
      [kind, caseId, agentUserId],
    );
    const what = kind === ReviewedCaseKind.INQUIRY ? 'inquiry' : 'complaint';
    if (!found) throw BadUserInputError.field(fields.caseId, 'known-case', `must be an existing ${what}: training has not heard of this one`);
    if (!found.handled) throw BadUserInputError.field(fields.agentUserId, 'handled-case', `must be someone who handled this ${what}: they did not reply to, resolve or close it`);
  }

  /** What training keeps about a member of staff here: the cases they handled. */
  handledBy(manager: EntityManager, userId: string): Promise<{ caseKind: ReviewedCaseKind; caseId: string; firstHandledAt: Date }[]> {
    return manager.query(
      `SELECT case_kind AS "caseKind", case_id AS "caseId", first_handled_at AS "firstHandledAt" FROM qa_case_handler WHERE user_id = $1 ORDER BY first_handled_at, case_id`,
      [userId],
    );
  }

  async forget(manager: EntityManager, userId: string): Promise<number> {
    const [, affected] = await manager.query(`DELETE FROM qa_case_handler WHERE user_id = $1`, [userId]);
    return Number(affected ?? 0);
  }
}
