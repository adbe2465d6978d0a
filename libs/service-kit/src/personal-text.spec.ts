import type { Identity } from '@carebridge/auth';
import { graphql } from 'graphql';
import { Field, ID, ObjectType, Query, Resolver } from 'type-graphql';
import { createLogger } from './logger';
import { requestContext, type RequestContext } from './context';
import { PersonalText, PersonalTextGuard, REDACTED_TEXT } from './personal-data';
import { buildFederatedSchema } from './schema';

@ObjectType('Note')
class Note {
  @Field(() => ID)
  id: string;

  customerId: string | null;

  @PersonalText('Note.text', { customer: (note: Note) => note.customerId, fallbackId: (note: Note) => note.id })
  @Field(() => String, { nullable: true })
  text: string | null;

  @PersonalText('Note.people', { customer: (note: Note) => note.customerId, redact: (people: { name: string }[]) => people.map(() => ({ name: REDACTED_TEXT })) })
  @Field(() => [Person])
  people: Person[];
}

@ObjectType('Person')
class Person {
  @Field()
  name: string;
}

const NOTES: Note[] = [
  Object.assign(new Note(), { id: 'n1', customerId: 'c1', text: 'Passport X1234567', people: [{ name: 'Mira' }] }),
  Object.assign(new Note(), { id: 'n2', customerId: null, text: 'Call me back', people: [] }),
  Object.assign(new Note(), { id: 'n3', customerId: 'c1', text: '', people: [] }),
];

@Resolver()
class NoteResolver {
  @Query(() => [Note])
  notes(): Note[] {
    return NOTES;
  }
}

describe('PersonalText: free text withheld from roles without need, unmasked reads recorded', () => {
  const reads: [string, string, string][] = [];
  const recorder = { disclosed: async (context: RequestContext, customerId: string, field: string) => void reads.push([context.identity?.userId ?? '', customerId, field]) };
  const logger = createLogger({ service: 'test', level: 'silent' });
  const run = async (by: Identity, guard = new PersonalTextGuard(recorder)) => {
    const schema = await buildFederatedSchema([new NoteResolver(), guard]);
    return graphql({ schema, source: '{ notes { id text people { name } } }', contextValue: requestContext(by, logger) });
  };
  beforeEach(() => (reads.length = 0));

  it('shows an analyst and a trainer the shape without the words, and records nothing', async () => {
    for (const roles of [['analyst'], ['trainer']] as const) {
      const answer = await run({ userId: 'u-1', roles: [...roles] });
      expect(answer.errors).toBeUndefined();
      expect(answer.data?.notes).toEqual([
        { id: 'n1', text: '***', people: [{ name: '***' }] },
        { id: 'n2', text: '***', people: [] },
        { id: 'n3', text: '', people: [] },
      ]);
    }
    expect(reads).toEqual([]);
  });

  it('shows the agent the text and records each non-empty read under the customer, or the fallback id', async () => {
    const answer = await run({ userId: 'agent-ana', roles: ['agent'] });
    expect((answer.data?.notes as unknown[])[0]).toEqual({ id: 'n1', text: 'Passport X1234567', people: [{ name: 'Mira' }] });
    expect(reads.sort()).toEqual([
      ['agent-ana', 'c1', 'note.people'],
      ['agent-ana', 'c1', 'note.text'],
      ['agent-ana', 'n2', 'note.text'],
    ]);
  });

  it('fails closed without the service’s recorder: an error, never the text', async () => {
    const answer = await run({ userId: 'agent-ana', roles: ['agent'] }, new PersonalTextGuard());
    expect(answer.errors?.length).toBeGreaterThan(0);
    expect(JSON.stringify(answer.data)).not.toContain('X1234567');
  });
});
