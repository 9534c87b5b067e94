// Wallet cryptography of the Dfns sandbox: networks, keys, addresses, signatures. Pure functions, no I/O.
export { deriveAddress } from "./addresses";
export { generateWalletKey, type WalletKey } from "./keys";
export {
  type Curve,
  DFNS_NETWORKS,
  type DfnsNetwork,
  type NetworkFamily,
  type NetworkSpec,
  resolveNetwork,
  type Scheme,
  SUPPORTED_NETWORKS,
} from "./networks";
export { signRequest } from "./sign-request";
export type { SignatureResult } from "./signatures";
