import { PERSONAL_DATA_ACCESS_ENTITIES, PERSONAL_DATA_ACCESS_MIGRATIONS } from '@carebridge/personal-data-access';
import { defineSubgraph } from '@carebridge/service-kit';
import { TrainingOverdue } from './compliance/training-overdue.entity';
import { Certificate } from './course/certificate.entity';
import { Course } from './course/course.entity';
import { QuizAttempt } from './course/quiz-attempt.entity';
import { AgentPeriodFigures } from './evaluation/agent-period-figures.entity';
import { Evaluation } from './evaluation/evaluation.entity';
import { KpiStandard } from './evaluation/kpi-standard.entity';
import { ArticleFeedback } from './knowledge/article-feedback.entity';
import { KnowledgeArticle, KnowledgeArticleVersion, KnowledgeCategory } from './knowledge/knowledge-article.entity';
import { KnowledgeBase1765200000000 } from './migrations/1765200000000-KnowledgeBase';
import { TrainingAndQuality1765250000000 } from './migrations/1765250000000-TrainingAndQuality';
import { SearchAtScale1765300000000 } from './migrations/1765300000000-SearchAtScale';
import { SynonymsAndReviewableCases1765310000000 } from './migrations/1765310000000-SynonymsAndReviewableCases';
import { KnowledgeSynonymChange, KnowledgeSynonymGroup } from './search/synonym.entity';
import { CalibrationSession } from './quality/calibration-session.entity';
import { ProcedureFeedback } from './quality/procedure-feedback.entity';
import { QaReview } from './quality/qa-review.entity';
import { Scorecard } from './quality/scorecard.entity';
import { InquiryReference } from './references/inquiry.reference';
import { trainingDomain } from './training.domain';
import { trainingEventHandlers } from './training.event-handlers';
import { trainingJobs } from './training.jobs';
import { trainingReferences } from './training.references';
import { trainingResolvers } from './training.resolvers';
import { StaffMember } from './staff/staff-member.entity';
import { SessionEnrolment, TrainingSession } from './training-session/training-session.entity';
import { trainingSettings } from './training.settings';

/** training: The training service. */
export const trainingSubgraph = defineSubgraph({
  name: 'training',
  entities: [
    KnowledgeCategory,
    KnowledgeArticle,
    KnowledgeArticleVersion,
    ArticleFeedback,
    KnowledgeSynonymGroup,
    KnowledgeSynonymChange,
    // Courses, sessions, compliance, quality, evaluation, staff
    StaffMember,
    Course,
    QuizAttempt,
    Certificate,
    TrainingSession,
    SessionEnrolment,
    TrainingOverdue,
    Scorecard,
    QaReview,
    CalibrationSession,
    ProcedureFeedback,
    KpiStandard,
    AgentPeriodFigures,
    Evaluation,
    // Who read which staff member's evaluation
    ...PERSONAL_DATA_ACCESS_ENTITIES,
  ],
  migrations: [KnowledgeBase1765200000000, TrainingAndQuality1765250000000, SearchAtScale1765300000000, SynonymsAndReviewableCases1765310000000, ...PERSONAL_DATA_ACCESS_MIGRATIONS],
  build(runtime) {
    const settings = trainingSettings(runtime.env);
    const domain = trainingDomain(runtime, settings);
    return {
      resolvers: trainingResolvers(domain),
      references: trainingReferences(domain),
      orphanedTypes: [InquiryReference],
      eventHandlers: trainingEventHandlers(domain),
      jobs: trainingJobs(domain, settings),
    };
  },
});
