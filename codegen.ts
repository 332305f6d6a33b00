// Typed documents from the committed schema.graphql, for two readers. Run `npm run codegen`.
// - client/generated: front-end clients (Apollo Client, urql), from the example operations in client/operations.
// - tests/generated: the tests, from the operations they write inline with `graphql(`...`)` next to their
//   assertions; the helper's `t.graphql(document, variables)` then types both the variables and the data.
import type { CodegenConfig } from '@graphql-codegen/cli';

const scalars = { DateTime: 'string', File: 'File' };

const config: CodegenConfig = {
  schema: 'schema.graphql',
  ignoreNoDocuments: false,
  // In the tests, only calls of the generated `graphql()` are documents: hostile.test.ts's own `gql()` sends text
  // that is malformed on purpose, and trusted-documents.test.ts builds one with Apollo's `gql` to be refused.
  pluckConfig: { modules: [], globalGqlIdentifierName: 'graphql', gqlMagicComment: 'no-magic-comment-in-tests' },
  generates: {
    'client/generated/': {
      documents: 'client/operations/**/*.graphql',
      preset: 'client',
      // persisted-documents.json: the trusted documents the server accepts by hash (docs/api.md: Trusted documents);
      // each generated document carries its hash in `__meta__.hash`.
      presetConfig: { fragmentMasking: false, persistedDocuments: { hashAlgorithm: 'sha256' } },
      config: { useTypeImports: true, scalars, importExtension: '.ts' },
    },
    // Which types implement Error or belong to each result union: Apollo's cache needs it to match fragments.
    'client/generated/possible-types.ts': {
      plugins: ['fragment-matcher'],
      config: { apolloClientVersion: 3, useExplicitTyping: true },
    },
    'tests/generated/': {
      // Only `graphql(...)` calls: documents a test sends deliberately malformed stay plain strings.
      documents: ['tests/**/*.ts', '!tests/generated/**'],
      preset: 'client',
      presetConfig: { fragmentMasking: false },
      config: { useTypeImports: true, scalars, importExtension: '.ts' },
    },
  },
};

export default config;
