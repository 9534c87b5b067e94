import { describe, expect, it } from "vitest";
import { useAppDatabase } from "@/lib/testing/app-database";
import { withLease } from "./lease";

// Leases: one holder per key at a time, waiters run after it, a crashed holder's lease expires.

const database = useAppDatabase();
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
const busy = () => new Error("busy");

describe("withLease", () => {
  it("runs parallel holders of one key one at a time, and other keys alongside", async () => {
    let running = 0;
    let most = 0;
    const order: number[] = [];
    const work = (i: number) => async () => {
      most = Math.max(most, ++running);
      await sleep(20);
      order.push(i);
      running--;
      return i;
    };
    const results = await Promise.all(Array.from({ length: 8 }, (_, i) => withLease("test:one", work(i), { busy })));
    expect(results).toEqual([0, 1, 2, 3, 4, 5, 6, 7]);
    expect(most).toBe(1);
    expect(order).toHaveLength(8);
    expect(await database.prisma.lease.count()).toBe(0);

    running = 0;
    most = 0;
    await Promise.all([withLease("test:a", work(0), { busy }), withLease("test:b", work(1), { busy })]);
    expect(most).toBe(2);
  });

  it("gives the lease back when the work throws", async () => {
    await expect(withLease("test:throws", async () => Promise.reject(new Error("boom")), { busy })).rejects.toThrow(
      "boom",
    );
    expect(await withLease("test:throws", async () => "next", { busy, waitMs: 0 })).toBe("next");
  });

  it("a waiter gives up with busy() after waitMs; an expired lease (its holder crashed) is taken over", async () => {
    await database.prisma.lease.create({
      data: { key: "test:crashed", holder: "gone", expiresAt: new Date(Date.now() + 60_000) },
    });
    await expect(withLease("test:crashed", async () => "never", { busy, waitMs: 150 })).rejects.toThrow("busy");

    await database.prisma.lease.update({
      where: { key: "test:crashed" },
      data: { expiresAt: new Date(Date.now() - 1000) },
    });
    expect(await withLease("test:crashed", async () => "taken over", { busy, waitMs: 0 })).toBe("taken over");
    expect(await database.prisma.lease.count({ where: { key: "test:crashed" } })).toBe(0);
  });

  it("a holder whose lease expired and was taken over does not give back the new holder's lease", async () => {
    let release!: () => void;
    const first = withLease("test:slow", () => new Promise<void>((resolve) => (release = resolve)), {
      busy,
      ttlMs: 50,
    });
    await sleep(100); // the first holder's lease has expired
    let secondHolds = false;
    const second = withLease(
      "test:slow",
      async () => {
        secondHolds = true;
        release(); // the first finishes while the second holds the lease
        await sleep(50);
        expect(await database.prisma.lease.count({ where: { key: "test:slow" } })).toBe(1);
      },
      { busy },
    );
    await Promise.all([first, second]);
    expect(secondHolds).toBe(true);
  });
});
