import type { SandboxLink } from "@/lib/dfns/sandbox-link";

/**
 * The sandbox as the app sees it (`dfns-sandbox-link`, see lib/dfns/sandbox-link.ts). Importing
 * this file loads nothing of the sandbox: the mount is imported on first use, in sandbox mode.
 */
export const sandboxLink: SandboxLink | null = {
  async credentials(mount) {
    const { mountedSandbox } = await import("./mount");
    const c = await (await mountedSandbox(mount)).credentials(mount.rp.origins[0]!);
    return { authToken: c.DFNS_AUTH_TOKEN, credId: c.DFNS_CRED_ID, privateKey: c.DFNS_PRIVATE_KEY };
  },
};
