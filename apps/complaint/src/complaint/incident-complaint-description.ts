import type { EventData, incidentComplaintRaised } from '@carebridge/event-contracts';

type Raised = EventData<typeof incidentComplaintRaised>;

const words = (value: string) => value.toLowerCase().replace(/_/g, ' ');

/**
 * The complaint's description for an in-trip incident after-sales raised it for: the incident, what
 * kind it is and the compensation the passenger-rights engine computed with its legal basis —
 * classifications and references only (the passenger's own words stay in after-sales). The
 * specialist proposes these amounts in the resolution plan, where the approval rule applies.
 */
export function incidentComplaintDescription(data: Raised): string {
  const lines = [
    `In-trip incident ${data.incidentNumber} (${words(data.type)}, ${words(data.severity)} severity)${data.segmentLabel ? ` on ${data.segmentLabel}` : ''}, raised by after-sales.`,
  ];
  if (data.proposedCompensation.length) {
    lines.push('Compensation computed by the passenger-rights engine, to propose in the resolution plan:');
    for (const item of data.proposedCompensation) {
      const value = item.amount && item.currency ? `${item.currency} ${item.amount}` : `${item.quantity ?? ''}`;
      lines.push(`- ${item.kind} ${value} (${item.regime}): ${item.legalBasis}; rules of ${item.ruleVersion}.`);
    }
  } else {
    lines.push('No fixed compensation was computed for it.');
  }
  return lines.join('\n');
}
