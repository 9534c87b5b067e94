// The local Dfns sandbox, in sandbox mode only. In live mode every path here is a 404 and
// nothing of the sandbox is loaded. Delete this folder and lib/sandbox to go live-only.
import { env } from "@/lib/env";
import { mountedSandbox } from "@/lib/dfns/sandbox-mount";

export const dynamic = "force-dynamic";

async function handle(request: Request): Promise<Response> {
  if (env.dfns.mode !== "sandbox") {
    return Response.json({ error: { message: "Not found", status: 404 } }, { status: 404 });
  }
  return (await mountedSandbox()).handle(request);
}

export { handle as GET, handle as POST, handle as PUT, handle as DELETE };
