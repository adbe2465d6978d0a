import { MessagePurpose } from '../delivery/delivery.enums';
import { type Locale, LOCALES, TemplateAudience } from './template.enums';

export interface TemplateText {
  subject: string;
  body: string;
}

/** One version of a template: its text in every locale. A delivery records the version it was rendered from. */
export interface TemplateVersion {
  version: number;
  /** What changed, for whoever reads the history. */
  note: string;
  text: Record<Locale, TemplateText>;
}

/**
 * A message template: what event it tells of, to whom, why (which decides the consent it needs), the
 * placeholders it may use — only what its recipient may see, chosen by the reaction that fills it —
 * example values for previews, and its versions, the last one current.
 */
export interface MessageTemplate {
  key: string;
  description: string;
  audience: TemplateAudience;
  purpose: MessagePurpose;
  placeholders: Record<string, string>;
  example: Record<string, string>;
  versions: TemplateVersion[];
}

const customer = (template: Omit<MessageTemplate, 'audience'>): MessageTemplate => ({ ...template, audience: TemplateAudience.CUSTOMER });
const staff = (template: Omit<MessageTemplate, 'audience' | 'purpose'>): MessageTemplate => ({ ...template, audience: TemplateAudience.STAFF, purpose: MessagePurpose.SERVICE });

const SIGNATURE = { en: 'Kind regards,\nCarebridge customer service', 'zh-CN': '此致\nCarebridge 客户服务' };
const ANSWER_HINT = { en: 'You can answer this e-mail directly.', 'zh-CN': '您可以直接回复此邮件。' };

