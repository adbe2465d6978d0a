import { createServer, type IncomingMessage, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { SendFailure } from './channel';
import { TwilioSmsSender } from './twilio-sms-sender';

/** A local fake of Twilio's Messages resource: checks the basic auth and the form, answers as Twilio does. */
function fakeTwilio(answer: (form: URLSearchParams) => { status: number; body: object }) {
  const requests: { path: string; authorization?: string; form: URLSearchParams }[] = [];
  const server: Server = createServer((request: IncomingMessage, response) => {
    let body = '';
    request.on('data', (chunk) => (body += chunk));
    request.on('end', () => {
      const form = new URLSearchParams(body);
      requests.push({ path: request.url ?? '', authorization: request.headers.authorization, form });
      const reply = answer(form);
      response.writeHead(reply.status, { 'content-type': 'application/json' }).end(JSON.stringify(reply.body));
    });
  });
  return { server, requests, url: () => `http://127.0.0.1:${(server.address() as AddressInfo).port}` };
}

describe("the Twilio SMS adapter, against a local fake of Twilio's API", () => {
  let status = 201;
  const twilio = fakeTwilio((form) =>
    status === 201 ? { status, body: { sid: 'SM0123456789abcdef0123456789abcdef', status: 'queued', to: form.get('To') } } : { status, body: { code: 21211, message: 'Invalid To number', status } },
  );
  beforeAll(() => new Promise<void>((resolve) => twilio.server.listen(0, '127.0.0.1', resolve)));
  afterAll(() => new Promise<void>((resolve) => twilio.server.close(() => resolve())));
  const sender = () => new TwilioSmsSender({ apiUrl: twilio.url(), accountSid: 'AC123', authToken: 'secret-token', from: '+15005550006', statusCallbackUrl: 'https://carebridge.example/twilio/status' });
  const message = { deliveryId: 'd1', to: '+8613800000000', subject: 'Your baggage file PVGMU12345', text: 'Your bag was found.' };

  it('posts the message form with basic auth and takes the sid as the message id', async () => {
    await expect(sender().send(message)).resolves.toEqual({ providerMessageId: 'SM0123456789abcdef0123456789abcdef' });
    const [request] = twilio.requests;
    expect(request.path).toBe('/2010-04-01/Accounts/AC123/Messages.json');
    expect(request.authorization).toBe(`Basic ${Buffer.from('AC123:secret-token').toString('base64')}`);
    expect(Object.fromEntries(request.form)).toEqual({ To: '+8613800000000', From: '+15005550006', Body: 'Your baggage file PVGMU12345\nYour bag was found.', StatusCallback: 'https://carebridge.example/twilio/status' });
  });

  it('treats a refusal as permanent and an outage or throttling as worth retrying', async () => {
    status = 400;
    await expect(sender().send(message)).rejects.toEqual(new SendFailure('Twilio HTTP 400 error 21211', true));
    await expect(sender().send(message)).rejects.toMatchObject({ permanent: true });
    status = 503;
    await expect(sender().send(message)).rejects.toMatchObject({ reason: 'Twilio HTTP 503 error 21211', permanent: false });
    status = 429;
    await expect(sender().send(message)).rejects.toMatchObject({ permanent: false });
    status = 201;
  });
});
