import type { Identity } from '@carebridge/auth';
import { BadUserInputError, NotFoundError } from '@carebridge/domain';
import type { Clock } from '@carebridge/service-kit';
import type { DataSource, EntityManager } from 'typeorm';
import { StaffMember } from './staff-member.entity';
import type { RegisterStaffMemberInput } from './staff.inputs';

/** The staff roster of training: who is on it, with which role and team. */
export class StaffRoster {
  constructor(
    private readonly dataSource: DataSource,
    private readonly clock: Clock,
  ) {}

  /** Registers a member of staff, or updates the one with this user id (their join date stays). */
  async register(input: RegisterStaffMemberInput, _by: Identity): Promise<StaffMember> {
    if (input.supervisorUserId === input.userId) throw BadUserInputError.field('input.supervisorUserId', 'not-self', 'must be someone else');
    return this.dataSource.transaction(async (manager) => {
      const now = this.clock.now();
      const existing = await manager.findOne(StaffMember, { where: { userId: input.userId }, lock: { mode: 'pessimistic_write' } });
      if (existing?.erasedAt) throw BadUserInputError.field('input.userId', 'erased', 'belongs to an erased member of staff');
      const fields = {
        displayName: input.displayName.trim(),
        role: input.role,
        team: input.team?.trim() || null,
        supervisorUserId: input.supervisorUserId ?? null,
        active: input.active,
        updatedAt: now,
      };
      if (existing) return manager.save(Object.assign(existing, fields));
      return manager.save(manager.create(StaffMember, { ...fields, userId: input.userId, registeredAt: now, erasedAt: null }));
    });
  }

  find(userId: string, manager: EntityManager = this.dataSource.manager): Promise<StaffMember | null> {
    return manager.findOneBy(StaffMember, { userId });
  }

  /** The member of staff with this user id; `field` names the input that gave it when there is none. */
  async require(userId: string, field: string, manager: EntityManager = this.dataSource.manager): Promise<StaffMember> {
    const found = await this.find(userId, manager);
    if (!found || found.erasedAt) throw BadUserInputError.field(field, 'on-roster', 'must be a member of staff registered in training');
    return found;
  }

  async get(userId: string): Promise<StaffMember> {
    const found = await this.find(userId);
    if (!found) throw new NotFoundError('StaffMember', userId);
    return found;
  }

  list(filter: { team?: string | null; role?: string | null; includeInactive?: boolean }): Promise<StaffMember[]> {
    const query = this.dataSource.getRepository(StaffMember).createQueryBuilder('staff').where('staff.erasedAt IS NULL');
    if (!filter.includeInactive) query.andWhere('staff.active');
    if (filter.team) query.andWhere('staff.team = :team', { team: filter.team });
    if (filter.role) query.andWhere('staff.role = :role', { role: filter.role });
    return query.orderBy('staff.team', 'ASC', 'NULLS LAST').addOrderBy('staff.displayName', 'ASC').limit(1000).getMany();
  }
}
