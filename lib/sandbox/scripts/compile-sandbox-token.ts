// `npm run sandbox:token`: recompiles the sandbox's test ERC-20 and writes its artifact.
import { writeFileSync } from "node:fs";
import { compileToken, TOKEN_ARTIFACT_PATH } from "../chain/evm/token/compile";

const artifact = await compileToken();
writeFileSync(TOKEN_ARTIFACT_PATH, JSON.stringify(artifact, null, 2) + "\n");
console.log(
  `Wrote ${TOKEN_ARTIFACT_PATH} (${(artifact.bytecode.length - 2) / 2} bytes of init code, ${artifact.compiler})`,
);
