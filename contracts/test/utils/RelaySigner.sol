// SPDX-License-Identifier: MIT
pragma solidity ^0.8.24;

import {ERC2771Forwarder} from "@openzeppelin/contracts/metatx/ERC2771Forwarder.sol";
import {Base} from "./Base.sol";

/// @notice Signs ERC-2771 forward requests as a consumer's key would (EIP-712, domain "MedProofForwarder",
/// version "1"), for the relay tests and the gas suite.
abstract contract RelaySigner is Base {
    bytes32 internal constant DOMAIN_TYPEHASH =
        keccak256("EIP712Domain(string name,string version,uint256 chainId,address verifyingContract)");
    bytes32 internal constant FORWARD_REQUEST_TYPEHASH = keccak256(
        "ForwardRequest(address from,address to,uint256 value,uint256 gas,uint256 nonce,uint48 deadline,bytes data)"
    );

    function forwarderDomain(ERC2771Forwarder forwarder_) internal view returns (bytes32) {
        return keccak256(
            abi.encode(
                DOMAIN_TYPEHASH, keccak256("MedProofForwarder"), keccak256("1"), block.chainid, address(forwarder_)
            )
        );
    }

    /// @dev A request from `from` to `to` carrying `data`, with 500,000 gas, signed by `key` under the
    /// forwarder's current nonce for `from`.
    function signRequest(
        ERC2771Forwarder forwarder_,
        uint256 key,
        address from,
        address to,
        bytes memory data,
        uint48 deadline
    ) internal view returns (ERC2771Forwarder.ForwardRequestData memory request) {
        request = ERC2771Forwarder.ForwardRequestData({
            from: from, to: to, value: 0, gas: 500_000, deadline: deadline, data: data, signature: ""
        });
        bytes32 structHash = keccak256(
            abi.encode(
                FORWARD_REQUEST_TYPEHASH, from, to, 0, request.gas, forwarder_.nonces(from), deadline, keccak256(data)
            )
        );
        (uint8 v, bytes32 r, bytes32 s) =
            vm.sign(key, keccak256(abi.encodePacked("\x19\x01", forwarderDomain(forwarder_), structHash)));
        request.signature = abi.encodePacked(r, s, v);
    }
}
