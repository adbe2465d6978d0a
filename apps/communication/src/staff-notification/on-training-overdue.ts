import { trainingOverdue } from '@carebridge/event-contracts';
import { type EventHandler, onEvent } from '@carebridge/messaging';
import type { Locale } from '../template/template.enums';
import type { StaffNotifying } from './staff-notifying';

const REASONS: Record<Locale, Record<'NEVER_COMPLETED' | 'CERTIFICATE_EXPIRED', string>> = {
  en: { NEVER_COMPLETED: 'not completed', CERTIFICATE_EXPIRED: 'certificate expired' },
  'zh-CN': { NEVER_COMPLETED: '尚未完成', CERTIFICATE_EXPIRED: '证书已过期' },
};

/**
 * training.overdue: the trainee is told that a course mandatory for their role is overdue, and the
 * supervisors are told whose it is and of which team (the event names the team, not a supervisor).
 */
export function onTrainingOverdue(notifying: StaffNotifying): EventHandler<typeof trainingOverdue> {
  return onEvent(trainingOverdue, async ({ id, data }, manager) => {
    const values = ({ locale, time }: { locale: Locale; time(value: string): string }) => ({ reason: REASONS[locale][data.reason], dueAt: time(data.dueAt) });
    await notifying.notify(manager, {
      causeEventId: id,
      kind: 'TRAINING_OVERDUE',
      templateKey: 'staff.training_overdue',
      recipient: { userId: data.staffUserId },
      subjectType: 'Course',
      subjectId: data.courseId,
      values,
    });
    await notifying.notify(manager, {
      causeEventId: id,
      kind: 'TEAM_TRAINING_OVERDUE',
      templateKey: 'staff.team_training_overdue',
      recipient: { role: 'supervisor' },
      subjectType: 'Course',
      subjectId: data.courseId,
      values: (addressing) => ({ ...values(addressing), trainee: data.staffUserId, team: data.team ?? '–' }),
    });
  });
}
