import { randomUUID } from 'node:crypto';
import { BadUserInputError } from '@carebridge/domain';
import { DocumentLinks } from './document-link';
import { documentSettings } from './document.settings';
import { newVerificationCode, normaliseVerificationCode } from './verification-code';

describe('signed document links and verification codes', () => {
  const links = new DocumentLinks('a secret of at least thirty-two characters, for tests');
  const documentId = randomUUID();
  const grant = { documentId, file: '0123456789abcdef', expiresAt: new Date('2026-11-02T09:15:00.000Z') };
  const rule = (run: () => unknown) => {
    try {
      run();
      return 'accepted';
    } catch (error) {
      return `${(error as BadUserInputError).problems[0].field}:${(error as BadUserInputError).problems[0].rule}`;
    }
  };

  it('grants what it was signed for until it expires, and nothing else', () => {
    const token = links.sign(grant);
    expect(links.verify(token, documentId, new Date('2026-11-02T09:14:59.000Z'))).toEqual({ ...grant });
    expect(rule(() => links.verify(token, documentId, new Date('2026-11-02T09:15:00.000Z')))).toBe('token:expired');
    expect(rule(() => links.verify(token, randomUUID(), new Date('2026-11-02T09:00:00.000Z')))).toBe('documentId:link-document');
    expect(rule(() => new DocumentLinks('another secret of at least thirty-two characters!').verify(token, documentId, new Date('2026-11-02T09:00:00.000Z')))).toBe(
      'token:signature',
    );
    const [version, subject, , signature] = token.split('.');
    expect(rule(() => links.verify(`${version}.${subject}.4000000000.${signature}`, documentId, new Date('2026-11-02T09:00:00.000Z')))).toBe('token:signature');
    expect(rule(() => links.verify(`${token}.x`, documentId, new Date('2026-11-02T09:00:00.000Z')))).toBe('token:signature');
    // The one signed-link format of libs/auth, for its own purpose: a survey link's signature never opens a document.
    expect(token).toMatch(/^v1\.[0-9a-f-]{36}_0123456789abcdef\.\d+\.[\w-]+$/);
    expect(() => new DocumentLinks('short')).toThrow('at least 32 characters');
  });

  it('makes verification codes of 80 random bits that survive being typed from paper', () => {
    const codes = new Set(Array.from({ length: 500 }, () => newVerificationCode()));
    expect(codes.size).toBe(500);
    for (const code of codes) {
      expect(code).toMatch(/^[0-9A-HJKMNP-TV-Z]{4}(-[0-9A-HJKMNP-TV-Z]{4}){3}$/);
      expect(normaliseVerificationCode(code.toLowerCase().replace(/-/g, ''))).toBe(code);
    }
    expect(normaliseVerificationCode('K7QM-3XZD-9PWA-HTOL')).toBe('K7QM-3XZD-9PWA-HT01');
    expect(normaliseVerificationCode('K7QM-3XZD-9PWA-HT2U')).toBeNull();
    expect(normaliseVerificationCode('K7QM')).toBeNull();
  });

  it('derives the link secret in development and refuses to start without one in production', () => {
    expect(documentSettings({}).linkSecret).toHaveLength(64);
    expect(() => documentSettings({ NODE_ENV: 'production' })).toThrow('AFTER_SALES_DOCUMENT_LINK_SECRET: must be set in production');
    expect(() => documentSettings({ AFTER_SALES_DOCUMENT_LINK_SECRET: 'short' })).toThrow('AFTER_SALES_DOCUMENT_LINK_SECRET: must be at least 32 characters');
    expect(() => documentSettings({ AFTER_SALES_DOCUMENT_DUE_HOURS: '0' })).toThrow('AFTER_SALES_DOCUMENT_DUE_HOURS: must be greater than 0');
    expect(documentSettings({ AFTER_SALES_DOCUMENT_LINK_BASE_URL: 'https://api.example.com/documents/' }).linkBaseUrl).toBe('https://api.example.com/documents');
  });

  it('points links at the local gateway’s /documents in development, and refuses to start a deployment without the base URL, naming it', () => {
    expect(documentSettings({}).linkBaseUrl).toBe('http://127.0.0.1:4000/documents');
    expect(documentSettings({ NODE_ENV: 'development' }).linkBaseUrl).toBe('http://127.0.0.1:4000/documents');
    expect(documentSettings({ NODE_ENV: 'test' }).linkBaseUrl).toBeNull();
    const secret = { AFTER_SALES_DOCUMENT_LINK_SECRET: 'p'.repeat(40) };
    expect(() => documentSettings({ NODE_ENV: 'production', ...secret })).toThrow(/AFTER_SALES_DOCUMENT_LINK_BASE_URL: must be set outside development \(NODE_ENV=production\)/);
    expect(() => documentSettings({ NODE_ENV: 'staging', ...secret })).toThrow('AFTER_SALES_DOCUMENT_LINK_BASE_URL');
    expect(() => documentSettings({ NODE_ENV: 'production', ...secret, AFTER_SALES_DOCUMENT_LINK_BASE_URL: 'ftp://files/documents' })).toThrow('AFTER_SALES_DOCUMENT_LINK_BASE_URL: must be an http(s) URL');
    expect(documentSettings({ NODE_ENV: 'production', ...secret, AFTER_SALES_DOCUMENT_LINK_BASE_URL: 'https://api.example.com/documents' }).linkBaseUrl).toBe('https://api.example.com/documents');
    expect(documentSettings({ NODE_ENV: 'development', AFTER_SALES_DOCUMENT_LINK_BASE_URL: 'http://localhost:8080/documents' }).linkBaseUrl).toBe('http://localhost:8080/documents');
  });
});
