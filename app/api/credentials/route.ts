import { listCredentials } from "@/lib/dfns/credentials";
import { handler, onlyAllow } from "@/lib/http";

export const dynamic = "force-dynamic";

// The signed-in user's passkeys and recovery key, as Dfns lists them.
export const GET = handler({ dfnsAction: "list your credentials" }, ({ user }) => listCredentials(user));

export const { POST, PUT, PATCH, DELETE } = onlyAllow("GET");
