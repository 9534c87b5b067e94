// The request bodies printed in Dfns's documentation of Complete User Registration are replayed
// against a real registration: the validator accepts their shapes, and verification refuses them
// with a clear 4xx, because they sign Dfns's challenge, not ours.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { raw, startSandbox, uniqueEmail, type Harness } from "./harness";
import { registerUserActionBody } from "./seed-bodies";

let h: Harness;
beforeAll(async () => {
  h = await startSandbox();
});
afterAll(async () => h.close());

async function temporaryToken() {
  const challenge = await h.serviceAccount.auth.createDelegatedRegistrationChallenge({
    body: { kind: "EndUser", email: uniqueEmail("seed") },
  });
  return challenge.temporaryAuthenticationToken;
}

describe("documentation examples", () => {
  for (const [name, body] of Object.entries(registerUserActionBody)) {
    it(`${name}: accepted as a shape, refused by verification with a 4xx`, async () => {
      const response = await raw(h, "POST", "/auth/registration", {
        token: await temporaryToken(),
        body: JSON.stringify(body),
      });
      expect(response.status).toBeGreaterThanOrEqual(400);
      expect(response.status).toBeLessThan(500);
      // Not a shape error: the validator's message starts with "Invalid request body".
      expect(response.body.error?.message).not.toMatch(/^Invalid request body/);
      expect(response.body.error?.message).toEqual(expect.any(String));
    });
  }

  it("the delegated registration body of seed 001 is accepted", async () => {
    const response = await h.serviceAccount.auth.createDelegatedRegistrationChallenge({
      body: { email: uniqueEmail("seed001"), kind: "EndUser", externalId: "<string>" },
    });
    expect(response.user.id).toMatch(/^us-/);
  });
});
