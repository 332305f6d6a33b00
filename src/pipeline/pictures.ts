import type { Plugin } from 'graphql-yoga';
import type { Logger } from '../logger.ts';
import { PICTURES_PATH, pictureResponse } from '../modules/pictures/pictures.route.ts';
import type { PictureStorage } from '../modules/pictures/storage.ts';

/**
 * Serves profile pictures at /pictures/<file> before GraphQL sees the request (the answers come from
 * modules/pictures). A storage that cannot be read answers 503, never 500.
 */
export function usePictures(storage: PictureStorage, logger: Logger): Plugin {
  return {
    // Not async: every request passes here, and only picture requests should wait for anything.
    onRequest({ request, url, endResponse, fetchAPI }) {
      if (!url.pathname.startsWith(PICTURES_PATH)) return;
      return pictureResponse(storage, request.method, url.pathname.slice(PICTURES_PATH.length), fetchAPI).then(
        endResponse,
        (error: unknown) => {
          logger.warn({ err: error }, 'A picture could not be read from its storage');
          endResponse(
            new fetchAPI.Response('Pictures are unavailable right now', {
              status: 503,
              headers: { 'content-type': 'text/plain', 'retry-after': '5' },
            }),
          );
        },
      );
    },
  };
}
