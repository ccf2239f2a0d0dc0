/**
 * Reading JSON-LD as the W3C annotation model writes it, where one value or an array of them are equivalent and
 * a resource may be its IRI or an object with an `id`. Shared by the import's readers of ids, targets and bodies.
 */

/** The model allows one value or an array wherever there may be several; at most `max` are read. */
export function many(value: unknown, max = Number.POSITIVE_INFINITY): unknown[] {
  if (value === undefined || value === null) return [];
  if (!Array.isArray(value)) return [value];
  return value.length > max ? value.slice(0, max) : value;
}

/** An IRI given as a string or as a resource `{ id }`. */
export function iriOf(value: unknown): string | null {
  if (typeof value === 'string') return value;
  return isRecord(value) && typeof value.id === 'string' ? value.id : null;
}

export function hasType(value: unknown, type: string): boolean {
  return value === type || (Array.isArray(value) && value.includes(type));
}

export function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
