import { describe, expect, it } from "vitest";
import { HttpError } from "@/lib/http";
import { useAppDatabase } from "@/lib/testing/app-database";
import { bucketOf, giveBackAttempt, takeAttempt, tooManyAttempts, type RateLimit } from "./rate-limit";

// The limiter on a real database (in-memory PGlite; PostgreSQL with TEST_DATABASE_URL), with the
// clock passed in.

const database = useAppDatabase();

const MINUTE = 60_000;
const THREE_PER_10_MINUTES: RateLimit = { name: "test:three", limit: 3, windowMs: 10 * MINUTE };
const ONE_PER_HOUR: RateLimit = { name: "test:one", limit: 1, windowMs: 60 * MINUTE };
const T0 = new Date("2030-01-01T12:00:00Z");
const at = (minutes: number) => new Date(T0.getTime() + minutes * MINUTE);

let keys = 0;
const newKey = () => `key-${++keys}@example.com`;
const rowsOf = (limit: RateLimit, key: string) =>
  database.prisma.rateLimitAttempt.count({ where: { bucket: bucketOf({ limit, key }) } });

describe("takeAttempt", () => {
  it("allows the limit, then refuses with the time until the oldest leaves the window, recording nothing", async () => {
    const key = newKey();
    for (const minute of [0, 1, 2])
      expect((await takeAttempt([{ limit: THREE_PER_10_MINUTES, key }], at(minute))).allowed).toBe(true);
    expect(await takeAttempt([{ limit: THREE_PER_10_MINUTES, key }], at(4))).toEqual({
      allowed: false,
      retryAfterMs: 6 * MINUTE,
    });
    expect(await takeAttempt([{ limit: THREE_PER_10_MINUTES, key }], at(9))).toEqual({
      allowed: false,
      retryAfterMs: 1 * MINUTE,
    });
    expect(await rowsOf(THREE_PER_10_MINUTES, key)).toBe(3);
  });

  it("slides: each attempt frees its place when its window has passed", async () => {
    const key = newKey();
    for (const minute of [0, 1, 2]) await takeAttempt([{ limit: THREE_PER_10_MINUTES, key }], at(minute));
    expect((await takeAttempt([{ limit: THREE_PER_10_MINUTES, key }], at(10))).allowed).toBe(true); // minute 0 left
    expect(await takeAttempt([{ limit: THREE_PER_10_MINUTES, key }], at(10.5))).toEqual({
      allowed: false,
      retryAfterMs: 0.5 * MINUTE,
    });
    expect((await takeAttempt([{ limit: THREE_PER_10_MINUTES, key }], at(11))).allowed).toBe(true); // minute 1 left
  });

  it("counts each key and each limit apart", async () => {
    const key = newKey();
    expect((await takeAttempt([{ limit: ONE_PER_HOUR, key }], at(0))).allowed).toBe(true);
    expect((await takeAttempt([{ limit: ONE_PER_HOUR, key }], at(1))).allowed).toBe(false);
    expect((await takeAttempt([{ limit: ONE_PER_HOUR, key: newKey() }], at(1))).allowed).toBe(true);
    expect((await takeAttempt([{ limit: THREE_PER_10_MINUTES, key }], at(1))).allowed).toBe(true);
  });

  it("with several limits, records in all or in none", async () => {
    const email = newKey();
    const address = newKey();
    await takeAttempt([{ limit: ONE_PER_HOUR, key: address }], at(0));
    const refused = await takeAttempt(
      [
        { limit: THREE_PER_10_MINUTES, key: email },
        { limit: ONE_PER_HOUR, key: address },
      ],
      at(5),
    );
    expect(refused).toEqual({ allowed: false, retryAfterMs: 55 * MINUTE });
    expect(await rowsOf(THREE_PER_10_MINUTES, email)).toBe(0);
    // The wait is the longest of the full limits.
    for (const minute of [6, 7, 8]) await takeAttempt([{ limit: THREE_PER_10_MINUTES, key: email }], at(minute));
    expect(
      await takeAttempt(
        [
          { limit: THREE_PER_10_MINUTES, key: email },
          { limit: ONE_PER_HOUR, key: address },
        ],
        at(9),
      ),
    ).toEqual({
      allowed: false,
      retryAfterMs: 51 * MINUTE,
    });
  });

  it("of 20 parallel attempts exactly the limit get through, also across two limits", async () => {
    const key = newKey();
    const results = await Promise.all(
      Array.from({ length: 20 }, () => takeAttempt([{ limit: THREE_PER_10_MINUTES, key }], at(0))),
    );
    expect(results.filter((r) => r.allowed)).toHaveLength(3);
    expect(await rowsOf(THREE_PER_10_MINUTES, key)).toBe(3);

    // Two emails from one address: both share the address's limit, each locks in the same order.
    const address = newKey();
    const [a, b] = [newKey(), newKey()];
    const both = await Promise.all(
      Array.from({ length: 20 }, (_, i) =>
        takeAttempt(
          [
            { limit: ONE_PER_HOUR, key: i % 2 ? a : b },
            { limit: THREE_PER_10_MINUTES, key: address },
          ],
          at(0),
        ),
      ),
    );
    expect(both.filter((r) => r.allowed)).toHaveLength(2); // one per email
    expect(await rowsOf(THREE_PER_10_MINUTES, address)).toBe(2);
  });

  it("giveBackAttempt frees the place it took", async () => {
    const key = newKey();
    const first = await takeAttempt([{ limit: ONE_PER_HOUR, key }], at(0));
    expect(first.allowed).toBe(true);
    await giveBackAttempt(first.allowed ? first.ids : []);
    expect((await takeAttempt([{ limit: ONE_PER_HOUR, key }], at(1))).allowed).toBe(true);
  });

  it("stores the key only as a hash, and deletes expired rows as new attempts come", async () => {
    const key = newKey();
    await takeAttempt([{ limit: ONE_PER_HOUR, key }], at(0));
    const row = await database.prisma.rateLimitAttempt.findFirstOrThrow({
      where: { bucket: bucketOf({ limit: ONE_PER_HOUR, key }) },
    });
    expect(row.bucket).toMatch(/^test:one:[0-9a-f]{64}$/);
    expect(row.bucket).not.toContain(key);

    // A day later every row of this file has expired; a few attempts clear them all.
    for (let i = 0; i < 5; i++) await takeAttempt([{ limit: ONE_PER_HOUR, key: newKey() }], at(24 * 60));
    expect(await database.prisma.rateLimitAttempt.count({ where: { expiresAt: { lte: at(24 * 60) } } })).toBe(0);
    expect(await database.prisma.rateLimitAttempt.count()).toBe(5);
  });
});

describe("tooManyAttempts", () => {
  it("is a 429 with Retry-After in whole seconds and the wait in minutes, rounded up", () => {
    const error = tooManyAttempts(90_500, (wait) => `Wait ${wait}, then try again.`, "sign_up_rate_limited");
    expect(error).toBeInstanceOf(HttpError);
    expect(error.status).toBe(429);
    expect(error.extras.headers).toEqual({ "retry-after": "91" });
    expect(error.message).toBe("Wait about 2 minutes, then try again.");
    expect(error.code).toBe("sign_up_rate_limited");
    expect(tooManyAttempts(1_000, (wait) => wait, "sign_up_rate_limited").message).toBe("about 1 minute");
  });
});
