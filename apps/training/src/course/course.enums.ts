import { enumOf, type EnumValue } from '@carebridge/event-contracts';
import { registerEnumType } from 'type-graphql';

/**
 * What completes a course, as Moodle's completion conditions: every condition the rule names must
 * be met (attendance of a session, a quiz attempt at or above the pass mark, or both).
 */
export const CompletionRule = enumOf(['ATTENDANCE', 'QUIZ', 'ATTENDANCE_AND_QUIZ']);
export type CompletionRule = EnumValue<typeof CompletionRule>;
registerEnumType(CompletionRule, {
  name: 'CompletionRule',
  description: 'ATTENDANCE (attended a session), QUIZ (a quiz attempt at or above the pass mark), ATTENDANCE_AND_QUIZ (both).',
});

export const needsAttendance = (rule: CompletionRule) => rule !== CompletionRule.QUIZ;
export const needsQuiz = (rule: CompletionRule) => rule !== CompletionRule.ATTENDANCE;

/** Where a certificate stands: valid, due for recertification before it expires, expired, or renewed by a newer one. */
export const CertificateStatus = enumOf(['VALID', 'RECERTIFICATION_DUE', 'EXPIRED', 'RENEWED']);
export type CertificateStatus = EnumValue<typeof CertificateStatus>;
registerEnumType(CertificateStatus, {
  name: 'CertificateStatus',
  description: 'VALID, RECERTIFICATION_DUE (still valid, to be renewed before it expires), EXPIRED (to be renewed: overdue if mandatory), RENEWED (a newer certificate replaced it).',
});

/** The certificates that stand for a person's current state of a course (all but RENEWED). */
export const CURRENT_CERTIFICATE_STATUSES: readonly CertificateStatus[] = [CertificateStatus.VALID, CertificateStatus.RECERTIFICATION_DUE, CertificateStatus.EXPIRED];
