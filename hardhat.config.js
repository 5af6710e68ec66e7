// Hardhat's node (EDR, a second EVM implementation) as `npm test` runs it to prove MedProof off anvil
// (scripts/lib/hardhat.ts). Its chain id is not anvil's 31337, so the app treats it as a real network and
// refuses demo keys on it; its genesis is dated before the demo history, which the test writes at its
// real dates. Nothing is compiled here: forge builds the contracts.
module.exports = {
  networks: {
    hardhat: {
      chainId: 4242,
      hardfork: "prague",
      initialDate: "2023-12-31T00:00:00Z",
    },
  },
};
