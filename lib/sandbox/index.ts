export { createSandbox, type SandboxHandler } from "./sandbox";
export { DOCUMENTED_BEHAVIOUR, sandboxConfig, type SandboxBehaviour, type SandboxConfig, type SandboxOptions } from "./config";
export type { ServiceAccountCredentials } from "./provision";
