import { describe, expect, it } from "vitest";
import { localPath, localPathOr } from "./paths";

// Redirect targets from `callbackUrl`: only this app's own paths, whatever a browser would make of
// the text. Each case below leads off-site (or breaks the Location header) in some browser.

const ORIGIN = "https://app.example";

describe("localPath", () => {
  it.each([
    ["/wallet", "/wallet"],
    ["/wallet?tab=1#top", "/wallet?tab=1#top"],
    ["/", "/"],
    ["https://app.example/credentials?x=1", "/credentials?x=1"],
    ["/%2F%2Fevil.example", "/%2F%2Fevil.example"], // an encoded slash stays in the path
    ["/sign-in?callbackUrl=%2F%2Fevil.example", "/sign-in?callbackUrl=%2F%2Fevil.example"], // checked again there
    ["/a/../wallet", "/wallet"],
  ])("keeps %j as %j", (input, expected) => {
    expect(localPath(input, ORIGIN)).toBe(expected);
  });

  it.each([
    "//evil.example",
    "///evil.example",
    "/\\evil.example",
    "\\\\evil.example",
    "/\t/evil.example/phish", // ?callbackUrl=/%09/evil.example/phish: the browser drops the tab
    "/\n/evil.example",
    "/\r/evil.example",
    "/\r\nSet-Cookie: x=1",
    "\t//evil.example",
    " //evil.example",
    "/\u0000/evil.example",
    "/\u007f/evil.example",
    "/.//evil.example", // resolves to the path //evil.example
    "/%2e//evil.example",
    "/a/../..//evil.example",
    "javascript:alert(1)",
    "JavaScript:alert(1)",
    "data:text/html,<script>alert(1)</script>",
    "https://evil.example/phish",
    "http://app.example/wallet", // another scheme is another origin
    "https://app.example:8443/wallet",
    "https://app.example.evil.example/wallet",
    "https://app.example@evil.example/",
    "//app.example@evil.example",
    "",
    null,
    undefined,
  ])("refuses %j", (input) => {
    expect(localPath(input, ORIGIN)).toBeNull();
    expect(localPathOr(input, ORIGIN, "/wallet")).toBe("/wallet");
  });

  it("never returns something a browser reads as another host", () => {
    const nasty = [
      "/",
      "//",
      "\\",
      "\t",
      "\n",
      "\r",
      "%09",
      "%0a",
      "%2f",
      "%5c",
      ".",
      "..",
      "@",
      ":",
      "evil.example",
      "#",
      "?",
    ];
    for (const a of nasty) {
      for (const b of nasty) {
        for (const c of nasty) {
          const path = localPath(`/${a}${b}${c}evil.example`, ORIGIN);
          if (path === null) continue;
          expect(path.startsWith("/") && !path.startsWith("//"), path).toBe(true);
          expect(new URL(path, ORIGIN).origin).toBe(ORIGIN);
          expect(path).not.toMatch(/[\u0000-\u001f\\]/);
        }
      }
    }
  });
});
