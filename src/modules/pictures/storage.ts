import { randomBytes } from 'node:crypto';
import fs from 'node:fs/promises';
import path from 'node:path';

/** Where profile pictures live. Names are ours (random hex plus extension), never a client's. */
export interface PictureStorage {
  save(name: string, bytes: Uint8Array): Promise<void>;
  read(name: string): Promise<Uint8Array | null>;
  remove(name: string): Promise<void>;
  /** Releases connections, at shutdown. */
  close?(): void;
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
