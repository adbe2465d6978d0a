import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { SUBGRAPHS } from '@carebridge/config';
import { type DocumentNode, type ObjectTypeDefinitionNode, Kind, parse, print } from 'graphql';
import { type Composition, composeSupergraph, REPOSITORY_ROOT, SUPERGRAPH_FILE, supergraphFile } from './compose';
import { definitionModule, loadSubgraphDefinition } from '@carebridge/local-platform';

function objectType(document: DocumentNode, name: string): ObjectTypeDefinitionNode {
  const found = document.definitions.find((d): d is ObjectTypeDefinitionNode => d.kind === Kind.OBJECT_TYPE_DEFINITION && d.name.value === name);
  if (!found) throw new Error(`type ${name} not found`);
  return found;
}

function directives(node: { directives?: readonly import('graphql').ConstDirectiveNode[] }, name: string): string[] {
  return (node.directives ?? []).filter((d) => d.name.value === name).map((d) => print(d));
}

function firstDifference(actual: string, expected: string): string {
  const a = actual.split('\n');
  const e = expected.split('\n');
  const line = a.findIndex((text, i) => text !== e[i]);
  const at = line === -1 ? a.length : line;
  return `first difference at line ${at + 1}:\n  committed: ${JSON.stringify(a[at])}\n  composed:  ${JSON.stringify(e[at])}`;
}

describe('the supergraph', () => {
  let composition: Composition;
  let supergraph: DocumentNode;

  beforeAll(async () => {
    composition = await composeSupergraph();
    if (composition.supergraphSdl) supergraph = parse(composition.supergraphSdl);
  });

  it('composes without errors', () => {
    expect(composition.errors.map((e) => `[${String(e.extensions?.code)}] ${e.message}`)).toEqual([]);
    expect(composition.supergraphSdl).toBeDefined();
    expect(composition.subgraphs.map((s) => s.name)).toEqual(SUBGRAPHS.map((s) => s.name));
  });

  it(`is committed up to date in ${SUPERGRAPH_FILE}`, () => {
    const path = join(REPOSITORY_ROOT, SUPERGRAPH_FILE);
    if (!existsSync(path)) throw new Error(`${SUPERGRAPH_FILE} is missing: run npm run compose`);
    const committed = readFileSync(path, 'utf8');
    const wanted = supergraphFile(composition.supergraphSdl ?? '');
    if (committed !== wanted) throw new Error(`${SUPERGRAPH_FILE} is stale: run npm run compose\n${firstDifference(committed, wanted)}`);
  });

  it('has Customer as an entity of crm and complaint, with complaint contributing Customer.complaints', () => {
    const customer = objectType(supergraph, 'Customer');
    expect(directives(customer, 'join__type')).toEqual(expect.arrayContaining(['@join__type(graph: COMPLAINT, key: "id")', '@join__type(graph: CRM, key: "id")']));
    const complaints = customer.fields?.find((f) => f.name.value === 'complaints');
    expect(complaints && directives(complaints, 'join__field')).toEqual(['@join__field(graph: COMPLAINT)']);
    const interactions = customer.fields?.find((f) => f.name.value === 'interactions');
    expect(interactions && directives(interactions, 'join__field')).toEqual(['@join__field(graph: CRM)']);
  });

  it('has Complaint.customer, resolved by crm through the Customer entity', () => {
    const complaint = objectType(supergraph, 'Complaint');
    expect(directives(complaint, 'join__type')).toContain('@join__type(graph: COMPLAINT, key: "id")');
    const customer = complaint.fields?.find((f) => f.name.value === 'customer');
    expect(customer && print(customer.type)).toBe('Customer');
  });

  it('declares Customer @key(fields: "id") in both subgraphs', () => {
    for (const name of ['crm', 'complaint']) {
      const subgraph = composition.subgraphs.find((s) => s.name === name);
      expect(subgraph).toBeDefined();
      expect(directives(objectType(parse(subgraph?.sdl ?? ''), 'Customer'), 'key')).toEqual(['@key(fields: "id")']);
    }
  });
});

describe('the subgraph definitions', () => {
  it('are found by the service layout for every subgraph of the graph', async () => {
    for (const { name } of SUBGRAPHS) {
      expect(definitionModule(name)).toMatch(new RegExp(`^apps/[a-z-]+/src/${name}\\.subgraph\\.ts$`));
      expect((await loadSubgraphDefinition(name)).name).toBe(name);
    }
  });

  it('refuse a subgraph that is not in the graph, saying where the graph is listed', async () => {
    // A name no subgraph will take (after-sales and the others come through the generator).
    await expect(loadSubgraphDefinition('not-a-subgraph')).rejects.toThrow(/No subgraph "not-a-subgraph" in SUBGRAPHS \(libs\/config\/src\/topology\.ts\)/);
  });
});
