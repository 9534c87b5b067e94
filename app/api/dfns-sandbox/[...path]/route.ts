// The local Dfns sandbox, in sandbox mode only. In live mode every path here is a 404 and
// nothing of the sandbox is loaded. It is part of the sandbox: to go live-only
// remove every path of scripts/sandbox-paths.txt (bash scripts/remove-sandbox.sh).
import { getEnv } from "@/lib/env";
import { sandboxMount } from "@/lib/dfns/sandbox-link";
import { mountedSandbox } from "@/lib/sandbox/app/mount";

export const dynamic = "force-dynamic";

async function handle(request: Request): Promise<Response> {
  if (getEnv().dfns.mode !== "sandbox") {
    return Response.json({ error: { message: "Not found", status: 404 } }, { status: 404 });
  }
  const response = await (await mountedSandbox(await sandboxMount())).handle(request);
  // Its caller is the Dfns SDK in this same server: gzip (which Next applies to any answer over
  // 1 kB for a client that accepts it) would cost CPU on both ends of a loopback call for nothing.
  response.headers.set("cache-control", "no-store, no-transform");
  return response;
}

export { handle as GET, handle as POST, handle as PUT, handle as PATCH, handle as DELETE };
