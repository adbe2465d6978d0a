import type { Identity } from '@carebridge/auth';
import { BadUserInputError, ConflictError, ForbiddenError, NotFoundError } from '@carebridge/domain';
import { createDataSource } from '@carebridge/service-kit';
import { createTestDatabase, TestClock, type TestDatabase } from '@carebridge/testing';
import { Column, type DataSource, Entity, PrimaryGeneratedColumn } from 'typeorm';
import { ObjectType } from 'type-graphql';
import { BulkActions } from './bulk-actions';
import { BulkAction, BulkItemOutcome } from './bulk-action.entity';
import { CustomFieldKind, type CustomFieldValues } from './custom-field.entity';
import { CustomFields, customFieldValues } from './custom-fields';
import { HELP_DESK_ENTITIES, HELP_DESK_MIGRATIONS } from './migrations';
import { SavedView, SavedViewScope } from './saved-view.entity';
import { SavedViews } from './saved-views';

@ObjectType('TestView')
@Entity('saved_view')
class TestView extends SavedView {}

@Entity('ticket')
class Ticket {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column({ name: 'custom_fields', type: 'jsonb', default: () => "'{}'" })
  customFields: CustomFieldValues;
}

interface TicketFilter {
  status?: string[];
  receivedFrom?: Date;
  dueWithinMinutes?: number;
}

