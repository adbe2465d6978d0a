import type { EntityManager } from 'typeorm';
import type { StaffRecordKind } from '../staff/staff-records';
import { TrainingOverdue } from './training-overdue.entity';

/** When a person was overdue on what: in their export, deleted at their erasure. */
export function complianceStaffRecords(): StaffRecordKind[] {
  return [
    {
      section: 'overdueTraining',
      collect: (manager: EntityManager, userId: string) => manager.find(TrainingOverdue, { where: { staffUserId: userId }, order: { detectedAt: 'ASC', id: 'ASC' } }),
      erase: async (manager: EntityManager, userId: string) => (await manager.delete(TrainingOverdue, { staffUserId: userId })).affected ?? 0,
    },
  ];
}
