import { Kind, parse, type ConstArgumentNode } from 'graphql';
import { request } from 'undici';

export interface ReadinessCheck {
  name: string;
  check(): Promise<{ ok: boolean; detail?: unknown }>;
}

type SubgraphState = 'ready' | 'not ready' | 'unreachable' | 'no address';

/**
 * What the gateway's /readyz reports: the supergraph it serves (its subgraphs as the supergraph
 * names them, not a fixed list), whether each of them answers its own /readyz, and any added
 * check. Ready once a supergraph is served and every added check is ok. Subgraphs are asked at
 * most once per `cacheMs`, so probes do not multiply load.
 */
export class GatewayReadiness {
  private served?: { subgraphs: string[]; loadedAt: string };
  private readonly targets = new Map<string, string>();
  private readonly checks: ReadinessCheck[] = [];
  private probed?: { at: number; states: Promise<Record<string, SubgraphState>> };

  constructor(private readonly options: { timeoutMs: number; cacheMs?: number }) {}

  /** The supergraph the gateway serves now (from `onSchemaLoadOrUpdate`). */
  supergraphServed(coreSupergraphSdl: string): void {
    this.served = { subgraphs: subgraphsOf(coreSupergraphSdl), loadedAt: new Date().toISOString() };
    this.probed = undefined;
  }

  /** Where the gateway calls a subgraph (its GraphQL URL; /readyz is beside it). */
  reaches(name: string, graphqlUrl: string): void {
    this.targets.set(name, graphqlUrl);
    this.probed = undefined;
  }

  add(check: ReadinessCheck): void {
    this.checks.push(check);
  }

  async report(): Promise<{ ready: boolean; details: Record<string, unknown> }> {
    const served = this.served;
    const extra = await Promise.all(this.checks.map(async (c) => ({ name: c.name, ...(await c.check().catch((error: Error) => ({ ok: false, detail: error.message }))) })));
    // A check that is ok and has nothing to say adds nothing to the details.
    const extraDetails = Object.fromEntries(extra.filter((c) => !c.ok || c.detail !== undefined).map((c) => [c.name, c.detail ?? 'failed']));
    if (!served) return { ready: false, details: { supergraph: 'not loaded', ...extraDetails } };
    const now = Date.now();
    if (!this.probed || now - this.probed.at > (this.options.cacheMs ?? 2000)) this.probed = { at: now, states: this.probe(served.subgraphs) };
    const subgraphs = await this.probed.states;
    // A subgraph down does not take the gateway out of rotation: it still answers everything else,
    // with that subgraph's part as a SERVICE_UNAVAILABLE error. It is reported, and alerted on.
    const degraded = Object.values(subgraphs).some((s) => s !== 'ready');
    return { ready: extra.every((c) => c.ok), details: { supergraph: served, subgraphs, ...(degraded ? { degraded: true } : {}), ...extraDetails } };
  }

  private async probe(names: string[]): Promise<Record<string, SubgraphState>> {
    const states = await Promise.all(
      names.map(async (name): Promise<[string, SubgraphState]> => {
        const target = this.targets.get(name);
        if (!target) return [name, 'no address'];
        try {
          const url = new URL('/readyz', target);
          const response = await request(url, { method: 'GET', headersTimeout: this.options.timeoutMs, bodyTimeout: this.options.timeoutMs });
          await response.body.dump();
          return [name, response.statusCode === 200 ? 'ready' : 'not ready'];
        } catch {
          return [name, 'unreachable'];
        }
      }),
    );
    return Object.fromEntries(states);
  }
}

/** The subgraph names of a supergraph: the `@join__graph(name:)` values of its `join__Graph` enum. */
export function subgraphsOf(coreSupergraphSdl: string): string[] {
  const document = parse(coreSupergraphSdl, { noLocation: true });
  const graphs = document.definitions.find((d) => d.kind === Kind.ENUM_TYPE_DEFINITION && d.name.value === 'join__Graph');
  if (!graphs || graphs.kind !== Kind.ENUM_TYPE_DEFINITION) return [];
  return (graphs.values ?? []).map((value) => {
    const name = value.directives?.find((d) => d.name.value === 'join__graph')?.arguments?.find((a: ConstArgumentNode) => a.name.value === 'name')?.value;
    return name?.kind === Kind.STRING ? name.value : value.name.value.toLowerCase();
  });
}