describe('help desk (real Postgres)', () => {
  let database: TestDatabase;
  let dataSource: DataSource;
  const clock = new TestClock();
  const ana: Identity = { userId: 'agent-ana', roles: ['agent'] };
  const ben: Identity = { userId: 'agent-ben', roles: ['agent'] };
  const sue: Identity = { userId: 'supervisor-sue', roles: ['supervisor'] };
  const carl: Identity = { userId: 'specialist-carl', roles: ['complaint_specialist'] };
  const admin: Identity = { userId: 'admin-ada', roles: ['admin'] };

  beforeAll(async () => {
    database = await createTestDatabase('help_desk');
    dataSource = createDataSource({ serverUrl: database.serverUrl, database: database.database, entities: [...HELP_DESK_ENTITIES, TestView, Ticket], migrations: HELP_DESK_MIGRATIONS });
    await dataSource.initialize();
    await dataSource.runMigrations();
    await dataSource.query(`CREATE TABLE ticket (id uuid PRIMARY KEY DEFAULT gen_random_uuid(), custom_fields jsonb NOT NULL DEFAULT '{}')`);
  });
  afterAll(async () => {
    await dataSource.destroy();
    await database.drop();
  });

  describe('saved views', () => {
    const views = () => new SavedViews<TestView, TicketFilter>(dataSource, clock, TestView);
    afterEach(() => dataSource.query('DELETE FROM saved_view'));

    it('keeps a personal view to its owner and gives its filter back with its times as times and relative parts as saved', async () => {
      const from = new Date('2026-10-01T00:00:00.000Z');
      const mine = await views().save({ name: ' Breaching soon ', scope: SavedViewScope.PERSONAL, filter: { status: ['OPEN'], receivedFrom: from, dueWithinMinutes: 10 } }, ana);
      expect(mine).toMatchObject({ name: 'Breaching soon', ownerId: 'agent-ana', team: null });
      const read = await views().seen(mine.id, ana);
      const filter = views().filterOf(read);
      expect(filter.receivedFrom).toEqual(from);
      expect(filter).toEqual({ status: ['OPEN'], receivedFrom: from, dueWithinMinutes: 10 });
      await expect(views().seen(mine.id, ben)).rejects.toBeInstanceOf(NotFoundError);
      expect(await views().visibleTo(ben)).toEqual([]);
      await expect(views().remove(mine.id, ben)).rejects.toBeInstanceOf(NotFoundError);
      expect(await views().remove(mine.id, ana)).toBe(true);
    });

    it('lets supervisors manage team views that every holder of the team role sees, and nobody else change them', async () => {
      await expect(views().save({ name: 'Team', scope: SavedViewScope.TEAM, team: 'agent' }, ana)).rejects.toBeInstanceOf(ForbiddenError);
      await expect(views().save({ name: 'Team', scope: SavedViewScope.TEAM, team: 'pilots' }, sue)).rejects.toMatchObject({ extensions: { field: 'input.team' } });
      const team = await views().save({ name: 'Agents: unassigned', scope: SavedViewScope.TEAM, team: 'agent', filter: { status: ['NEW'] } }, sue);
      await views().save({ name: 'Ana only', scope: SavedViewScope.PERSONAL }, ana);
      expect((await views().visibleTo(ana)).map((view) => view.name)).toEqual(['Ana only', 'Agents: unassigned']);
      expect((await views().visibleTo(ben)).map((view) => view.name)).toEqual(['Agents: unassigned']);
      expect(await views().visibleTo(carl)).toEqual([]);
      expect((await views().visibleTo(admin)).map((view) => view.name)).toEqual(['Agents: unassigned']);
      await expect(views().update(team.id, { name: 'Mine now', scope: SavedViewScope.TEAM, team: 'agent' }, ben)).rejects.toBeInstanceOf(ForbiddenError);
      await expect(views().seen(team.id, carl)).rejects.toBeInstanceOf(NotFoundError);
      const renamed = await views().update(team.id, { name: 'Agents: new', scope: SavedViewScope.TEAM, team: 'agent' }, sue);
      expect(renamed.name).toBe('Agents: new');
    });
  });

  describe('custom fields', () => {
    const fields = () => new CustomFields(dataSource, clock, ['BAGGAGE', 'DELAY']);
    beforeAll(async () => {
      await fields().define({ key: 'bag_tag', label: 'Bag tag', kind: CustomFieldKind.TEXT, categories: ['BAGGAGE'], choices: [] }, admin);
      await fields().define({ key: 'weight_kg', label: 'Weight (kg)', kind: CustomFieldKind.NUMBER, categories: ['BAGGAGE'], choices: [] }, admin);
      await fields().define({ key: 'found_on', label: 'Found on', kind: CustomFieldKind.DATE, categories: [], choices: [] }, admin);
      await fields().define({ key: 'bag_colour', label: 'Colour', kind: CustomFieldKind.CHOICE, categories: ['BAGGAGE'], choices: ['black', 'red'] }, admin);
    });

    it('refuses a definition of an unknown category, a CHOICE without choices and a key defined already', async () => {
      await expect(fields().define({ key: 'x', label: 'X', kind: CustomFieldKind.TEXT, categories: ['PETS'], choices: [] }, admin)).rejects.toMatchObject({
        extensions: { code: 'BAD_USER_INPUT', field: 'input.categories[0]' },
      });
      await expect(fields().define({ key: 'x', label: 'X', kind: CustomFieldKind.CHOICE, categories: [], choices: [] }, admin)).rejects.toMatchObject({ extensions: { field: 'input.choices' } });
      await expect(fields().define({ key: 'bag_tag', label: 'Again', kind: CustomFieldKind.TEXT, categories: [], choices: [] }, admin)).rejects.toBeInstanceOf(ConflictError);
      expect((await fields().definitions('DELAY')).map((field) => field.key)).toEqual(['found_on']);
    });

    it('types values by their definition and names the value a problem is in', async () => {
      const values = await fields().withValues({}, 'BAGGAGE', [
        { key: 'bag_tag', value: 'LH123456' },
        { key: 'weight_kg', value: '23.5' },
        { key: 'found_on', value: '2026-11-02' },
        { key: 'bag_colour', value: 'red' },
      ]);
      expect(values).toEqual({ bag_tag: 'LH123456', weight_kg: 23.5, found_on: '2026-11-02', bag_colour: 'red' });
      expect(customFieldValues(values).map((value) => value.value)).toEqual(['red', 'LH123456', '2026-11-02', '23.5']);
      expect(await fields().withValues(values, 'BAGGAGE', [{ key: 'bag_tag', value: null }])).not.toHaveProperty('bag_tag');
      const problem = (values: { key: string; value: string }[], category = 'BAGGAGE') => fields().withValues({}, category, values).catch((error: BadUserInputError) => error.extensions);
      expect(await problem([{ key: 'bag_tag', value: 'x' }, { key: 'weight_kg', value: 'heavy' }])).toMatchObject({ code: 'BAD_USER_INPUT', field: 'input.values[1].value' });
      expect(await problem([{ key: 'found_on', value: '2026-02-30' }])).toMatchObject({ field: 'input.values[0].value' });
      expect(await problem([{ key: 'bag_colour', value: 'green' }])).toMatchObject({ field: 'input.values[0].value' });
      expect(await problem([{ key: 'bag_tag', value: 'x' }], 'DELAY')).toMatchObject({ field: 'input.values[0].key' });
    });

    it('filters records by value and range, numbers as numbers and dates as days', async () => {
      const repository = dataSource.getRepository(Ticket);
      const [light, heavy, unset] = await repository.save([
        { customFields: { weight_kg: 9, found_on: '2026-11-01', bag_colour: 'red' } },
        { customFields: { weight_kg: 23.5, found_on: '2026-11-03', bag_colour: 'black' } },
        { customFields: {} },
      ]);
      const matching = async (conditions: Parameters<CustomFields['whereMatching']>[1]) => {
        const query = repository.createQueryBuilder('ticket');
        await fields().whereMatching(query, conditions);
        return (await query.getMany()).map((ticket) => ticket.id).sort();
      };
      expect(await matching([{ key: 'weight_kg', atLeast: '10' }])).toEqual([heavy.id]);
      expect(await matching([{ key: 'weight_kg', equals: '23.50' }])).toEqual([heavy.id]);
      expect(await matching([{ key: 'found_on', atMost: '2026-11-02' }, { key: 'bag_colour', equals: 'red' }])).toEqual([light.id]);
      expect(await matching([])).toEqual([light.id, heavy.id, unset.id].sort());
      await expect(matching([{ key: 'nope', equals: 'x' }])).rejects.toMatchObject({ extensions: { field: 'filter.customFields[0].key' } });
      await expect(matching([{ key: 'bag_tag', atLeast: 'a' }])).rejects.toMatchObject({ extensions: { field: 'filter.customFields[0].atLeast' } });
      await expect(matching([{ key: 'weight_kg', atLeast: '1; DROP' }])).rejects.toMatchObject({ extensions: { field: 'filter.customFields[0].atLeast' } });
    });
  });

  describe('bulk actions', () => {
    it('acts on each item on its own and records the whole action once, with each outcome', async () => {
      const unexpected: string[] = [];
      const bulk = new BulkActions(dataSource, clock);
      const done: string[] = [];
      const action = await bulk.run({ kind: 'CLOSE', itemIds: ['a', 'b', 'a', 'c'], parameters: { reason: 'duplicates' } }, sue, async (id) => {
        if (id === 'b') throw new ConflictError('Cannot close b: it is ASSIGNED');
        if (id === 'c') throw new Error('connection reset');
        done.push(id);
      }, 'input.ids', (_error, itemId) => unexpected.push(itemId));
      expect(done).toEqual(['a']);
      expect(unexpected).toEqual(['c']);
      expect(action).toMatchObject({ kind: 'CLOSE', requestedBy: 'supervisor-sue', succeededCount: 1, failedCount: 2 });
      const stored = await dataSource.getRepository(BulkAction).findOneByOrFail({ id: action.id });
      expect(stored.items).toEqual([
        { itemId: 'a', outcome: BulkItemOutcome.SUCCEEDED, errorCode: null, errorMessage: null },
        { itemId: 'b', outcome: BulkItemOutcome.FAILED, errorCode: 'CONFLICT', errorMessage: 'Cannot close b: it is ASSIGNED' },
        { itemId: 'c', outcome: BulkItemOutcome.FAILED, errorCode: 'INTERNAL_SERVER_ERROR', errorMessage: 'The action failed unexpectedly on this item' },
      ]);
      await expect(bulk.run({ kind: 'TAG', itemIds: [], parameters: {} }, sue, async () => undefined)).rejects.toMatchObject({ extensions: { field: 'input.ids' } });
      expect((await bulk.takenBy('supervisor-sue')).map((taken) => taken.id)).toEqual([action.id]);
    });
  });
});
