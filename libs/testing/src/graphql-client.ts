import { signDevelopmentToken, type Role } from '@carebridge/auth';

export interface GraphQLResponse<T = any> {
  status: number;
  data?: T | null;
  errors?: { message: string; path?: (string | number)[]; extensions?: Record<string, any> }[];
}

/** A client app's view of the gateway: POST a query with a bearer token. */
export class GraphQLClient {
  constructor(
    private readonly url: string,
    private readonly token?: string,
    private readonly extraHeaders: Record<string, string> = {},
  ) {}

  static as(url: string, role: Role | Role[], user?: string, secret?: string): GraphQLClient {
    const roles = Array.isArray(role) ? role : [role];
    return new GraphQLClient(url, signDevelopmentToken({ sub: user ?? `test-${roles.join('-')}`, roles, name: `Test ${roles.join('/')}` }, { secret }));
  }

  withHeaders(headers: Record<string, string>): GraphQLClient {
    return new GraphQLClient(this.url, this.token, { ...this.extraHeaders, ...headers });
  }

  async request<T = any>(query: string, variables?: Record<string, unknown>): Promise<GraphQLResponse<T>> {
    const response = await fetch(this.url, {
      method: 'POST',
      headers: {
        'content-type': 'application/json',
        ...(this.token ? { authorization: `Bearer ${this.token}` } : {}),
        ...this.extraHeaders,
      },
      body: JSON.stringify({ query, variables }),
    });
    const body = (await response.json()) as Omit<GraphQLResponse<T>, 'status'>;
    return { status: response.status, ...body };
  }

  /** Like `request`, but fails the test on any GraphQL error. */
  async data<T = any>(query: string, variables?: Record<string, unknown>): Promise<T> {
    const result = await this.request<T>(query, variables);
    if (result.errors?.length || !result.data) {
      throw new Error(`GraphQL errors: ${JSON.stringify(result.errors)}`);
    }
    return result.data;
  }
}

/** Retries `check` until it passes: events cross services asynchronously. */
export async function eventually<T>(check: () => Promise<T>, timeoutMs = 15_000, intervalMs = 100): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  let lastError: unknown;
  while (Date.now() < deadline) {
    try {
      return await check();
    } catch (error) {
      lastError = error;
      await new Promise((resolve) => setTimeout(resolve, intervalMs));
    }
  }
  throw lastError;
}
