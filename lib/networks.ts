// What the app shows and checks per Dfns network: a name people recognise, where to look an
// address up, and how a message signature is verified. Plain data, safe in server and browser code.

/** How a `Message` signature of a wallet on this network is checked. */
export type MessageVerification =
  /** EIP-191 personal_sign, recovered to the wallet address (viem `verifyMessage`). */
  | "evm"
  /** ed25519 over the message bytes, against the wallet's public key (Solana). */
  | "ed25519"
  /** The app does not check this network's message signatures. */
  | "none";

export interface NetworkInfo {
  /** The Dfns network name, e.g. `EthereumSepolia`. */
  network: string;
  /** For people, e.g. `Ethereum Sepolia`. */
  displayName: string;
  testnet: boolean;
  verification: MessageVerification;
  /** The EVM chain id (EIP-155) of an EVM network, e.g. 11155111; null elsewhere. */
  chainId: number | null;
  /** The block explorer's page for an address, or null when there is none we know. */
  explorerAddressUrl: ((address: string) => string) | null;
}

type Spec = Omit<NetworkInfo, "network" | "explorerAddressUrl" | "chainId"> & { chainId?: number; explorer?: (address: string) => string };

const at = (base: string) => (address: string) => `${base}${encodeURIComponent(address)}`;
const evm = (displayName: string, testnet: boolean, chainId: number, explorerBase: string): Spec => ({
  displayName,
  testnet,
  verification: "evm",
  chainId,
  explorer: at(explorerBase),
});

const NETWORKS: Record<string, Spec> = {
  Ethereum: evm("Ethereum", false, 1, "https://etherscan.io/address/"),
  EthereumSepolia: evm("Ethereum Sepolia", true, 11155111, "https://sepolia.etherscan.io/address/"),
  EthereumHolesky: evm("Ethereum Holesky", true, 17000, "https://holesky.etherscan.io/address/"),
  EthereumHoodi: evm("Ethereum Hoodi", true, 560048, "https://hoodi.etherscan.io/address/"),
  Base: evm("Base", false, 8453, "https://basescan.org/address/"),
  BaseSepolia: evm("Base Sepolia", true, 84532, "https://sepolia.basescan.org/address/"),
  ArbitrumOne: evm("Arbitrum One", false, 42161, "https://arbiscan.io/address/"),
  ArbitrumSepolia: evm("Arbitrum Sepolia", true, 421614, "https://sepolia.arbiscan.io/address/"),
  Optimism: evm("OP Mainnet", false, 10, "https://optimistic.etherscan.io/address/"),
  OptimismSepolia: evm("OP Sepolia", true, 11155420, "https://sepolia-optimism.etherscan.io/address/"),
  Polygon: evm("Polygon", false, 137, "https://polygonscan.com/address/"),
  PolygonAmoy: evm("Polygon Amoy", true, 80002, "https://amoy.polygonscan.com/address/"),
  Bsc: evm("BNB Smart Chain", false, 56, "https://bscscan.com/address/"),
  BscTestnet: evm("BNB Smart Chain Testnet", true, 97, "https://testnet.bscscan.com/address/"),
  AvalancheC: evm("Avalanche C-Chain", false, 43114, "https://snowtrace.io/address/"),
  AvalancheCFuji: evm("Avalanche Fuji", true, 43113, "https://testnet.snowtrace.io/address/"),
  Solana: { displayName: "Solana", testnet: false, verification: "ed25519", explorer: at("https://explorer.solana.com/address/") },
  SolanaDevnet: {
    displayName: "Solana Devnet",
    testnet: true,
    verification: "ed25519",
    explorer: (address) => `https://explorer.solana.com/address/${encodeURIComponent(address)}?cluster=devnet`,
  },
  Bitcoin: { displayName: "Bitcoin", testnet: false, verification: "none", explorer: at("https://mempool.space/address/") },
  BitcoinSignet: { displayName: "Bitcoin Signet", testnet: true, verification: "none", explorer: at("https://mempool.space/signet/address/") },
  BitcoinTestnet3: { displayName: "Bitcoin Testnet3", testnet: true, verification: "none", explorer: at("https://mempool.space/testnet/address/") },
  Tron: { displayName: "Tron", testnet: false, verification: "none", explorer: at("https://tronscan.org/#/address/") },
  TronNile: { displayName: "Tron Nile", testnet: true, verification: "none", explorer: at("https://nile.tronscan.org/#/address/") },
};

/** Everything the app knows about `network`; an unlisted one gets its own name and no explorer. */
export function networkInfo(network: string): NetworkInfo {
  const spec = NETWORKS[network];
  if (!spec) {
    return { network, displayName: splitWords(network), testnet: false, verification: "none", chainId: null, explorerAddressUrl: null };
  }
  const { explorer, chainId, ...rest } = spec;
  return { network, ...rest, chainId: chainId ?? null, explorerAddressUrl: explorer ?? null };
}

/** How the app checks a signature of a wallet on `network`, in a sentence for the user. */
export function signatureCheckNote(network: string): string {
  const info = networkInfo(network);
  switch (info.verification) {
    case "evm":
      return "The server then checks the signature against this wallet's address.";
    case "ed25519":
      return "The server then checks the signature against this wallet's public key.";
    default:
      return `This app doesn't check signatures on ${info.displayName}.`;
  }
}

/** `EthereumSepolia` → `Ethereum Sepolia`, for networks without a listed name. */
function splitWords(name: string): string {
  return name.replace(/([a-z0-9])([A-Z])/g, "$1 $2");
}
