import { randomBytes } from 'node:crypto';
import sharp, { type Metadata, type Sharp } from 'sharp';

/** The original's profile picture size: fit inside 125×125, keep the aspect ratio, never enlarge. */
const PICTURE_SIZE = 125;

export interface PictureLimits {
  maxBytes: number;
  maxPixels: number;
}

export interface Picture {
  /** 16 random hex characters and the extension, as the original named them. */
  name: string;
  bytes: Buffer;
}

/** Why an upload was refused, in words for the person who chose the file. */
export class PictureRejected extends Error {}

const OUTPUT = {
  jpeg: { extension: 'jpg', encode: (image: Sharp) => image.jpeg({ quality: 88, mozjpeg: true }) },
  png: { extension: 'png', encode: (image: Sharp) => image.png() },
  // WebP comes out as PNG: the stored name has room for 20 characters, as in the original.
  webp: { extension: 'png', encode: (image: Sharp) => image.png() },
} as const;

/**
 * Checks an upload by its content (not its name or declared type) and makes the profile picture:
 * JPEG, PNG or WebP only, within the byte and pixel limits, auto-rotated, metadata stripped, resized.
 */
export async function makeProfilePicture(file: File, limits: PictureLimits): Promise<Picture> {
  if (file.size === 0) throw new PictureRejected('The picture file is empty.');
  if (file.size > limits.maxBytes) {
    throw new PictureRejected(`The picture must be at most ${formatBytes(limits.maxBytes)}.`);
  }
  const input = Buffer.from(await file.arrayBuffer());
  let metadata: Metadata;
  try {
    // Reads the header only, so a huge claimed size can be reported as such rather than as "not an image".
    metadata = await sharp(input, { limitInputPixels: false }).metadata();
  } catch {
    throw new PictureRejected('The picture must be a JPEG, PNG or WebP image.');
  }
  const output = OUTPUT[metadata.format as keyof typeof OUTPUT];
  if (!output) throw new PictureRejected('The picture must be a JPEG, PNG or WebP image.');
  if ((metadata.width ?? 0) * (metadata.height ?? 0) > limits.maxPixels) {
    throw new PictureRejected(`The picture must be at most ${Math.floor(limits.maxPixels / 1e6)} megapixels.`);
  }
  try {
    const image = sharp(input, { limitInputPixels: limits.maxPixels, failOn: 'error' })
      .rotate()
      .resize(PICTURE_SIZE, PICTURE_SIZE, { fit: 'inside', withoutEnlargement: true });
    const bytes = await output.encode(image).toBuffer();
    return { name: `${randomBytes(8).toString('hex')}.${output.extension}`, bytes };
  } catch {
    throw new PictureRejected('The picture could not be read: the file is damaged or incomplete.');
  }
}

function formatBytes(bytes: number): string {
  return bytes >= 1024 * 1024 ? `${+(bytes / 1024 / 1024).toFixed(1)} MB` : `${Math.round(bytes / 1024)} KB`;
}
