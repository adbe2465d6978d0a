import { names } from '@nx/devkit';

export interface SubgraphOptions {
  name: string;
  entity?: string;
  description?: string;
  port?: number;
  skipRegenerate?: boolean;
}

/**
 * Letters and hyphens only: the name becomes an Nx project, a folder, a Kubernetes name, a Postgres
 * database (`carebridge_<name>`), an environment prefix and the start of event types, whose grammar
 * (`aggregate.happened`, libs/event-contracts) allows letters and underscores only.
 */
const KEBAB_CASE = /^[a-z]+(-[a-z]+)*$/;
const MAX_LENGTH = 40;
/** Names the platform already uses for something else: the gateway, the shared events database, the e2e project. */
const RESERVED = new Set(['gateway', 'events', 'platform', 'platform-e2e', 'tools', 'generators']);

/** Every spelling of a subgraph's and its sample entity's names that the templates and registrations use. */
export interface SubgraphNames {
  /** `after-sales`: project, folder, producer, Kubernetes and compose name. */
  name: string;
  /** `AfterSales` */
  className: string;
  /** `afterSales` */
  propertyName: string;
  /** `AFTER_SALES`: the environment prefix (envName of libs/config). */
  constantName: string;
  /** `after_sales`: the database suffix. */
  snakeName: string;
  description: string;
  port: number;
  entity: {
    /** `after-sales-note`: folder and file names. */
    fileName: string;
    /** `AfterSalesNote`: class and GraphQL type. */
    className: string;
    /** `afterSalesNote`: query name, TOPICS key, event data key prefix. */
    propertyName: string;
    /** `after_sales_note`: table name and event type aggregate. */
    snakeName: string;
    /** `after sales note`: the name in words, for descriptions. */
    words: string;
    /** `an after sales note`, `a course`; capitalised for the start of a sentence. */
    indefiniteWords: string;
    IndefiniteWords: string;
  };
  event: {
    /** `after_sales_note.created` */
    type: string;
    /** `afterSalesNoteCreated`: the contract's export name. */
    exportName: string;
    /** `carebridge.after-sales.after-sales-note` */
    topic: string;
  };
  migration: {
    timestamp: number;
    /** `CreateAfterSalesNote1796160232367` */
    className: string;
    /** `1796160232367-CreateAfterSalesNote` */
    fileName: string;
  };
}

/** Refuses names the platform cannot carry, with the rule that was broken. */
export function checkName(value: string | undefined, option: 'name' | 'entity'): string {
  const name = (value ?? '').trim();
  if (!KEBAB_CASE.test(name)) {
    throw new Error(`--${option} "${name}" must be lower-case words of letters joined by hyphens, e.g. after-sales`);
  }
  if (name.length > MAX_LENGTH) throw new Error(`--${option} "${name}" must be at most ${MAX_LENGTH} characters`);
  if (option === 'name' && RESERVED.has(name)) throw new Error(`--name "${name}" is taken by the platform itself; choose another name`);
  return name;
}

export function subgraphNames(options: SubgraphOptions, port: number, timestamp: number): SubgraphNames {
  const name = checkName(options.name, 'name');
  const entityName = checkName(options.entity ?? `${name}-note`, 'entity');
  const service = names(name);
  const entity = names(entityName);
  const entitySnake = entityName.replace(/-/g, '_');
  const words = entityName.replace(/-/g, ' ');
  const article = /^[aeiou]/.test(entityName) ? 'an' : 'a';
  return {
    name,
    className: service.className,
    propertyName: service.propertyName,
    constantName: service.constantName,
    snakeName: name.replace(/-/g, '_'),
    description: options.description?.trim() || `The ${name} service.`,
    port,
    entity: {
      fileName: entityName,
      className: entity.className,
      propertyName: entity.propertyName,
      snakeName: entitySnake,
      words,
      indefiniteWords: `${article} ${words}`,
      IndefiniteWords: `${article.toUpperCase().slice(0, 1)}${article.slice(1)} ${words}`,
    },
    event: {
      type: `${entitySnake}.created`,
      exportName: `${entity.propertyName}Created`,
      topic: `carebridge.${name}.${entityName}`,
    },
    migration: {
      timestamp,
      className: `Create${entity.className}${timestamp}`,
      fileName: `${timestamp}-Create${entity.className}`,
    },
  };
}
