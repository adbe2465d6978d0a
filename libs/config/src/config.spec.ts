import { z } from 'zod';
import { ConfigurationError, loadConfig, setting } from './config';
import { envName, GATEWAY_DEFAULT_PORT, SUBGRAPHS } from './topology';

/** The ConfigurationError `run` throws, for assertions on its problems and message. */
function configurationError(run: () => unknown): ConfigurationError {
  try {
    run();
  } catch (error) {
    if (error instanceof ConfigurationError) return error;
    throw error;
  }
  throw new Error('expected a ConfigurationError, but the configuration loaded');
}

describe('loadConfig', () => {
  const shape = {
    PORT: setting.port(4000),
    WORKERS: setting.positiveInt(4),
    TIMEOUT_MS: setting.milliseconds(5000),
    VERBOSE: setting.boolean(false),
    DATABASE_URL: setting.url(['postgres', 'postgresql']),
    NODE_ENV: setting.nodeEnv(),
    LOG_LEVEL: setting.logLevel(),
    BROKERS: setting.list().optional(),
    NAME: z.string().optional(),
  };

  it('applies the defaults of every variable that is not set', () => {
    expect(loadConfig(shape, { DATABASE_URL: 'postgres://localhost:5432' })).toEqual({
      PORT: 4000,
      WORKERS: 4,
      TIMEOUT_MS: 5000,
      VERBOSE: false,
      DATABASE_URL: 'postgres://localhost:5432',
      NODE_ENV: 'development',
      LOG_LEVEL: 'info',
      BROKERS: undefined,
      NAME: undefined,
    });
  });

  it('coerces the strings of the environment to numbers, booleans and lists', () => {
    const config = loadConfig(shape, {
      PORT: '8080',
      WORKERS: '16',
      TIMEOUT_MS: '0',
      VERBOSE: 'yes',
      DATABASE_URL: 'postgresql://db.internal/carebridge',
      NODE_ENV: 'production',
      LOG_LEVEL: 'silent',
      BROKERS: ' kafka-1:9092, kafka-2:9092 ,,',
      NAME: 'Zürich desk',
    });
    expect(config).toEqual({
      PORT: 8080,
      WORKERS: 16,
      TIMEOUT_MS: 0,
      VERBOSE: true,
      DATABASE_URL: 'postgresql://db.internal/carebridge',
      NODE_ENV: 'production',
      LOG_LEVEL: 'silent',
      BROKERS: ['kafka-1:9092', 'kafka-2:9092'],
      NAME: 'Zürich desk',
    });
    expect(typeof config.PORT).toBe('number');
  });

  it('reads only the variables of its shape', () => {
    const config = loadConfig({ PORT: setting.port(1) }, { PORT: '2', OTHER: 'x', PATH: '/usr/bin' });
    expect(config).toEqual({ PORT: 2 });
  });

  it('reads process.env when no environment is given', () => {
    const key = 'CAREBRIDGE_CONFIG_SPEC_PORT';
    process.env[key] = '4321';
    try {
      expect(loadConfig({ [key]: setting.port(1) })).toEqual({ [key]: 4321 });
    } finally {
      delete process.env[key];
    }
  });

  it('treats an empty variable as not set: the default applies, a required one is reported "not set"', () => {
    expect(loadConfig({ PORT: setting.port(4000), NAME: z.string().optional() }, { PORT: '', NAME: '' })).toEqual({ PORT: 4000, NAME: undefined });
    const error = configurationError(() => loadConfig(shape, { DATABASE_URL: '' }));
    expect(error.problems).toEqual([expect.stringMatching(/^DATABASE_URL: .* \(not set\)$/)]);
  });

  it('names every bad variable in one error, each with its rule and the value it had', () => {
    const error = configurationError(() =>
      loadConfig(shape, { PORT: 'abc', WORKERS: '0', TIMEOUT_MS: '-5', VERBOSE: 'maybe', DATABASE_URL: 'mysql://db', NODE_ENV: 'staging', LOG_LEVEL: 'loud' }),
    );
    expect(error).toBeInstanceOf(Error);
    expect(error.name).toBe('ConfigurationError');
    expect(error.problems).toEqual([
      'PORT: must be a port number (got "abc")',
      'WORKERS: must be greater than 0 (got "0")',
      'TIMEOUT_MS: must not be negative (got "-5")',
      'VERBOSE: must be true or false (got "maybe")',
      'DATABASE_URL: must be a URL starting with postgres:// or postgresql:// (got "mysql://db")',
      'NODE_ENV: must be development, test or production (got "staging")',
      'LOG_LEVEL: must be one of fatal, error, warn, info, debug, trace, silent (got "loud")',
    ]);
    // The message lists them all, one a line, for the operator reading a crashed process's output.
    expect(error.message.split('\n')).toEqual(['Invalid configuration:', ...error.problems.map((p) => `  - ${p}`)]);
  });

  it('reports a missing required variable as not set', () => {
    const error = configurationError(() => loadConfig(shape, {}));
    expect(error.problems).toHaveLength(1);
    expect(error.problems[0]).toMatch(/^DATABASE_URL: /);
    expect(error.problems[0]).toMatch(/\(not set\)$/);
  });

  it.each([
    ['JWT_SECRET', 'short'],
    ['SUBGRAPH_CRM_SECRET', 'short'],
    ['DATABASE_PASSWORD', 'short'],
    ['API_TOKEN', 'short'],
    ['PRIVATE_KEY', 'short'],
    ['kafka_sasl_password', 'short'],
  ])('shows the value of %s, a secret, as ***', (key, value) => {
    const error = configurationError(() => loadConfig({ [key]: z.string().min(32, 'must be at least 32 characters') }, { [key]: value }));
    expect(error.problems).toEqual([`${key}: must be at least 32 characters (got "***")`]);
    expect(error.message).not.toContain(value);
  });

  it('never shows the password of a URL with credentials', () => {
    const error = configurationError(() => loadConfig({ DATABASE_URL: setting.url(['postgres']) }, { DATABASE_URL: 'mysql://carebridge:hunter2-s3cret@db:3306/x' }));
    expect(error.problems[0]).toMatch(/^DATABASE_URL: must be a URL starting with postgres:\/\//);
    expect(error.message).not.toContain('hunter2-s3cret');
    expect(error.problems[0]).toContain('carebridge:***@db');
  });

  it.each([
    ['postgres://svc:p%40ss@db:5432', 'postgres://svc:***@db:5432'],
    ['amqp://svc:pa/ss@broker', 'amqp://svc:***@broker'],
    ['http://example.com:8080/graphql', 'http://example.com:8080/graphql'],
  ])('redacts the credentials of %s but keeps the rest', (value, shown) => {
    const error = configurationError(() => loadConfig({ BROKER_URL: setting.url(['https']) }, { BROKER_URL: value }));
    expect(error.problems).toEqual([`BROKER_URL: must be a URL starting with https:// (got "${shown}")`]);
  });
});

describe('setting', () => {
  const load = (type: z.ZodType, value: string | undefined): unknown => (loadConfig({ VALUE: type }, { VALUE: value }) as Record<string, unknown>).VALUE;
  const problem = (type: z.ZodType, value: string | undefined) => configurationError(() => loadConfig({ VALUE: type }, { VALUE: value })).problems;

  describe('port', () => {
    it('takes 1 to 65535 and defaults to its fallback', () => {
      expect(load(setting.port(4000), undefined)).toBe(4000);
      expect(load(setting.port(4000), '1')).toBe(1);
      expect(load(setting.port(4000), '65535')).toBe(65535);
      expect(load(setting.port(4000), ' 8080 ')).toBe(8080);
    });

    it.each([
      ['abc', 'must be a port number'],
      ['0', 'must be a port number from 1 to 65535'],
      ['-1', 'must be a port number from 1 to 65535'],
      ['65536', 'must be a port number from 1 to 65535'],
      ['80.5', 'must be a whole number'],
    ])('refuses %s: %s', (value, rule) => {
      expect(problem(setting.port(4000), value)).toEqual([`VALUE: ${rule} (got "${value}")`]);
    });
  });

  describe('positiveInt and milliseconds', () => {
    it('take whole numbers', () => {
      expect(load(setting.positiveInt(3), '12')).toBe(12);
      expect(load(setting.positiveInt(3), undefined)).toBe(3);
      expect(load(setting.milliseconds(250), '0')).toBe(0);
      expect(load(setting.milliseconds(250), undefined)).toBe(250);
    });

    it('refuse what is not a whole number in range', () => {
      expect(problem(setting.positiveInt(3), 'ten')).toEqual(['VALUE: must be a number (got "ten")']);
      expect(problem(setting.positiveInt(3), '-2')).toEqual(['VALUE: must be greater than 0 (got "-2")']);
      expect(problem(setting.positiveInt(3), '1.5')).toEqual(['VALUE: must be a whole number (got "1.5")']);
      expect(problem(setting.milliseconds(3), 'soon')).toEqual(['VALUE: must be a number of milliseconds (got "soon")']);
      expect(problem(setting.milliseconds(3), '-1')).toEqual(['VALUE: must not be negative (got "-1")']);
    });
  });

  describe('boolean', () => {
    it.each([
      ['true', true],
      ['1', true],
      ['yes', true],
      ['false', false],
      ['0', false],
      ['no', false],
    ])('reads %s as %s', (value, expected) => {
      expect(load(setting.boolean(!expected), value)).toBe(expected);
    });

    it('defaults to its fallback', () => {
      expect(load(setting.boolean(true), undefined)).toBe(true);
      expect(load(setting.boolean(false), undefined)).toBe(false);
      expect(load(setting.boolean(true), '')).toBe(true);
    });

    it.each(['maybe', 'on', '2'])('refuses %s', (value) => {
      expect(problem(setting.boolean(false), value)).toEqual([`VALUE: must be true or false (got "${value}")`]);
    });
  });

  describe('url', () => {
    it('takes a URL with one of its protocols', () => {
      expect(load(setting.url(['http', 'https']), 'https://id.example.com/.well-known/jwks.json')).toBe('https://id.example.com/.well-known/jwks.json');
      expect(load(setting.url(['http', 'https']), 'http://127.0.0.1:4001/graphql')).toBe('http://127.0.0.1:4001/graphql');
    });

    it.each(['ftp://files.example.com', 'not a url', '127.0.0.1:4001', 'httpx://example.com', '//example.com'])('refuses %s', (value) => {
      expect(problem(setting.url(['http', 'https']), value)).toEqual([`VALUE: must be a URL starting with http:// or https:// (got "${value}")`]);
    });

    it('is required unless made optional', () => {
      expect(problem(setting.url(['https']), undefined)[0]).toMatch(/^VALUE: .*\(not set\)$/);
      expect(load(setting.url(['https']).optional(), undefined)).toBeUndefined();
    });
  });

  describe('list', () => {
    it('splits on commas, trims and drops empty items', () => {
      expect(load(setting.list(), 'a')).toEqual(['a']);
      expect(load(setting.list(), ' a , b,,c ,')).toEqual(['a', 'b', 'c']);
      expect(load(setting.list(), ' , ')).toEqual([]);
    });

    it('is not set when empty', () => {
      expect(load(setting.list().optional(), '')).toBeUndefined();
    });
  });

  describe('nodeEnv and logLevel', () => {
    it('default to development and info', () => {
      expect(load(setting.nodeEnv(), undefined)).toBe('development');
      expect(load(setting.logLevel(), undefined)).toBe('info');
    });

    it('take their values only', () => {
      for (const value of ['development', 'test', 'production']) expect(load(setting.nodeEnv(), value)).toBe(value);
      for (const value of ['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']) expect(load(setting.logLevel(), value)).toBe(value);
      expect(problem(setting.nodeEnv(), 'Production')).toEqual(['VALUE: must be development, test or production (got "Production")']);
    });
  });
});

describe('topology', () => {
  it('lists each subgraph once with its own default port, none on the gateway port', () => {
    const names = SUBGRAPHS.map((s) => s.name);
    const ports = SUBGRAPHS.map((s) => s.defaultPort);
    expect(new Set(names).size).toBe(names.length);
    expect(new Set(ports).size).toBe(ports.length);
    expect(ports).not.toContain(GATEWAY_DEFAULT_PORT);
    expect(names).toEqual(expect.arrayContaining(['crm', 'complaint']));
  });

  it('turns a subgraph name into its environment-variable form', () => {
    expect(envName('crm')).toBe('CRM');
    expect(envName('after-sales')).toBe('AFTER_SALES');
    expect(envName('a.b c')).toBe('A_B_C');
  });
});
