import { hasAnyRole, type Identity, isRole, STAFF_ROLES } from '@carebridge/auth';
import { BadUserInputError, ForbiddenError, isUuid, NotFoundError } from '@carebridge/domain';
import type { Clock } from '@carebridge/service-kit';
import type { DataSource, EntityTarget } from 'typeorm';
import { type SavedView, SavedViewScope } from './saved-view.entity';
import { revivedFilter, storedFilter } from './view-filter';

/** Who manages a team's shared views (admin passes every check). */
export const TEAM_VIEW_ROLES = ['supervisor'] as const;

/** What a user asks to save: the list's own filter (already validated as its input) and order. */
export interface ViewToSave<F extends object> {
  name: string;
  scope: SavedViewScope;
  team?: string | null;
  filter?: F | null;
  orderBy?: string | null;
}

/**
 * Saved views of one service's list: personal ones for their owner, team ones for the holders of
 * the team role, managed by supervisors. The service's view entity is passed in (its table is
 * `saved_view`), and the service evaluates a view with its own list query.
 */
export class SavedViews<V extends SavedView, F extends object> {
  /**
   * `check` runs the service's list once with the filter, so that what only the list can check
   * (a custom field's key and type) is refused when the view is saved, not each time it is read.
   */
  constructor(
    private readonly dataSource: DataSource,
    private readonly clock: Clock,
    private readonly entity: EntityTarget<V> & (new () => V),
    private readonly check: (filter: F, orderBy: string | null) => Promise<unknown> = async () => undefined,
  ) {}

  async save(input: ViewToSave<F>, by: Identity, field = 'input'): Promise<V> {
    const view = Object.assign(new this.entity(), { createdBy: by.userId, createdAt: this.clock.now() });
    await this.apply(view, input, by, field);
    return this.dataSource.getRepository(this.entity).save(view);
  }

  async update(id: string, input: ViewToSave<F>, by: Identity, field = 'input'): Promise<V> {
    const view = await this.managed(id, by);
    await this.apply(view, input, by, field);
    return this.dataSource.getRepository(this.entity).save(view);
  }

  async remove(id: string, by: Identity): Promise<boolean> {
    const view = await this.managed(id, by);
    await this.dataSource.getRepository(this.entity).delete(view.id as never);
    return true;
  }

  /** The views the caller sees: their own, then their teams', each by name. */
  visibleTo(by: Identity): Promise<V[]> {
    const alias = 'view';
    const query = this.dataSource.getRepository(this.entity).createQueryBuilder(alias);
    const everyTeam = hasAnyRole(by, TEAM_VIEW_ROLES);
    query.where(`(${alias}.scope = :personal AND ${alias}.owner_id = :userId)`, { personal: SavedViewScope.PERSONAL, userId: by.userId });
    if (everyTeam) query.orWhere(`${alias}.scope = :team`, { team: SavedViewScope.TEAM });
    else query.orWhere(`(${alias}.scope = :team AND ${alias}.team = ANY(:roles))`, { team: SavedViewScope.TEAM, roles: by.roles });
    return query.orderBy(`${alias}.scope`, 'ASC').addOrderBy(`${alias}.name`, 'ASC').addOrderBy(`${alias}.id`, 'ASC').getMany();
  }

  /** A view the caller sees, or NOT_FOUND (another user's personal view is not disclosed). */
  async seen(id: string, by: Identity): Promise<V> {
    const view = isUuid(id) ? await this.dataSource.getRepository(this.entity).findOneBy({ id } as never) : null;
    if (!view || !this.sees(view, by)) throw new NotFoundError('SavedView', id);
    return view;
  }

  /** The view's filter as the list's input would give it; relative parts are evaluated by the list, now. */
  filterOf(view: V): F {
    return revivedFilter<F>(view.filter);
  }

  private sees(view: V, by: Identity): boolean {
    if (view.scope === SavedViewScope.PERSONAL) return view.ownerId === by.userId;
    return hasAnyRole(by, TEAM_VIEW_ROLES) || by.roles.some((role) => role === view.team);
  }

  /** A view the caller may change: their own personal view, or any team view for a supervisor. */
  private async managed(id: string, by: Identity): Promise<V> {
    const view = await this.seen(id, by);
    if (view.scope === SavedViewScope.TEAM && !hasAnyRole(by, TEAM_VIEW_ROLES)) throw new ForbiddenError('Team views are managed by supervisors');
    return view;
  }

  private async apply(view: V, input: ViewToSave<F>, by: Identity, field: string): Promise<void> {
    const name = input.name.trim();
    if (!name) throw BadUserInputError.field(`${field}.name`, 'required', 'must name the view');
    if (input.scope === SavedViewScope.TEAM) {
      if (!hasAnyRole(by, TEAM_VIEW_ROLES)) throw new ForbiddenError('Team views are managed by supervisors');
      const team = input.team?.trim() ?? '';
      if (!isRole(team) || !(STAFF_ROLES as readonly string[]).includes(team)) {
        throw BadUserInputError.field(`${field}.team`, 'role', `must be a staff role: ${STAFF_ROLES.join(', ')}`);
      }
      Object.assign(view, { scope: SavedViewScope.TEAM, team, ownerId: null });
    } else {
      if (input.team) throw BadUserInputError.field(`${field}.team`, 'personal', 'a personal view has no team');
      Object.assign(view, { scope: SavedViewScope.PERSONAL, team: null, ownerId: by.userId });
    }
    const filter = input.filter ?? ({} as F);
    try {
      await this.check(filter, input.orderBy ?? null);
    } catch (error) {
      // The list names the field as its own argument (filter.…); here the filter is part of the input.
      if (error instanceof BadUserInputError) throw new BadUserInputError(error.problems.map((problem) => ({ ...problem, field: `${field}.${problem.field}` })));
      throw error;
    }
    Object.assign(view, { name, filter: storedFilter(filter), orderBy: input.orderBy ?? null, updatedAt: this.clock.now() });
  }
}
