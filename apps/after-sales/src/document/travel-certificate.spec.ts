import { A_DELAY, issuerStaff, pdfText, people, type RecordedFlightDisruption, useDocuments, xmpOf } from './document.fixture';
import { DocumentType } from './document.enums';
import { normaliseVerificationCode } from './verification-code';

const VERIFY = `query($code: String!) { verifyTravelCertificate(code: $code) {
  genuine verificationCode issuedAt
  statement { passengerName flightNumber origin destination disruption scheduledDeparture actualDeparture scheduledArrival actualArrival timesEstimated arrivalDelayMinutes cause causeDetail issuerName }
} }`;

describe('travel certificates: what happened, for insurers and employers, verifiable (real Postgres)', () => {
  const world = useDocuments({ AFTER_SALES_CERTIFICATE_VERIFICATION_URL: 'https://carebridge.example/verify' });
  let customerId: string;

  beforeAll(async () => {
    customerId = await world.learnCustomer();
  });

  it('states the delay from the incident’s record — the segment’s schedule, the recorded times in local time, the cause — with a verification code', async () => {
    const certificate = await world.issueCertificateFor(customerId);
    expect(certificate).toMatchObject({ type: 'TRAVEL_CERTIFICATE', status: 'ISSUED', issuerId: 'CB-DE', documentNumber: null, contentType: 'application/pdf' });
    expect(certificate.verificationCode).toMatch(/^[0-9A-HJKMNP-TV-Z]{4}(-[0-9A-HJKMNP-TV-Z]{4}){3}$/);
    expect(certificate.content).toMatchObject({
      flightNumber: 'LH 721',
      scheduledDeparture: '2026-11-01T09:40:00+01:00',
      actualDeparture: '2026-11-01T13:05:00+01:00',
      scheduledArrival: '2026-11-01T11:50:00+00:00',
      actualArrival: '2026-11-01T15:25:00+00:00',
      arrivalDelayMinutes: 215,
      passengerName: 'Zoë Müller',
      incidentId: expect.any(String),
    });

    const pdf = await world.fileOf(certificate);
    const text = await pdfText(pdf);
    for (const expected of [
      'CERTIFICATE OF DELAY',
      'Issued by Carebridge Travel GmbH on 2026-11-02',
      'We confirm that flight LH 721 from FRA to LIS, scheduled to depart on 2026-11-01 09:40 (UTC+01:00), was delayed because of weather conditions: it arrived 3 h 35 min after its scheduled arrival.',
      'Passenger Zoë Müller',
      'Route FRA → LIS',
      'Scheduled departure 2026-11-01 09:40 (UTC+01:00)',
      'Actual departure 2026-11-01 13:05 (UTC+01:00)',
      'Scheduled arrival 2026-11-01 11:50 (UTC+00:00)',
      'Actual arrival 2026-11-01 15:25 (UTC+00:00)',
      'Departure delay 3 h 25 min',
      'Arrival delay 3 h 35 min',
      'Cause Weather conditions — thunderstorms over Frankfurt',
      `Verification code: ${certificate.verificationCode}`,
      'https://carebridge.example/verify',
    ]) {
      expect(text).toContain(expected);
    }
    expect(text).toMatch(/Booking reference [A-Z0-9]{6}/);
    expect(await xmpOf(pdf)).toContain('<pdfaid:part>3</pdfaid:part>');
  });

  it('states cancellations, diversions and times the carrier only estimates, each in its own words', async () => {
    const cancelled = await world.issueCertificateFor(customerId, {
      type: 'FLIGHT_CANCELLATION',
      facts: { noticeGivenAt: '2026-10-31T18:00:00.000Z', cause: 'STRIKE', causeDetail: 'air traffic controllers’ strike' },
    });
    const cancellation = await pdfText(await world.fileOf(cancelled));
    expect(cancellation).toContain('CERTIFICATE OF CANCELLATION');
    expect(cancellation).toContain('We confirm that flight LH 721 from FRA to LIS, scheduled to depart on 2026-11-01 09:40 (UTC+01:00), was cancelled because of a strike.');
    expect(cancellation).not.toContain('Actual');

    const diverted = await world.issueCertificateFor(customerId, { type: 'FLIGHT_DIVERSION', facts: { ...A_DELAY, diversionAirport: 'OPO', cause: 'MEDICAL', causeDetail: null } });
    const diversion = await pdfText(await world.fileOf(diverted));
    expect(diversion).toContain('was diverted to OPO because of a medical emergency on board; it arrived 3 h 35 min after its scheduled arrival.');
    expect(diversion).toContain('Diverted to OPO');
    expect(diversion).toContain('Actual arrival (diversion) 2026-11-01 15:25 (UTC+00:00)');

    const estimated = await world.issueCertificateFor(customerId, { facts: { ...A_DELAY, timesEstimated: true, actualDeparture: null, cause: 'TECHNICAL', causeDetail: null } });
    const estimate = await pdfText(await world.fileOf(estimated));
    expect(estimate).toContain('was delayed because of a technical problem with the aircraft or vehicle: the carrier expects it to arrive 3 h 35 min after its scheduled arrival.');
    expect(estimate).toContain('Estimated arrival 2026-11-01 15:25 (UTC+00:00)');
    expect(estimated.content).toMatchObject({ timesEstimated: true, actualDeparture: null });
  });

  it('prints a Chinese traveller’s name in Chinese characters', async () => {
    const certificate = await world.issueCertificateFor(customerId, undefined, { passengerName: '王芳' });
    expect(await pdfText(await world.fileOf(certificate))).toContain('Passenger 王芳');
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
        timesEstimated: false,
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

  it('refuses an incident that does not say what the certificate must state, naming what to record, and issues nothing', async () => {
    const refusal = async (disruption: RecordedFlightDisruption, passengerName = 'Zoë Müller', otherCustomer = false) => {
      const { incidentId, tripId } = await world.recordDisruption(otherCustomer ? await world.learnCustomer() : customerId, disruption);
      const request = await world.requestFor(customerId, DocumentType.TRAVEL_CERTIFICATE, otherCustomer ? {} : { tripId });
      const problems = await world.travelCertificateIssuing.issue({ documentId: request.id, incidentId, passengerName }, issuerStaff).then(
        () => [],
        (error) => error.problems.map((p: { field: string; rule: string }) => [p.field, p.rule]),
      );
      expect(await world.documentQueries.findById(request.id)).toMatchObject({ status: 'REQUESTED', verificationCode: null });
      return problems;
    };
    expect(await refusal({ facts: null })).toEqual([
      ['input.incidentId', 'recorded-cause'],
      ['input.incidentId', 'recorded-times'],
    ]);
    expect(await refusal({ type: 'FLIGHT_DIVERSION', facts: A_DELAY })).toEqual([['input.incidentId', 'recorded-diversion']]);
    expect(await refusal({ type: 'DENIED_BOARDING', facts: { cause: 'OPERATIONAL' } })).toEqual([['input.incidentId', 'disruption']]);
    expect(await refusal({}, 'Zoë Müller', true)).toEqual([['input.incidentId', 'same-customer']]);
    expect(await refusal({}, 'สมชาย')).toEqual([['input.passengerName', 'printable']]);
    const request = await world.requestFor(customerId, DocumentType.TRAVEL_CERTIFICATE);
    const unknown = await world.run(people.afterSales, `mutation ($input: IssueTravelCertificateInput!) { issueTravelCertificate(input: $input) { id } }`, {
      input: { documentId: request.id, incidentId: 'not-an-incident', passengerName: 'Zoë Müller' },
    });
    expect(unknown.errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'input.incidentId' });
  });

  it('masks the traveller and the code for roles without a need for them', async () => {
    const certificate = await world.issueCertificateFor(customerId);
    const query = `query($id: ID!) { customerDocument(id: $id) { verificationCode certificate { passengerName bookingReference flightNumber arrivalDelayMinutes } } }`;
    const bookingReference = (certificate.content as { bookingReference: string }).bookingReference;
    expect((await world.run(people.agent, query, { id: certificate.id })).data?.customerDocument).toEqual({
      verificationCode: certificate.verificationCode,
      certificate: { passengerName: 'Zoë Müller', bookingReference, flightNumber: 'LH 721', arrivalDelayMinutes: 215 },
    });
    expect((await world.run(people.analyst, query, { id: certificate.id })).data?.customerDocument).toEqual({
      verificationCode: '****-****-****-****',
      certificate: { passengerName: 'Z***', bookingReference: '***', flightNumber: 'LH 721', arrivalDelayMinutes: 215 },
    });
  });
});
