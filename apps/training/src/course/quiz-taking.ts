import type { Identity } from '@carebridge/auth';
import { BadUserInputError, ConflictError } from '@carebridge/domain';
import type { Clock } from '@carebridge/service-kit';
import { MoreThan, type DataSource } from 'typeorm';
import type { Certificate } from './certificate.entity';
import type { CourseCatalogue } from './course-catalogue';
import type { CourseCompletion } from './course-completion';
import { needsQuiz } from './course.enums';
import type { SubmitQuizAttemptInput } from './course.inputs';
import { QuizAttempt } from './quiz-attempt.entity';

export interface QuizAttemptOutcome {
  attempt: QuizAttempt;
  /** The certificate this attempt completed the course with, if it did. */
  certificate: Certificate | null;
}

/** A member of staff takes a course's quiz: scored at once, and the course completes when its rule is met. */
export class QuizTaking {
  constructor(
    private readonly dataSource: DataSource,
    private readonly clock: Clock,
    private readonly courses: CourseCatalogue,
    private readonly completion: CourseCompletion,
    private readonly roster: { require(userId: string, field: string): Promise<unknown> },
  ) {}

  async submit(input: SubmitQuizAttemptInput, by: Identity): Promise<QuizAttemptOutcome> {
    await this.roster.require(by.userId, 'caller');
    return this.dataSource.transaction(async (manager) => {
      const course = await this.courses.get(input.courseId, manager);
      if (!needsQuiz(course.completionRule) || course.quiz.length === 0) throw BadUserInputError.field('input.courseId', 'has-quiz', 'must be a course with a quiz');
      if (input.answers.length !== course.quiz.length) throw BadUserInputError.field('input.answers', 'one-per-question', `must give one answer for each of the ${course.quiz.length} questions`);
      input.answers.forEach((answer, i) => {
        if (answer < 0 || answer >= course.quiz[i].options.length) throw BadUserInputError.field(`input.answers.${i}`, 'range', `must be the index of one of the question's ${course.quiz[i].options.length} options`);
      });
      await manager.query('SELECT pg_advisory_xact_lock(hashtext($1))', [`training.completion:${course.id}:${by.userId}`]);
      const current = await this.completion.current(manager, course.id, by.userId);
      const since = current?.issuedAt;
      const earlier = await manager.count(QuizAttempt, { where: { courseId: course.id, staffUserId: by.userId, ...(since ? { attemptedAt: MoreThan(since) } : {}) } });
      if (course.maxQuizAttempts != null && earlier >= course.maxQuizAttempts) {
        throw new ConflictError(`All ${course.maxQuizAttempts} quiz attempts of this course were used`, { attempts: earlier, maxQuizAttempts: course.maxQuizAttempts });
      }
      const right = input.answers.filter((answer, i) => answer === course.quiz[i].correctOption).length;
      const score = Math.round((right / course.quiz.length) * 10_000) / 100;
      const attempt = await manager.save(
        manager.create(QuizAttempt, {
          courseId: course.id,
          staffUserId: by.userId,
          answers: input.answers,
          score,
          passed: score >= (course.quizPassMark ?? 0),
          attemptNumber: earlier + 1,
          attemptedAt: this.clock.now(),
        }),
      );
      const certificate = attempt.passed ? await this.completion.consider(manager, course, by.userId) : null;
      return { attempt, certificate };
    });
  }
}
