import type { ApolloServerPlugin, BaseContext } from '@apollo/server';
import { withInputFields } from '@carebridge/service-kit';

/**
 * The gateway coerces variables against the supergraph itself, so a wrong enum value or a number
 * where a string belongs is answered here, never by a subgraph: those errors get `BAD_USER_INPUT`
 * with `extensions.field` as the subgraphs give them (the kit's `withInputFields`).
 */
export function inputFieldsPlugin(): ApolloServerPlugin<BaseContext> {
  return {
    async requestDidStart() {
      return {
        async willSendResponse({ response, request }) {
          if (response.body.kind !== 'single' || !response.body.singleResult.errors) return;
          response.body.singleResult = { ...response.body.singleResult, errors: withInputFields(response.body.singleResult.errors, request.query) };
        },
      };
    },
  };
}
