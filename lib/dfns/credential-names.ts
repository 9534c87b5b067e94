// The names the app gives the credentials it registers with Dfns (shown on the credentials page).
// Browser-safe: a recovery's browser signs the names along with the new credentials.
export const CREDENTIAL_NAMES = {
  passkey: "Passkey",
  recoveryKey: "Recovery key",
} as const;
