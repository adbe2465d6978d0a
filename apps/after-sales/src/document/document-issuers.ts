import type { Identity } from '@carebridge/auth';
import { BadUserInputError } from '@carebridge/domain';
import type { Clock } from '@carebridge/service-kit';
import type { DataSource, EntityManager } from 'typeorm';
import type { PartyContent } from './document-content';
import { DocumentIssuer } from './document-issuer.entity';
import type { SaveDocumentIssuerInput } from './document.inputs';

/** The companies that issue documents: kept by admins, chosen per document. */
export class DocumentIssuers {
  constructor(
    private readonly dataSource: DataSource,
    private readonly clock: Clock,
  ) {}

  list(): Promise<DocumentIssuer[]> {
    return this.dataSource.getRepository(DocumentIssuer).find({ order: { id: 'ASC' } });
  }

  /** Creates or changes an issuer. What it issued before keeps the issuer as it was then. */
  async save(input: SaveDocumentIssuerInput, by: Identity): Promise<DocumentIssuer> {
    if (input.invoicePrefix === input.creditNotePrefix) {
      throw BadUserInputError.field('input.creditNotePrefix', 'own-series', 'must differ from invoicePrefix: credit notes are numbered in a series of their own');
    }
    const repository = this.dataSource.getRepository(DocumentIssuer);
    return repository.save(
      repository.create({
        id: input.id,
        legalName: input.legalName.trim(),
        addressLines: input.addressLines.map((line) => line.trim()),
        postcode: input.postcode?.trim() || null,
        city: input.city.trim(),
        countryCode: input.countryCode,
        vatId: input.vatId?.trim() || null,
        taxRegistrationId: input.taxRegistrationId?.trim() || null,
        email: input.email?.trim() || null,
        invoicePrefix: input.invoicePrefix,
        creditNotePrefix: input.creditNotePrefix,
        paymentTerms: input.paymentTerms.trim(),
        active: input.active,
        updatedAt: this.clock.now(),
        updatedBy: by.userId,
      }),
    );
  }

  /** The issuer named, or the only active one when none is named. */
  async choose(manager: EntityManager, issuerId: string | null | undefined, field = 'input.issuerId'): Promise<DocumentIssuer> {
    if (issuerId) {
      const issuer = await manager.findOneBy(DocumentIssuer, { id: issuerId });
      if (!issuer || !issuer.active) throw BadUserInputError.field(field, 'active-issuer', `no active document issuer "${issuerId}"`);
      return issuer;
    }
    const active = await manager.find(DocumentIssuer, { where: { active: true }, order: { id: 'ASC' }, take: 2 });
    if (active.length === 1) return active[0];
    throw BadUserInputError.field(field, 'required', active.length ? 'must name the issuer: there is more than one active issuer' : 'no document issuer is set up yet (saveDocumentIssuer)');
  }
}

/** The issuer as an invoice names it: copied into the invoice, so later changes do not touch it. */
export function sellerOf(issuer: DocumentIssuer): PartyContent {
  return {
    name: issuer.legalName,
    addressLines: issuer.addressLines,
    postcode: issuer.postcode,
    city: issuer.city,
    countryCode: issuer.countryCode,
    vatId: issuer.vatId,
    taxRegistrationId: issuer.taxRegistrationId,
    email: issuer.email,
  };
}
