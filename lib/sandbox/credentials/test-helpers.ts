import { expect } from "vitest";
import { SandboxError } from "../errors";
import type { RelyingParty } from "./types";

export const rp: RelyingParty = { rpId: "localhost", origins: ["http://localhost:3000"] };

export const newChallenge = () => `ch-${Math.random().toString(36).slice(2)}-${Date.now().toString(36)}`;

/** Awaits `run` and checks it failed with a SandboxError of `status` whose message matches. */
export async function expectRefused(
  run: () => unknown,
  status: 400 | 401,
  message?: string | RegExp,
): Promise<SandboxError> {
  let caught: unknown;
  try {
    await run();
  } catch (error) {
    caught = error;
  }
  expect(caught, "expected a SandboxError").toBeInstanceOf(SandboxError);
  const error = caught as SandboxError;
  expect({ status: error.status, message: error.message }).toMatchObject({ status });
  if (message !== undefined) expect(error.message).toMatch(message);
  return error;
}

const b64 = (s: string) => Buffer.from(s, "base64url");

/** Decodes a base64url JSON field, applies `edit` to its text and re-encodes it. */
export function editBase64UrlText(value: string, edit: (text: string) => string): string {
  return Buffer.from(edit(b64(value).toString("utf8")), "utf8").toString("base64url");
}
