import fs from 'node:fs/promises';
import path from 'node:path';
import type { PictureStorage } from './storage.ts';

export const PICTURES_PATH = '/pictures/';
export const DEFAULT_PICTURE = 'default.jpg';
const DEFAULT_PICTURE_FILE = path.resolve(import.meta.dirname, '../../../assets/default.jpg');

/** Uploaded pictures get random 16-hex names (see the accounts module); nothing else is ever served. */
const UPLOADED_NAME = /^[0-9a-f]{16}\.(jpg|png)$/;
const CONTENT_TYPES: Record<string, string> = { jpg: 'image/jpeg', png: 'image/png' };

/**
 * The answer to a request for /pictures/<name>: the default picture from assets/, uploads from the storage,
 * 404 for any other name. An uploaded file's name never changes (a new picture gets a new name), so it may be
 * cached for a year. Rejects when the storage cannot be read.
 */
export async function pictureResponse(
  storage: PictureStorage,
  method: string,
  name: string, // valid names need no decoding
  fetchAPI: { Response: typeof Response },
): Promise<Response> {
  const isDefault = name === DEFAULT_PICTURE;
  const readable = method === 'GET' || method === 'HEAD';
  const body = !readable
    ? null
    : isDefault
      ? await fs.readFile(DEFAULT_PICTURE_FILE)
      : UPLOADED_NAME.test(name)
        ? await storage.read(name)
        : null;
  if (!body) return new fetchAPI.Response('Not found', { status: 404, headers: { 'content-type': 'text/plain' } });
  return new fetchAPI.Response(method === 'HEAD' ? null : new Uint8Array(body), {
    headers: {
      'content-type': CONTENT_TYPES[name.split('.').pop()!]!,
      'content-length': String(body.byteLength),
      'cache-control': isDefault ? 'public, max-age=86400' : 'public, max-age=31536000, immutable',
      'x-content-type-options': 'nosniff',
    },
  });
}
