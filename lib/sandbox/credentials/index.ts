/**
 * Verification of Dfns credentials: new credentials (attestations) and assertions, for the
 * kinds Fido2 (passkeys), Key, PasswordProtectedKey and RecoveryKey. Framework-free, no
 * database: the caller looks up the challenge and the stored credential. Every failure is a
 * SandboxError: 400 for malformed input (base64url, JSON, CBOR, PEM), 401 for anything that
 * does not verify (challenge, origin, RP ID, signature, sign counter).
 */
import { badRequest } from "../errors";
import { verifyFido2Assertion, verifyFido2Attestation } from "./fido2";
import { verifyKeyAssertion, verifyKeyAttestation } from "./key";
import { assertionSchema, credentialInfoSchema, newCredentialKindSchema } from "./schemas";
import type {
  Assertion,
  CredentialInfo,
  NewCredentialKind,
  RelyingParty,
  StoredCredential,
  VerifiedNewCredential,
} from "./types";

export type { KeyCredentialKind, StoredCredential, VerifiedNewCredential } from "./types";
export { assertionSchema, credentialInfoSchema } from "./schemas";
export { challengeMatches } from "./challenge";

const issuesOf = (error: { issues: { path: PropertyKey[]; message: string }[] }) =>
  error.issues.map((issue) => ({ path: issue.path.map(String).join("."), message: issue.message }));

/** Verifies a new credential's attestation against the registration (or credential) challenge. */
export async function verifyNewCredential(args: {
  kind: NewCredentialKind;
  credentialInfo: CredentialInfo;
  challenge: string;
  rp: RelyingParty;
}): Promise<VerifiedNewCredential> {
  const kind = newCredentialKindSchema.safeParse(args.kind);
  if (!kind.success) throw badRequest(`Unsupported credential kind ${String(args.kind)}`);
  const info = credentialInfoSchema.safeParse(args.credentialInfo);
  if (!info.success) throw badRequest("Invalid credentialInfo", { issues: issuesOf(info.error) });
  const { challenge, rp } = args;
  if (kind.data === "Fido2") return verifyFido2Attestation({ credentialInfo: info.data, challenge, rp });
  return verifyKeyAttestation({ kind: kind.data, credentialInfo: info.data, challenge, rp });
}

/**
 * Verifies that `assertion` signs `challenge` with `credential`. Returns the new sign count
 * (Fido2) or the stored one (key kinds).
 */
export async function verifyAssertion(args: {
  assertion: Assertion;
  challenge: string;
  credential: StoredCredential;
  rp: RelyingParty;
}): Promise<{ signCount: number }> {
  const parsed = assertionSchema.safeParse(args.assertion);
  if (!parsed.success) throw badRequest("Invalid credential assertion", { issues: issuesOf(parsed.error) });
  const { challenge, credential, rp } = args;
  const assertion = parsed.data;
  if (assertion.kind === "Fido2") return verifyFido2Assertion({ assertion, challenge, credential, rp });
  return verifyKeyAssertion({ assertion, challenge, credential, rp });
}
