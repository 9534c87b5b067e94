// Distinct classes so the UI can tell "you typed something that is not a recovery code"
// (fix the typing) from "this is a code, but not the one for this account" (find the right sheet).

/** The input cannot be a recovery code at all: wrong length or characters outside the alphabet. */
export class InvalidRecoveryCodeError extends Error {
  constructor(message: string) {
    super(message);
    this.name = "InvalidRecoveryCodeError";
  }
}

/** Decryption failed: the code (or the username it is salted with) does not match this recovery key. */
export class WrongRecoveryCodeError extends Error {
  constructor(message = "This recovery code does not match the recovery key of this account.") {
    super(message);
    this.name = "WrongRecoveryCodeError";
  }
}

/** The stored encryptedPrivateKey is not the `base64(JSON{key, iv})` envelope: a data problem, not the user's. */
export class MalformedRecoveryKeyError extends Error {
  constructor(message: string) {
    super(message);
    this.name = "MalformedRecoveryKeyError";
  }
}
