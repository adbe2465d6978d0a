import type { ApolloServerPlugin, BaseContext } from '@apollo/server';
import { ApolloArmor } from '@escape.tech/graphql-armor';
import { GraphQLError, type GraphQLFormattedError, type ValidationContext, type ValidationRule } from 'graphql';

/** The settings that bound one operation; each refusal names the one it broke. */
export interface OperationLimits {
  MAX_QUERY_DEPTH: number;
  MAX_ALIASES: number;
  MAX_QUERY_COST: number;
  MAX_DIRECTIVES: number;
  MAX_TOKENS: number;
}

export type OperationLimit = keyof OperationLimits;

/**
 * The gateway's limits on one operation, from graphql-armor: depth, aliases, cost and directives
 * are validation rules, so an operation over one is refused with HTTP 400 before it is planned,
 * let alone sent to a subgraph. The token limit is graphql-js's own parser option (`maxTokens`, what
 * armor's token lexer does for older graphql versions): armor's Apollo plugin for it throws from
 * `parsingDidStart`, which Apollo answers with 500. Field suggestions are masked by armor's plugin
 * and, for the kinds it misses, by `withoutSuggestions` below.
 */
export function operationLimits(limits: OperationLimits): {
  validationRules: ValidationRule[];
  plugins: ApolloServerPlugin<BaseContext>[];
  parseOptions: { maxTokens: number };
} {
  const rejectAs = (limit: OperationLimit) => ({
    propagateOnRejection: false,
    onReject: [(context: ValidationContext | null, error: GraphQLError) => context?.reportError(limitError(limit, limits[limit], error.message))],
  });
  const armor = new ApolloArmor({
    maxDepth: { n: limits.MAX_QUERY_DEPTH, ignoreIntrospection: true, flattenFragments: true, ...rejectAs('MAX_QUERY_DEPTH') },
    maxAliases: { n: limits.MAX_ALIASES, ...rejectAs('MAX_ALIASES') },
    costLimit: { maxCost: limits.MAX_QUERY_COST, ...rejectAs('MAX_QUERY_COST') },
    maxDirectives: { n: limits.MAX_DIRECTIVES, ...rejectAs('MAX_DIRECTIVES') },
    maxTokens: { enabled: false },
    blockFieldSuggestion: { enabled: true, mask: '' },
  });
  const { validationRules, plugins } = armor.protect();
  return { validationRules, plugins: plugins as ApolloServerPlugin<BaseContext>[], parseOptions: { maxTokens: limits.MAX_TOKENS } };
}

function limitError(limit: OperationLimit, value: number, armorMessage: string): GraphQLError {
  const found = /found (\d+)/.exec(armorMessage)?.[1];
  return new GraphQLError(`The operation is over the gateway's ${limit} limit of ${value}${found ? ` (it has ${found})` : ''}`, {
    extensions: { code: 'GRAPHQL_VALIDATION_FAILED', limit, allowed: value },
  });
}

const TOKEN_LIMIT = /Document contains more tha[nt] (\d+) tokens/;

/** A parse error from the token limit, as the other limits word theirs; any other error as it is. */
export function withTokenLimitNamed(formatted: GraphQLFormattedError): GraphQLFormattedError {
  const allowed = TOKEN_LIMIT.exec(formatted.message)?.[1];
  if (!allowed || formatted.extensions?.code !== 'GRAPHQL_PARSE_FAILED') return formatted;
  return {
    ...formatted,
    message: `The operation is over the gateway's MAX_TOKENS limit of ${allowed}`,
    extensions: { ...formatted.extensions, limit: 'MAX_TOKENS', allowed: Number(allowed) },
  };
}

/**
 * graphql-js words "Did you mean …?" into validation and coercion errors for fields, arguments,
 * types and enum values (`Did you mean the enum value "PHONE"?`); armor's mask catches only the
 * quoted forms. Outside development every error leaving the gateway, a subgraph's included, loses it.
 */
export function withoutSuggestions(formatted: GraphQLFormattedError): GraphQLFormattedError {
  if (!formatted.message.includes('Did you mean')) return formatted;
  return { ...formatted, message: formatted.message.replace(/\s*Did you mean [^?]*\?/g, '').trim() };
}
