import { GraphQLError, Kind, type FragmentDefinitionNode, type SelectionNode, type SelectionSetNode, type ValidationContext, type ValidationRule } from 'graphql';

/**
 * Refuses operations nested deeper than `maxDepth` fields: a cheap guard against abusive queries.
 * Each fragment's depth is worked out once, so a query that spreads fragments many times over
 * costs time in proportion to its size, not to the number of paths through it.
 */
export function maxDepthRule(maxDepth: number): ValidationRule {
  return (context: ValidationContext) => {
    const fragments = new Map<string, FragmentDefinitionNode>();
    for (const definition of context.getDocument().definitions) {
      if (definition.kind === Kind.FRAGMENT_DEFINITION) fragments.set(definition.name.value, definition);
    }
    const fragmentDepths = new Map<string, number>();
    const inProgress = new Set<string>();

    /** How many levels of fields a fragment adds where it is spread. */
    const fragmentDepth = (name: string): number => {
      const known = fragmentDepths.get(name);
      if (known !== undefined) return known;
      const fragment = fragments.get(name);
      // Unknown fragments and cycles are reported by GraphQL's own rules; here they add nothing.
      if (!fragment || inProgress.has(name)) return 0;
      inProgress.add(name);
      const depth = selectionSetDepth(fragment.selectionSet);
      inProgress.delete(name);
      fragmentDepths.set(name, depth);
      return depth;
    };
    const selectionDepth = (node: SelectionNode): number => {
      if (node.kind === Kind.FIELD) {
        // Introspection (`__typename`, `__schema`) is not counted; production turns it off.
        if (node.name.value.startsWith('__')) return 0;
        return 1 + (node.selectionSet ? selectionSetDepth(node.selectionSet) : 0);
      }
      if (node.kind === Kind.FRAGMENT_SPREAD) return fragmentDepth(node.name.value);
      return selectionSetDepth(node.selectionSet);
    };
    const selectionSetDepth = (selectionSet: SelectionSetNode): number => {
      let depth = 0;
      for (const selection of selectionSet.selections) depth = Math.max(depth, selectionDepth(selection));
      return depth;
    };

    return {
      OperationDefinition(operation) {
        const depth = selectionSetDepth(operation.selectionSet);
        if (depth > maxDepth) {
          context.reportError(
            new GraphQLError(`Operation is nested ${depth} levels deep; at most ${maxDepth} are allowed`, {
              nodes: [operation],
              extensions: { code: 'BAD_USER_INPUT', field: 'query' },
            }),
          );
        }
      },
    };
  };
}
