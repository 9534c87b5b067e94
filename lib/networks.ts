// What the app shows and checks per Dfns network: a name people recognise, where to look an
// address or a transaction up, where a testnet's coins come from, how addresses look and how a
// message signature is verified. Plain data, safe in server and browser code.

/** How a `Message` signature of a wallet on this network is checked. */
export type MessageVerification =
  /** EIP-191 personal_sign, recovered to the wallet address (viem `verifyMessage`). */
  | "evm"
  /** ed25519 over the message bytes, against the wallet's public key (Solana). */
  | "ed25519"
  /** The app does not check this network's message signatures. */
  | "none";

/** How addresses look and transfers are built on a network. */
export type NetworkFamily = "evm" | "solana" | "bitcoin" | "tron" | "other";

export interface NetworkInfo {
  /** The Dfns network name, e.g. `EthereumSepolia`. */
  network: string;
  /** For people, e.g. `Ethereum Sepolia`. */
  displayName: string;
  testnet: boolean;
  family: NetworkFamily;
  verification: MessageVerification;
  /** The EVM chain id (EIP-155) of an EVM network, e.g. 11155111; null elsewhere. */
  chainId: number | null;
  /** The block explorer's page for an address, or null when there is none we know. */
  explorerAddressUrl: ((address: string) => string) | null;
  /** The block explorer's page for a transaction, or null when there is none we know. */
  explorerTxUrl: ((txHash: string) => string) | null;
  /** A public faucet that gives this testnet's coins away, or null (mainnets, or none we know). */
  publicFaucetUrl: string | null;
  /** Whether Dfns takes a fee `priority` (Slow / Standard / Fast) for transfers here: EVM and Bitcoin. */
  feePriority: boolean;
}

interface Spec {
  displayName: string;
  testnet: boolean;
  family: NetworkFamily;
  verification: MessageVerification;
  chainId?: number;
  /** Explorer page of an address and of a transaction. */
  explorer?: { address: (address: string) => string; tx: (txHash: string) => string };
  faucet?: string;
}

const encode = encodeURIComponent;
/** An explorer with `/address/…` and `/tx/…` pages under `base` (and an optional query, e.g. a cluster). */
const explorerAt = (base: string, query = "") => ({
  address: (address: string) => `${base}/address/${encode(address)}${query}`,
  tx: (txHash: string) => `${base}/tx/${encode(txHash)}${query}`,
});
const evm = (displayName: string, testnet: boolean, chainId: number, explorerBase: string, faucet?: string): Spec => ({
  displayName,
  testnet,
  family: "evm",
  verification: "evm",
  chainId,
  explorer: explorerAt(explorerBase),
  faucet,
});
const solana = (displayName: string, testnet: boolean, query: string, faucet?: string): Spec => ({
  displayName,
  testnet,
  family: "solana",
  verification: "ed25519",
  explorer: explorerAt("https://explorer.solana.com", query),
  faucet,
});
const other = (family: NetworkFamily, displayName: string, testnet: boolean, explorer: Spec["explorer"]): Spec => ({
  displayName,
  testnet,
  family,
  verification: "none",
  explorer,
});
const tronscan = (base: string) => ({
  address: (address: string) => `${base}/#/address/${encode(address)}`,
  tx: (txHash: string) => `${base}/#/transaction/${encode(txHash)}`,
});

const NETWORKS: Record<string, Spec> = {
  Ethereum: evm("Ethereum", false, 1, "https://etherscan.io"),
  EthereumSepolia: evm(
    "Ethereum Sepolia",
    true,
    11155111,
    "https://sepolia.etherscan.io",
    "https://cloud.google.com/application/web3/faucet/ethereum/sepolia",
  ),
  EthereumHolesky: evm(
    "Ethereum Holesky",
    true,
    17000,
    "https://holesky.etherscan.io",
    "https://cloud.google.com/application/web3/faucet/ethereum/holesky",
  ),
  EthereumHoodi: evm(
    "Ethereum Hoodi",
    true,
    560048,
    "https://hoodi.etherscan.io",
    "https://cloud.google.com/application/web3/faucet/ethereum/hoodi",
  ),
  Base: evm("Base", false, 8453, "https://basescan.org"),
  BaseSepolia: evm(
    "Base Sepolia",
    true,
    84532,
    "https://sepolia.basescan.org",
    "https://portal.cdp.coinbase.com/products/faucet",
  ),
  ArbitrumOne: evm("Arbitrum One", false, 42161, "https://arbiscan.io"),
  ArbitrumSepolia: evm(
    "Arbitrum Sepolia",
    true,
    421614,
    "https://sepolia.arbiscan.io",
    "https://faucet.quicknode.com/arbitrum/sepolia",
  ),
  Optimism: evm("OP Mainnet", false, 10, "https://optimistic.etherscan.io"),
  OptimismSepolia: evm(
    "OP Sepolia",
    true,
    11155420,
    "https://sepolia-optimism.etherscan.io",
    "https://console.optimism.io/faucet",
  ),
  Polygon: evm("Polygon", false, 137, "https://polygonscan.com"),
  PolygonAmoy: evm("Polygon Amoy", true, 80002, "https://amoy.polygonscan.com", "https://faucet.polygon.technology/"),
  Bsc: evm("BNB Smart Chain", false, 56, "https://bscscan.com"),
  BscTestnet: evm(
    "BNB Smart Chain Testnet",
    true,
    97,
    "https://testnet.bscscan.com",
    "https://www.bnbchain.org/en/testnet-faucet",
  ),
  AvalancheC: evm("Avalanche C-Chain", false, 43114, "https://snowtrace.io"),
  AvalancheCFuji: evm(
    "Avalanche Fuji",
    true,
    43113,
    "https://testnet.snowtrace.io",
    "https://core.app/tools/testnet-faucet/",
  ),
  Solana: solana("Solana", false, ""),
  SolanaDevnet: solana("Solana Devnet", true, "?cluster=devnet", "https://faucet.solana.com/"),
  Bitcoin: other("bitcoin", "Bitcoin", false, explorerAt("https://mempool.space")),
  BitcoinSignet: other("bitcoin", "Bitcoin Signet", true, explorerAt("https://mempool.space/signet")),
  BitcoinTestnet3: other("bitcoin", "Bitcoin Testnet3", true, explorerAt("https://mempool.space/testnet")),
  Tron: other("tron", "Tron", false, tronscan("https://tronscan.org")),
  TronNile: other("tron", "Tron Nile", true, tronscan("https://nile.tronscan.org")),
};

/** Everything the app knows about `network`; an unlisted one gets its own name and no explorer. */
export function networkInfo(network: string): NetworkInfo {
  const spec = NETWORKS[network];
  if (!spec) {
    return {
      network,
      displayName: splitWords(network),
      testnet: false,
      family: "other",
      verification: "none",
      chainId: null,
      explorerAddressUrl: null,
      explorerTxUrl: null,
      publicFaucetUrl: null,
      feePriority: false,
    };
  }
  const { explorer, faucet, chainId, ...rest } = spec;
  return {
    network,
    ...rest,
    chainId: chainId ?? null,
    explorerAddressUrl: explorer?.address ?? null,
    explorerTxUrl: explorer?.tx ?? null,
    publicFaucetUrl: faucet ?? null,
    feePriority: spec.family === "evm" || spec.family === "bitcoin",
  };
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
