import { AsyncLocalStorage } from 'node:async_hooks';
import { createHash } from 'node:crypto';
import { type GraphQLRequestContext, type GraphQLResponse, HeaderMap } from '@apollo/server';
import { ErrorCode } from '@carebridge/domain';
import type { FormattedExecutionResult } from 'graphql';
import type { DataSource, MigrationInterface, QueryRunner } from 'typeorm';
import type { Clock } from './clock';
import type { RequestContext } from './context';
import type { ScheduledJob } from './jobs';
import type { Logger } from './logger';

/** The header a client (through the gateway) names a mutation with, so that a retry of it performs nothing again. */
export const IDEMPOTENCY_KEY_HEADER = 'idempotency-key';

/** Printable ASCII without spaces, at most 255 characters: a UUID, a ULID or the like, plus the gateway's `#<n>` suffix. */
const KEY_FORMAT = /^[\x21-\x7e]{1,255}$/;

/** The kit's table of idempotency keys, in every service's own database (see `migrationsOf`). */
export class CreateIdempotencyKeys1763700000100 implements MigrationInterface {
  name = 'CreateIdempotencyKeys1763700000100';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      CREATE TABLE idempotency_key (
        caller text NOT NULL,
        key text NOT NULL,
        fingerprint text NOT NULL,
        response jsonb,
        created_at timestamptz NOT NULL,
        expires_at timestamptz NOT NULL,
        PRIMARY KEY (caller, key)
      )`);
    await queryRunner.query('CREATE INDEX idempotency_key_expires_at_idx ON idempotency_key (expires_at)');
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query('DROP TABLE idempotency_key');
  }
}

export interface IdempotencySettings {
  /** How long a key and its first answer are kept (24 h by default). */
  retentionMs: number;
  /** How long a request waits for another one in flight with the same key before it is refused with CONFLICT. */
  waitMs: number;
}

/** The unit of work of one keyed mutation: the connection and transaction every statement of the request joins. */
interface UnitOfWork {
  runner?: QueryRunner;
  caller?: string;
  key?: string;
}

/**
 * Keyed mutations: a mutation sent with an `Idempotency-Key` runs as one unit of work — the key
 * row, every statement the service sends for the request (its own transactions become savepoints)
 * and the first answer commit together, before the answer leaves. A retry with the same key and
 * the same operation and variables gets that answer and performs nothing; with different ones, a
 * CONFLICT. Keys are scoped per caller (the verified user id), so two callers never collide.
 *
 * A request with the same key as one still in flight waits on the key row's lock (Postgres holds
 * a unique key inserted by an open transaction) and then answers from the first one's result,
 * or — past `waitMs` — is refused with CONFLICT; it never performs a second time.
 */
export class IdempotentMutations {
  private readonly units = new AsyncLocalStorage<UnitOfWork>();
  private readonly openRunner: DataSource['createQueryRunner'];

  constructor(
    private readonly dataSource: DataSource,
    private readonly settings: IdempotencySettings,
    private readonly clock: Clock,
    private readonly logger: Logger,
  ) {
    this.openRunner = dataSource.createQueryRunner.bind(dataSource);
    const units = this.units;
    const openRunner = this.openRunner;
    // Every repository, query builder and `dataSource.transaction` asks the DataSource for a runner:
    // inside a keyed mutation they all get the request's one, whose release is the unit of work's.
    dataSource.createQueryRunner = function createQueryRunner(mode) {
      const runner = units.getStore()?.runner;
      if (!runner || runner.isReleased) return openRunner(mode);
      return new Proxy(runner, { get: (target, property, receiver) => (property === 'release' ? async () => undefined : Reflect.get(target, property, receiver)) });
    };
  }

  /** Runs one HTTP request with room for its unit of work (used by the kit's HTTP front). */
  scope<T>(run: () => Promise<T>): Promise<T> {
    return this.units.run({}, run);
  }

  /**
   * Before a keyed mutation executes: claims its key in a new transaction, or answers from the
   * first request with that key. Undefined lets the mutation run (inside the unit of work).
   */
  async begin(request: GraphQLRequestContext<RequestContext>): Promise<GraphQLResponse | undefined> {
    const key = request.request.http?.headers.get(IDEMPOTENCY_KEY_HEADER);
    const unit = this.units.getStore();
    if (key === undefined || request.operation?.operation !== 'mutation' || !unit) return undefined;
    if (!KEY_FORMAT.test(key)) {
      return refusal(ErrorCode.BadUserInput, 'Idempotency-Key must be 1 to 255 printable characters without spaces (a UUID, for example)', { field: 'Idempotency-Key' });
    }
    const caller = request.contextValue.identity?.userId ?? '';
    const fingerprint = fingerprintOf(request.request.query ?? '', request.request.operationName, request.request.variables);
    const now = this.clock.now();
    const runner = this.openRunner();
    try {
      await runner.connect();
      await runner.startTransaction();
      await runner.query(`SELECT set_config('lock_timeout', $1, true)`, [`${Math.max(1, this.settings.waitMs)}ms`]);
      // An expired key counts as free; a key inserted by a request still in flight makes this wait.
      const claimed = await runner.query(
        `INSERT INTO idempotency_key (caller, key, fingerprint, created_at, expires_at) VALUES ($1, $2, $3, $4, $5)
         ON CONFLICT (caller, key) DO UPDATE SET fingerprint = EXCLUDED.fingerprint, response = NULL, created_at = EXCLUDED.created_at, expires_at = EXCLUDED.expires_at
         WHERE idempotency_key.expires_at <= EXCLUDED.created_at
         RETURNING key`,
        [caller, key, fingerprint, now, new Date(now.getTime() + this.settings.retentionMs)],
      );
      if (claimed.length) {
        await runner.query(`SELECT set_config('lock_timeout', '0', true)`);
        Object.assign(unit, { runner, caller, key });
        return undefined;
      }
      const [first] = await runner.query('SELECT fingerprint, response FROM idempotency_key WHERE caller = $1 AND key = $2', [caller, key]);
      await this.close(runner, 'rollback');
      if (first.fingerprint !== fingerprint) {
        return refusal(ErrorCode.Conflict, 'This Idempotency-Key was already used for a different operation or input', { field: 'Idempotency-Key' });
      }
      return { http: { status: 200, headers: new HeaderMap([['idempotent-replayed', 'true']]) }, body: { kind: 'single', singleResult: first.response } };
    } catch (error) {
      await this.close(runner, 'rollback');
      if ((error as { driverError?: { code?: string } }).driverError?.code === '55P03') {
        return refusal(ErrorCode.Conflict, 'A request with this Idempotency-Key is still being performed; retry later', { field: 'Idempotency-Key' });
      }
      throw error;
    }
  }

  /**
   * Once the answer is ready: keeps it with the key and commits the unit of work. An answer with an
   * unexpected error commits nothing — neither the change nor the key — so a retry performs it.
   * Returns the answer to send (the original, or an error when the commit failed).
   */
  async finish(result: FormattedExecutionResult): Promise<FormattedExecutionResult> {
    const unit = this.units.getStore();
    const runner = unit?.runner;
    if (!unit || !runner) return result;
    unit.runner = undefined;
    const unexpected = (result.errors ?? []).some((e) => !e.extensions?.code || e.extensions.code === ErrorCode.Internal);
    try {
      if (unexpected) {
        await this.close(runner, 'rollback');
        return { errors: [{ message: 'Internal server error; nothing was performed, the request may be retried with the same Idempotency-Key', extensions: { code: ErrorCode.Internal } }] };
      }
      await runner.query('UPDATE idempotency_key SET response = $3 WHERE caller = $1 AND key = $2', [unit.caller, unit.key, JSON.stringify(result)]);
      await runner.commitTransaction();
      await runner.release();
      return result;
    } catch (error) {
      this.logger.error({ err: error }, 'a keyed mutation could not be committed');
      await this.close(runner, 'rollback');
      return { errors: [{ message: 'Internal server error; nothing was performed, the request may be retried with the same Idempotency-Key', extensions: { code: ErrorCode.Internal } }] };
    }
  }

  /** The job that forgets keys past their retention. */
  purgeJob(everyMs = 3600_000): ScheduledJob {
    return {
      name: 'idempotency-key-purge',
      everyMs,
      run: async (now) => {
        const [, purged] = await this.dataSource.query('DELETE FROM idempotency_key WHERE expires_at <= $1', [now]);
        return { purged };
      },
    };
  }

  private async close(runner: QueryRunner, how: 'rollback'): Promise<void> {
    if (how === 'rollback' && runner.isTransactionActive) {
      // Savepoints left open by the service's code are rolled back with the transaction itself.
      await runner.query('ROLLBACK').catch(() => undefined);
      Object.assign(runner, { transactionDepth: 0, isTransactionActive: false });
    }
    if (!runner.isReleased) await runner.release().catch(() => undefined);
  }
}

/** What makes two requests "the same": the document, the operation's name and the variables (keys in any order). */
function fingerprintOf(query: string, operationName: string | null | undefined, variables: unknown): string {
  return createHash('sha256')
    .update(JSON.stringify([query, operationName ?? null, canonical(variables ?? {})]))
    .digest('hex');
}

function canonical(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(canonical);
  if (value && typeof value === 'object') return Object.fromEntries(Object.keys(value).sort().map((k) => [k, canonical((value as Record<string, unknown>)[k])]));
  return value;
}

function refusal(code: ErrorCode, message: string, extensions: Record<string, unknown>): GraphQLResponse {
  return { http: { status: 200, headers: new HeaderMap() }, body: { kind: 'single', singleResult: { errors: [{ message, extensions: { code, ...extensions } }] } } };
}
