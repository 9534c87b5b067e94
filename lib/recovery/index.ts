// Browser side of the Dfns RecoveryKey credential (WebCrypto only; runs in browsers and Node 20+).
export { generateRecoveryCode, normalizeRecoveryCode, RECOVERY_CODE_ALPHABET } from "./code";
export { InvalidRecoveryCodeError, MalformedRecoveryKeyError, WrongRecoveryCodeError } from "./errors";
export { createRecoveryCredential, type RecoveryCredential } from "./credential";
export { decryptRecoveryKey } from "./decrypt";
export { recoveryChallenge, signRecovery, type RecoveryAssertion } from "./assertion";
export { base64Decode, base64Encode, base64UrlDecode, base64UrlEncode } from "./base64";
export { derToRaw, rawToDer } from "./der";
