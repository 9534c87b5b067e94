import { describe, expect, it } from "vitest";
import { steadyClimbMB } from "./stats";

// 1,000 operations sampled every 25, RSS from a function of the operation count.
const samples = (rss: (operations: number) => number) =>
  Array.from({ length: 41 }, (_, i) => ({ operations: i * 25, rssMB: rss(i * 25) }));

describe("steadyClimbMB: the steady RSS climb over the last half of a run", () => {
  it("reads a leak (growth in every quarter) in full", () => {
    expect(
      steadyClimbMB(
        samples((n) => 800 + n * 0.04),
        1000,
      ),
    ).toBeCloseTo(20, 5);
  });

  it("does not read one step of RSS as a climb", () => {
    expect(
      steadyClimbMB(
        samples((n) => (n < 775 ? 788 : 802)),
        1000,
      ),
    ).toBe(0);
  });

  it("is zero for flat memory, and negative when memory is given back steadily", () => {
    expect(
      steadyClimbMB(
        samples(() => 790),
        1000,
      ),
    ).toBe(0);
    expect(
      steadyClimbMB(
        samples((n) => 900 - n * 0.02),
        1000,
      ),
    ).toBeCloseTo(-10, 5);
  });
});
