// Browser side of Dfns passkeys: Dfns challenge → WebAuthn options, WebAuthn response → Dfns
// credentialInfo, and browser errors in words. Uses @simplewebauthn/browser; no Node APIs.
export { approveWithPasskey } from "./approve";
export { createPasskey } from "./create";
export { toCreationOptions } from "./creation-options";
export { toFido2CredentialInfo } from "./credential-info";
export { utf8ToBase64Url } from "./encoding";
export { describePasskeyError } from "./errors";
export type { BrowserUserAction, DfnsRegistrationChallenge, Fido2CredentialInfo } from "./types";
