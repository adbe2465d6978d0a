import { BulkAction } from '@carebridge/help-desk';
import { formatGraphQLError } from '@carebridge/service-kit';
import type { ExecutionResult } from 'graphql';
import { type InquiryWorld, openInquiry, people, START } from '../inquiry.fixture';
import { InquiryChannel } from '../channel/channel.enums';
import { InquiryHistoryEntry } from '../inquiry/inquiry.entity';

/** The first error of a result as a client gets it. */
function refusal(result: ExecutionResult): Record<string, unknown> | undefined {
  const [error] = result.errors ?? [];
  return error ? (formatGraphQLError(error.toJSON(), error, { development: false }).extensions as Record<string, unknown>) : undefined;
}

const supervisor = { userId: 'sup-sue', roles: ['supervisor' as const], name: 'Sue Supervisor' };
const DEFINE = `mutation($input: DefineCustomFieldInput!) { defineInquiryCustomField(input: $input) { key } }`;
const SET_FIELDS = `mutation($input: SetInquiryCustomFieldsInput!) { setInquiryCustomFields(input: $input) { id customFields { key value } } }`;
const SAVE = `mutation($input: SaveInquiryViewInput!) { saveInquiryView(input: $input) { id scope team } }`;
const VIEWS = `{ inquiryViews { name count inquiries(first: 10) { edges { node { id } } } } }`;
const BULK = `mutation($input: BulkInquiryActionInput!) { bulkInquiryAction(input: $input) { kind succeededCount failedCount items { itemId outcome errorCode } } }`;

describe('custom fields, saved views and bulk actions on inquiries (real Postgres)', () => {
  let world: InquiryWorld;

  beforeAll(async () => {
    world = await openInquiry();
    world.db.clock.set(START);
    expect((await world.run(people.admin, DEFINE, { input: { key: 'bag_tag', label: 'Bag tag', kind: 'TEXT', categories: ['BAGGAGE'] } })).errors).toBeUndefined();
  });
  afterAll(() => world.close());

  it('sets custom fields checked against their definition, and lists by them', async () => {
    const email = await world.receiveEmail();
    const set = await world.run(people.agent, SET_FIELDS, { input: { inquiryId: email.id, values: [{ key: 'bag_tag', value: 'NH000123' }] } });
    expect(set.errors).toBeUndefined();
    expect(set.data?.setInquiryCustomFields.customFields).toEqual([{ key: 'bag_tag', value: 'NH000123' }]);
    const history = await world.db.dataSource.getRepository(InquiryHistoryEntry).findBy({ inquiryId: email.id, kind: 'CUSTOM_FIELDS_CHANGED' as never });
    expect(history.map((entry) => entry.detail)).toEqual(['Custom fields changed: bag_tag']);
    const unknown = await world.run(people.agent, SET_FIELDS, { input: { inquiryId: email.id, values: [{ key: 'seat', value: '1A' }] } });
    expect(refusal(unknown)).toMatchObject({ code: 'BAD_USER_INPUT', field: 'input.values[0].key' });
    const list = `query($filter: InquiryFilter) { inquiries(filter: $filter) { edges { node { id } } } }`;
    const found = await world.run(people.agent, list, { filter: { customFields: [{ key: 'bag_tag', equals: 'NH000123' }] } });
    expect(found.data?.inquiries.edges.map((e: any) => e.node.id)).toEqual([email.id]);
  });

  it('keeps "chats breaching in the next 10 minutes" relative, and acts in bulk on what the view lists', async () => {
    world.db.clock.set('2026-11-04T09:00:00.000Z');
    const chat = await world.receiveEmail({ channel: InquiryChannel.CHAT, subject: 'Seat change' });
    const view = await world.run(supervisor, SAVE, { input: { name: 'Chats breaching in the next 10 minutes', scope: 'TEAM', team: 'agent', filter: { channel: ['CHAT'], dueWithinMinutes: 10 }, orderBy: 'DUE_AT_ASC' } });
    expect(view.errors).toBeUndefined();
    const read = async () => {
      const result = await world.run(people.agent, VIEWS);
      expect(result.errors).toBeUndefined();
      return result.data?.inquiryViews.map((v: any) => [v.name, v.count, v.inquiries.edges.map((e: any) => e.node.id)]);
    };
    const due = (await world.inquiries.findById(chat.id))?.nextDueAt as Date;
    world.db.clock.set(new Date(due.getTime() - 20 * 60_000));
    expect(await read()).toEqual([['Chats breaching in the next 10 minutes', 0, []]]);
    world.db.clock.set(new Date(due.getTime() - 5 * 60_000));
    expect(await read()).toEqual([['Chats breaching in the next 10 minutes', 1, [chat.id]]]);

    const viewId = view.data?.saveInquiryView.id;
    const urgent = await world.run(supervisor, BULK, { input: { action: 'SET_PRIORITY', viewId, priority: 'URGENT' } });
    expect(urgent.data?.bulkInquiryAction).toMatchObject({ kind: 'SET_PRIORITY', succeededCount: 1, failedCount: 0 });
    const missing = '00000000-0000-4000-8000-000000000000';
    const tagged = await world.run(people.agent, BULK, { input: { action: 'TAG', inquiryIds: [chat.id, missing], addTags: ['seat'] } });
    expect(tagged.data?.bulkInquiryAction.items.map((i: any) => [i.itemId, i.outcome, i.errorCode])).toEqual([
      [chat.id, 'SUCCEEDED', null],
      [missing, 'FAILED', 'NOT_FOUND'],
    ]);
    const reassigned = await world.run(people.agent, BULK, { input: { action: 'REASSIGN', inquiryIds: [chat.id], agentId: 'agent-nobody' } });
    expect(reassigned.data?.bulkInquiryAction.items[0]).toMatchObject({ outcome: 'FAILED', errorCode: 'BAD_USER_INPUT' });
    const closed = await world.run(people.agent, BULK, { input: { action: 'CLOSE', inquiryIds: [chat.id], reason: 'Customer left the chat' } });
    expect(closed.data?.bulkInquiryAction).toMatchObject({ succeededCount: 1 });
    expect(await world.inquiries.findById(chat.id)).toMatchObject({ status: 'CLOSED', priority: 'URGENT', tags: ['seat'] });
    expect(await world.db.dataSource.getRepository(BulkAction).count()).toBe(4);
    expect(refusal(await world.run(people.agent, BULK, { input: { action: 'CLOSE', inquiryIds: [chat.id] } }))).toMatchObject({ code: 'BAD_USER_INPUT', field: 'input.reason' });
  });
});
