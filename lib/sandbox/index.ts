export { createSandbox, type SandboxHandler } from "./sandbox";
export { sandboxConfig, type SandboxConfig } from "./config";
export type { ServiceAccountCredentials } from "./provision";
export { chainDirFor } from "./chain/location";
