// For fuzz tests: fast-check arbitraries from zod schemas. Valid shapes carrying hostile values:
// each string either matches the schema's pattern or is hostile text (control characters, NUL,
// lone surrogates, huge, markup, SQL), numbers include the edges, unknown parts are any JSON.
import fc from "fast-check";
import type { z } from "zod";

type Def = { type: string; [key: string]: unknown };
const defOf = (schema: unknown) => (schema as { _zod: { def: Def } })._zod.def;

/** Text that breaks naive code: edges of Unicode and of size, and a few classic payloads. */
export const hostileString = (maxLength = 300): fc.Arbitrary<string> =>
  fc.oneof(
    fc.string({ maxLength }),
    fc.string({ unit: "binary", maxLength }),
    fc.constantFrom(
      "",
      " ",
      "\u0000",
      "\ud800",
      "\udfff",
      "null",
      "undefined",
      "__proto__",
      "constructor",
      "0",
      "-1",
      "NaN",
      "' OR 1=1 --",
      "<script>alert(1)</script>",
      "../../etc/passwd",
      "%00",
      "\u202e",
      "a".repeat(70_000),
    ),
  );

/** Numbers at the edges as well as ordinary ones. */
const hostileNumber = fc.oneof(
  fc.double(),
  fc.integer(),
  fc.constantFrom(0, -0, Number.MAX_SAFE_INTEGER + 2, -1e308, 1e308),
);

/** Strings matching `pattern`; fast-check cannot generate from Unicode property classes (`\p{C}`), so those get filtered printable text. */
function matching(pattern: RegExp): fc.Arbitrary<string> {
  if (pattern.unicode && /\\[pP]\{/.test(pattern.source)) {
    return fc.string({ unit: "grapheme", maxLength: 300 }).filter((s) => pattern.test(s));
  }
  return fc.stringMatching(pattern);
}

function stringArbitrary(def: Def): fc.Arbitrary<string> {
  const checks = (
    (def.checks as { _zod: { def: { check: string; pattern?: RegExp; maximum?: number } } }[] | undefined) ?? []
  ).map((c) => c._zod.def);
  const pattern = checks.find((c) => c.check === "string_format" && c.pattern)?.pattern;
  const maxLength = checks.find((c) => c.check === "max_length")?.maximum ?? 300;
  const shaped = pattern
    ? matching(pattern).filter((s) => s.length <= maxLength)
    : fc.string({ maxLength: Math.min(maxLength, 300) });
  return fc.oneof({ weight: 3, arbitrary: shaped }, { weight: 1, arbitrary: hostileString() });
}

/** An arbitrary for values shaped like `schema`, with hostile leaves. */
export function arbitraryFor(schema: z.ZodType | unknown): fc.Arbitrary<unknown> {
  const def = defOf(schema);
  switch (def.type) {
    case "object": {
      const shape = def.shape as Record<string, unknown>;
      const fields = Object.fromEntries(Object.entries(shape).map(([key, field]) => [key, arbitraryFor(field)]));
      return fc.record(fields, {
        requiredKeys: Object.keys(shape).filter((key) => defOf(shape[key]).type !== "optional"),
      });
    }
    case "string":
      return stringArbitrary(def);
    case "number":
    case "int":
      return hostileNumber;
    case "boolean":
      return fc.oneof(fc.boolean(), fc.constantFrom("true", 1, null));
    case "enum":
      return fc.oneof(fc.constantFrom(...Object.values(def.entries as Record<string, string>)), hostileString(20));
    case "literal":
      return fc.constantFrom(...(def.values as unknown[]));
    case "optional":
    case "nullable":
    case "default":
    case "readonly":
      return fc.oneof(arbitraryFor(def.innerType), fc.constantFrom(undefined, null));
    case "pipe":
      return arbitraryFor(def.in);
    case "array":
      return fc.array(arbitraryFor(def.element), { maxLength: 5 });
    case "union":
      return fc.oneof(...(def.options as unknown[]).map(arbitraryFor));
    default:
      return fc.jsonValue();
  }
}
