// SPDX-License-Identifier: MIT
pragma solidity ^0.8.24;

/// @notice Builds the possession commitment of a batch the way a manufacturer (lib/chain) does: leaves
/// keccak256(bytes.concat(keccak256(abi.encode(uint64 serial, keccak256(abi.encode(bytes16 secret)))))),
/// paired left to right with sorted-pair hashing (OpenZeppelin MerkleProof), an odd last node carried up.
library Possession {
    /// @dev The demo secret of a box: any 128-bit value works; tests derive it from the serial and a seed.
    function secretOf(bytes32 seed, uint64 serial) internal pure returns (bytes16) {
        return bytes16(keccak256(abi.encode(seed, serial)));
    }

    function secretHash(bytes16 secret) internal pure returns (bytes32) {
        return keccak256(abi.encode(secret));
    }

    function leaf(uint64 serial, bytes16 secret) internal pure returns (bytes32) {
        return keccak256(bytes.concat(keccak256(abi.encode(serial, secretHash(secret)))));
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
