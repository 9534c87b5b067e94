import type { SandboxLink } from "./sandbox-link";

/** This tree has no local sandbox (`lib/sandbox` was removed): live Dfns only. */
export const sandboxLink: SandboxLink | null = null;
