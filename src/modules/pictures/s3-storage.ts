import { DeleteObjectCommand, GetObjectCommand, PutObjectCommand, S3Client } from '@aws-sdk/client-s3';
import type { S3Settings } from '../../config.ts';
import type { PictureStorage } from './storage.ts';

const CONTENT_TYPES: Record<string, string> = { jpg: 'image/jpeg', png: 'image/png' };

/**
 * Pictures as objects in an S3-compatible bucket, shared by every instance. A PUT makes an object appear whole
 * or not at all, so no partial picture is ever readable; names are never reused, so objects are immutable.
 */
export function s3PictureStorage(settings: S3Settings): PictureStorage {
  const client = new S3Client({
    region: settings.region,
    endpoint: settings.endpoint,
    forcePathStyle: settings.forcePathStyle,
    credentials: settings.credentials,
    maxAttempts: 2,
  });
  const Bucket = settings.bucket;
  return {
    async save(name, bytes) {
      await client.send(
        new PutObjectCommand({
          Bucket,
          Key: name,
          Body: bytes,
          ContentType: CONTENT_TYPES[name.split('.').pop()!] ?? 'application/octet-stream',
          CacheControl: 'public, max-age=31536000, immutable',
        }),
      );
    },
    async read(name) {
      try {
        const object = await client.send(new GetObjectCommand({ Bucket, Key: name }));
        return await object.Body!.transformToByteArray();
      } catch (error) {
        if ((error as { name?: string }).name === 'NoSuchKey') return null;
        throw error;
      }
    },
    async remove(name) {
      await client.send(new DeleteObjectCommand({ Bucket, Key: name })); // absent already: no error in S3
    },
    close: () => client.destroy(),
  };
}
