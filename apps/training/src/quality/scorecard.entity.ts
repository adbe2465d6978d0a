import { Field, ID, Int, ObjectType } from 'type-graphql';
import { Column, Entity, PrimaryGeneratedColumn } from 'typeorm';

@ObjectType('ScorecardCategory', { description: 'A rubric category of a QA scorecard and its weight.' })
export class ScorecardCategory {
  @Field({ description: 'Its key, e.g. greeting, understanding, correct_solution, tone, closing, documentation.' })
  key: string;

  @Field()
  label: string;

  @Field(() => Int, { description: 'Its weight in percent; the weights of a scorecard add up to 100.' })
  weight: number;
}

@ObjectType('ScorecardAutoFailItem', { description: 'A fault that fails the whole review (score 0), e.g. disclosing data to the wrong person.' })
export class ScorecardAutoFailItem {
  @Field()
  key: string;

  @Field()
  label: string;
}

/** A QA scorecard (T-5.4): weighted rubric categories and auto-fail items. */
@ObjectType('QaScorecard', { description: 'A QA scorecard: weighted rubric categories plus auto-fail items.' })
@Entity('qa_scorecard')
export class Scorecard {
  @Field(() => ID)
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Field()
  @Column({ type: 'text' })
  name: string;

  @Field(() => [ScorecardCategory])
  @Column({ type: 'jsonb' })
  categories: ScorecardCategory[];

  @Field(() => [ScorecardAutoFailItem])
  @Column({ name: 'auto_fail_items', type: 'jsonb' })
  autoFailItems: ScorecardAutoFailItem[];

  @Field()
  @Column({ name: 'created_by', type: 'text' })
  createdBy: string;

  @Field()
  @Column({ name: 'created_at', type: 'timestamptz', precision: 3 })
  createdAt: Date;
}
