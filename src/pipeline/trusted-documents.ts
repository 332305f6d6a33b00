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

/** The manifest's documents by `sha256:<hex>`. */
export function manifestDocuments(): Record<string, string> {
  return JSON.parse(fs.readFileSync(TRUSTED_DOCUMENTS_FILE, 'utf8')) as Record<string, string>;
}

/** Automatic persisted queries kept per instance: at most this many bytes in all, and per document. */
const REGISTRY_BYTES = 1024 * 1024;
const REGISTERED_DOCUMENT_BYTES = 32 * 1024;

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
 * Apollo's automatic persisted queries: a document sent with its correct hash is remembered once it has parsed
 * and validated (it is about to run), up to 32 KB each and 1 MB per instance, least recently used first out.
 * In `only` mode nothing but the manifest's documents runs.
 */
export function trustedDocumentPlugins(mode: TrustedDocumentsMode): Plugin[] {
  if (mode === 'off') return [];
  const known = new Map(Object.entries(manifestDocuments()).map(([id, document]) => [plainHash(id), document]));
  const registered = new LRUCache<string, string>({
    maxSize: REGISTRY_BYTES,
    maxEntrySize: REGISTERED_DOCUMENT_BYTES, // larger documents still run, but are not kept
    sizeCalculation: (document, id) => Buffer.byteLength(document) + id.length,
  });
  // Execution starts only for documents that parsed and validated against the schema.
  const remember = ({ args }: { args: { contextValue: { params?: GraphQLParams } } }) => {
    const params = args.contextValue.params;
    const id = params && documentIdOf(params);
    if (!id || typeof params.query !== 'string' || known.has(id) || registered.has(id)) return;
    if (sha256(params.query) === id) registered.set(id, params.query);
  };
  const register: Plugin = { onExecute: remember, onSubscribe: remember };
  return [
    ...(mode === 'allow' ? [register] : []),
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
