import { z } from 'zod';
import { AGENT_PERIOD_KINDS } from './analytics.events';
import { defineEvent, field } from './contract';
import { TOPICS } from './topics';

export const courseCompleted = defineEvent({
  type: 'course.completed',
  version: 1,
  producer: 'training',
  topic: TOPICS.course,
  description: "A staff member met a course's completion criteria (attendance, quiz pass mark, or both) and was certified (T-5.1, A-5.2).",
  schema: z.object({
    courseId: field.id(),
    certificateId: field.id(),
    staffUserId: z.string(),
    /** Whether this completion renews an earlier certificate of the course. */
    recertification: z.boolean(),
    quizScore: z.number().min(0).max(100).nullable(),
    completedAt: field.time(),
    expiresAt: field.time().nullable(),
  }),
  key: (data) => data.courseId,
  personalData: "staffUserId (the staff member's user id): who completed the course, for training records and reports",
});

export const trainingOverdue = defineEvent({
  type: 'training.overdue',
  version: 1,
  producer: 'training',
  topic: TOPICS.course,
  description: 'A staff member became overdue on a course mandatory for their role: never completed by its due date, or the certificate expired. Published once per person, course and due date.',
  schema: z.object({
    courseId: field.id(),
    staffUserId: z.string(),
    team: z.string().nullable(),
    reason: z.enum(['NEVER_COMPLETED', 'CERTIFICATE_EXPIRED']),
    dueAt: field.time(),
    detectedAt: field.time(),
  }),
  key: (data) => data.courseId,
  personalData: "staffUserId (the staff member's user id) and team: whom to remind and whose supervisor to tell",
});

export const qaReviewCompleted = defineEvent({
  type: 'qa_review.completed',
  version: 1,
  producer: 'training',
  topic: TOPICS.qaReview,
  description: "A reviewer scored an agent's inquiry or complaint against a QA scorecard (T-5.4). Calibration reviews do not count toward the agent and are not published.",
  schema: z.object({
    reviewId: field.id(),
    scorecardId: field.id(),
    agentId: z.string(),
    caseKind: z.enum(['INQUIRY', 'COMPLAINT']),
    caseId: field.id(),
    score: z.number().min(0).max(100),
    autoFailed: z.boolean(),
    completedAt: field.time(),
  }),
  key: (data) => data.agentId,
  personalData: "agentId (the reviewed agent's user id) and the score, for the agent's QA results in analytics; never the reviewer's comments",
});

export const evaluationSignedOff = defineEvent({
  type: 'evaluation.signed_off',
  version: 1,
  producer: 'training',
  topic: TOPICS.evaluation,
  description: "A supervisor signed off an agent's periodic evaluation against the KPI standards of their role (T-5.4).",
  schema: z.object({
    evaluationId: field.id(),
    agentId: z.string(),
    period: z.object({ kind: z.enum(AGENT_PERIOD_KINDS), start: field.time(), end: field.time() }),
    overallScore: z.number().min(0),
    excellent: z.boolean(),
    signedOffBy: z.string(),
    signedOffAt: field.time(),
  }),
  key: (data) => data.agentId,
  personalData: "agentId (the agent's user id) with the overall score and the recognition flag, for recognition and reports; never the comments",
});

export const procedureFeedbackGiven = defineEvent({
  type: 'procedure_feedback.given',
  version: 1,
  producer: 'training',
  topic: TOPICS.procedureFeedback,
  description: 'An agent rated a procedure (a knowledge article of kind PROCEDURE) from working with it (A-6), for analytics to evaluate procedures.',
  schema: z.object({
    feedbackId: field.id(),
    articleId: field.id(),
    rating: z.number().int().min(1).max(5),
    commented: z.boolean(),
    givenAt: field.time(),
  }),
  key: (data) => data.articleId,
  personalData: "none: neither the agent nor the comment's words leave training",
});

/** The kinds of knowledge-base article (T-5.2, T-5.3): the words both training and inquiry use. */
export const KNOWLEDGE_ARTICLE_KINDS = ['POLICY', 'FAQ', 'EMERGENCY_PROCEDURE', 'VISA_GUIDE', 'INSURANCE_INFORMATION', 'TRAVEL_NOTES', 'PROCEDURE'] as const;
/** The languages of the knowledge base: ZH_CN (zh-CN) and EN (en). */
export const KNOWLEDGE_LOCALES = ['ZH_CN', 'EN'] as const;
/** Who may read an article: INTERNAL (staff) or PUBLIC (also the customer apps). */
export const KNOWLEDGE_VISIBILITIES = ['INTERNAL', 'PUBLIC'] as const;

export const knowledgeArticlePublished = defineEvent({
  type: 'knowledge_article.published',
  version: 1,
  producer: 'training',
  topic: TOPICS.knowledgeArticle,
  description:
    'A version of a knowledge-base article went live (T-5.2): its first publication, an approved edit or a restored version. Inquiry validates the citations of replies against it.',
  schema: z.object({
    articleId: field.id(),
    versionId: field.id(),
    version: z.number().int().min(1),
    title: z.string(),
    kind: z.enum(KNOWLEDGE_ARTICLE_KINDS),
    locale: z.enum(KNOWLEDGE_LOCALES),
    visibility: z.enum(KNOWLEDGE_VISIBILITIES),
    publishedBy: z.string(),
    publishedAt: field.time(),
  }),
  key: (data) => data.articleId,
  personalData: 'none',
});

export const knowledgeArticleArchived = defineEvent({
  type: 'knowledge_article.archived',
  version: 1,
  producer: 'training',
  topic: TOPICS.knowledgeArticle,
  description: 'A knowledge-base article was taken out of use: it is no longer found, and a reply can no longer cite it.',
  schema: z.object({
    articleId: field.id(),
    lastVersion: z.number().int().min(0),
    archivedBy: z.string(),
    archivedAt: field.time(),
  }),
  key: (data) => data.articleId,
  personalData: 'none',
});
