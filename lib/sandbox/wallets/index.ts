// Wallet cryptography of the Dfns sandbox: networks, keys, addresses, signatures. Pure functions, no I/O.
export { deriveAddress } from "./addresses";
export { generateWalletKey, type WalletKey } from "./keys";
export { type NetworkFamily, type NetworkSpec, resolveNetwork } from "./networks";
export { signRequest } from "./sign-request";
