import { normalizeRecoveryCode } from "./code";
import { deriveWrappingKey, unwrapPrivateKey, usernameSalt } from "./wrapping";

/**
 * Recovers the private key from Dfns's `encryptedRecoveryKey` and the code the user typed.
 * Throws InvalidRecoveryCodeError (not a code: checked first, before the slow PBKDF2),
 * WrongRecoveryCodeError (wrong code or username) or MalformedRecoveryKeyError (bad envelope).
 */
export async function decryptRecoveryKey(args: {
  encryptedPrivateKey: string;
  recoveryCode: string;
  username: string;
}): Promise<CryptoKey> {
  const code = normalizeRecoveryCode(args.recoveryCode);
  const wrappingKey = await deriveWrappingKey(code, await usernameSalt(args.username));
  return unwrapPrivateKey(args.encryptedPrivateKey, wrappingKey);
}
