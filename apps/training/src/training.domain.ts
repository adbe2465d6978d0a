import type { SubgraphRuntime } from '@carebridge/service-kit';
import { PersonalDataAccessLog } from '@carebridge/personal-data-access';
import { complianceStaffRecords } from './compliance/compliance-staff-records';
import { OverdueDetection } from './compliance/overdue-detection';
import { TrainingCompliance } from './compliance/training-compliance';
import { CertificateExpiry } from './course/certificate-expiry';
import { CourseCatalogue } from './course/course-catalogue';
import { CourseCompletion } from './course/course-completion';
import { courseStaffRecords } from './course/course-staff-records';
import { QuizTaking } from './course/quiz-taking';
import { EvaluationDrafting } from './evaluation/evaluation-drafting';
import { EvaluationQueries } from './evaluation/evaluation-queries';
import { EvaluationSignOff } from './evaluation/evaluation-sign-off';
import { evaluationStaffRecords } from './evaluation/evaluation-staff-records';
import { KpiStandards } from './evaluation/kpi-standards';
import { Calibration } from './quality/calibration';
import { ProcedureFeedbackGiving } from './quality/procedure-feedback';
import { QaReviewing } from './quality/qa-reviewing';
import { qualityStaffRecords } from './quality/quality-staff-records';
import { ReviewableCases } from './quality/reviewable-cases';
import { ScorecardDesign } from './quality/scorecard-design';
import { StaffDataRights } from './staff/staff-data-rights';
import { StaffRoster } from './staff/staff-roster';
import { AttendanceRecording } from './training-session/attendance-recording';
import { SessionAttendance } from './training-session/session-attendance';
import { SessionEnrolments } from './training-session/session-enrolment';
import { SessionScheduling } from './training-session/session-scheduling';
import { sessionStaffRecords } from './training-session/session-staff-records';
import { ArticleFeedbackGiving } from './knowledge/article-feedback';
import { ArticlePublication } from './knowledge/article-publication';
import { ArticleQueries } from './knowledge/article-queries';
import { ArticleReview } from './knowledge/article-review';
import { ArticleVersions } from './knowledge/article-versions';
import { ArticleWriting } from './knowledge/article-writing';
import { SolvedCases } from './knowledge/solved-cases';
import { ArticleSuggestions } from './search/article-suggestions';
import { ContentGaps } from './search/content-gaps';
import { InquiryContexts } from './search/inquiry-context';
import { KnowledgeSearch } from './search/knowledge-search';
import { KnowledgeSearchIndex } from './search/search-index';
import { SynonymList } from './search/synonym-list';
import type { TrainingSettings } from './training.settings';

/** The training service's use cases, wired once: by the subgraph, and by the test fixture. */
export function trainingDomain(runtime: Pick<SubgraphRuntime, 'dataSource' | 'outbox' | 'clock'>, settings: TrainingSettings) {
  const knowledge = knowledgeBase(runtime, settings);
  return { ...teamDevelopment(runtime, settings, knowledge.queries), knowledge };
}

/**
 * Courses, sessions and compliance (T-5.1, A-5.2), QA reviews, KPI standards and evaluations
 * (T-5.4), procedure feedback, on training's staff roster; each folder's records of a person
 * are listed once for their export and erasure.
 */
function teamDevelopment({ dataSource, outbox, clock }: Pick<SubgraphRuntime, 'dataSource' | 'outbox' | 'clock'>, settings: TrainingSettings, articles: ArticleQueries) {
  const staff = new StaffRoster(dataSource, clock);
  // Who read which staff member's evaluation unmasked (the log's subject is their roster id).
  const accessLog = new PersonalDataAccessLog(dataSource, clock);
  const courseCatalogue = new CourseCatalogue(dataSource, clock);
  const courseCompletion = new CourseCompletion(outbox, clock, new SessionAttendance());
  const sessionScheduling = new SessionScheduling(dataSource, clock, {
    courseExists: async (courseId, manager) => (await courseCatalogue.find(courseId, manager)) !== null,
    roleOf: async (userId, manager) => (await staff.find(userId, manager))?.role ?? null,
  });
  const scorecards = new ScorecardDesign(dataSource, clock);
  const reviewableCases = new ReviewableCases();
  const qaReviewing = new QaReviewing(dataSource, outbox, clock, scorecards, staff, reviewableCases);
  const kpiStandards = new KpiStandards(dataSource, clock);
  const evaluationDrafting = new EvaluationDrafting(dataSource, clock, kpiStandards, staff, qaReviewing, settings.recognitionScore);
  return {
    staff,
    accessLog,
    staffDataRights: new StaffDataRights(dataSource, clock, accessLog, [
      ...sessionStaffRecords(),
      ...courseStaffRecords(),
      ...complianceStaffRecords(),
      ...qualityStaffRecords(reviewableCases),
      ...evaluationStaffRecords(),
    ]),
    courseCatalogue,
    courseCompletion,
    quizTaking: new QuizTaking(dataSource, clock, courseCatalogue, courseCompletion, staff),
    certificateExpiry: new CertificateExpiry(dataSource),
    sessionScheduling,
    sessionEnrolments: new SessionEnrolments(dataSource, clock, sessionScheduling, staff),
    attendanceRecording: new AttendanceRecording(dataSource, clock, sessionScheduling, courseCompletion),
    overdueDetection: new OverdueDetection(dataSource, outbox),
    trainingCompliance: new TrainingCompliance(dataSource, clock),
    scorecards,
    qaReviewing,
    reviewableCases,
    calibration: new Calibration(dataSource, clock, scorecards, staff, reviewableCases),
    procedureFeedback: new ProcedureFeedbackGiving(dataSource, outbox, clock, articles),
    kpiStandards,
    evaluationDrafting,
    evaluationSignOff: new EvaluationSignOff(dataSource, outbox, clock, evaluationDrafting, staff),
    evaluationQueries: new EvaluationQueries(dataSource),
  };
}

/** The knowledge base (T-5.2) and its search: publication writes the search index in its own transaction. */
function knowledgeBase({ dataSource, outbox, clock }: Pick<SubgraphRuntime, 'dataSource' | 'outbox' | 'clock'>, settings: TrainingSettings) {
  const analysis = { bigrams: settings.knowledgeSearchBigrams };
  const publication = new ArticlePublication(new KnowledgeSearchIndex(analysis), outbox);
  const queries = new ArticleQueries(dataSource);
  const writing = new ArticleWriting(dataSource, clock);
  const synonyms = new SynonymList(dataSource, clock);
  const search = new KnowledgeSearch(dataSource, clock, analysis, synonyms);
  const inquiryContexts = new InquiryContexts();
  return {
    queries,
    writing,
    review: new ArticleReview(dataSource, publication, clock),
    versions: new ArticleVersions(dataSource, publication, clock),
    feedback: new ArticleFeedbackGiving(dataSource, clock),
    solvedCases: new SolvedCases(dataSource, writing),
    search,
    synonyms,
    contentGaps: new ContentGaps(dataSource),
    inquiryContexts,
    suggestions: new ArticleSuggestions(dataSource, inquiryContexts, search),
  };
}

export type TrainingDomain = ReturnType<typeof trainingDomain>;
