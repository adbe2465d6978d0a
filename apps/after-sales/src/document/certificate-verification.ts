import { BadUserInputError } from '@carebridge/domain';
import type { DataSource } from 'typeorm';
import { isCertificateContent, type CertificateContentData } from './document-content';
import { CustomerDocument } from './document.entity';
import { DocumentType } from './document.enums';
import { normaliseVerificationCode } from './verification-code';

export interface CertificateCheck {
  genuine: boolean;
  verificationCode: string;
  issuedAt: Date | null;
  statement: Omit<CertificateContentData, 'kind'> | null;
}

/**
 * Confirms a travel certificate from its code, for the insurer or employer holding it: whether
 * after-sales issued it, and what it states — nothing the paper does not already say. The code's 80
 * random bits make guessing hopeless, so the answer needs no role.
 */
export class CertificateVerification {
  constructor(private readonly dataSource: DataSource) {}

  async verify(code: string): Promise<CertificateCheck> {
    const normalised = normaliseVerificationCode(code);
    if (!normalised) throw BadUserInputError.field('code', 'verification-code', 'must be the 16 letters and digits printed on the certificate, e.g. K7QM-3XZD-9PWA-HT2C');
    const document = await this.dataSource.getRepository(CustomerDocument).findOneBy({ verificationCode: normalised, type: DocumentType.TRAVEL_CERTIFICATE });
    if (!document || !document.issuedAt || !isCertificateContent(document.content)) return { genuine: false, verificationCode: normalised, issuedAt: null, statement: null };
    const { kind: _kind, ...statement } = document.content;
    return { genuine: true, verificationCode: normalised, issuedAt: document.issuedAt, statement };
  }
}
