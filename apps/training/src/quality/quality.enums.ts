import { enumOf, type EnumValue } from '@carebridge/event-contracts';
import { registerEnumType } from 'type-graphql';

/** What a QA review scores: an inquiry (inquiry service) or a complaint (complaint service). */
export const ReviewedCaseKind = enumOf(['INQUIRY', 'COMPLAINT']);
export type ReviewedCaseKind = EnumValue<typeof ReviewedCaseKind>;
registerEnumType(ReviewedCaseKind, { name: 'ReviewedCaseKind', description: 'INQUIRY or COMPLAINT.' });

export const CalibrationStatus = enumOf(['OPEN', 'CLOSED']);
export type CalibrationStatus = EnumValue<typeof CalibrationStatus>;
registerEnumType(CalibrationStatus, { name: 'CalibrationStatus', description: 'OPEN (reviewers score the case) or CLOSED (the spread is final).' });

/** The rubric most contact-centre scorecards start from (weights in percent). */
export const DEFAULT_CATEGORIES = [
  { key: 'greeting', label: 'Greeting', weight: 10 },
  { key: 'understanding', label: 'Understanding the need', weight: 20 },
  { key: 'correct_solution', label: 'Correct solution', weight: 30 },
  { key: 'tone', label: 'Tone', weight: 15 },
  { key: 'closing', label: 'Closing', weight: 10 },
  { key: 'documentation', label: 'Documentation', weight: 15 },
] as const;
