import type { Airport } from './airport-directory';

/** Mean Earth radius (IUGG), the figure great-circle calculators of flight distance use. */
export const EARTH_RADIUS_KM = 6371.0088;

/**
 * Great-circle distance between two airports in kilometres (haversine formula), the "great circle
 * route method" Art. 7(4) of Regulation (EC) No 261/2004 prescribes for its distance bands.
 */
export function greatCircleKm(from: Pick<Airport, 'latitude' | 'longitude'>, to: Pick<Airport, 'latitude' | 'longitude'>): number {
  const rad = Math.PI / 180;
  const dLat = (to.latitude - from.latitude) * rad;
  const dLon = (to.longitude - from.longitude) * rad;
  const h = Math.sin(dLat / 2) ** 2 + Math.cos(from.latitude * rad) * Math.cos(to.latitude * rad) * Math.sin(dLon / 2) ** 2;
  return 2 * EARTH_RADIUS_KM * Math.asin(Math.min(1, Math.sqrt(h)));
}
