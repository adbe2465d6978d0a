import { followUpSurveyAnswered, followUpSurveySent } from '@carebridge/event-contracts';
import { type EventHandler, onEvent } from '@carebridge/messaging';
import type { CaseRecording } from './case-recording';
import { CustomerCaseKind, CustomerCaseStatus, CustomerCaseStepKind } from './case-view.enums';

/** after-sales' post-trip surveys, as the customer sees them: one waits for their answer until its link expires; answered, it is done. Scores stay out. */
export function onSurveyEvents(recording: CaseRecording): EventHandler<any>[] {
  return [
    onEvent(followUpSurveySent, async ({ id, data }, manager) => {
      await recording.record(manager, {
        caseId: data.surveyId,
        kind: CustomerCaseKind.SURVEY,
        customerId: data.customerId,
        at: new Date(data.sentAt),
        onlyFrom: [CustomerCaseStatus.RECEIVED, CustomerCaseStatus.WAITING_FOR_YOU],
        status: CustomerCaseStatus.WAITING_FOR_YOU,
        deadline: { kind: 'SURVEY_ANSWER', at: new Date(data.linkExpiresAt) },
        step: { id, kind: data.reminder ? CustomerCaseStepKind.SURVEY_REMINDER : CustomerCaseStepKind.SURVEY_SENT },
      });
    }),
    onEvent(followUpSurveyAnswered, async ({ id, data }, manager) => {
      await recording.record(manager, {
        caseId: data.surveyId,
        kind: CustomerCaseKind.SURVEY,
        customerId: data.customerId,
        at: new Date(data.answeredAt),
        status: CustomerCaseStatus.CLOSED,
        deadline: null,
        step: { id, kind: CustomerCaseStepKind.SURVEY_ANSWERED },
      });
    }),
  ];
}
