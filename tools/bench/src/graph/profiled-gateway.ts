// Our gateway with a CPU profile of everything it does until SIGTERM, written to
// $PROFILE_DIR/gateway-<pid>.cpuprofile (open it in Chrome DevTools or speedscope). Node 20 refuses
// --cpu-prof in NODE_OPTIONS, so the profiler is started from inside the process.
import { writeFileSync } from 'node:fs';
import { Session } from 'node:inspector';
import { join } from 'node:path';

const session = new Session();
session.connect();
session.post('Profiler.enable', () =>
  session.post('Profiler.start', () => {
    // The profile is written first, then the gateway's own SIGTERM handling drains and stops it.
    process.prependOnceListener('SIGTERM', () => {
      session.post('Profiler.stop', (error, result) => {
        if (!error) writeFileSync(join(process.env.PROFILE_DIR ?? '.', `gateway-${process.pid}.cpuprofile`), JSON.stringify(result.profile));
      });
    });
    // Loaded only once the profiler runs; there is no @carebridge/* alias for an app's entry.
    // eslint-disable-next-line @nx/enforce-module-boundaries
    require('../../../../apps/gateway/src/main');
  }),
);
