import { verifyNewCredential, type VerifiedNewCredential } from "./credentials";
import { conflict } from "./errors";
import { newId } from "./ids";
import type { Tx } from "./auth";
import type { Sandbox } from "./sandbox";
import type { NewCredentialInput } from "./schemas";

export interface VerifiedInput {
  input: NewCredentialInput;
  verified: VerifiedNewCredential;
}

const DEFAULT_NAMES: Record<string, string> = {
  Fido2: "Passkey",
  Key: "Key",
  PasswordProtectedKey: "Password-protected key",
  RecoveryKey: "Recovery key",
};

/** Verifies that every new credential signs `challenge`; nothing is stored yet. */
export async function verifyNewCredentials(
  sandbox: Sandbox,
  challenge: string,
  inputs: NewCredentialInput[],
): Promise<VerifiedInput[]> {
  const rp = { rpId: sandbox.config.rp.id, origins: sandbox.config.rp.origins };
  return Promise.all(
    inputs.map(async (input) => ({
      input,
      verified: await verifyNewCredential({
        kind: input.credentialKind,
        credentialInfo: input.credentialInfo,
        challenge,
        rp,
      }),
    })),
  );
}

/** Stores verified credentials for a user, inside the caller's transaction; a credential id seen before is a 409. */
export async function storeCredentials(tx: Tx, userId: string, credentials: VerifiedInput[]) {
  const ids = new Set(credentials.map((c) => c.verified.credId));
  if (ids.size !== credentials.length) throw conflict("The same credential appears twice in this request");
  // One insert for all; a credential id taken already is skipped, so missing from the rows.
  const rows = await tx.sandboxCredential.createManyAndReturn({
    data: credentials.map(({ input, verified }) => ({
      uuid: newId("cr"),
      userId,
      credId: verified.credId,
      kind: input.credentialKind,
      name: input.credentialName ?? DEFAULT_NAMES[input.credentialKind] ?? input.credentialKind,
      publicKey: verified.publicKey,
      algorithm: verified.algorithm ?? null,
      signCount: verified.signCount,
      encryptedPrivateKey: "encryptedPrivateKey" in input ? (input.encryptedPrivateKey ?? null) : null,
      origin: verified.origin ?? null,
      rpId: verified.rpId ?? null,
    })),
    skipDuplicates: true,
  });
  // RETURNING order is not promised, and callers rely on the input order.
  const byCredId = new Map(rows.map((row) => [row.credId, row]));
  return credentials.map(({ verified }) => {
    const row = byCredId.get(verified.credId);
    if (!row) throw conflict(`Credential ${verified.credId} is already registered`); // rolls the transaction back
    return row;
  });
}

export const credentialSummary = (row: { uuid: string; kind: string; name: string }) => ({
  uuid: row.uuid,
  kind: row.kind,
  name: row.name,
});
