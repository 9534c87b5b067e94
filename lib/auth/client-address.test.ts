import { afterEach, describe, expect, it, vi } from "vitest";
import { clientAddress } from "./client-address";

const forwarded = (value: string) => new Headers({ "x-forwarded-for": value });

describe("clientAddress", () => {
  afterEach(() => vi.unstubAllEnvs());

  it("is unknown unless a trusted proxy (Vercel) sets X-Forwarded-For", () => {
    vi.stubEnv("VERCEL", "");
    expect(clientAddress(forwarded("203.0.113.7"))).toBeNull();
    vi.stubEnv("VERCEL", "1");
    expect(clientAddress(forwarded("203.0.113.7"))).toBe("203.0.113.7");
    expect(clientAddress(new Headers())).toBeNull();
  });

  it("takes the first entry, from Headers or NextAuth's plain object", () => {
    expect(clientAddress(forwarded(" 203.0.113.7 , 10.0.0.1"), true)).toBe("203.0.113.7");
    expect(clientAddress({ "x-forwarded-for": "198.51.100.2, 10.0.0.1" }, true)).toBe("198.51.100.2");
    expect(clientAddress({}, true)).toBeNull();
  });

  it("refuses what is not an address, so junk cannot make a bucket of its own", () => {
    for (const junk of ["unknown", "", "203.0.113", "evil.example", "1.2.3.4.5", "<script>"]) {
      expect(clientAddress(forwarded(junk), true)).toBeNull();
    }
  });

  it("counts IPv6 by its /64 and IPv4-mapped IPv6 as IPv4", () => {
    expect(clientAddress(forwarded("2001:db8:85a3:12:8a2e:370:7334:1"), true)).toBe("2001:db8:85a3:12::/64");
    expect(clientAddress(forwarded("2001:0db8:85a3:0012:ffff::2"), true)).toBe("2001:db8:85a3:12::/64");
    expect(clientAddress(forwarded("2001:db8::1"), true)).toBe("2001:db8:0:0::/64");
    expect(clientAddress(forwarded("::1"), true)).toBe("0:0:0:0::/64");
    expect(clientAddress(forwarded("fe80::1%eth0"), true)).toBe("fe80:0:0:0::/64");
    expect(clientAddress(forwarded("::ffff:192.0.2.1"), true)).toBe("192.0.2.1");
  });
});
