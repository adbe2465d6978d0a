import { BadUserInputError } from '@carebridge/domain';
import { filetypemime } from 'magic-bytes.js';
import type { VirusScan } from './virus-scan';

/** What may be sent by default: photos and scans of receipts, tags and damage, and PDFs. */
export const DEFAULT_ACCEPTED_TYPES = ['image/jpeg', 'image/png', 'image/gif', 'image/webp', 'image/heic', 'application/pdf'] as const;

export interface FileIntakeOptions {
  maxBytes: number;
  acceptedTypes: readonly string[];
  virusScan: VirusScan;
}

/** A file that passed the intake: its type as its bytes say, not as the sender claimed. */
export interface AcceptedFile {
  content: Buffer;
  contentType: string;
  size: number;
}

/**
 * The checks every file passes before it is stored: not empty, not over the size limit, of an
 * accepted type by its content (magic bytes — a renamed .exe is not a JPEG), and clean by the virus
 * scan. Each refusal is BAD_USER_INPUT on `field` with its rule (`size`, `content-type`, `virus`).
 */
export class FileIntake {
  constructor(private readonly options: FileIntakeOptions) {}

  get maxBytes(): number {
    return this.options.maxBytes;
  }

  async accept(content: Buffer, field = 'file'): Promise<AcceptedFile> {
    if (content.length === 0) throw BadUserInputError.field(field, 'size', 'is empty');
    if (content.length > this.options.maxBytes) throw BadUserInputError.field(field, 'size', `must be at most ${this.options.maxBytes} bytes`);
    const detected = filetypemime(content.subarray(0, 4100)).find((type) => this.options.acceptedTypes.includes(type));
    if (!detected) throw BadUserInputError.field(field, 'content-type', `must be one of ${this.options.acceptedTypes.join(', ')} (by its content)`);
    const scan = await this.options.virusScan.scan(content);
    if (!scan.clean) throw BadUserInputError.field(field, 'virus', 'was refused by the virus scan');
    return { content, contentType: detected, size: content.length };
  }
}
