import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { Kind, parse, type FieldDefinitionNode, type ObjectTypeDefinitionNode } from 'graphql';

/** The graphs that resolve a field of the composed supergraph (its `@join__field(graph:)`s). */
function graphsOf(field: FieldDefinitionNode): string[] {
  return (field.directives ?? [])
    .filter((directive) => directive.name.value === 'join__field')
    .flatMap((directive) => directive.arguments?.filter((argument) => argument.name.value === 'graph') ?? [])
    .map((argument) => (argument.value.kind === Kind.ENUM ? argument.value.value : ''));
}

describe('the supergraph the gateway serves (infra/supergraph.graphql)', () => {
  const supergraph = parse(readFileSync(join(__dirname, '../../../infra/supergraph.graphql'), 'utf8'));
  const customer = supergraph.definitions.find((d): d is ObjectTypeDefinitionNode => d.kind === Kind.OBJECT_TYPE_DEFINITION && d.name.value === 'Customer');

  it('makes every Customer field another service adds nullable, so that service being down costs only its own fields', () => {
    const crossService = (customer?.fields ?? []).filter((field) => graphsOf(field).some((graph) => graph !== 'CRM'));
    expect(crossService.map((field) => field.name.value)).toEqual(expect.arrayContaining(['complaints', 'inquiries', 'orderChanges', 'trips']));
    expect(crossService.filter((field) => field.type.kind === Kind.NON_NULL_TYPE).map((field) => field.name.value)).toEqual([]);
  });
});
