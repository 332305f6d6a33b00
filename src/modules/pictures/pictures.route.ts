import fs from 'node:fs/promises';
import path from 'node:path';
import type { Plugin } from 'graphql-yoga';

export const PICTURES_PATH = '/pictures/';
export const DEFAULT_PICTURE = 'default.jpg';
const DEFAULT_PICTURE_FILE = path.resolve(import.meta.dirname, '../../../assets/default.jpg');

/** Uploaded pictures get random 16-hex names (see the accounts module); nothing else is ever served. */
const UPLOADED_NAME = /^[0-9a-f]{16}\.(jpg|png|webp)$/;
const CONTENT_TYPES: Record<string, string> = { jpg: 'image/jpeg', png: 'image/png', webp: 'image/webp' };

/**
 * Serves profile pictures at /pictures/<file>: the default one from assets/, uploads from `dir`.
 * An uploaded file's name never changes (a new picture gets a new name), so it may be cached for a year.
 */
export function usePictures({ dir }: { dir: string }): Plugin {
  return {
    async onRequest({ request, url, endResponse, fetchAPI }) {
      if (!url.pathname.startsWith(PICTURES_PATH)) return;
      const name = decodeURIComponent(url.pathname.slice(PICTURES_PATH.length));
      const isDefault = name === DEFAULT_PICTURE;
      const file = isDefault ? DEFAULT_PICTURE_FILE : UPLOADED_NAME.test(name) ? path.join(dir, name) : undefined;
      const body = (request.method === 'GET' || request.method === 'HEAD') && file ? await readOrNull(file) : null;
      if (!body) {
        endResponse(new fetchAPI.Response('Not found', { status: 404, headers: { 'content-type': 'text/plain' } }));
        return;
      }
      endResponse(
        new fetchAPI.Response(request.method === 'HEAD' ? null : new Uint8Array(body), {
          headers: {
            'content-type': CONTENT_TYPES[name.split('.').pop()!]!,
            'content-length': String(body.byteLength),
            'cache-control': isDefault ? 'public, max-age=86400' : 'public, max-age=31536000, immutable',
            'x-content-type-options': 'nosniff',
          },
        }),
      );
    },
  };
}

async function readOrNull(file: string): Promise<Buffer | null> {
  try {
    return await fs.readFile(file);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return null;
    throw error;
  }
}
