import type { CourseInput } from './course.inputs';

/** A quiz of four questions; the right answers are [0, 2, 1, 0]. */
export const quiz = [
  { prompt: 'Whom do you call first when a traveller is hurt abroad?', options: ['The insurer’s emergency line', 'The hotel', 'The airline'], correctOption: 0 },
  { prompt: 'Within how many hours is a medical incident reported?', options: ['72', '24', '2'], correctOption: 2 },
  { prompt: 'May you give the traveller’s diagnosis to their employer?', options: ['Yes', 'No'], correctOption: 1 },
  { prompt: 'Which form records the incident?', options: ['Incident report', 'Complaint form'], correctOption: 0 },
];

/** A course mandatory for agents, completed by the quiz (pass mark 75), its certificate valid a year. */
export const emergencyCourse = (overrides: Partial<CourseInput> = {}): CourseInput => ({
  title: 'Emergency assistance abroad',
  description: 'What to do when a traveller is hurt or stranded.',
  modules: [{ title: 'First call', summary: null, articleIds: ['6a1b7c1e-0c55-4d36-9a8e-1f2b3c4d5e60'] }],
  mandatoryForRoles: ['agent'],
  completionDueDays: 30,
  completionRule: 'QUIZ',
  quizPassMark: 75,
  quiz,
  maxQuizAttempts: 3,
  certificateValidityDays: 365,
  recertificationNoticeDays: 30,
  ...overrides,
});
