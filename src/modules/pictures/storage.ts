import { randomBytes } from 'node:crypto';
import fs from 'node:fs/promises';
import path from 'node:path';
import { GraphQLError } from 'graphql';

/** Where profile pictures live. Names are ours (random hex plus extension), never a client's. */
export interface PictureStorage {
  save(name: string, bytes: Uint8Array): Promise<void>;
  read(name: string): Promise<Uint8Array | null>;
  remove(name: string): Promise<void>;
  /** Releases connections, at shutdown. */
  close?(): void;
}

/**
 * The picture storage cannot be reached: a typed error (SERVICE_UNAVAILABLE, 503 with Retry-After), worth
 * retrying, with the cause kept for the log, never shown.
 */
export function picturesUnavailable(cause: unknown): GraphQLError {
  return new GraphQLError('Pictures cannot be stored or read right now. Try again shortly.', {
    originalError: cause instanceof Error ? cause : undefined,
    extensions: { code: 'SERVICE_UNAVAILABLE', retryAfter: 5, http: { status: 503, headers: { 'retry-after': '5' } } },
  });
}

/** Pictures as files in one folder. A picture appears whole or not at all: written aside, then renamed. */
export function localPictureStorage(dir: string): PictureStorage {
  return {
    async save(name, bytes) {
      await fs.mkdir(dir, { recursive: true });
      const partial = path.join(dir, `.${name}.${randomBytes(4).toString('hex')}.partial`);
      try {
        await fs.writeFile(partial, bytes, { flag: 'wx' });
        await fs.rename(partial, path.join(dir, name));
      } catch (error) {
        await fs.rm(partial, { force: true });
        throw error;
      }
    },
    async read(name) {
      try {
        return await fs.readFile(path.join(dir, name));
      } catch (error) {
        if ((error as NodeJS.ErrnoException).code === 'ENOENT') return null;
        throw error;
      }
    },
    async remove(name) {
      await fs.rm(path.join(dir, name), { force: true });
    },
  };
}
