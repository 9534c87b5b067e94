import { createHash } from "node:crypto";
import type { Prisma } from "@/lib/generated/prisma/client";

// Postgres advisory locks held until the transaction ends: "one at a time per name" for work done
// entirely inside one database transaction (a count and an insert, say), on PGlite and PostgreSQL.

/** A 64-bit lock id per name. */
export const advisoryLockId = (name: string) =>
  BigInt.asIntN(64, BigInt(`0x${createHash("sha256").update(name).digest("hex").slice(0, 16)}`));

/** Waits for, then holds until `tx` ends, the lock `id` (sent as a decimal string, cast to `bigint` in SQL). */
export async function lockUntilCommit(tx: Prisma.TransactionClient, id: bigint): Promise<void> {
  await tx.$queryRaw`SELECT pg_advisory_xact_lock(${id.toString()}::bigint)::text AS locked`;
}
