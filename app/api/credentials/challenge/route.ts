import { newPasskeyChallenge } from "@/lib/dfns/credentials";
import { handler, onlyAllow } from "@/lib/http";

export const dynamic = "force-dynamic";

// Dfns's challenge for a new passkey: WebAuthn options, and its identifier sealed for the next step.
export const POST = handler({ dfnsAction: "prepare a new passkey" }, ({ user }) => newPasskeyChallenge(user));

export const { GET, PUT, PATCH, DELETE } = onlyAllow("POST");
