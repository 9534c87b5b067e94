// Ready-made typed data for the wallet page: what a dapp would ask a wallet to sign, filled in
// with the wallet's own address and chain. The contracts and counterparties are EIP-712's own
// placeholder addresses, so signing an example approves nothing real.

const EXAMPLE_CONTRACT = "0xCcCCccccCCCCcCCCCCCcCcCccCcCCCcCcccccccC";
const EXAMPLE_COUNTERPARTY = "0xbBbBBBBbbBBBbbbBbbBbbbbBBbBbbbbBbBbbBBbB";

export interface TypedDataExample {
  id: "permit" | "mail";
  label: string;
  /** Pretty-printed JSON, as a user would paste it. */
  json: string;
}

/** The examples for a wallet with `address` on `chainId`; a permit's deadline is an hour after `now`. */
export function typedDataExamples(address: string, chainId: number, now = new Date()): TypedDataExample[] {
  const permit = {
    types: {
      EIP712Domain: [
        { name: "name", type: "string" },
        { name: "version", type: "string" },
        { name: "chainId", type: "uint256" },
        { name: "verifyingContract", type: "address" },
      ],
      // ERC-2612: lets `spender` move `value` of the owner's tokens, once, before `deadline`.
      Permit: [
        { name: "owner", type: "address" },
        { name: "spender", type: "address" },
        { name: "value", type: "uint256" },
        { name: "nonce", type: "uint256" },
        { name: "deadline", type: "uint256" },
      ],
    },
    primaryType: "Permit",
    domain: { name: "Example Token", version: "1", chainId, verifyingContract: EXAMPLE_CONTRACT },
    message: {
      owner: address,
      spender: EXAMPLE_COUNTERPARTY,
      value: "1000000000000000000",
      nonce: 0,
      deadline: Math.floor(now.getTime() / 1000) + 3600,
    },
  };
  const mail = {
    types: {
      Person: [
        { name: "name", type: "string" },
        { name: "wallet", type: "address" },
      ],
      Mail: [
        { name: "from", type: "Person" },
        { name: "to", type: "Person" },
        { name: "contents", type: "string" },
      ],
    },
    primaryType: "Mail",
    domain: { name: "Ether Mail", version: "1", chainId, verifyingContract: EXAMPLE_CONTRACT },
    message: {
      from: { name: "Me", wallet: address },
      to: { name: "Bob", wallet: EXAMPLE_COUNTERPARTY },
      contents: "Hello, Bob!",
    },
  };
  return [
    { id: "permit", label: "ERC-2612 permit", json: JSON.stringify(permit, null, 2) },
    { id: "mail", label: "Mail (EIP-712's example)", json: JSON.stringify(mail, null, 2) },
  ];
}
