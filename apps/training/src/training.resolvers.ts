import { ComplianceResolver } from './compliance/compliance.resolver';
import { CertificateResolver, CourseModuleResolver, CourseResolver } from './course/course.resolver';
import { EvaluationResolver } from './evaluation/evaluation.resolver';
import { CalibrationResolver, ProcedureFeedbackResolver, QaReviewResolver } from './quality/quality.resolver';
import { StaffResolver } from './staff/staff.resolver';
import { SessionEnrolmentResolver, TrainingSessionResolver } from './training-session/training-session.resolver';
import { KnowledgeArticleResolver } from './knowledge/knowledge.resolver';
import { InquirySuggestionsResolver, KnowledgeSearchResolver } from './search/search.resolver';
import { KnowledgeSynonymResolver } from './search/synonym.resolver';
import type { TrainingDomain } from './training.domain';

/** The GraphQL resolvers of training; each calls use cases of the domain and nothing else. */
export function trainingResolvers(domain: TrainingDomain): object[] {
  return [
    // Courses, sessions, compliance, quality, evaluation, staff
    new StaffResolver(domain.staff, domain.staffDataRights),
    new CourseResolver(domain.courseCatalogue, domain.quizTaking),
    new CourseModuleResolver(domain.knowledge.queries),
    new CertificateResolver(domain.courseCatalogue),
    new TrainingSessionResolver(domain.sessionScheduling, domain.sessionEnrolments, domain.attendanceRecording),
    new SessionEnrolmentResolver(domain.sessionEnrolments),
    new ComplianceResolver(domain.trainingCompliance),
    new QaReviewResolver(domain.scorecards, domain.qaReviewing),
    new CalibrationResolver(domain.calibration),
    new ProcedureFeedbackResolver(domain.procedureFeedback),
    new EvaluationResolver(domain.kpiStandards, domain.evaluationDrafting, domain.evaluationSignOff, domain.evaluationQueries, domain.accessLog),
    new KnowledgeArticleResolver(domain.knowledge),
    new KnowledgeSearchResolver(domain.knowledge.search, domain.knowledge.contentGaps, domain.knowledge.queries),
    new InquirySuggestionsResolver(domain.knowledge.suggestions),
    new KnowledgeSynonymResolver(domain.knowledge.synonyms),
  ];
}
