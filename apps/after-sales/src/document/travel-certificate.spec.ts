import { aCertificate, issuerStaff, pdfText, people, useDocuments, xmpOf } from './document.fixture';
import { DisruptionCause, DocumentType, TravelDisruption } from './document.enums';
import { normaliseVerificationCode } from './verification-code';

const VERIFY = `query($code: String!) { verifyTravelCertificate(code: $code) {
  genuine verificationCode issuedAt
  statement { passengerName flightNumber origin destination disruption scheduledDeparture actualDeparture scheduledArrival actualArrival arrivalDelayMinutes cause causeDetail issuerName }
} }`;

describe('travel certificates: what happened, for insurers and employers, verifiable (real Postgres)', () => {
  const world = useDocuments({ AFTER_SALES_CERTIFICATE_VERIFICATION_URL: 'https://carebridge.example/verify' });
  let customerId: string;

  beforeAll(async () => {
    customerId = await world.learnCustomer();
  });

  it('states the delay with scheduled and actual times, the cause and a verification code', async () => {
    const certificate = await world.issueCertificateFor(customerId);
    expect(certificate).toMatchObject({ type: 'TRAVEL_CERTIFICATE', status: 'ISSUED', issuerId: 'CB-DE', documentNumber: null, contentType: 'application/pdf' });
    expect(certificate.verificationCode).toMatch(/^[0-9A-HJKMNP-TV-Z]{4}(-[0-9A-HJKMNP-TV-Z]{4}){3}$/);
    expect(certificate.content).toMatchObject({ flightNumber: 'LH 721', arrivalDelayMinutes: 215, passengerName: 'Zoë Müller' });

    const pdf = await world.fileOf(certificate);
    const text = await pdfText(pdf);
    for (const expected of [
      'CERTIFICATE OF DELAY',
      'Issued by Carebridge Travel GmbH on 2026-11-02',
      'We confirm that flight LH 721 from FRA to LIS, scheduled to depart on 2026-11-01 09:40 (UTC+01:00), was delayed because of weather conditions: it arrived 3 h 35 min after its scheduled arrival.',
      'Passenger Zoë Müller',
      'Booking reference XK7Q9P',
      'Route FRA → LIS',
      'Actual departure 2026-11-01 13:05 (UTC+01:00)',
      'Scheduled arrival 2026-11-01 11:50 (UTC+00:00)',
      'Actual arrival 2026-11-01 15:25 (UTC+00:00)',
      'Arrival delay 3 h 35 min',
      'Cause Weather conditions — thunderstorms over Frankfurt',
      `Verification code: ${certificate.verificationCode}`,
      'https://carebridge.example/verify',
    ]) {
      expect(text).toContain(expected);
    }
    expect(await xmpOf(pdf)).toContain('<pdfaid:part>3</pdfaid:part>');
  });

  it('states cancellations and diversions in their own words', async () => {
    const cancelled = await world.issueCertificateFor(customerId, {
      disruption: TravelDisruption.CANCELLATION,
      actualDeparture: null,
      actualArrival: null,
      cause: DisruptionCause.STRIKE,
      causeDetail: 'air traffic controllers’ strike',
    });
    expect(await pdfText(await world.fileOf(cancelled))).toContain('CERTIFICATE OF CANCELLATION');
    expect(await pdfText(await world.fileOf(cancelled))).toContain('was cancelled because of a strike.');
    const diverted = await world.issueCertificateFor(customerId, { disruption: TravelDisruption.DIVERSION, diversionAirport: 'OPO', cause: DisruptionCause.MEDICAL, causeDetail: null });
    const text = await pdfText(await world.fileOf(diverted));
    expect(text).toContain('was diverted to OPO because of a medical emergency on board; it arrived 3 h 35 min after its scheduled arrival.');
    expect(text).toContain('Diverted to OPO');
    const tour = await world.issueCertificateFor(customerId, {
      carrier: null,
      flightNumber: null,
      origin: null,
      destination: null,
      tripDescription: 'Water towns of Jiangnan day tour',
      disruption: TravelDisruption.CANCELLATION,
      actualDeparture: null,
      actualArrival: null,
      scheduledArrival: null,
      cause: DisruptionCause.WEATHER,
      causeDetail: 'typhoon warning',
    });
    expect(await pdfText(await world.fileOf(tour))).toContain('We confirm that Water towns of Jiangnan day tour, scheduled to depart on 2026-11-01 09:40 (UTC+01:00), was cancelled because of weather conditions.');
  });

  it('confirms a genuine certificate from its code, however it is typed, with what it states and nothing more; an unknown code is not genuine', async () => {
    const certificate = await world.issueCertificateFor(customerId);
    const code = certificate.verificationCode as string;
    // An insurer with no Carebridge role: verification needs none.
    const insurer = { ...world.context(people.analyst), identity: undefined };
    const typed = code.toLowerCase().replace(/-/g, ' ').replace(/0/g, 'o');
    const answer = await world.run(people.analyst, VERIFY, { code: typed }, insurer);
    expect(answer.errors).toBeUndefined();
    expect(answer.data?.verifyTravelCertificate).toEqual({
      genuine: true,
      verificationCode: code,
      issuedAt: '2026-11-02T09:00:00.000Z',
      statement: {
        passengerName: 'Zoë Müller',
        flightNumber: 'LH 721',
        origin: 'FRA',
        destination: 'LIS',
        disruption: 'DELAY',
        scheduledDeparture: '2026-11-01T09:40:00+01:00',
        actualDeparture: '2026-11-01T13:05:00+01:00',
        scheduledArrival: '2026-11-01T11:50:00+00:00',
        actualArrival: '2026-11-01T15:25:00+00:00',
        arrivalDelayMinutes: 215,
        cause: 'WEATHER',
        causeDetail: 'thunderstorms over Frankfurt',
        issuerName: 'Carebridge Travel GmbH',
      },
    });
    const forged = await world.run(people.analyst, VERIFY, { code: 'ZZZZ-ZZZZ-ZZZZ-ZZZZ' }, insurer);
    expect(forged.data?.verifyTravelCertificate).toEqual({ genuine: false, verificationCode: 'ZZZZ-ZZZZ-ZZZZ-ZZZZ', issuedAt: null, statement: null });
    const malformed = await world.run(people.analyst, VERIFY, { code: 'TC-123' }, insurer);
    expect(malformed.errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'code' });
    expect(normaliseVerificationCode(' k7qm 3xzd 9pwa ht2c ')).toBe('K7QM-3XZD-9PWA-HT2C');
  });

  it('refuses a statement that does not hold together, naming each field', async () => {
    const request = await world.requestFor(customerId, DocumentType.TRAVEL_CERTIFICATE);
    const base = aCertificate(request.id);
    const refusal = (overrides: Partial<typeof base>) =>
      world.travelCertificateIssuing.issue({ ...base, ...overrides }, issuerStaff).then(
        () => [],
        (error) => error.problems.map((p: { field: string; rule: string }) => [p.field, p.rule]),
      );
    expect(await refusal({ disruption: TravelDisruption.CANCELLATION })).toEqual([
      ['input.actualDeparture', 'cancelled'],
      ['input.actualArrival', 'cancelled'],
    ]);
    expect(await refusal({ disruption: TravelDisruption.DIVERSION })).toEqual([['input.diversionAirport', 'required']]);
    expect(await refusal({ carrier: null, flightNumber: null, tripDescription: null })).toEqual([['input.tripDescription', 'required']]);
    expect(await refusal({ flightNumber: null, origin: null })).toEqual([
      ['input.flightNumber', 'required'],
      ['input.origin', 'required'],
    ]);
    expect(await refusal({ actualArrival: '2026-12-24T10:00:00+00:00' })).toEqual([['input.actualArrival', 'past']]);
    expect(await refusal({ scheduledDeparture: '2026-11-01 09:40' })).toEqual([['input.scheduledDeparture', 'time']]);
    expect(await refusal({ passengerName: '王芳' })).toEqual([['input.passengerName', 'printable']]);
    expect(await world.documentQueries.findById(request.id)).toMatchObject({ status: 'REQUESTED', verificationCode: null });
  });

  it('masks the traveller and the code for roles without a need for them', async () => {
    const certificate = await world.issueCertificateFor(customerId);
    const query = `query($id: ID!) { customerDocument(id: $id) { verificationCode certificate { passengerName bookingReference flightNumber arrivalDelayMinutes } } }`;
    expect((await world.run(people.agent, query, { id: certificate.id })).data?.customerDocument).toEqual({
      verificationCode: certificate.verificationCode,
      certificate: { passengerName: 'Zoë Müller', bookingReference: 'XK7Q9P', flightNumber: 'LH 721', arrivalDelayMinutes: 215 },
    });
    expect((await world.run(people.analyst, query, { id: certificate.id })).data?.customerDocument).toEqual({
      verificationCode: '****-****-****-****',
      certificate: { passengerName: 'Z***', bookingReference: '***', flightNumber: 'LH 721', arrivalDelayMinutes: 215 },
    });
  });
});
