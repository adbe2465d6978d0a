import type { EntityManager } from 'typeorm';
import { EnrolmentStatus } from './training-session.enums';

/** The course's evidence of attendance: an attendance of one of its sessions recorded after `since`. */
export class SessionAttendance {
  async attendedSince(manager: EntityManager, courseId: string, staffUserId: string, since: Date | null): Promise<boolean> {
    const rows = await manager.query(
      `SELECT 1 FROM session_enrolment e JOIN training_session s ON s.id = e.session_id
       WHERE s.course_id = $1 AND e.staff_user_id = $2 AND e.status = $3 AND ($4::timestamptz IS NULL OR e.updated_at > $4)
       LIMIT 1`,
      [courseId, staffUserId, EnrolmentStatus.ATTENDED, since],
    );
    return rows.length > 0;
  }
}
