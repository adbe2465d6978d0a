import type { EventHandler } from '@carebridge/messaging';
import type { CustomerView } from './customer-view';
import { onComplaintEvents } from './on-complaint-events';
import { onDocumentEvents } from './on-document-events';
import { onIncidentEvents } from './on-incident-events';
import { onInquiryEvents } from './on-inquiry-events';
import { onSurveyEvents } from './on-survey-events';

/** The events the customer's view is built from: inquiry's, complaint's and after-sales'. */
export function customerViewEventHandlers(view: CustomerView): EventHandler<any>[] {
  return [
    ...onInquiryEvents(view.caseRecording),
    ...onComplaintEvents(view.caseRecording),
    ...onIncidentEvents(view.caseRecording),
    ...onDocumentEvents(view.caseRecording),
    ...onSurveyEvents(view.caseRecording),
  ];
}
