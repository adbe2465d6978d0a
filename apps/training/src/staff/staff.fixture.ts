import type { Identity } from '@carebridge/auth';
import type { TrainingWorld } from '../training.fixture';
import type { StaffRole } from './staff.enums';

/** The help desk the training tests work with: two agents of one team, their supervisor, a trainer and an admin. */
export const staff = {
  ana: { userId: 'agent-ana', roles: ['agent'], name: 'Ana Agent' },
  ben: { userId: 'agent-ben', roles: ['agent'], name: 'Ben Agent' },
  cai: { userId: 'agent-cai', roles: ['agent'], name: 'Cai Agent' },
  sue: { userId: 'supervisor-sue', roles: ['supervisor'], name: 'Sue Supervisor' },
  tess: { userId: 'trainer-tess', roles: ['trainer'], name: 'Tess Trainer' },
  ada: { userId: 'admin-ada', roles: ['admin'], name: 'Ada Admin' },
  al: { userId: 'analyst-al', roles: ['analyst'], name: 'Al Analyst' },
} satisfies Record<string, Identity>;

/** Puts people on training's roster (as the trainer registers them): agents in `team`, supervised by Sue. */
export async function onRoster(world: TrainingWorld, people: Identity[], team = 'hotline-shanghai'): Promise<void> {
  for (const person of people) {
    const role = person.roles[0] as StaffRole;
    await world.staff.register(
      { userId: person.userId, displayName: person.name ?? person.userId, role, team: role === 'agent' ? team : null, supervisorUserId: role === 'agent' ? staff.sue.userId : null, active: true },
      staff.tess,
    );
  }
}
