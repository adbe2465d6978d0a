import type { Identity } from '@carebridge/auth';
import { BadUserInputError, ConflictError } from '@carebridge/domain';
import type { Clock } from '@carebridge/service-kit';
import type { DataSource, ObjectLiteral, SelectQueryBuilder } from 'typeorm';
import { CustomFieldDefinition, CustomFieldKind, type CustomFieldValue, type CustomFieldValues } from './custom-field.entity';
import type { CustomFieldCondition, CustomFieldValueInput, DefineCustomFieldInput } from './custom-field.inputs';

const DATE = /^\d{4}-\d{2}-\d{2}$/;
const NUMBER = /^-?\d{1,15}(\.\d{1,6})?$/;

/**
 * The custom fields of one service: admins define them per category, values are checked against
 * their definition when set (each problem a BAD_USER_INPUT naming the value's field), and lists
 * filter by them. Values sit on the record's `custom_fields` jsonb column, numbers as JSON numbers
 * and dates as YYYY-MM-DD, so that range conditions compare numbers and days, not text.
 */
export class CustomFields {
  constructor(
    private readonly dataSource: DataSource,
    private readonly clock: Clock,
    private readonly categories: readonly string[],
  ) {}

  async define(input: DefineCustomFieldInput, by: Identity): Promise<CustomFieldDefinition> {
    const unknown = input.categories.findIndex((category) => !this.categories.includes(category));
    if (unknown >= 0) throw BadUserInputError.field(`input.categories[${unknown}]`, 'category', `must be one of ${this.categories.join(', ')}`);
    const choices = [...new Set(input.choices.map((choice) => choice.trim()).filter(Boolean))];
    if (input.kind === CustomFieldKind.CHOICE && !choices.length) throw BadUserInputError.field('input.choices', 'required', 'a CHOICE field needs its choices');
    if (input.kind !== CustomFieldKind.CHOICE && choices.length) throw BadUserInputError.field('input.choices', 'choice', 'only a CHOICE field has choices');
    const repository = this.dataSource.getRepository(CustomFieldDefinition);
    if (await repository.existsBy({ key: input.key })) throw new ConflictError(`A custom field "${input.key}" is already defined`, { field: 'input.key' });
    return repository.save(
      repository.create({ key: input.key, label: input.label.trim(), kind: input.kind, categories: [...new Set(input.categories)], choices, definedBy: by.userId, definedAt: this.clock.now() }),
    );
  }

  /** The definitions, of one category's records or all. */
  definitions(category?: string | null): Promise<CustomFieldDefinition[]> {
    const query = this.dataSource.getRepository(CustomFieldDefinition).createQueryBuilder('field').orderBy('field.key', 'ASC');
    if (category) query.where(`(cardinality(field.categories) = 0 OR :category = ANY(field.categories))`, { category });
    return query.getMany();
  }

  /** The record's values after setting these (null clears one); refuses a value its definition does not allow. */
  async withValues(current: CustomFieldValues, category: string, values: readonly CustomFieldValueInput[], field = 'input.values'): Promise<CustomFieldValues> {
    const definitions = new Map((await this.definitions(category)).map((definition) => [definition.key, definition]));
    const next: CustomFieldValues = { ...current };
    values.forEach((value, index) => {
      const definition = definitions.get(value.key);
      if (!definition) throw BadUserInputError.field(`${field}[${index}].key`, 'defined', `is not a custom field of ${category} records`);
      if (value.value === null || value.value === undefined || value.value.trim() === '') delete next[value.key];
      else next[value.key] = typedValue(definition, value.value.trim(), `${field}[${index}].value`);
    });
    return next;
  }

  /** Limits a list query to records meeting every condition; a condition on an undefined field or of the wrong type is refused. */
  async whereMatching<T extends ObjectLiteral>(query: SelectQueryBuilder<T>, conditions: readonly CustomFieldCondition[] | null | undefined, field = 'filter.customFields'): Promise<void> {
    if (!conditions?.length) return;
    const definitions = new Map((await this.definitions()).map((definition) => [definition.key, definition]));
    const column = `${query.alias}.custom_fields`;
    conditions.forEach((condition, index) => {
      const at = `${field}[${index}]`;
      const definition = definitions.get(condition.key);
      if (!definition) throw BadUserInputError.field(`${at}.key`, 'defined', 'is not a custom field');
      const key = `customFieldKey${index}`;
      query.setParameter(key, condition.key);
      if (condition.equals != null) {
        // Containment, so the GIN index on custom_fields serves it; jsonb compares numbers as numbers (12.5 = 12.50).
        query.andWhere(`${column} @> :customFieldEquals${index}::jsonb`, {
          [`customFieldEquals${index}`]: JSON.stringify({ [condition.key]: typedValue(definition, condition.equals.trim(), `${at}.equals`) }),
        });
      }
      for (const [bound, operator] of [['atLeast', '>='], ['atMost', '<=']] as const) {
        const value = condition[bound];
        if (value == null) continue;
        if (definition.kind !== CustomFieldKind.NUMBER && definition.kind !== CustomFieldKind.DATE) {
          throw BadUserInputError.field(`${at}.${bound}`, 'range', 'only NUMBER and DATE fields have ranges');
        }
        const typed = typedValue(definition, value.trim(), `${at}.${bound}`);
        const stored = definition.kind === CustomFieldKind.NUMBER ? `(${column} ->> :${key})::numeric` : `(${column} ->> :${key})::date`;
        query.andWhere(`${stored} ${operator} :customField${bound}${index}::${definition.kind === CustomFieldKind.NUMBER ? 'numeric' : 'date'}`, { [`customField${bound}${index}`]: typed });
      }
    });
  }
}

/** The record's values as GraphQL shows them, by key. */
export function customFieldValues(values: CustomFieldValues | null | undefined): CustomFieldValue[] {
  return Object.entries(values ?? {})
    .sort(([a], [b]) => a.localeCompare(b))
    .map(([key, value]) => ({ key, value: String(value) }));
}

function typedValue(definition: CustomFieldDefinition, value: string, field: string): string | number {
  switch (definition.kind) {
    case CustomFieldKind.NUMBER:
      if (!NUMBER.test(value)) throw BadUserInputError.field(field, 'number', `${definition.key} must be a number, e.g. 12 or 12.5`);
      return Number(value);
    case CustomFieldKind.DATE: {
      const day = new Date(`${value}T00:00:00Z`);
      if (!DATE.test(value) || Number.isNaN(day.getTime()) || day.toISOString().slice(0, 10) !== value) {
        throw BadUserInputError.field(field, 'date', `${definition.key} must be a date as YYYY-MM-DD`);
      }
      return value;
    }
    case CustomFieldKind.CHOICE:
      if (!definition.choices.includes(value)) throw BadUserInputError.field(field, 'choice', `${definition.key} must be one of ${definition.choices.join(', ')}`);
      return value;
    default:
      return value;
  }
}
