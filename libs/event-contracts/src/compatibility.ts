import { parse } from 'yaml';
import { type EventContract, contractId } from './contract';
import { payloadSchema } from './asyncapi';

type JsonSchema = Record<string, any>;

/**
 * Checks the contracts against the payload schemas of a previously published AsyncAPI document.
 * Within one version the only change allowed is a new optional field: consumers validate what they
 * read, old consumers read new events, and new consumers replay old ones.
 */
export function incompatibleChanges(contracts: readonly EventContract[], publishedAsyncApi: string): string[] {
  const document = parse(publishedAsyncApi) ?? {};
  const published = (document.components?.messages ?? {}) as Record<string, { payload: JsonSchema; name?: string }>;
  const problems: string[] = [];
  const current = new Set(contracts.map(contractId));
  for (const id of Object.keys(published)) {
    // Consumers and replays still read a published version: it may be superseded, not dropped.
    // (Only event versions count: the dead-letter message is the envelope of any of them.)
    if (!/\.v\d+$/.test(id)) continue;
    if (!current.has(id)) problems.push(`${id.replace(/\.v(\d+)$/, ' v$1')} was published and is no longer declared — keep its contract`);
  }
  const topicOf = new Map<string, string>();
  for (const channel of Object.values<any>(document.channels ?? {})) {
    for (const ref of Object.values<any>(channel.messages ?? {})) topicOf.set(String(ref.$ref).split('/').pop() ?? '', channel.address);
  }
  for (const contract of contracts) {
    const id = contractId(contract);
    const before = published[id]?.payload;
    if (!before) continue;
    const topic = topicOf.get(id);
    if (topic && topic !== contract.topic) {
      problems.push(`${contract.type} v${contract.version}: moved from topic ${topic} to ${contract.topic} — publish it as version ${contract.version + 1} instead`);
    }
    for (const problem of compare(before, payloadSchema(contract), 'data')) {
      problems.push(`${contract.type} v${contract.version}: ${problem} — publish it as version ${contract.version + 1} instead`);
    }
  }
  return problems;
}

function compare(before: JsonSchema, after: JsonSchema, path: string): string[] {
  const problems: string[] = [];
  const { properties: beforeProps = {}, required: beforeRequired = [], items: beforeItems, description: _d1, ...beforeRest } = before;
  const { properties: afterProps = {}, required: afterRequired = [], items: afterItems, description: _d2, ...afterRest } = after;
  if (JSON.stringify(sortKeys(beforeRest)) !== JSON.stringify(sortKeys(afterRest))) {
    problems.push(`${path} changed its type or rules`);
  }
  for (const name of Object.keys(beforeProps)) {
    if (!(name in afterProps)) problems.push(`${path}.${name} was removed`);
    else problems.push(...compare(beforeProps[name], afterProps[name], `${path}.${name}`));
  }
  const was = new Set<string>(beforeRequired);
  const now = new Set<string>(afterRequired);
  for (const name of now) if (!was.has(name)) problems.push(`${path}.${name} became required`);
  for (const name of was) if (!now.has(name) && name in afterProps) problems.push(`${path}.${name} became optional`);
  if (beforeItems && afterItems) problems.push(...compare(beforeItems, afterItems, `${path}[]`));
  return problems;
}

function sortKeys(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(sortKeys);
  if (value && typeof value === 'object') {
    return Object.fromEntries(Object.keys(value as object).sort().map((k) => [k, sortKeys((value as Record<string, unknown>)[k])]));
  }
  return value;
}
