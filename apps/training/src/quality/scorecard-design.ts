import type { Identity } from '@carebridge/auth';
import { BadUserInputError, isUuid, NotFoundError } from '@carebridge/domain';
import type { Clock } from '@carebridge/service-kit';
import type { DataSource, EntityManager } from 'typeorm';
import { DEFAULT_CATEGORIES } from './quality.enums';
import type { CreateScorecardInput } from './quality.inputs';
import { Scorecard } from './scorecard.entity';

/** Trainers design QA scorecards; a scorecard never changes once created, so reviews keep their meaning. */
export class ScorecardDesign {
  constructor(
    private readonly dataSource: DataSource,
    private readonly clock: Clock,
  ) {}

  async create(input: CreateScorecardInput, by: Identity): Promise<Scorecard> {
    const categories = input.categories ?? DEFAULT_CATEGORIES.map((c) => ({ ...c }));
    const keys = [...categories.map((c) => c.key), ...input.autoFailItems.map((i) => i.key)];
    if (new Set(keys).size !== keys.length) throw BadUserInputError.field('input.categories', 'unique-keys', 'must use each key once across categories and auto-fail items');
    const total = categories.reduce((sum, c) => sum + c.weight, 0);
    if (total !== 100) throw BadUserInputError.field('input.categories', 'weights-100', `must have weights adding up to 100 (not ${total})`);
    return this.dataSource.getRepository(Scorecard).save({
      name: input.name.trim(),
      categories: categories.map((c) => ({ key: c.key, label: c.label.trim(), weight: c.weight })),
      autoFailItems: input.autoFailItems.map((i) => ({ key: i.key, label: i.label.trim() })),
      createdBy: by.userId,
      createdAt: this.clock.now(),
    });
  }

  async get(id: string, field = 'id', manager: EntityManager = this.dataSource.manager): Promise<Scorecard> {
    const found = isUuid(id) ? await manager.findOneBy(Scorecard, { id }) : null;
    if (!found) {
      if (field === 'id') throw new NotFoundError('QaScorecard', id);
      throw BadUserInputError.field(field, 'exists', 'must be an existing scorecard');
    }
    return found;
  }

  list(): Promise<Scorecard[]> {
    return this.dataSource.getRepository(Scorecard).find({ order: { createdAt: 'DESC', id: 'DESC' }, take: 200 });
  }
}

/** The weighted score of a review: categories 0–100 each, weighted; any auto-fail item found makes it 0. */
export function scoreAgainst(scorecard: Scorecard, scores: { category: string; score: number }[], autoFailed: string[], field: string): { scores: { category: string; score: number }[]; autoFailed: string[]; score: number } {
  const given = new Map(scores.map((s) => [s.category, s.score]));
  if (given.size !== scores.length) throw BadUserInputError.field(`${field}.scores`, 'once-each', 'must score each category once');
  const unknown = [...given.keys()].filter((key) => !scorecard.categories.some((c) => c.key === key));
  if (unknown.length) throw BadUserInputError.field(`${field}.scores`, 'categories', `must only score the scorecard's categories (not: ${unknown.join(', ')})`);
  const missing = scorecard.categories.filter((c) => !given.has(c.key)).map((c) => c.key);
  if (missing.length) throw BadUserInputError.field(`${field}.scores`, 'every-category', `must score every category (missing: ${missing.join(', ')})`);
  const faults = [...new Set(autoFailed)];
  const notItems = faults.filter((key) => !scorecard.autoFailItems.some((i) => i.key === key));
  if (notItems.length) throw BadUserInputError.field(`${field}.autoFailed`, 'items', `must only name the scorecard's auto-fail items (not: ${notItems.join(', ')})`);
  const weighted = scorecard.categories.reduce((sum, c) => sum + c.weight * (given.get(c.key) ?? 0), 0) / 100;
  return {
    scores: scorecard.categories.map((c) => ({ category: c.key, score: given.get(c.key) ?? 0 })),
    autoFailed: faults,
    score: faults.length ? 0 : Math.round(weighted * 100) / 100,
  };
}
