// SPDX-License-Identifier: MIT
pragma solidity ^0.8.24;

import {Vm} from "./Base.sol";

/// @notice Builds the possession commitment of a batch the way a manufacturer (lib/chain/possession.ts) does,
/// and signs filings the way a complainant's server does. Each box's possession key is derived from its
/// secret: 1 + (keccak256("MedProof possession" ‖ secret) mod (n − 1)). Leaves
/// keccak256(bytes.concat(keccak256(abi.encode(uint64 serial, address possessor)))), possessor being the key's
/// address, are paired left to right with sorted-pair hashing (OpenZeppelin MerkleProof), an odd last node
/// carried up.
library Possession {
    Vm private constant VM = Vm(0x7109709ECfa91a80626fF3989D68f67F5b1DD12D);
    /// @dev The order of secp256k1's group.
    uint256 internal constant N = 0xFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFEBAAEDCE6AF48A03BBFD25E8CD0364141;

    /// @dev The demo secret of a box: any 128-bit value works; tests derive it from the serial and a seed.
    function secretOf(bytes32 seed, uint64 serial) internal pure returns (bytes16) {
        return bytes16(keccak256(abi.encode(seed, serial)));
    }

    /// @dev The box's possession key: never 0, always below n.
    function keyOf(bytes16 secret) internal pure returns (uint256) {
        return 1 + uint256(keccak256(abi.encodePacked("MedProof possession", secret))) % (N - 1);
    }

    function possessorOf(bytes16 secret) internal pure returns (address) {
        return VM.addr(keyOf(secret));
    }

    function leafOf(uint64 serial, address possessor) internal pure returns (bytes32) {
        return keccak256(bytes.concat(keccak256(abi.encode(serial, possessor))));
    }

    function leaf(uint64 serial, bytes16 secret) internal pure returns (bytes32) {
        return leafOf(serial, possessorOf(secret));
    }

    /// @dev The 65-byte signature (r ‖ s ‖ v) of `digest` (ComplaintRegistry.possessionDigest) by the box's key.
    function sign(bytes16 secret, bytes32 digest) internal pure returns (bytes memory) {
        (uint8 v, bytes32 r, bytes32 s) = VM.sign(keyOf(secret), digest);
        return abi.encodePacked(r, s, v);
    }

    /// @dev Leaves of serials [serialStart, serialStart + boxes) with secrets from `seed`.
    function leaves(bytes32 seed, uint64 serialStart, uint256 boxes) internal pure returns (bytes32[] memory out) {
        out = new bytes32[](boxes);
        for (uint256 i; i < boxes; ++i) {
            uint64 serial = serialStart + uint64(i);
            out[i] = leaf(serial, secretOf(seed, serial));
        }
    }

    function root(bytes32[] memory level) internal pure returns (bytes32) {
        while (level.length > 1) level = _up(level);
        return level[0];
    }

    function proof(bytes32[] memory level, uint256 index) internal pure returns (bytes32[] memory out) {
        bytes32[] memory path = new bytes32[](64);
        uint256 n;
        while (level.length > 1) {
            uint256 sibling = index ^ 1;
            if (sibling < level.length) path[n++] = level[sibling];
            index >>= 1;
            level = _up(level);
        }
        out = new bytes32[](n);
        for (uint256 i; i < n; ++i) {
            out[i] = path[i];
        }
    }

    function _up(bytes32[] memory level) private pure returns (bytes32[] memory next) {
        next = new bytes32[]((level.length + 1) / 2);
        for (uint256 i; i < level.length; i += 2) {
            next[i / 2] = i + 1 < level.length ? _pair(level[i], level[i + 1]) : level[i];
        }
    }

    function _pair(bytes32 a, bytes32 b) private pure returns (bytes32) {
        return a < b ? keccak256(abi.encodePacked(a, b)) : keccak256(abi.encodePacked(b, a));
    }
}
