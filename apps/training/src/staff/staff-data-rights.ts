import type { Identity } from '@carebridge/auth';
import { BadUserInputError, NotFoundError } from '@carebridge/domain';
import type { PersonalDataAccessLog } from '@carebridge/personal-data-access';
import type { Clock, RequestContext } from '@carebridge/service-kit';
import type { DataSource } from 'typeorm';
import { StaffMember } from './staff-member.entity';
import { ERASED } from './staff.enums';
import type { StaffRecordKind } from './staff-records';

export interface StaffDataExportDocument {
  userId: string;
  exportedAt: Date;
  /** Section name → its records, in the order the kinds are declared. */
  sections: Record<string, unknown[]>;
}

export interface StaffErasureResult {
  userId: string;
  erasedAt: Date;
  /** Records touched per section. */
  sections: { section: string; records: number }[];
}

/**
 * A member of staff's rights over what training keeps about them: a data export (their roster entry,
 * training records, QA reviews and evaluations) and an erasure. An admin runs both on request of the
 * staff member (docs/services/training.md); the export is on the personal-data access log.
 */
export class StaffDataRights {
  constructor(
    private readonly dataSource: DataSource,
    private readonly clock: Clock,
    private readonly accessLog: PersonalDataAccessLog,
    private readonly kinds: StaffRecordKind[],
  ) {}

  async export(userId: string, context: RequestContext): Promise<StaffDataExportDocument> {
    return this.dataSource.transaction('REPEATABLE READ', async (manager) => {
      const member = await manager.findOneBy(StaffMember, { userId });
      if (!member) throw new NotFoundError('StaffMember', userId);
      const sections: Record<string, unknown[]> = { staffMember: [member] };
      for (const kind of this.kinds) sections[kind.section] = await kind.collect(manager, userId);
      await this.accessLog.exported(manager, context, member.id, Object.keys(sections));
      return { userId, exportedAt: this.clock.now(), sections };
    });
  }

  /** Erases what training keeps about them, in one transaction; the roster entry stays as an erased tombstone so the user id is not registered again by mistake. */
  async erase(userId: string, _by: Identity): Promise<StaffErasureResult> {
    return this.dataSource.transaction(async (manager) => {
      const member = await manager.findOne(StaffMember, { where: { userId }, lock: { mode: 'pessimistic_write' } });
      if (!member) throw new NotFoundError('StaffMember', userId);
      if (member.erasedAt) throw BadUserInputError.field('userId', 'not-erased', 'was erased already');
      const at = this.clock.now();
      const sections: StaffErasureResult['sections'] = [];
      for (const kind of this.kinds) sections.push({ section: kind.section, records: await kind.erase(manager, userId, at) });
      await manager.update(StaffMember, member.id, { displayName: ERASED, team: null, supervisorUserId: null, active: false, erasedAt: at, updatedAt: at });
      return { userId, erasedAt: at, sections };
    });
  }
}
