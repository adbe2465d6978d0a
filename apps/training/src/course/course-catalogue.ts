import type { Identity } from '@carebridge/auth';
import { BadUserInputError, isUuid, NotFoundError } from '@carebridge/domain';
import type { Clock } from '@carebridge/service-kit';
import { type DataSource, type EntityManager, In } from 'typeorm';
import { Certificate } from './certificate.entity';
import { Course } from './course.entity';
import { CompletionRule, needsQuiz } from './course.enums';
import type { CourseInput } from './course.inputs';

/** Trainers' courses: created and changed here, with the rules that keep their completion criteria coherent. */
export class CourseCatalogue {
  constructor(
    private readonly dataSource: DataSource,
    private readonly clock: Clock,
  ) {}

  async create(input: CourseInput, by: Identity): Promise<Course> {
    const now = this.clock.now();
    return this.dataSource.getRepository(Course).save({ ...this.fields(input), mandatorySince: this.since(input.mandatoryForRoles, {}, now), createdBy: by.userId, createdAt: now, updatedAt: now });
  }

  /** Changes a course; certificates already issued keep their dates. */
  async update(id: string, input: CourseInput): Promise<Course> {
    const course = await this.get(id);
    const fields = this.fields(input);
    const now = this.clock.now();
    return this.dataSource.getRepository(Course).save(Object.assign(course, fields, { mandatorySince: this.since(fields.mandatoryForRoles, course.mandatorySince, now), updatedAt: now }));
  }

  async find(id: string, manager: EntityManager = this.dataSource.manager): Promise<Course | null> {
    if (!isUuid(id)) return null;
    return manager.findOneBy(Course, { id });
  }

  async get(id: string, manager?: EntityManager): Promise<Course> {
    const found = await this.find(id, manager);
    if (!found) throw new NotFoundError('Course', id);
    return found;
  }

  /** Courses by id (the unknown left out): how the gateway resolves a Course reference. */
  byIds(ids: readonly string[]): Promise<Course[]> {
    const valid = ids.filter(isUuid);
    return valid.length ? this.dataSource.getRepository(Course).findBy({ id: In(valid) }) : Promise.resolve([]);
  }

  list(): Promise<Course[]> {
    return this.dataSource.getRepository(Course).find({ order: { title: 'ASC', id: 'ASC' }, take: 500 });
  }

  /** A person's certificates, current and renewed, newest first. */
  certificatesOf(staffUserId: string, courseId?: string): Promise<Certificate[]> {
    return this.dataSource.getRepository(Certificate).find({ where: { staffUserId, ...(courseId ? { courseId } : {}) }, order: { issuedAt: 'DESC', id: 'DESC' }, take: 500 });
  }

  /** Keeps when each role's obligation began; a role newly made to take the course gets the full time from now. */
  private since(roles: readonly string[], before: Record<string, string>, now: Date): Record<string, string> {
    return Object.fromEntries(roles.map((role) => [role, before[role] ?? now.toISOString()]));
  }

  private fields(input: CourseInput) {
    const quizNeeded = needsQuiz(input.completionRule);
    if (quizNeeded && input.quiz.length === 0) throw BadUserInputError.field('input.quiz', 'required', 'must have questions when the completion rule includes the quiz');
    if (quizNeeded && input.quizPassMark == null) throw BadUserInputError.field('input.quizPassMark', 'required', 'must be given when the completion rule includes the quiz');
    input.quiz.forEach((question, i) => {
      if (question.correctOption >= question.options.length) throw BadUserInputError.field(`input.quiz.${i}.correctOption`, 'range', `must be the index of one of its ${question.options.length} options`);
    });
    if (input.certificateValidityDays != null && input.recertificationNoticeDays >= input.certificateValidityDays) {
      throw BadUserInputError.field('input.recertificationNoticeDays', 'range', 'must be fewer days than the certificate is valid');
    }
    return {
      title: input.title.trim(),
      description: input.description?.trim() || null,
      modules: input.modules.map((m) => ({ title: m.title.trim(), summary: m.summary?.trim() || null, articleIds: [...new Set(m.articleIds)] })),
      mandatoryForRoles: [...new Set(input.mandatoryForRoles)],
      completionDueDays: input.completionDueDays,
      completionRule: input.completionRule,
      quizPassMark: quizNeeded ? (input.quizPassMark ?? null) : null,
      quiz: input.completionRule === CompletionRule.ATTENDANCE ? [] : input.quiz.map((q) => ({ prompt: q.prompt.trim(), options: q.options, correctOption: q.correctOption })),
      maxQuizAttempts: input.maxQuizAttempts ?? null,
      certificateValidityDays: input.certificateValidityDays ?? null,
      recertificationNoticeDays: input.recertificationNoticeDays,
    };
  }
}
