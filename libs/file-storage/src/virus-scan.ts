import { connect } from 'node:net';

export type ScanResult = { clean: true } | { clean: false; signature: string };

/** The virus-scan hook every stored file passes. */
export interface VirusScan {
  readonly kind: string;
  scan(content: Buffer): Promise<ScanResult>;
}

/** Accepts every file: the default where no scanner runs (development, tests, or scanning in the bucket). */
export class NoVirusScan implements VirusScan {
  readonly kind = 'none';
  async scan(): Promise<ScanResult> {
    return { clean: true };
  }
}

/**
 * ClamAV's daemon over TCP (`INSTREAM`). Hand-written because the protocol is a dozen lines and the
 * npm clients spawn binaries or pull in more than this needs. An unreachable or failing daemon
 * rejects (the upload fails) rather than passing the file unscanned.
 */
export class ClamdVirusScan implements VirusScan {
  readonly kind = 'clamd';

  constructor(
    private readonly host: string,
    private readonly port: number,
    private readonly timeoutMs = 10_000,
  ) {}

  scan(content: Buffer): Promise<ScanResult> {
    return new Promise((resolve, reject) => {
      const socket = connect({ host: this.host, port: this.port });
      const chunks: Buffer[] = [];
      socket.setTimeout(this.timeoutMs, () => socket.destroy(new Error('clamd did not answer in time')));
      socket.on('error', reject);
      socket.on('data', (chunk) => chunks.push(chunk));
      socket.on('end', () => {
        const answer = Buffer.concat(chunks).toString('utf8').replace(/\0/g, '').trim();
        const found = /^stream: (.+) FOUND$/.exec(answer);
        if (answer === 'stream: OK') resolve({ clean: true });
        else if (found) resolve({ clean: false, signature: found[1] });
        else reject(new Error(`clamd answered: ${answer.slice(0, 200)}`));
      });
      socket.on('connect', () => {
        socket.write('zINSTREAM\0');
        for (let offset = 0; offset < content.length; offset += 64 * 1024) {
          const part = content.subarray(offset, offset + 64 * 1024);
          const length = Buffer.alloc(4);
          length.writeUInt32BE(part.length);
          socket.write(length);
          socket.write(part);
        }
        socket.end(Buffer.alloc(4));
      });
    });
  }
}
