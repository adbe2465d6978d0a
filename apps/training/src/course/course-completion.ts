import { courseCompleted } from '@carebridge/event-contracts';
import type { Outbox } from '@carebridge/messaging';
import type { Clock } from '@carebridge/service-kit';
import { In, MoreThan, type EntityManager } from 'typeorm';
import { Certificate } from './certificate.entity';
import { Course } from './course.entity';
import { CertificateStatus, CURRENT_CERTIFICATE_STATUSES, needsAttendance, needsQuiz } from './course.enums';
import { QuizAttempt } from './quiz-attempt.entity';

/** What completion needs to know of sessions (training-session answers it): did this person attend one of the course's sessions since then? */
export interface AttendanceEvidence {
  attendedSince(manager: EntityManager, courseId: string, staffUserId: string, since: Date | null): Promise<boolean>;
}

const DAY_MS = 86_400_000;

/**
 * Completing a course: once every condition of its completion rule is met since the person's last
 * certificate (attendance, the quiz pass mark, or both), a certificate is issued — renewing the
 * earlier one when recertification is due or it expired — and course.completed is published.
 */
export class CourseCompletion {
  constructor(
    private readonly outbox: Outbox,
    private readonly clock: Clock,
    private readonly attendance: AttendanceEvidence,
  ) {}

  /** The evidence counts from the current certificate's issue (none: from the beginning). */
  async current(manager: EntityManager, courseId: string, staffUserId: string): Promise<Certificate | null> {
    return manager.findOne(Certificate, { where: { courseId, staffUserId, status: In([...CURRENT_CERTIFICATE_STATUSES]) } });
  }

  /** After an attendance was recorded (the session knows only the course's id). */
  async afterAttendance(manager: EntityManager, courseId: string, staffUserId: string): Promise<Certificate | null> {
    return this.consider(manager, await manager.findOneByOrFail(Course, { id: courseId }), staffUserId);
  }

  /** Checks the criteria after new evidence (an attendance, a quiz attempt) in the caller's transaction; answers the certificate issued, if any. */
  async consider(manager: EntityManager, course: Course, staffUserId: string): Promise<Certificate | null> {
    // One check at a time per person and course, so two pieces of evidence arriving together certify once.
    await manager.query('SELECT pg_advisory_xact_lock(hashtext($1))', [`training.completion:${course.id}:${staffUserId}`]);
    const previous = await this.current(manager, course.id, staffUserId);
    if (previous?.status === CertificateStatus.VALID) return null;
    const since = previous?.issuedAt ?? null;
    if (needsAttendance(course.completionRule) && !(await this.attendance.attendedSince(manager, course.id, staffUserId, since))) return null;
    let quizScore: number | null = null;
    if (needsQuiz(course.completionRule)) {
      const best = await manager.findOne(QuizAttempt, {
        where: { courseId: course.id, staffUserId, passed: true, ...(since ? { attemptedAt: MoreThan(since) } : {}) },
        order: { score: 'DESC' },
      });
      if (!best) return null;
      quizScore = best.score;
    }
    const now = this.clock.now();
    if (previous) await manager.update(Certificate, previous.id, { status: CertificateStatus.RENEWED, updatedAt: now });
    const expiresAt = course.certificateValidityDays ? new Date(now.getTime() + course.certificateValidityDays * DAY_MS) : null;
    const certificate = await manager.save(
      manager.create(Certificate, {
        courseId: course.id,
        staffUserId,
        status: CertificateStatus.VALID,
        issuedAt: now,
        expiresAt,
        recertificationDueAt: expiresAt && new Date(expiresAt.getTime() - course.recertificationNoticeDays * DAY_MS),
        quizScore,
        renewsCertificateId: previous?.id ?? null,
        updatedAt: now,
      }),
    );
    await this.outbox.publish(manager, courseCompleted, {
      courseId: course.id,
      certificateId: certificate.id,
      staffUserId,
      recertification: Boolean(previous),
      quizScore,
      completedAt: now.toISOString(),
      expiresAt: expiresAt?.toISOString() ?? null,
    });
    return certificate;
  }
}
