import type { Customer } from './customer.entity';
import type { TravelPreferences } from './customer.enums';
import type { TravelPreferencesInput } from './customer.inputs';

/** How profile values are stored: e-mail addresses in lower case, tags trimmed and lower case, lists without repeats. */
export function normalizeEmail(email: string | null | undefined): string | null {
  const trimmed = email?.trim();
  return trimmed ? trimmed.toLowerCase() : null;
}

export function normalizeTags(tags: string[]): string[] {
  return unique(tags.map((t) => t.trim().toLowerCase()).filter(Boolean));
}

/** Preferences left out of the input stay as they are; every preference is present in the result. */
export function mergePreferences(current: TravelPreferences, input: TravelPreferencesInput | undefined): TravelPreferences {
  const merged: TravelPreferences = {
    seat: current.seat ?? null,
    meal: current.meal ?? null,
    destinations: current.destinations ?? [],
    budgetBand: current.budgetBand ?? null,
    travelStyles: current.travelStyles ?? [],
    specialServiceNeeds: current.specialServiceNeeds ?? [],
  };
  if (!input) return merged;
  if (input.seat !== undefined) merged.seat = input.seat;
  if (input.meal !== undefined) merged.meal = input.meal?.trim() || null;
  if (input.destinations !== undefined) merged.destinations = unique(input.destinations.map((d) => d.trim()));
  if (input.budgetBand !== undefined) merged.budgetBand = input.budgetBand;
  if (input.travelStyles !== undefined) merged.travelStyles = unique(input.travelStyles);
  if (input.specialServiceNeeds !== undefined) merged.specialServiceNeeds = unique(input.specialServiceNeeds.map((n) => n.trim()));
  return merged;
}

/** The profile fields customer.updated names when they changed (never their values). */
export function changedProfileFields(before: Customer, after: Customer): string[] {
  const fields: (keyof Customer)[] = ['fullName', 'email', 'phone', 'preferredLanguage', 'preferredChannel', 'preferences', 'tags', 'notes', 'marketingConsent', 'followUpConsent'];
  return fields.filter((field) => JSON.stringify(before[field]) !== JSON.stringify(after[field]));
}

export function isCalendarDate(value: string): boolean {
  const date = new Date(`${value}T00:00:00Z`);
  return !Number.isNaN(date.getTime()) && date.toISOString().slice(0, 10) === value;
}

function unique<T>(values: T[]): T[] {
  return [...new Set(values)];
}
