import { useGraphQlJit } from '@envelop/graphql-jit';
import { Kind } from 'graphql';
import type { Plugin } from 'graphql-yoga';

/**
 * Executes operations compiled by graphql-jit (a measured gain on every read). The plugin keeps one compiled
 * query per parsed document, whatever the operationName, so it is used only where the document alone decides
 * what runs: a single operation, named as the request names it (or not named by the request). Anything else
 * runs on graphql-js, so no request can leave a compiled query behind that answers for another.
 */
export function useCompiledExecution(): Plugin {
  return useGraphQlJit(
    {},
    {
      enableIf: ({ document, operationName }) => {
        const operations = document.definitions.filter((definition) => definition.kind === Kind.OPERATION_DEFINITION);
        return operations.length === 1 && (!operationName || operations[0]!.name?.value === operationName);
      },
    },
  ) as Plugin;
}
