import { createHash } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { usePersistedOperations } from '@graphql-yoga/plugin-persisted-operations';
import type { GraphQLParams, Plugin } from 'graphql-yoga';
import { LRUCache } from 'lru-cache';

/** off: documents only; allow: known hashes, registered hashes (APQ) and documents; only: known hashes alone. */
export type TrustedDocumentsMode = 'off' | 'allow' | 'only';

/** The client operations' manifest that `npm run codegen` writes: `sha256:<hex>` → document. */
const TRUSTED_DOCUMENTS_FILE = path.resolve(import.meta.dirname, '../../client/generated/persisted-documents.json');

const sha256 = (text: string) => createHash('sha256').update(text).digest('hex');
const plainHash = (id: string) => id.replace(/^sha256:/, '').toLowerCase();

/**
 * The document's hash from Apollo's automatic persisted queries (`extensions.persistedQuery.sha256Hash`) or the
 * GraphQL-over-HTTP persisted documents appendix (`documentId: "sha256:<hex>"`).
 */
function documentIdOf(params: GraphQLParams & { documentId?: unknown }): string | null {
  const persisted = (params.extensions as { persistedQuery?: { version?: number; sha256Hash?: unknown } } | undefined)
    ?.persistedQuery;
  const id = persisted?.version === 1 ? persisted.sha256Hash : params.documentId;
  return typeof id === 'string' && /^(sha256:)?[0-9a-fA-F]{64}$/.test(id) ? plainHash(id) : null;
}

/**
 * Documents by hash (Yoga's persisted-operations plugin): the client operations' manifest, and in `allow` mode
 * Apollo's automatic persisted queries (a document sent with its correct hash is remembered, at most 1,000 per
 * instance). In `only` mode nothing but the manifest's documents runs.
 */
export function trustedDocumentPlugins(mode: TrustedDocumentsMode): Plugin[] {
  if (mode === 'off') return [];
  const manifest = JSON.parse(fs.readFileSync(TRUSTED_DOCUMENTS_FILE, 'utf8')) as Record<string, string>;
  const known = new Map(Object.entries(manifest).map(([id, document]) => [plainHash(id), document]));
  const registered = new LRUCache<string, string>({ max: 1000 });
  const register: Plugin = {
    onParams({ params }) {
      const id = documentIdOf(params);
      if (mode === 'allow' && id && typeof params.query === 'string' && !known.has(id) && sha256(params.query) === id) {
        registered.set(id, params.query);
      }
    },
  };
  return [
    register,
    usePersistedOperations({
      allowArbitraryOperations: mode === 'allow',
      extractPersistedOperationId: documentIdOf,
      getPersistedOperation: (id) => known.get(id) ?? (mode === 'allow' ? registered.get(id) : undefined) ?? null,
      customErrors: {
        // The message Apollo Client and urql look for before sending the whole document.
        notFound: { message: 'PersistedQueryNotFound', extensions: { code: 'PERSISTED_QUERY_NOT_FOUND' } },
        persistedQueryOnly: {
          message: 'Only trusted documents run here: send the hash of a known document instead of its text.',
          extensions: { code: 'PERSISTED_QUERY_ONLY' },
        },
        // Neither a document nor a hash: the request is malformed (GraphQL over HTTP: 400).
        keyNotFound: {
          message: 'Send a document, or the hash of a known one.',
          extensions: { code: 'BAD_REQUEST', http: { status: 400 } },
        },
      },
    }),
  ];
}
