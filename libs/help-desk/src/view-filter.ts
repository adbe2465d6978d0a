/**
 * A list filter as stored in a saved view: JSON with its times tagged, so that a filter read back
 * has Date values where the list's input had them (JSON alone would leave strings the list's
 * query then compares as text). Hand-written: the filter inputs carry no class-transformer types.
 */
export function storedFilter(filter: object): Record<string, unknown> {
  return JSON.parse(
    JSON.stringify(filter, function (this: Record<string, unknown>, key: string, value: unknown) {
      const raw = this[key];
      return raw instanceof Date ? { $date: raw.toISOString() } : value;
    }),
  );
}

/** The filter a saved view holds, as the list's input would have given it. */
export function revivedFilter<F>(stored: Record<string, unknown>): F {
  return JSON.parse(JSON.stringify(stored), (_key, value: unknown) =>
    value && typeof value === 'object' && typeof (value as { $date?: unknown }).$date === 'string' ? new Date((value as { $date: string }).$date) : value,
  ) as F;
}
