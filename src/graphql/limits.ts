import { EnvelopArmor } from '@escape.tech/graphql-armor';
import { useDisableIntrospection } from '@graphql-yoga/plugin-disable-introspection';
import { complexityFromQuery } from '@pothos/plugin-complexity';
import { GraphQLError } from 'graphql';
import type { Plugin } from 'graphql-yoga';

export interface OperationLimits {
  maxDepth: number;
  maxAliases: number;
  maxTokens: number;
  maxDirectives: number;
  maxComplexity: number;
  /** Off: no introspection, and no "Did you mean …?" suggestions that would leak the schema anyway. */
  introspection: boolean;
}

/**
 * Rejects abusive operations while they are validated, before any resolver runs: GraphQL Armor for depth,
 * aliases, tokens and directives; Pothos' complexity rule for cost, which multiplies by `first`/`last`.
 */
export function operationLimitPlugins(limits: OperationLimits): Plugin<any>[] {
  const armor = new EnvelopArmor({
    maxDepth: { n: limits.maxDepth, ignoreIntrospection: true, flattenFragments: true },
    maxAliases: { n: limits.maxAliases },
    maxTokens: { n: limits.maxTokens },
    maxDirectives: { n: limits.maxDirectives },
    costLimit: { enabled: false },
    blockFieldSuggestion: { enabled: !limits.introspection },
  });
  // Measured once the document is known to be valid, so mistakes get graphql-js' own messages.
  const complexity: Plugin<any> = {
    onValidate({ params, context }) {
      return ({ valid, setResult }) => {
        if (!valid) return;
        const variables = (context as { params?: { variables?: Record<string, unknown> } }).params?.variables ?? {};
        let cost: number;
        try {
          cost = complexityFromQuery(params.documentAST, { schema: params.schema, ctx: context, variables }).complexity;
        } catch (error) {
          // Measuring decodes the arguments (global IDs): one that cannot be decoded fails the whole operation.
          const coded = error instanceof GraphQLError && typeof error.extensions.code === 'string';
          const message = error instanceof Error ? error.message : String(error);
          setResult([coded ? error : new GraphQLError(message, { extensions: { code: 'BAD_USER_INPUT' } })]);
          return;
        }
        if (cost > limits.maxComplexity) {
          const message = `Query is too complex: cost ${cost}, at most ${limits.maxComplexity}. Ask for fewer items (first/last) or fewer fields.`;
          setResult([new GraphQLError(message, { extensions: { code: 'QUERY_TOO_COMPLEX', cost, maxCost: limits.maxComplexity } })]);
        }
      };
    },
  };
  return [...(armor.protect().plugins as Plugin[]), complexity, ...(limits.introspection ? [] : [useDisableIntrospection()])];
}
