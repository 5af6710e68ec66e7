// The paged log reader against the seeded local chain (read-only): in pages of a few blocks it returns
// exactly the logs one eth_getLogs over the whole deployment returns, for every MedProof contract.
import { describe, it } from "node:test";
import assert from "node:assert/strict";
import { readDeployment } from "../../lib/chain/deployment";
import { readLogs } from "../../lib/chain/logs";
import { rpcProvider } from "../../lib/chain/provider";
import { deploymentFile, rpcUrl } from "./world";

const PAGE = 7;

describe("paged log reads on the seeded chain", () => {
  it(`return every log of the deployment once, in order, in pages of ${PAGE} blocks`, async () => {
    const deployment = readDeployment(deploymentFile());
    const provider = rpcProvider(rpcUrl(), deployment.chainId);
    const head = await provider.getBlockNumber();
    assert.ok(head - deployment.deployedAtBlock > 10 * PAGE, "the seeded history spans many pages");
    let total = 0;
    for (const address of Object.values(deployment.addresses)) {
      const whole = await provider.getLogs({ address, fromBlock: deployment.deployedAtBlock, toBlock: head });
      const paged = await readLogs(
        deployment,
        provider,
        { address, topics: [] },
        { toBlock: head, pageSize: PAGE },
      );
      const where = (log: { blockNumber: number; index: number }) => `${log.blockNumber}:${log.index}`;
      assert.deepEqual(paged.map(where), whole.map(where), address);
      total += whole.length;
    }
    assert.ok(total > 100, `the seeded chain has logs to read (${total})`);
  });
});
