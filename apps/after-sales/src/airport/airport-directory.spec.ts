import { ShippedAirports, requireAirport, UnknownAirportError } from './airport-directory';
import { greatCircleKm } from './great-circle';

describe('the shipped airports', () => {
  const airports = new ShippedAirports();

  it('know airports with their country and time zone, in any case of the code', () => {
    expect(airports.find('FRA')).toEqual({ iata: 'FRA', latitude: 50.0406, longitude: 8.556, country: 'DE', timeZone: 'Europe/Berlin' });
    expect(airports.find(' lhr ')).toMatchObject({ country: 'GB', timeZone: 'Europe/London' });
    // Territories keep their own codes, which the rule tables rely on.
    expect(airports.find('RUN')?.country).toBe('RE');
    expect(airports.find('SJU')?.country).toBe('PR');
    expect(airports.find('LPA')).toMatchObject({ country: 'ES', timeZone: 'Atlantic/Canary' });
    expect(airports.find('XXX')).toBeUndefined();
    expect(airports.source).toContain('CC BY 4.0');
  });

  it('measure great-circle distances as published route distances give them', () => {
    const km = (from: string, to: string) => greatCircleKm(requireAirport(airports, from, 'from'), requireAirport(airports, to, 'to'));
    expect(km('LHR', 'JFK')).toBeCloseTo(5539, -1);
    expect(km('FRA', 'JFK')).toBeCloseTo(6188, -1);
    expect(km('CDG', 'MAD')).toBeCloseTo(1063, -1);
    expect(km('SFO', 'SIN')).toBeCloseTo(13581, -1);
    expect(km('FRA', 'FRA')).toBe(0);
    expect(km('JFK', 'LHR')).toBeCloseTo(km('LHR', 'JFK'), 6);
  });

  it('refuse an unknown or malformed code with a typed error naming the field', () => {
    for (const code of ['QQQ', 'FR', 'FRAX', '12A', '']) {
      try {
        requireAirport(airports, code, 'input.flight.origin');
        throw new Error(`accepted ${code}`);
      } catch (error) {
        expect(error).toBeInstanceOf(UnknownAirportError);
        expect(error).toMatchObject({ airport: code, extensions: { code: 'BAD_USER_INPUT', field: 'input.flight.origin', problems: [{ field: 'input.flight.origin', rule: 'airport' }] } });
      }
    }
  });
});
