import type { EntityManager } from 'typeorm';
import { ERASED } from '../staff/staff.enums';
import type { StaffRecordKind } from '../staff/staff-records';
import { AgentPeriodFigures } from './agent-period-figures.entity';
import { Evaluation } from './evaluation.entity';

/** A person's evaluations and the period figures behind them: in their export, deleted at their erasure; evaluations they signed off lose their name. */
export function evaluationStaffRecords(): StaffRecordKind[] {
  return [
    {
      section: 'evaluations',
      collect: (manager: EntityManager, userId: string) => manager.find(Evaluation, { where: { agentUserId: userId }, order: { periodStart: 'ASC', id: 'ASC' } }),
      async erase(manager: EntityManager, userId: string) {
        const own = (await manager.delete(Evaluation, { agentUserId: userId })).affected ?? 0;
        const signed = (await manager.update(Evaluation, { signedOffBy: userId }, { signedOffBy: ERASED })).affected ?? 0;
        return own + signed;
      },
    },
    {
      section: 'periodFigures',
      collect: (manager: EntityManager, userId: string) => manager.find(AgentPeriodFigures, { where: { agentUserId: userId }, order: { periodStart: 'ASC', id: 'ASC' } }),
      erase: async (manager: EntityManager, userId: string) => (await manager.delete(AgentPeriodFigures, { agentUserId: userId })).affected ?? 0,
    },
  ];
}
