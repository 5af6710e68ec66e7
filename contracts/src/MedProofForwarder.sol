// SPDX-License-Identifier: MIT
pragma solidity ^0.8.24;

import {ERC2771Forwarder} from "@openzeppelin/contracts/metatx/ERC2771Forwarder.sol";

/// @title The trusted ERC-2771 forwarder of a MedProof deployment
/// @notice Lets a relayer pay the gas of a call signed by someone else: a consumer's throwaway key signs an
/// EIP-712 ForwardRequest(address from,address to,uint256 value,uint256 gas,uint256 nonce,uint48 deadline,
/// bytes data) under the domain {name: "MedProofForwarder", version: "1", chainId, verifyingContract: this},
/// and the target (the complaint registry) sees `from` as its caller. Each request consumes the signer's
/// nonce, so none can be replayed; an expired deadline is refused.
/// @dev OpenZeppelin's forwarder unchanged. It forwards to any contract that trusts it, and only the
/// complaint registry does; a relayer should still relay only the calls it means to pay for.
contract MedProofForwarder is ERC2771Forwarder {
    constructor() ERC2771Forwarder("MedProofForwarder") {}
}
