/**
 * A value list declared once (`['A', 'B'] as const`) turned into an enum-like object `{ A: 'A', B: 'B' }`,
 * so that a service's TypeScript type, its GraphQL enum (`registerEnumType`), its TypeORM enum column
 * and its event contract's `z.enum(...)` all read the same list.
 *
 *   export const Urgency = enumOf(COMPLAINT_URGENCIES);
 *   export type Urgency = EnumValue<typeof Urgency>;
 *   registerEnumType(Urgency, { name: 'Urgency' });
 */
export type EnumOf<T extends readonly string[]> = { readonly [K in T[number]]: K };

export type EnumValue<E> = E[keyof E];

export function enumOf<const T extends readonly [string, ...string[]]>(values: T): EnumOf<T> {
  return Object.freeze(Object.fromEntries(values.map((value) => [value, value]))) as EnumOf<T>;
}
