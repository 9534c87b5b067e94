import { startRecovery } from "@/lib/dfns/recovery";
import { handler, onlyAllow } from "@/lib/http";

export const dynamic = "force-dynamic";

// Starts (or resumes) the signed-in user's delegated recovery: WebAuthn options for the new passkey
// and the encrypted recovery key, which only the user's recovery code opens, in the browser.
export const POST = handler({ dfnsAction: "start the recovery" }, ({ user }) => startRecovery(user));

export const { GET, PUT, PATCH, DELETE } = onlyAllow("POST");
