/** Who the credentials are for: the RP ID passkeys are scoped to, and the origins allowed to use them. */
export interface RelyingParty {
  rpId: string;
  /** Allowed origins, e.g. ["http://localhost:3000"]. */
  origins: string[];
}

/** Dfns `credentialInfo`: every field base64url. */
export interface CredentialInfo {
  credId: string;
  clientData: string;
  attestationData: string;
}

export type NewCredentialKind = "Fido2" | "Key" | "PasswordProtectedKey" | "RecoveryKey";
export type KeyCredentialKind = Exclude<NewCredentialKind, "Fido2">;

export interface VerifiedNewCredential {
  credId: string;
  /** Fido2: base64url of the COSE public key. Key, PasswordProtectedKey, RecoveryKey: SPKI PEM. */
  publicKey: string;
  /** Key kinds: the digest the credential declared (e.g. "SHA256"), if any. Fido2: the COSE algorithm name (e.g. "ES256"). */
  algorithm?: string;
  signCount: number;
  origin?: string;
  rpId?: string;
}

export interface StoredCredential {
  credId: string;
  kind: string;
  publicKey: string;
  algorithm?: string | null;
  signCount: number;
}

export type Fido2Assertion = {
  kind: "Fido2";
  credentialAssertion: {
    credId: string;
    clientData: string;
    authenticatorData: string;
    signature: string;
    userHandle?: string;
  };
};
export type KeyAssertion = {
  kind: KeyCredentialKind;
  credentialAssertion: { credId: string; clientData: string; signature: string; algorithm?: string };
};
export type Assertion = Fido2Assertion | KeyAssertion;
