import type { SmsSettings } from '../communication.settings';
import { type MessageSender, type OutgoingMessage, type SendReceipt, SendFailure } from './channel';

type TwilioSettings = NonNullable<SmsSettings['twilio']>;

/**
 * SMS (and WhatsApp, with a `whatsapp:` sender) through Twilio's Programmable Messaging REST API:
 * `POST /2010-04-01/Accounts/{AccountSid}/Messages.json`, form-encoded To, From, Body and an optional
 * StatusCallback, HTTP basic auth with the account SID and auth token. Twilio answers 201 with the
 * message's `sid`; 4xx are refusals that a retry cannot fix (except 429), 5xx are retried.
 */
export class TwilioSmsSender implements MessageSender {
  constructor(private readonly settings: TwilioSettings) {}

  async send(message: OutgoingMessage): Promise<SendReceipt> {
    const form = new URLSearchParams({ To: message.to, From: this.settings.from, Body: `${message.subject}\n${message.text}` });
    if (this.settings.statusCallbackUrl) form.set('StatusCallback', this.settings.statusCallbackUrl);
    let response: Response;
    try {
      response = await fetch(`${this.settings.apiUrl}/2010-04-01/Accounts/${encodeURIComponent(this.settings.accountSid)}/Messages.json`, {
        method: 'POST',
        headers: {
          authorization: `Basic ${Buffer.from(`${this.settings.accountSid}:${this.settings.authToken}`).toString('base64')}`,
          'content-type': 'application/x-www-form-urlencoded',
          accept: 'application/json',
        },
        body: form,
        signal: AbortSignal.timeout(15_000),
      });
    } catch {
      throw new SendFailure('Twilio unreachable', false);
    }
    const answer = (await response.json().catch(() => ({}))) as { sid?: string; code?: number };
    if (response.status === 201 && answer.sid) return { providerMessageId: answer.sid };
    const reason = `Twilio HTTP ${response.status}${answer.code ? ` error ${answer.code}` : ''}`;
    throw new SendFailure(reason, response.status >= 400 && response.status < 500 && response.status !== 429);
  }
}

/** Twilio's message statuses, as its status callback and message resource report them. */
export function twilioStatus(status: string): 'SENT' | 'DELIVERED' | 'FAILED' | null {
  if (status === 'delivered' || status === 'read') return 'DELIVERED';
  if (status === 'undelivered' || status === 'failed') return 'FAILED';
  if (status === 'sent') return 'SENT';
  return null;
}
