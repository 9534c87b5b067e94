export { createSandbox, type SandboxHandler } from "./sandbox";
export {
  DOCUMENTED_BEHAVIOUR,
  SERVICE_ACCOUNT_OPERATIONS,
  sandboxConfig,
  type SandboxBehaviour,
  type SandboxConfig,
  type SandboxOptions,
} from "./config";
export type { ServiceAccountCredentials } from "./provision";
export { chainDirFor } from "./chain/location";
