import { people, useCommunication } from '../communication.fixture';
import { MESSAGE_TEMPLATES, templateProblems } from './message-templates';

describe('message templates', () => {
  const world = useCommunication();

  it('have every locale in every version, with only their own placeholders and an example of each', () => {
    expect(MESSAGE_TEMPLATES.flatMap(templateProblems)).toEqual([]);
    expect(new Set(MESSAGE_TEMPLATES.map((t) => t.key)).size).toBe(MESSAGE_TEMPLATES.length);
  });

  it('are listed and previewed through the schema, and a bad locale is a typed error', async () => {
    const listed = await world.run(people.agent, `{ messageTemplates { key purpose audience currentVersion locales } }`);
    expect(listed.data?.messageTemplates).toContainEqual({ key: 'coupon.campaign', purpose: 'MARKETING', audience: 'CUSTOMER', currentVersion: 1, locales: ['en', 'zh-CN'] });
    const preview = await world.run(people.agent, `{ messageTemplatePreview(key: "complaint.registered", locale: "zh-CN") { subject body version } }`);
    expect(preview.data?.messageTemplatePreview).toEqual({ subject: '您的投诉 C-2026-000123 已登记', body: expect.stringContaining('尊敬的Li Wei：'), version: 1 });
    const bad = await world.run(people.agent, `{ messageTemplatePreview(key: "complaint.registered", locale: "fr") { subject } }`);
    expect(bad.errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'locale' });
    const missing = await world.run(people.agent, `{ messageTemplatePreview(key: "nope") { subject } }`);
    expect(missing.errors?.[0].extensions?.code).toBe('NOT_FOUND');
  });
});
