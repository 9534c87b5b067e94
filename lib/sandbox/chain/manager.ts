import { mkdir, mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { EvmChain } from "./evm/chain";
import { evmChainId } from "./evm/networks";
import type { SolanaChain } from "./solana/chain";

/**
 * The local chains of one sandbox: an anvil per EVM network and a LiteSVM per Solana network,
 * each started by the first request that needs it, with its state in `dataDir` (saved after every
 * transaction). Without a `dataDir` the chains live in a temporary folder removed by `close()`.
 */
export class ChainManager {
  private evms = new Map<string, Promise<EvmChain>>();
  private solanas = new Map<string, Promise<SolanaChain>>();
  private dir: Promise<string> | undefined;
  private closed = false;

  get isClosed() {
    return this.closed;
  }

  constructor(private readonly dataDir?: string) {}

  private folder(): Promise<string> {
    this.dir ??= this.dataDir
      ? mkdir(this.dataDir, { recursive: true }).then(() => this.dataDir!)
      : mkdtemp(path.join(tmpdir(), "sandbox-chain-"));
    return this.dir;
  }

  evm(network: string): Promise<EvmChain> {
    if (this.closed) throw new Error("The sandbox's chains are closed");
    const existing = this.evms.get(network);
    if (existing) {
      // An anvil that died (killed from outside) is started again from its saved state.
      return existing.then((chain) => (chain.running ? chain : this.restartEvm(network, existing)));
    }
    return this.startEvm(network);
  }

  private startEvm(network: string): Promise<EvmChain> {
    const chainId = evmChainId(network);
    const starting = this.folder().then((dir) =>
      EvmChain.start(network, chainId, path.join(dir, `evm-${chainId}.state`)),
    );
    this.evms.set(network, starting);
    starting.catch(() => {
      if (this.evms.get(network) === starting) this.evms.delete(network);
    });
    return starting;
  }

  private restartEvm(network: string, dead: Promise<EvmChain>): Promise<EvmChain> {
    if (this.evms.get(network) === dead) return this.startEvm(network);
    return this.evm(network);
  }

  solana(network: string): Promise<SolanaChain> {
    if (this.closed) throw new Error("The sandbox's chains are closed");
    let chain = this.solanas.get(network);
    if (!chain) {
      // Loaded on first use: LiteSVM is a 12 MB native addon a sandbox without Solana never needs.
      chain = Promise.all([this.folder(), import("./solana/chain")]).then(([dir, { SolanaChain }]) =>
        SolanaChain.open(network, path.join(dir, `solana-${network}.state`)),
      );
      this.solanas.set(network, chain);
      const opening = chain;
      opening.catch(() => {
        if (this.solanas.get(network) === opening) this.solanas.delete(network);
      });
    }
    return chain;
  }

  /** Saves and ends every chain; a temporary folder is removed. */
  async close(): Promise<void> {
    this.closed = true;
    const evms = [...this.evms.values()];
    this.evms.clear();
    this.solanas.clear();
    await Promise.all(
      evms.map((starting) =>
        starting.then(
          (chain) => chain.stop(),
          () => {},
        ),
      ),
    );
    if (!this.dataDir && this.dir) await rm(await this.dir, { recursive: true, force: true });
  }
}

const globalForChains = globalThis as unknown as { __sandboxChains?: Map<string, ChainManager> };

/**
 * One manager per data folder in this process: Next's dev server may evaluate the sandbox's
 * modules more than once, and two anvils saving to one file would overwrite each other.
 */
export function chainManagerFor(dataDir: string): ChainManager {
  const managers = (globalForChains.__sandboxChains ??= new Map());
  const key = path.resolve(dataDir);
  let manager = managers.get(key);
  if (!manager || manager.isClosed) {
    manager = new ChainManager(key);
    managers.set(key, manager);
  }
  return manager;
}
