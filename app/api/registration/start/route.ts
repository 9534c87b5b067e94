import { startRegistration } from "@/lib/dfns/registration";
import { handler, onlyAllow } from "@/lib/http";

export const dynamic = "force-dynamic";

// Starts (or resumes) the signed-in user's delegated registration: the WebAuthn options only.
export const POST = handler({ dfnsAction: "start the registration" }, ({ user }) => startRegistration(user));

export const { GET, PUT, PATCH, DELETE } = onlyAllow("POST");
