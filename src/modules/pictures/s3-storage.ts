import { DeleteObjectCommand, GetObjectCommand, PutObjectCommand, S3Client } from '@aws-sdk/client-s3';
import type { S3Settings } from '../../config.ts';
import { type PictureStorage, picturesUnavailable } from './storage.ts';

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
    // An unreachable endpoint fails within seconds, not the SDK's default of waiting indefinitely.
    requestHandler: { connectionTimeout: 2000, requestTimeout: 10_000 },
  });
  const Bucket = settings.bucket;
  /** S3 unreachable or failing (no answer, 5xx) is SERVICE_UNAVAILABLE; a refusal (4xx) is a setup error. */
  const reachable = async (call: () => Promise<unknown>): Promise<void> => {
    try {
      await call();
    } catch (error) {
      const status = (error as { $metadata?: { httpStatusCode?: number } }).$metadata?.httpStatusCode;
      throw status !== undefined && status < 500 ? error : picturesUnavailable(error);
    }
  };
  return {
    async save(name, bytes) {
      await reachable(() =>
        client.send(
          new PutObjectCommand({
            Bucket,
            Key: name,
            Body: bytes,
            ContentType: CONTENT_TYPES[name.split('.').pop()!] ?? 'application/octet-stream',
            CacheControl: 'public, max-age=31536000, immutable',
          }),
        ),
      );
    },
    async read(name) {
      try {
        const object = await client.send(new GetObjectCommand({ Bucket, Key: name }));
        return await object.Body!.transformToByteArray();
      } catch (error) {
        // Without s3:ListBucket (least privilege), S3 answers AccessDenied for a key that does not exist.
        if (['NoSuchKey', 'AccessDenied'].includes((error as { name?: string }).name ?? '')) return null;
        throw picturesUnavailable(error);
      }
    },
    async remove(name) {
      await reachable(() => client.send(new DeleteObjectCommand({ Bucket, Key: name }))); // absent: no error in S3
    },
    close: () => client.destroy(),
  };
}
