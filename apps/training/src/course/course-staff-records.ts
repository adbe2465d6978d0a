import type { EntityManager } from 'typeorm';
import type { StaffRecordKind } from '../staff/staff-records';
import { Certificate } from './certificate.entity';
import { QuizAttempt } from './quiz-attempt.entity';

/** A person's quiz attempts and certificates: in their export, deleted at their erasure. */
export function courseStaffRecords(): StaffRecordKind[] {
  return [
    {
      section: 'quizAttempts',
      collect: (manager: EntityManager, userId: string) => manager.find(QuizAttempt, { where: { staffUserId: userId }, order: { attemptedAt: 'ASC', id: 'ASC' } }),
      erase: async (manager: EntityManager, userId: string) => (await manager.delete(QuizAttempt, { staffUserId: userId })).affected ?? 0,
    },
    {
      section: 'certificates',
      collect: (manager: EntityManager, userId: string) => manager.find(Certificate, { where: { staffUserId: userId }, order: { issuedAt: 'ASC', id: 'ASC' } }),
      erase: async (manager: EntityManager, userId: string) => (await manager.delete(Certificate, { staffUserId: userId })).affected ?? 0,
    },
  ];
}
