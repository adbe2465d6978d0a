import type { Identity } from '@carebridge/auth';
import { BadUserInputError } from '@carebridge/domain';
import type { DataSource, EntityManager } from 'typeorm';
import type { ArticleWriting } from './article-writing';
import type { KnowledgeArticle } from './knowledge-article.entity';
import type { DraftArticleFromCaseInput } from './knowledge.inputs';
import { redactPersonalData } from './personal-data-redaction';

/** What a closed inquiry says, as inquiry.closed carries it. */
export interface ClosedInquiry {
  inquiryId: string;
  category: string;
  closedAt: string;
  subject?: string;
  conversation?: { direction: 'INBOUND' | 'OUTBOUND'; body: string }[];
  contactName?: string | null;
}

/** What a closed complaint says, as complaint.closed carries it. */
export interface ClosedComplaint {
  complaintId: string;
  closedAt: string;
  category?: string;
  description?: string;
  resolutionExplanation?: string | null;
}

/**
 * Solved cases as the ground for new articles (T-5.2): their text is kept with personal data
 * removed (the customer's name is used to remove it, never kept), and a trainer or agent drafts
 * an article from one.
 */
export class SolvedCases {
  constructor(
    private readonly dataSource: DataSource,
    private readonly writing: ArticleWriting,
  ) {}

  async inquiryClosed(manager: EntityManager, inquiry: ClosedInquiry): Promise<void> {
    if (!inquiry.conversation?.length) return;
    const names = [inquiry.contactName];
    const clean = (text: string) => redactPersonalData(text, names).trim();
    const question = inquiry.conversation.filter((m) => m.direction === 'INBOUND').map((m) => clean(m.body)).join('\n\n');
    const answer = inquiry.conversation.filter((m) => m.direction === 'OUTBOUND').map((m) => clean(m.body)).join('\n\n');
    await manager.query(
      `INSERT INTO knowledge_solved_case (source, case_id, category, subject, question, answer, solved_at) VALUES ('INQUIRY', $1, $2, $3, $4, $5, $6)
       ON CONFLICT (source, case_id) DO UPDATE SET category = EXCLUDED.category, subject = EXCLUDED.subject, question = EXCLUDED.question, answer = EXCLUDED.answer, solved_at = EXCLUDED.solved_at`,
      [inquiry.inquiryId, inquiry.category, clean(inquiry.subject ?? ''), question, answer, inquiry.closedAt],
    );
  }

  /** A closed complaint: the customer's description is the question, the explanation given with the resolution the answer. */
  async complaintClosed(manager: EntityManager, complaint: ClosedComplaint): Promise<void> {
    if (!complaint.description?.trim()) return;
    const question = redactPersonalData(complaint.description).trim();
    const answer = redactPersonalData(complaint.resolutionExplanation ?? '').trim();
    // A complaint has no subject line: its first sentence stands for one.
    const subject = (question.split(/(?<=[.!?。！？])\s*/)[0] ?? question).slice(0, 120);
    await manager.query(
      `INSERT INTO knowledge_solved_case (source, case_id, category, subject, question, answer, solved_at) VALUES ('COMPLAINT', $1, $2, $3, $4, $5, $6)
       ON CONFLICT (source, case_id) DO UPDATE SET category = EXCLUDED.category, subject = EXCLUDED.subject, question = EXCLUDED.question, answer = EXCLUDED.answer, solved_at = EXCLUDED.solved_at`,
      [complaint.complaintId, complaint.category ?? '', subject, question, answer, complaint.closedAt],
    );
  }

  /** A draft whose title is the case's subject and whose text is the question and the answer given. */
  async draftArticle(input: DraftArticleFromCaseInput, by: Identity): Promise<KnowledgeArticle> {
    const [solved] = await this.dataSource.query(`SELECT subject, question, answer FROM knowledge_solved_case WHERE source = $1 AND case_id = $2`, [input.source, input.caseId]);
    if (!solved) throw BadUserInputError.field('input.caseId', 'solved', `no solved ${input.source.toLowerCase()} with id "${input.caseId}" is known`);
    const body = [solved.question, solved.answer].filter((part: string) => part.trim()).join('\n\n');
    const article = await this.writing.create(
      {
        kind: input.kind,
        locale: input.locale,
        visibility: 'INTERNAL',
        categoryId: input.categoryId,
        section: input.section,
        title: (solved.subject || solved.question).slice(0, 200),
        body: body || solved.subject,
        tags: [],
      },
      by,
      `${input.source}:${input.caseId}`,
    );
    return article;
  }
}
