import { getContractAddress, type Abi, type Address } from "viem";
import { privateKeyToAccount } from "viem/accounts";
import artifact from "./token/artifact.json";

/**
 * The sandbox's funded account on every local EVM chain: anvil's first development account,
 * whose key anvil itself publishes (it is on every anvil, it guards nothing). It deploys the test
 * token as its very first transaction, so the token has the same address on every chain, and
 * pays out the faucet.
 */
export const FAUCET_ACCOUNT = privateKeyToAccount("0xac0974bec39a17e36ba4a6b4d238ff944bacb478cbed5efcae784d7bf4f2ff80");

export const TOKEN_ABI = artifact.abi as Abi;
export const TOKEN_BYTECODE = artifact.bytecode as `0x${string}`;
export const TOKEN = { symbol: "SUSD", name: "Sandbox USD", decimals: 6 } as const;

/** Deployed by the faucet account at nonce 0: 0x5FbDB2315678afecb367f032d93F642f64180aa3. */
export const TOKEN_ADDRESS: Address = getContractAddress({
  from: FAUCET_ACCOUNT.address,
  nonce: 0n,
}).toLowerCase() as Address;
