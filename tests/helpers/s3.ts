import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { CreateBucketCommand, ListObjectsV2Command, S3Client } from '@aws-sdk/client-s3';
import S3rver from 's3rver';
import type { S3Settings } from '../../src/config.ts';

export interface TestS3 {
  /** Settings for a bucket of its own on the server (the app's real S3 client talks to it). */
  bucket(name: string): Promise<S3Settings>;
  /** The keys a bucket holds. */
  keys(bucket: string): Promise<string[]>;
  stop(): Promise<void>;
}

const CREDENTIALS = { accessKeyId: 'S3RVER', secretAccessKey: 'S3RVER' }; // s3rver's fixed test credentials

/** A real S3-compatible server (s3rver) on a free loopback port, storing under a temporary folder. */
export async function startS3(): Promise<TestS3> {
  const directory = fs.mkdtempSync(path.join(os.tmpdir(), 's3rver-'));
  const server = new S3rver({ address: '127.0.0.1', port: 0, silent: true, directory });
  const { port } = await server.run();
  const endpoint = `http://127.0.0.1:${port}`;
  const client = new S3Client({ endpoint, region: 'us-east-1', forcePathStyle: true, credentials: CREDENTIALS });
  return {
    async bucket(name) {
      await client.send(new CreateBucketCommand({ Bucket: name }));
      return { bucket: name, region: 'us-east-1', endpoint, forcePathStyle: true, credentials: CREDENTIALS };
    },
    async keys(bucket) {
      const listed = await client.send(new ListObjectsV2Command({ Bucket: bucket }));
      return (listed.Contents ?? []).map((object) => object.Key!).sort();
    },
    async stop() {
      client.destroy();
      await server.close();
      fs.rmSync(directory, { recursive: true, force: true });
    },
  };
}
