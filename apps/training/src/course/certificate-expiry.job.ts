import type { ScheduledJob } from '@carebridge/service-kit';
import type { CertificateExpiry } from './certificate-expiry';

/** `certificate-expiry`: certificates become due for recertification, then expire. */
export function certificateExpiryJob(expiry: CertificateExpiry, settings: { jobIntervalMs: number }): ScheduledJob {
  return { name: 'certificate-expiry', everyMs: settings.jobIntervalMs, run: (now) => expiry.run(now) };
}
