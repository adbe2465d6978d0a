import { recordKind } from '@carebridge/known-customers';
import { In } from 'typeorm';
import { CaseView, CaseViewStep } from './case-view.entity';

/**
 * What the customer's view holds about a customer: a case per inquiry, complaint, incident, baggage
 * file, document and survey, with its public steps. A merge moves them to the surviving profile.
 * Erasure removes them: the view exists only to be shown to that customer, and the source services
 * keep (and anonymise) the records themselves.
 */
export function customerViewRecordKinds() {
  return [
    recordKind(CaseView, {
      section: 'customerCases',
      belongsTo: { customer: 'customerId' },
      order: { openedAt: 'ASC', id: 'ASC' },
      erase: { reference: null },
      touch: { updatedAt: 'updatedAt' },
      async afterAnonymise(ids, _erasure, manager) {
        // The steps go with their case (ON DELETE CASCADE).
        await manager.delete(CaseView, { id: In(ids) });
      },
    }),
    recordKind(CaseViewStep, { section: 'customerCaseSteps', belongsTo: { parent: 'customerCases', via: 'caseId' }, order: { at: 'ASC', id: 'ASC' } }),
  ];
}
