import { WebAuthnError } from "@simplewebauthn/browser";
import { describe, expect, it } from "vitest";
import { describePasskeyError, passkeyErrorReason } from "./errors";

/** A DOMException as browsers throw it from navigator.credentials.create(). */
const dom = (name: string, message = "") => new DOMException(message, name);

/** What @simplewebauthn/browser throws after identifying the browser's error. */
const wrapped = (code: ConstructorParameters<typeof WebAuthnError>[0]["code"], cause: Error, message = "wrapped") =>
  new WebAuthnError({ code, cause, message });

describe("passkeyErrorReason", () => {
  it.each([
    [dom("NotAllowedError", "The operation either timed out or was not allowed."), "cancelled"],
    [wrapped("ERROR_PASSTHROUGH_SEE_CAUSE_PROPERTY", dom("NotAllowedError")), "cancelled"],
    [dom("InvalidStateError"), "already-registered"],
    [wrapped("ERROR_AUTHENTICATOR_PREVIOUSLY_REGISTERED", dom("InvalidStateError")), "already-registered"],
    [dom("SecurityError"), "wrong-origin"],
    [wrapped("ERROR_INVALID_RP_ID", dom("SecurityError")), "wrong-origin"],
    [wrapped("ERROR_INVALID_DOMAIN", dom("SecurityError")), "wrong-origin"],
    [dom("NotSupportedError"), "no-authenticator"],
    [wrapped("ERROR_AUTHENTICATOR_NO_SUPPORTED_PUBKEYCREDPARAMS_ALG", dom("NotSupportedError")), "no-authenticator"],
    [wrapped("ERROR_AUTHENTICATOR_MISSING_USER_VERIFICATION_SUPPORT", dom("ConstraintError")), "no-authenticator"],
    [
      wrapped("ERROR_AUTHENTICATOR_MISSING_DISCOVERABLE_CREDENTIAL_SUPPORT", dom("ConstraintError")),
      "no-authenticator",
    ],
    [new Error("WebAuthn is not supported in this browser"), "unsupported-browser"],
    [dom("AbortError"), "aborted"],
    [wrapped("ERROR_CEREMONY_ABORTED", dom("AbortError")), "aborted"],
    [wrapped("ERROR_AUTHENTICATOR_GENERAL_ERROR", dom("UnknownError")), "unknown"],
    [new TypeError("boom"), "unknown"],
    [undefined, "unknown"],
    ["a string", "unknown"],
  ])("%s → %s", (error, reason) => {
    expect(passkeyErrorReason(error)).toBe(reason);
  });

  it("reads the DOMException's name from the cause when the wrapper has none", () => {
    const error = Object.assign(new Error("x"), { cause: dom("NotAllowedError") });
    expect(passkeyErrorReason(error)).toBe("cancelled");
  });
});

describe("describePasskeyError", () => {
  it("cancelled or timed out: says so and how to try again", () => {
    const { reason, message, canRetry } = describePasskeyError(dom("NotAllowedError", "timed out or not allowed"));
    expect(reason).toBe("cancelled");
    expect(canRetry).toBe(true);
    expect(message).toMatch(/closed, timed out or was refused/);
    expect(message).toMatch(/Try again/);
    expect(message).not.toMatch(/NotAllowedError|timed out or not allowed/); // no browser jargon
  });

  it("already registered: save the passkey elsewhere", () => {
    const { message, canRetry } = describePasskeyError(dom("InvalidStateError"));
    expect(canRetry).toBe(true);
    expect(message).toMatch(/already has a passkey for your account/);
    expect(message).toMatch(/another device/);
  });

  it("wrong RP ID: names both hosts and says the origin must match PASSKEY_RP_ID", () => {
    const error = wrapped(
      "ERROR_INVALID_RP_ID",
      dom("SecurityError"),
      'The RP ID "example.com" is invalid for this domain',
    );
    const { reason, message, canRetry } = describePasskeyError(error, { rpId: "example.com", hostname: "127.0.0.1" });
    expect(reason).toBe("wrong-origin");
    expect(canRetry).toBe(false);
    expect(message).toContain("“example.com”");
    expect(message).toContain("“127.0.0.1”");
    expect(message).toMatch(/APP_ORIGIN\) must be on PASSKEY_RP_ID/);
  });

  it("wrong RP ID without context still points at PASSKEY_RP_ID", () => {
    expect(describePasskeyError(dom("SecurityError")).message).toMatch(/PASSKEY_RP_ID/);
  });

  it("no authenticator: turn on a screen lock or use a phone or security key", () => {
    const { message } = describePasskeyError(dom("NotSupportedError"));
    expect(message).toMatch(/Nothing on this device can create/);
    expect(message).toMatch(/screen lock.*security key/);
  });

  it("no WebAuthn: another browser, or https when the page is not a secure context", () => {
    const error = new Error("WebAuthn is not supported in this browser");
    expect(describePasskeyError(error).message).toMatch(/This browser can't create passkeys/);
    expect(describePasskeyError(error, { secureContext: false }).message).toMatch(/https:\/\//);
    expect(describePasskeyError(error).canRetry).toBe(false);
  });

  it("aborted: interrupted, try again", () => {
    expect(describePasskeyError(dom("AbortError")).message).toMatch(/interrupted.*Try again/);
  });

  it("anything else: the browser's words, and a next step", () => {
    const { message, canRetry } = describePasskeyError(new Error("The authenticator fell over."));
    expect(canRetry).toBe(true);
    expect(message).toBe(
      "Your device couldn't create the passkey (The authenticator fell over). Try again; if it keeps failing, try another browser or device.",
    );
    expect(describePasskeyError(undefined).message).toMatch(/^Your device couldn't create the passkey\. Try again/);
  });

  it("every message is one or two plain sentences ending with a full stop", () => {
    for (const name of [
      "NotAllowedError",
      "InvalidStateError",
      "SecurityError",
      "NotSupportedError",
      "AbortError",
      "UnknownError",
    ]) {
      const { message } = describePasskeyError(dom(name));
      expect(message).toMatch(/^[A-Z“].*\.$/);
      expect(message).not.toContain("undefined");
    }
  });
});
