import "server-only";
import { getEnv } from "@/lib/env";
import { HttpError } from "@/lib/http";

// The passkey relying party of a Dfns challenge. Dfns takes the RP ID from the organization's
// Passkey Settings and checks every passkey against it; `rp` is optional in the SDK's types, and
// Dfns's own browser signer ignores it. A browser can only make passkeys for its own domain
// (PASSKEY_RP_ID), so:
// - no `rp` in the challenge: PASSKEY_RP_ID;
// - `rp.id` equal to PASSKEY_RP_ID: as given;
// - another `rp.id`: refused before any passkey is made. A passkey for PASSKEY_RP_ID would be
//   refused by Dfns after the user made it, and one for Dfns's RP ID cannot be made on this
//   site. The message names both, and the log says which setting to change.

export interface RelyingParty {
  id: string;
  name: string;
}

/** The relying party the browser must use for `rp` from a Dfns challenge (see above). */
export function passkeyRelyingParty(rp: { id?: string; name?: string } | undefined): RelyingParty {
  const { passkey } = getEnv();
  if (!rp?.id) return { id: passkey.rpId, name: rp?.name || passkey.rpName };
  if (rp.id !== passkey.rpId) {
    console.error(
      `[dfns] Dfns's challenge names the passkey RP ID "${rp.id}", but PASSKEY_RP_ID is "${passkey.rpId}". ` +
        `Set the organization's Passkey Settings (Dfns dashboard → Settings → Passkey Settings) to "${passkey.rpId}", or serve the app on "${rp.id}" and set PASSKEY_RP_ID to it. Check with npm run doctor.`,
    );
    throw new HttpError(
      500,
      "rp_id_mismatch",
      `Passkeys are not set up right for this site: Dfns expects passkeys for ${rp.id}, but this site makes them for ${passkey.rpId}. Nothing was changed. Please tell the site's support team.`,
    );
  }
  return { id: rp.id, name: rp.name || passkey.rpName };
}
