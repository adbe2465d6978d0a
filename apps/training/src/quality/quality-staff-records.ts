import type { EntityManager } from 'typeorm';
import { ERASED } from '../staff/staff.enums';
import type { StaffRecordKind } from '../staff/staff-records';
import { CalibrationSession } from './calibration-session.entity';
import { ProcedureFeedback } from './procedure-feedback.entity';
import { QaReview } from './qa-review.entity';
import type { ReviewableCases } from './reviewable-cases';

/**
 * QA reviews of a person's work (counted and calibration) and the procedure feedback they gave: in
 * their export. At erasure the reviews of their work go; reviews they wrote of others and
 * calibrations they led stay, without their name; their feedback keeps its rating, not its words.
 * The cases they handled (learnt from inquiry's and complaint's events) go with them.
 */
export function qualityStaffRecords(cases: ReviewableCases): StaffRecordKind[] {
  return [
    {
      section: 'qaReviews',
      collect: (manager: EntityManager, userId: string) => manager.find(QaReview, { where: { agentUserId: userId }, order: { completedAt: 'ASC', id: 'ASC' } }),
      async erase(manager: EntityManager, userId: string) {
        const reviews = (await manager.delete(QaReview, { agentUserId: userId })).affected ?? 0;
        const sessions = (await manager.delete(CalibrationSession, { agentUserId: userId })).affected ?? 0;
        const written = (await manager.update(QaReview, { reviewerUserId: userId }, { reviewerUserId: ERASED })).affected ?? 0;
        const led = (await manager.update(CalibrationSession, { facilitatorUserId: userId }, { facilitatorUserId: ERASED })).affected ?? 0;
        return reviews + sessions + written + led;
      },
    },
    {
      section: 'handledCases',
      collect: (manager: EntityManager, userId: string) => cases.handledBy(manager, userId),
      erase: (manager: EntityManager, userId: string) => cases.forget(manager, userId),
    },
    {
      section: 'procedureFeedback',
      collect: (manager: EntityManager, userId: string) => manager.find(ProcedureFeedback, { where: { agentUserId: userId }, order: { givenAt: 'ASC', id: 'ASC' } }),
      erase: async (manager: EntityManager, userId: string) => (await manager.update(ProcedureFeedback, { agentUserId: userId }, { agentUserId: null, comment: null })).affected ?? 0,
    },
  ];
}
