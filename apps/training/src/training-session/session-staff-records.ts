import type { EntityManager } from 'typeorm';
import type { StaffRecordKind } from '../staff/staff-records';
import { SessionEnrolment } from './training-session.entity';

/** A person's places on sessions and their attendance: in their export, deleted at their erasure. */
export function sessionStaffRecords(): StaffRecordKind[] {
  return [
    {
      section: 'enrolments',
      collect: (manager: EntityManager, userId: string) => manager.find(SessionEnrolment, { where: { staffUserId: userId }, order: { requestedAt: 'ASC', id: 'ASC' } }),
      erase: async (manager: EntityManager, userId: string) => (await manager.delete(SessionEnrolment, { staffUserId: userId })).affected ?? 0,
    },
  ];
}
