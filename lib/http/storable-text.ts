// Text Postgres can store. A NUL character (U+0000) is refused by Postgres's text and jsonb types
// ("invalid byte sequence for encoding UTF8: 0x00"), and a lone UTF-16 surrogate has no UTF-8
// form at all (it would be stored as U+FFFD, not as sent). Input is checked for both before any
// work is done, so such a request is a 400 instead of a failure halfway (e.g. after Dfns signed).

const NUL_OR_LONE_SURROGATE = /\u0000|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;

/** Whether `text` can be stored as it is. */
export function isStorableText(text: string): boolean {
  return !NUL_OR_LONE_SURROGATE.test(text);
}

/** The message for text that is not storable, after a field's name. */
export const UNSTORABLE_TEXT = "must not contain a NUL character or broken Unicode";

/**
 * The dotted path of the first string (or object key) in a parsed JSON value that is not
 * storable, `""` for the value itself, or null when all of it is.
 */
export function findUnstorableText(value: unknown, path: string[] = []): string | null {
  if (typeof value === "string") return isStorableText(value) ? null : path.join(".");
  if (Array.isArray(value)) {
    for (const [index, item] of value.entries()) {
      const found = findUnstorableText(item, [...path, String(index)]);
      if (found !== null) return found;
    }
    return null;
  }
  if (value && typeof value === "object") {
    for (const [key, item] of Object.entries(value)) {
      if (!isStorableText(key)) return [...path, "(a field name)"].join(".");
      const found = findUnstorableText(item, [...path, key]);
      if (found !== null) return found;
    }
  }
  return null;
}
