import type { Identity } from '@carebridge/auth';
import { BadUserInputError } from '@carebridge/domain';
import { decodeRecordedFile, isCalendarDate } from './document-checks';
import type { DocumentSteps } from './document-steps';
import { CustomerDocument } from './document.entity';
import { DocumentStatus, DocumentType } from './document.enums';
import type { DocumentFileInput, RecordDocumentFileInput, RecordEFapiaoInput } from './document.inputs';
import { parseDecimal } from './money';

const EXTENSIONS: Record<string, string> = { 'application/pdf': 'pdf', 'application/ofd': 'ofd', 'application/xml': 'xml', 'text/xml': 'xml' };

/**
 * Documents issued elsewhere and kept here, stored and audited like the ones after-sales issues.
 * In China the official invoice is the e-fapiao, which only the tax platform (the State Taxation
 * Administration's e-invoice service, through the company's tax-control system) issues: after-sales
 * records its number, date, amount and file, and does not issue it. Other papers (a property
 * irregularity report, a receipt) are recorded with a title.
 */
export class ExternalDocumentRecording {
  constructor(private readonly steps: DocumentSteps) {}

  async recordEFapiao(input: RecordEFapiaoInput, by: Identity, requestId?: string): Promise<CustomerDocument> {
    const now = this.steps.clock.now();
    if (!isCalendarDate(input.issuedOn)) throw BadUserInputError.field('input.issuedOn', 'date', 'must be a date YYYY-MM-DD');
    if (input.issuedOn > now.toISOString().slice(0, 10)) throw BadUserInputError.field('input.issuedOn', 'past', 'must not be in the future');
    const total = parseDecimal(input.totalAmount, 2);
    if (total === null || total <= 0n) throw BadUserInputError.field('input.totalAmount', 'amount', 'must be an amount of CNY greater than 0 with at most 2 decimals, e.g. "1280.00"');
    const bytes = decodeRecordedFile(input.file);
    return this.steps.dataSource.transaction(async (manager) => {
      const document = await this.steps.lockFor(manager, input, DocumentStatus.ISSUED, DocumentType.E_FAPIAO);
      const recorded = await manager.findOneBy(CustomerDocument, { type: DocumentType.E_FAPIAO, documentNumber: input.fapiaoNumber });
      if (recorded) throw BadUserInputError.field('input.fapiaoNumber', 'unique', `is already recorded (document ${recorded.id})`);
      return this.steps.issue(
        manager,
        document,
        { documentNumber: input.fapiaoNumber, externalIssueDate: input.issuedOn, currency: 'CNY', grossTotalMinor: Number(total) },
        fileOf(input.file, `e-fapiao-${input.fapiaoNumber}`, bytes),
        { userId: by.userId, requestId },
        now,
      );
    });
  }

  async recordFile(input: RecordDocumentFileInput, by: Identity, requestId?: string): Promise<CustomerDocument> {
    const bytes = decodeRecordedFile(input.file);
    return this.steps.dataSource.transaction(async (manager) => {
      const document = await this.steps.lockFor(manager, input, DocumentStatus.ISSUED, DocumentType.OTHER);
      return this.steps.issue(
        manager,
        document,
        { title: input.title.trim() },
        fileOf(input.file, input.file.fileName.replace(/\.[A-Za-z0-9]{1,5}$/, ''), bytes),
        { userId: by.userId, requestId },
        this.steps.clock.now(),
      );
    });
  }
}

function fileOf(file: DocumentFileInput, baseName: string, bytes: Buffer) {
  return { fileName: `${baseName}.${EXTENSIONS[file.contentType] ?? 'bin'}`, contentType: file.contentType, bytes };
}