export const MESSAGE_TEMPLATES: readonly MessageTemplate[] = [
  customer({
    key: 'inquiry.reply',
    description: "An agent's reply to the customer's inquiry (inquiry.replied).",
    purpose: MessagePurpose.SERVICE,
    placeholders: { customerName: 'how the customer is addressed', subject: "the inquiry's subject", reply: "the agent's reply" },
    example: { customerName: 'Li Wei', subject: 'Seat on my flight', reply: 'We have reserved seat 14C for you.' },
    versions: [
      {
        version: 1,
        note: 'first version',
        text: {
          en: { subject: 'Re: {{subject}}', body: `Dear {{customerName}},\n\n{{reply}}\n\n${SIGNATURE.en}\n\n${ANSWER_HINT.en}` },
          'zh-CN': { subject: '回复：{{subject}}', body: `尊敬的{{customerName}}：\n\n{{reply}}\n\n${SIGNATURE['zh-CN']}\n\n${ANSWER_HINT['zh-CN']}` },
        },
      },
    ],
  }),
  customer({
    key: 'complaint.registered',
    description: 'The complaint is registered: its number and when feedback is due (complaint.registered, A-3.2.4).',
    purpose: MessagePurpose.SERVICE,
    placeholders: { customerName: 'how the customer is addressed', registrationNumber: "the complaint's registration number", feedbackDue: 'when feedback is due' },
    example: { customerName: 'Li Wei', registrationNumber: 'C-2026-000123', feedbackDue: '2 Dec 2026, 10:00' },
    versions: [
      {
        version: 1,
        note: 'first version',
        text: {
          en: {
            subject: 'Your complaint {{registrationNumber}} is registered',
            body: `Dear {{customerName}},\n\nwe have registered your complaint under the number {{registrationNumber}}. We will give you feedback by {{feedbackDue}}.\n\n${SIGNATURE.en}\n\n${ANSWER_HINT.en}`,
          },
          'zh-CN': {
            subject: '您的投诉 {{registrationNumber}} 已登记',
            body: `尊敬的{{customerName}}：\n\n我们已登记您的投诉，编号为 {{registrationNumber}}。我们将在 {{feedbackDue}} 之前给您答复。\n\n${SIGNATURE['zh-CN']}\n\n${ANSWER_HINT['zh-CN']}`,
          },
        },
      },
    ],
  }),
  customer({
    key: 'complaint.feedback',
    description: 'The person responsible gave feedback on the complaint (complaint.feedback_given, the 24-hour feedback).',
    purpose: MessagePurpose.SERVICE,
    placeholders: { customerName: 'how the customer is addressed', registrationNumber: "the complaint's registration number" },
    example: { customerName: 'Li Wei', registrationNumber: 'C-2026-000123' },
    versions: [
      {
        version: 1,
        note: 'first version',
        text: {
          en: {
            subject: 'An update on your complaint {{registrationNumber}}',
            body: `Dear {{customerName}},\n\nthe specialist handling your complaint {{registrationNumber}} has looked into it and has given you feedback on what was done and what happens next. We keep you informed until it is resolved.\n\n${SIGNATURE.en}\n\n${ANSWER_HINT.en}`,
          },
          'zh-CN': {
            subject: '关于您的投诉 {{registrationNumber}} 的最新进展',
            body: `尊敬的{{customerName}}：\n\n负责您投诉 {{registrationNumber}} 的专员已进行调查，并就已采取的措施和后续步骤向您作出反馈。在问题解决之前，我们会持续通知您。\n\n${SIGNATURE['zh-CN']}\n\n${ANSWER_HINT['zh-CN']}`,
          },
        },
      },
    ],
  }),
  customer({
    key: 'complaint.resolution',
    description: 'The complaint is resolved, with the compensation granted (complaint.resolved).',
    purpose: MessagePurpose.SERVICE,
    placeholders: { customerName: 'how the customer is addressed', registrationNumber: "the complaint's registration number", compensation: 'the compensation granted, one item a line' },
    example: { customerName: 'Li Wei', registrationNumber: 'C-2026-000123', compensation: '- Refund: 120.00 EUR' },
    versions: [
      {
        version: 1,
        note: 'first version',
        text: {
          en: {
            subject: 'Your complaint {{registrationNumber}} is resolved',
            body: `Dear {{customerName}},\n\nyour complaint {{registrationNumber}} is resolved. As compensation we grant you:\n{{compensation}}\n\n${SIGNATURE.en}\n\n${ANSWER_HINT.en}`,
          },
          'zh-CN': {
            subject: '您的投诉 {{registrationNumber}} 已解决',
            body: `尊敬的{{customerName}}：\n\n您的投诉 {{registrationNumber}} 已解决。我们为您提供以下补偿：\n{{compensation}}\n\n${SIGNATURE['zh-CN']}\n\n${ANSWER_HINT['zh-CN']}`,
          },
        },
      },
    ],
  }),
  customer({
    key: 'document.ready',
    description: 'A requested document was issued and can be downloaded (document.issued).',
    purpose: MessagePurpose.SERVICE,
    placeholders: { customerName: 'how the customer is addressed', documentType: 'the kind of document', documentNumber: "the document's number, or a dash" },
    example: { customerName: 'Li Wei', documentType: 'invoice', documentNumber: 'INV-2026-0042' },
    versions: [
      {
        version: 1,
        note: 'first version',
        text: {
          en: { subject: 'Your {{documentType}} is ready', body: `Dear {{customerName}},\n\nyour {{documentType}} ({{documentNumber}}) is ready to download from your bookings.\n\n${SIGNATURE.en}` },
          'zh-CN': { subject: '您的{{documentType}}已就绪', body: `尊敬的{{customerName}}：\n\n您的{{documentType}}（{{documentNumber}}）已可在您的预订中下载。\n\n${SIGNATURE['zh-CN']}` },
        },
      },
    ],
  }),
  customer({
    key: 'survey.invitation',
    description: "after-sales' post-trip survey, with its signed link (followup_survey.sent, T-4.1).",
    purpose: MessagePurpose.FOLLOW_UP,
    placeholders: { customerName: 'how the customer is addressed', surveyLink: "the survey's signed link", linkExpires: 'when the link stops working' },
    example: { customerName: 'Li Wei', surveyLink: 'https://service.example.com/survey?token=v1.example', linkExpires: '2 Dec 2026, 10:00' },
    versions: [
      {
        version: 1,
        note: 'first version',
        text: {
          en: {
            subject: 'How was your trip?',
            body: `Dear {{customerName}},\n\nwelcome back. Please tell us in two minutes how your trip went:\n\n{{surveyLink}}\n\nThe link works until {{linkExpires}}.\n\n${SIGNATURE.en}`,
          },
          'zh-CN': { subject: '您的旅程如何？', body: `尊敬的{{customerName}}：\n\n欢迎回来。请花两分钟告诉我们您的旅程体验：\n\n{{surveyLink}}\n\n此链接在 {{linkExpires}} 之前有效。\n\n${SIGNATURE['zh-CN']}` },
        },
      },
    ],
  }),
  customer({
    key: 'survey.reminder',
    description: "The one reminder of an unanswered post-trip survey, with the same link (followup_survey.sent, reminder).",
    purpose: MessagePurpose.FOLLOW_UP,
    placeholders: { customerName: 'how the customer is addressed', surveyLink: "the survey's signed link", linkExpires: 'when the link stops working' },
    example: { customerName: 'Li Wei', surveyLink: 'https://service.example.com/survey?token=v1.example', linkExpires: '2 Dec 2026, 10:00' },
    versions: [
      {
        version: 1,
        note: 'first version',
        text: {
          en: { subject: 'A reminder: how was your trip?', body: `Dear {{customerName}},\n\nyou can still tell us how your trip went, until {{linkExpires}}:\n\n{{surveyLink}}\n\n${SIGNATURE.en}` },
          'zh-CN': { subject: '温馨提醒：您的旅程如何？', body: `尊敬的{{customerName}}：\n\n在 {{linkExpires}} 之前，您仍可告诉我们您的旅程体验：\n\n{{surveyLink}}\n\n${SIGNATURE['zh-CN']}` },
        },
      },
    ],
  }),
  customer({
    key: 'baggage.status',
    description: "A baggage file's status changed: opened, bag found, delivery under way or done, closed (baggage_file.*).",
    purpose: MessagePurpose.SERVICE,
    placeholders: { customerName: 'how the customer is addressed', reference: "the baggage file's reference", status: 'what changed' },
    example: { customerName: 'Li Wei', reference: 'PVGMU12345', status: 'Your bag was found.' },
    versions: [
      {
        version: 1,
        note: 'first version',
        text: {
          en: { subject: 'Your baggage file {{reference}}', body: `Dear {{customerName}},\n\n{{status}}\n\nBaggage file: {{reference}}\n\n${SIGNATURE.en}` },
          'zh-CN': { subject: '您的行李档案 {{reference}}', body: `尊敬的{{customerName}}：\n\n{{status}}\n\n行李档案编号：{{reference}}\n\n${SIGNATURE['zh-CN']}` },
        },
      },
    ],
  }),
  customer({
    key: 'coupon.campaign',
    description: "A campaign's coupon for the customer (coupon.issued from a CAMPAIGN): marketing, sent only with the customer's consent.",
    purpose: MessagePurpose.MARKETING,
    placeholders: { customerName: 'how the customer is addressed', value: "the coupon's value", validUntil: 'until when it can be redeemed' },
    example: { customerName: 'Li Wei', value: '10 %', validUntil: '31 Dec 2026' },
    versions: [
      {
        version: 1,
        note: 'first version',
        text: {
          en: { subject: 'A coupon for your next trip', body: `Dear {{customerName}},\n\nhere is a coupon worth {{value}} for your next trip, valid until {{validUntil}}.\n\n${SIGNATURE.en}` },
          'zh-CN': { subject: '您的下次旅行优惠券', body: `尊敬的{{customerName}}：\n\n送您一张价值 {{value}} 的优惠券，可用于下次旅行，有效期至 {{validUntil}}。\n\n${SIGNATURE['zh-CN']}` },
        },
      },
    ],
  }),
  customer({
    key: 'coupon.granted',
    description: 'A coupon staff granted the customer by hand (coupon.issued, MANUAL): a service message, whatever the marketing consent.',
    purpose: MessagePurpose.SERVICE,
    placeholders: { customerName: 'how the customer is addressed', value: "the coupon's value", validUntil: 'until when it can be redeemed' },
    example: { customerName: 'Li Wei', value: '50.00 EUR', validUntil: '31 Dec 2026' },
    versions: [
      {
        version: 1,
        note: 'first version',
        text: {
          en: { subject: 'A coupon for you', body: `Dear {{customerName}},\n\nwe have granted you a coupon worth {{value}}, valid until {{validUntil}}. You find its code in your account.\n\n${SIGNATURE.en}` },
          'zh-CN': { subject: '您的优惠券', body: `尊敬的{{customerName}}：\n\n我们为您发放了一张价值 {{value}} 的优惠券，有效期至 {{validUntil}}。券码可在您的账户中查看。\n\n${SIGNATURE['zh-CN']}` },
        },
      },
    ],
  }),
  staff({
    key: 'staff.complaint_assigned',
    description: 'A complaint was assigned to the staff member (complaint.assigned).',
    placeholders: { registrationNumber: "the complaint's registration number", reason: 'why, or a dash' },
    example: { registrationNumber: 'C-2026-000123', reason: 'urgent, your department' },
    versions: [
      {
        version: 1,
        note: 'first version',
        text: {
          en: { subject: 'Complaint {{registrationNumber}} assigned to you', body: 'Complaint {{registrationNumber}} was assigned to you ({{reason}}).' },
          'zh-CN': { subject: '投诉 {{registrationNumber}} 已分配给您', body: '投诉 {{registrationNumber}} 已分配给您（{{reason}}）。' },
        },
      },
    ],
  }),
  staff({
    key: 'staff.approval_waiting',
    description: "Compensation above the approval threshold waits for a supervisor's approval (compensation.approval_requested).",
    placeholders: { registrationNumber: "the complaint's registration number", count: 'how many items wait' },
    example: { registrationNumber: 'C-2026-000123', count: '1' },
    versions: [
      {
        version: 1,
        note: 'first version',
        text: {
          en: { subject: 'Approval waiting: complaint {{registrationNumber}}', body: 'Compensation on complaint {{registrationNumber}} waits for your approval ({{count}} item(s)).' },
          'zh-CN': { subject: '待审批：投诉 {{registrationNumber}}', body: '投诉 {{registrationNumber}} 的补偿等待您的审批（{{count}} 项）。' },
        },
      },
    ],
  }),
  staff({
    key: 'staff.complaint_sla_breached',
    description: 'A complaint passed one of its deadlines (complaint.sla_breached).',
    placeholders: { registrationNumber: "the complaint's registration number, or its id", deadline: 'which deadline', dueAt: 'when it was due' },
    example: { registrationNumber: 'C-2026-000123', deadline: 'FEEDBACK', dueAt: '2 Dec 2026, 10:00' },
    versions: [
      {
        version: 1,
        note: 'first version',
        text: {
          en: { subject: 'Deadline passed: complaint {{registrationNumber}}', body: 'The {{deadline}} deadline of complaint {{registrationNumber}} passed (due {{dueAt}}).' },
          'zh-CN': { subject: '已超期：投诉 {{registrationNumber}}', body: '投诉 {{registrationNumber}} 的 {{deadline}} 期限已过（截止 {{dueAt}}）。' },
        },
      },
    ],
  }),
  staff({
    key: 'staff.complaint_sla_at_risk',
    description: 'A complaint is in the last part of the time for one of its deadlines (complaint.sla_at_risk).',
    placeholders: { registrationNumber: "the complaint's registration number, or its id", deadline: 'which deadline', dueAt: 'when it is due' },
    example: { registrationNumber: 'C-2026-000123', deadline: 'FEEDBACK', dueAt: '2 Dec 2026, 10:00' },
    versions: [
      {
        version: 1,
        note: 'first version',
        text: {
          en: { subject: 'Deadline at risk: complaint {{registrationNumber}}', body: 'The {{deadline}} deadline of complaint {{registrationNumber}} is close: due {{dueAt}}.' },
          'zh-CN': { subject: '即将超期：投诉 {{registrationNumber}}', body: '投诉 {{registrationNumber}} 的 {{deadline}} 期限即将到期：截止 {{dueAt}}。' },
        },
      },
    ],
  }),
  staff({
    key: 'staff.inquiry_sla_at_risk',
    description: 'An inquiry is in the last part of the time for its response target (inquiry.sla_at_risk).',
    placeholders: { target: 'which target', channel: 'the channel', dueAt: 'when it is due' },
    example: { target: 'FIRST_RESPONSE', channel: 'EMAIL', dueAt: '2 Dec 2026, 10:00' },
    versions: [
      {
        version: 1,
        note: 'first version',
        text: {
          en: { subject: 'Response target at risk on an {{channel}} inquiry', body: 'The {{target}} target of an {{channel}} inquiry is close: due {{dueAt}}.' },
          'zh-CN': { subject: '{{channel}} 咨询即将超过响应时限', body: '一条 {{channel}} 咨询的 {{target}} 时限即将到期：截止 {{dueAt}}。' },
        },
      },
    ],
  }),
  staff({
    key: 'staff.inquiry_sla_breached',
    description: 'An inquiry passed its response target (inquiry.sla_breached).',
    placeholders: { target: 'which target', channel: 'the channel', dueAt: 'when it was due' },
    example: { target: 'FIRST_RESPONSE', channel: 'EMAIL', dueAt: '2 Dec 2026, 10:00' },
    versions: [
      {
        version: 1,
        note: 'first version',
        text: {
          en: { subject: 'Response target passed on an {{channel}} inquiry', body: 'An {{channel}} inquiry passed its {{target}} target (due {{dueAt}}).' },
          'zh-CN': { subject: '{{channel}} 咨询已超过响应时限', body: '一条 {{channel}} 咨询已超过 {{target}} 时限（截止 {{dueAt}}）。' },
        },
      },
    ],
  }),
  staff({
    key: 'staff.service_recovery_task',
    description: 'A detractor survey answer opened a service-recovery task (service_recovery.opened).',
    placeholders: { nps: 'the NPS given', dueAt: 'when the task is due' },
    example: { nps: '3', dueAt: '3 Dec 2026, 10:00' },
    versions: [
      {
        version: 1,
        note: 'first version',
        text: {
          en: { subject: 'Service-recovery task due {{dueAt}}', body: 'A customer answered the post-trip survey with NPS {{nps}}: a service-recovery task is due {{dueAt}}.' },
          'zh-CN': { subject: '服务补救任务，截止 {{dueAt}}', body: '一位客户在行程后调查中给出 NPS {{nps}}：服务补救任务须在 {{dueAt}} 前完成。' },
        },
      },
    ],
  }),
  staff({
    key: 'staff.partner_task_overdue',
    description: "An incident's coordination task with a partner passed its due time unanswered (partner_task.overdue).",
    placeholders: { partnerKind: 'the kind of partner', dueAt: 'when it was due' },
    example: { partnerKind: 'HOTEL', dueAt: '2 Dec 2026, 10:00' },
    versions: [
      {
        version: 1,
        note: 'first version',
        text: {
          en: { subject: 'Partner task overdue ({{partnerKind}})', body: 'Your coordination task with a {{partnerKind}} partner is overdue (due {{dueAt}}).' },
          'zh-CN': { subject: '合作方任务已逾期（{{partnerKind}}）', body: '您与 {{partnerKind}} 合作方的协调任务已逾期（截止 {{dueAt}}）。' },
        },
      },
    ],
  }),
  staff({
    key: 'staff.training_overdue',
    description: 'A course mandatory for the trainee\'s role is overdue (training.overdue), to the trainee.',
    placeholders: { reason: 'never completed or certificate expired', dueAt: 'when it was due' },
    example: { reason: 'not completed', dueAt: '2 Dec 2026, 10:00' },
    versions: [
      {
        version: 1,
        note: 'first version',
        text: {
          en: { subject: 'Mandatory training overdue', body: 'A course mandatory for your role is overdue ({{reason}}, due {{dueAt}}). Please complete it in the training catalogue.' },
          'zh-CN': { subject: '必修培训已逾期', body: '您岗位的一门必修课程已逾期（{{reason}}，截止 {{dueAt}}）。请在培训目录中完成。' },
        },
      },
    ],
  }),
  staff({
    key: 'staff.team_training_overdue',
    description: "A trainee's mandatory course is overdue (training.overdue), to the supervisors.",
    placeholders: { trainee: "the trainee's user id", team: 'their team, or a dash', reason: 'never completed or certificate expired', dueAt: 'when it was due' },
    example: { trainee: 'agent-ana', team: 'Hotline', reason: 'not completed', dueAt: '2 Dec 2026, 10:00' },
    versions: [
      {
        version: 1,
        note: 'first version',
        text: {
          en: { subject: 'Training overdue: {{trainee}} ({{team}})', body: '{{trainee}} of team {{team}} is overdue on a mandatory course ({{reason}}, due {{dueAt}}).' },
          'zh-CN': { subject: '培训逾期：{{trainee}}（{{team}}）', body: '{{team}} 团队的 {{trainee}} 有一门必修课程已逾期（{{reason}}，截止 {{dueAt}}）。' },
        },
      },
    ],
  }),
];

export function templateNamed(key: string): MessageTemplate | undefined {
  return MESSAGE_TEMPLATES.find((t) => t.key === key);
}

export function currentVersion(template: MessageTemplate): TemplateVersion {
  return template.versions[template.versions.length - 1];
}

/** Every locale of every version uses only the template's placeholders, and each of them. */
export function templateProblems(template: MessageTemplate): string[] {
  const problems: string[] = [];
  for (const version of template.versions) {
    for (const locale of LOCALES) {
      const text = version.text[locale];
      if (!text) {
        problems.push(`${template.key} v${version.version}: no ${locale} text`);
        continue;
      }
      const used = new Set([...`${text.subject}\n${text.body}`.matchAll(/\{\{(\w+)\}\}/g)].map((m) => m[1]));
      for (const name of used) if (!(name in template.placeholders)) problems.push(`${template.key} v${version.version} ${locale}: unknown placeholder {{${name}}}`);
    }
  }
  for (const name of Object.keys(template.placeholders)) if (!(name in template.example)) problems.push(`${template.key}: no example for {{${name}}}`);
  return problems;
}
