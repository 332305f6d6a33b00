/** A NUL character, or half of a surrogate pair without its other half: text PostgreSQL cannot store. */
const UNSTORABLE = /\0|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;

/** True when every string in the value (however deeply nested) can be stored and compared as text. */
export function isStorableText(value: unknown): boolean {
  if (typeof value === 'string') return !UNSTORABLE.test(value);
  if (Array.isArray(value)) return value.every(isStorableText);
  if (value instanceof Date || typeof (value as Blob | null)?.arrayBuffer === 'function') return true; // dates, uploads
  if (value && typeof value === 'object') return Object.values(value).every(isStorableText);
  return true;
}
