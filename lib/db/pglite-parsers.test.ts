import { PGlite } from "@electric-sql/pglite";
import { afterAll, describe, expect, it } from "vitest";
import { withMergedParsers } from "./pglite-parsers";

const NUMERIC = 1700;
const pglite = new PGlite();
afterAll(() => pglite.close());

describe("withMergedParsers", () => {
  it("applies per-query parsers, in and out of transactions, through the instance's own table", async () => {
    const db = withMergedParsers(pglite);
    const parsers = { [NUMERIC]: (value: string) => `numeric:${value}` };
    const direct = await db.query<{ n: string }>("SELECT 1.5::numeric AS n", [], { parsers });
    expect(direct.rows[0]!.n).toBe("numeric:1.5");
    const inTx = await db.transaction((tx) => tx.query<{ n: string }>("SELECT 2.5::numeric AS n", [], { parsers }));
    expect(inTx.rows[0]!.n).toBe("numeric:2.5");
    // Merged once into the instance, so PGlite no longer copies its table per query.
    expect(pglite.parsers[NUMERIC]).toBe(parsers[NUMERIC]);
  });
});
