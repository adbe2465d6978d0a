import { type Environment, loadConfig, setting } from '@carebridge/config';

/** The training service's own settings (validated at start; a bad value stops it naming the variable). */
export interface TrainingSettings {
  /** How often the scheduled jobs run. */
  jobIntervalMs: number;
  /** Index Chinese character bigrams besides the segmented words (better recall; docs/services/training.md). */
  knowledgeSearchBigrams: boolean;
  /** The overall evaluation score (100 = every standard on target, at most 120) from which, with every standard met, an agent is flagged for recognition. */
  recognitionScore: number;
}

export function trainingSettings(env: Environment = process.env): TrainingSettings {
  const s = loadConfig(
    {
      TRAINING_JOB_INTERVAL_MS: setting.positiveInt(60_000),
      KNOWLEDGE_SEARCH_BIGRAMS: setting.boolean(true),
      TRAINING_RECOGNITION_SCORE: setting.positiveInt(105),
    },
    env,
  );
  return { jobIntervalMs: s.TRAINING_JOB_INTERVAL_MS, knowledgeSearchBigrams: s.KNOWLEDGE_SEARCH_BIGRAMS, recognitionScore: s.TRAINING_RECOGNITION_SCORE };
}
