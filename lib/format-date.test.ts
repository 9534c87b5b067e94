import { describe, expect, it } from "vitest";
import { formatUtc } from "./format-date";

describe("formatUtc", () => {
  it("writes the date and time in UTC, minutes zero-padded", () => {
    expect(formatUtc("2026-03-05T07:04:59.999Z")).toBe("5 Mar 2026, 07:04 UTC");
    expect(formatUtc("2026-12-31T23:59:00+01:00")).toBe("31 Dec 2026, 22:59 UTC");
  });

  it("matches Intl's en-GB medium date and short time, month by month", () => {
    const intl = new Intl.DateTimeFormat("en-GB", { dateStyle: "medium", timeStyle: "short", timeZone: "UTC" });
    for (let month = 0; month < 12; month++) {
      const date = new Date(Date.UTC(2027, month, 28, month * 2, month * 5));
      expect(formatUtc(date.toISOString())).toBe(`${intl.format(date)} UTC`);
    }
  });
});
