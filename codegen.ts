// Typed documents for front-end clients (Apollo Client, urql) from the committed schema.graphql and the
// example operations in client/operations. Run `npm run codegen`.
import type { CodegenConfig } from '@graphql-codegen/cli';

const config: CodegenConfig = {
  schema: 'schema.graphql',
  documents: 'client/operations/**/*.graphql',
  ignoreNoDocuments: false,
  generates: {
    'client/generated/': {
      preset: 'client',
      // persisted-documents.json: the trusted documents the server accepts by hash (docs/api.md: Trusted documents);
      // each generated document carries its hash in `__meta__.hash`.
      presetConfig: { fragmentMasking: false, persistedDocuments: { hashAlgorithm: 'sha256' } },
      config: { useTypeImports: true, scalars: { DateTime: 'string', File: 'File' }, importExtension: '.ts' },
    },
    // Which types implement Error or belong to each result union: Apollo's cache needs it to match fragments.
    'client/generated/possible-types.ts': {
      plugins: ['fragment-matcher'],
      config: { apolloClientVersion: 3, useExplicitTyping: true },
    },
  },
};

export default config;
