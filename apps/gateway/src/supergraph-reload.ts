import { createHash } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import type { SupergraphSdlHook } from '@apollo/gateway';
import type { Logger } from '@carebridge/service-kit';
import { request } from 'undici';

/** Where the composed supergraph comes from: a file (a mounted ConfigMap, the image's own) or a registry URL. */
export type SupergraphSource = { kind: 'file'; path: string } | { kind: 'url'; url: string };

/** What became of one supergraph the source offered. */
export type SupergraphUpdateOutcome = 'loaded' | 'refused' | 'unreachable';

export interface SupergraphReloadState {
  source: string;
  pollIntervalMs: number;
  /** The last supergraph refused since the one served was loaded: when, and why. */
  refused?: { at: string; reason: string };
  /** The last time the source could not be read while an older supergraph kept serving. */
  unreachable?: { at: string; reason: string };
}

export interface SupergraphReloadOptions {
  source: SupergraphSource;
  /** 0: read once at start. */
  pollIntervalMs: number;
  timeoutMs: number;
  logger: Logger;
  onOutcome?: (outcome: SupergraphUpdateOutcome) => void;
}

/**
 * The gateway's `supergraphSdl` hook: reads the supergraph at start, then polls its source and
 * hands each changed text to Apollo's `update`, which validates it and swaps schema and query
 * planner at once. `update` throws on a supergraph that is not valid: it is refused (logged,
 * counted), and the one already served keeps serving. At start an invalid or unreadable
 * supergraph fails the gateway, as before.
 */
export function reloadingSupergraph(options: SupergraphReloadOptions): { hook: SupergraphSdlHook; state: () => SupergraphReloadState } {
  const { source, pollIntervalMs, logger } = options;
  const state: SupergraphReloadState = { source: describe(source), pollIntervalMs };
  const hook: SupergraphSdlHook = async ({ update }) => {
    let current = await readSupergraph(source, options.timeoutMs);
    let servedHash = hash(current);
    let refusedHash: string | undefined;
    let timer: NodeJS.Timeout | undefined;
    let stopped = false;

    const poll = async () => {
      let text: string;
      try {
        text = await readSupergraph(source, options.timeoutMs);
        delete state.unreachable;
      } catch (error) {
        // A source gone for a moment (a ConfigMap being replaced, a registry restart) changes nothing served.
        const reason = messageOf(error);
        if (state.unreachable?.reason !== reason) logger.warn({ source: state.source, reason }, 'supergraph source unreadable; the served supergraph stays');
        state.unreachable = { at: new Date().toISOString(), reason };
        options.onOutcome?.('unreachable');
        return;
      }
      const textHash = hash(text);
      if (textHash === servedHash || textHash === refusedHash) return;
      try {
        update(text);
        current = text;
        servedHash = textHash;
        refusedHash = undefined;
        delete state.refused;
        logger.info({ source: state.source, supergraph: textHash.slice(0, 12) }, 'supergraph reloaded');
        options.onOutcome?.('loaded');
      } catch (error) {
        // Logged and counted once per refused text, not at every poll.
        refusedHash = textHash;
        const reason = messageOf(error);
        state.refused = { at: new Date().toISOString(), reason };
        logger.error({ source: state.source, supergraph: textHash.slice(0, 12), reason }, 'supergraph refused; the served supergraph stays');
        options.onOutcome?.('refused');
      }
    };
    // Chained timeouts, not an interval: a slow registry never has two reads in flight.
    const schedule = () => {
      if (stopped || pollIntervalMs <= 0) return;
      timer = setTimeout(() => void poll().finally(schedule), pollIntervalMs);
      timer.unref();
    };
    schedule();
    return {
      supergraphSdl: current,
      cleanup: async () => {
        stopped = true;
        clearTimeout(timer);
      },
    };
  };
  return { hook, state: () => ({ ...state }) };
}

async function readSupergraph(source: SupergraphSource, timeoutMs: number): Promise<string> {
  if (source.kind === 'file') return readFile(source.path, 'utf8');
  const response = await request(source.url, { method: 'GET', headersTimeout: timeoutMs, bodyTimeout: timeoutMs });
  if (response.statusCode !== 200) {
    await response.body.dump();
    throw new Error(`${describe(source)} answered HTTP ${response.statusCode}`);
  }
  return response.body.text();
}

function describe(source: SupergraphSource): string {
  if (source.kind === 'file') return source.path;
  // A registry URL may carry a credential in its query or user part: only its origin and path are shown.
  const url = new URL(source.url);
  return `${url.origin}${url.pathname}`;
}

const hash = (text: string) => createHash('sha256').update(text).digest('hex');

/** The first line of an error, bounded: a composition error can list the whole schema. */
function messageOf(error: unknown): string {
  const message = error instanceof Error ? error.message : String(error);
  return message.split('\n')[0].slice(0, 300);
}
