import { existsSync, readFileSync } from "node:fs";
import { rename, writeFile } from "node:fs/promises";
import {
  address,
  appendTransactionMessageInstruction,
  createKeyPairSignerFromPrivateKeyBytes,
  createTransactionMessage,
  getSignatureFromTransaction,
  lamports,
  pipe,
  setTransactionMessageFeePayerSigner,
  setTransactionMessageLifetimeUsingBlockhash,
  signTransactionMessageWithSigners,
} from "@solana/kit";
import { getTransferSolInstruction } from "@solana-program/system";
import { FailedTransactionMetadata, LiteSVM } from "litesvm";
import { base58 } from "@scure/base";
import { KeyedLock } from "../keyed-lock";

export interface SolanaResult {
  signature: string;
  slot: bigint;
  /** Lamports the sender paid on top of the amount (the VM's own accounting). */
  fee: bigint;
  /** Undefined when the transaction succeeded. */
  error?: string;
}

/** What is kept of a local Solana network between runs: its slot and every account the sandbox touched. */
interface SavedState {
  slot: string;
  accounts: { address: string; lamports: string; owner: string; executable: boolean; data: string }[];
}

/**
 * One local Solana network: LiteSVM, a Solana VM inside this process (no validator, no RPC).
 * After every transaction the accounts the sandbox has touched (senders, recipients, airdrop
 * targets: plain system accounts) and the slot are written to `stateFile` (JSON, then an atomic
 * rename), and put back into a new VM on start. LiteSVM's own whole-VM snapshot (`saveToFile`)
 * exists only in a release without binaries for every platform, so it is not used.
 * Calls are synchronous, so transactions never interleave.
 */
export class SolanaChain {
  // One transaction at a time, from building its message (which takes the current blockhash) to
  // saving the state after it.
  private readonly queue = new KeyedLock();

  private constructor(
    readonly network: string,
    private readonly svm: LiteSVM,
    private readonly stateFile: string,
    /** Addresses whose accounts are saved. */
    private readonly touched: Set<string>,
  ) {}

  static open(network: string, stateFile: string): SolanaChain {
    const svm = new LiteSVM().withTransactionHistory(100_000n);
    const touched = new Set<string>();
    if (existsSync(stateFile)) {
      const saved = JSON.parse(readFileSync(stateFile, "utf8")) as SavedState;
      for (const account of saved.accounts) {
        const data = Buffer.from(account.data, "base64");
        svm.setAccount({
          address: address(account.address),
          lamports: lamports(BigInt(account.lamports)),
          programAddress: address(account.owner),
          executable: account.executable,
          data,
          space: BigInt(data.length),
        });
        touched.add(account.address);
      }
      svm.warpToSlot(BigInt(saved.slot));
    }
    return new SolanaChain(network, svm, stateFile, touched);
  }

  balance(owner: string): bigint {
    return this.svm.getBalance(address(owner)) ?? 0n;
  }

  get slot(): bigint {
    return this.svm.getClock().slot;
  }

  /** A system-program transfer signed with the sender's ed25519 key (32-byte seed, hex). */
  transfer(
    privateKeyHex: string,
    to: string,
    amount: bigint,
    beforeSend?: (signature: string) => Promise<unknown>,
  ): Promise<SolanaResult> {
    return this.queue.run("", async () => {
      const signer = await createKeyPairSignerFromPrivateKeyBytes(Buffer.from(privateKeyHex, "hex"));
      this.touched.add(signer.address).add(to);
      const message = pipe(
        createTransactionMessage({ version: 0 }),
        (m) => setTransactionMessageFeePayerSigner(signer, m),
        (m) =>
          setTransactionMessageLifetimeUsingBlockhash(
            { blockhash: this.svm.latestBlockhash(), lastValidBlockHeight: 0n },
            m,
          ),
        (m) =>
          appendTransactionMessageInstruction(
            getTransferSolInstruction({ source: signer, destination: address(to), amount: lamports(amount) }),
            m,
          ),
      );
      const transaction = await signTransactionMessageWithSigners(message);
      await beforeSend?.(getSignatureFromTransaction(transaction));
      const before = this.balance(signer.address);
      const outcome = this.svm.sendTransaction(transaction);
      const failed = outcome instanceof FailedTransactionMetadata;
      const spent = before - this.balance(signer.address);
      return this.commit({
        signature: getSignatureFromTransaction(transaction),
        fee: failed ? spent : spent - amount,
        error: failed ? failure(outcome) : undefined,
      });
    });
  }

  /** LiteSVM's airdrop: a real transfer from its built-in funded account. */
  airdrop(to: string, amount: bigint): Promise<SolanaResult> {
    return this.queue.run("", async () => {
      this.touched.add(to);
      const outcome = this.svm.airdrop(address(to), lamports(amount));
      if (!outcome) throw new Error("The Solana airdrop did not run");
      const meta = outcome instanceof FailedTransactionMetadata ? outcome.meta() : outcome;
      return this.commit({
        signature: base58.encode(meta.signature()),
        fee: 0n,
        error: outcome instanceof FailedTransactionMetadata ? failure(outcome) : undefined,
      });
    });
  }

  // A new slot and blockhash after every transaction: the next identical transfer is a new
  // transaction (same message and blockhash would be the same signature, refused as a replay).
  private async commit(result: Omit<SolanaResult, "slot">): Promise<SolanaResult> {
    const slot = this.slot;
    this.svm.warpToSlot(slot + 1n);
    this.svm.expireBlockhash();
    await this.save();
    return { ...result, slot };
  }

  async save(): Promise<void> {
    const accounts: SavedState["accounts"] = [];
    for (const owner of this.touched) {
      const account = this.svm.getAccount(address(owner));
      if (!account.exists) continue;
      accounts.push({
        address: owner,
        lamports: account.lamports.toString(),
        owner: account.programAddress,
        executable: account.executable,
        data: Buffer.from(account.data).toString("base64"),
      });
    }
    const state: SavedState = { slot: this.slot.toString(), accounts };
    const temporary = `${this.stateFile}.${process.pid}.tmp`;
    await writeFile(temporary, JSON.stringify(state));
    await rename(temporary, this.stateFile);
  }
}

/** The program's own words for a failed transaction (e.g. "Transfer: insufficient lamports 5, need 9"). */
function failure(outcome: FailedTransactionMetadata): string {
  const logs = outcome.meta().logs();
  const said = logs.find((line) => !/^Program \w+ (invoke|success|failed)/.test(line));
  return said ? said.replace(/^Program log: /, "") : `Transaction failed on chain: ${logs.at(-1) ?? "no logs"}`;
}
