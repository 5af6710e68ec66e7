// SPDX-License-Identifier: MIT
pragma solidity ^0.8.24;

import {MerkleProof} from "@openzeppelin/contracts/utils/cryptography/MerkleProof.sol";
import {Base} from "./utils/Base.sol";
import {Possession} from "./utils/Possession.sol";

/// @notice The possession encoding agrees with the TypeScript one handed to lib/chain (ethers v6:
/// secretHash = keccak256(AbiCoder.encode(["bytes16"], [secret])), leaf = keccak256(keccak256(
/// AbiCoder.encode(["uint64", "bytes32"], [serial, secretHash]))), sorted-pair nodes). The vector below
/// was computed with that code for serials 1..5 and secrets 0x0101…01, 0x0202…02, … 0x0505…05.
contract PossessionTest is Base {
    function _secret(uint8 i) internal pure returns (bytes16) {
        return bytes16(uint128(i) * 0x01010101010101010101010101010101);
    }

    function test_Leaves_MatchTheTypeScriptVector() public pure {
        assertEq(Possession.secretHash(_secret(1)), 0x71e3c0e0c00215ae9ce11099cf64887e1ac1a282cc3ec236467142e66acee84d);
        bytes32[5] memory expected = [
            bytes32(0x4993cbe5ea8f1230573fec92635f1545cd3cff67dc9e399cf5924cd49105701e),
            0x9b965a952bb93769f93d5eebeca8d1f311970dcc8569824e997dee7f138a4b45,
            0x3f6fb805867b6dff00f33389be46a727bc78624bf601390fdef1f1b311369711,
            0xcddb96cf742c47a1b03b3aae60251d400f6636583c852a8fc80af5c77974a4ef,
            0x42d6bb45b196ad5535870b55596c9c5babbaeefb9cc9dd0103b580a5df249c0a
        ];
        bytes32[] memory leaves = new bytes32[](5);
        for (uint8 i; i < 5; ++i) {
            leaves[i] = Possession.leaf(i + 1, _secret(i + 1));
            assertEq(leaves[i], expected[i]);
        }
        assertEq(Possession.root(leaves), 0xc98c1d9939a1e9ff14ee0061fe169116e4bb8d32eed65599d729f161c5ac7c8b);
    }

    function test_Proof_FromTypeScriptVerifies() public pure {
        bytes32[] memory proof = new bytes32[](3);
        proof[0] = 0xcddb96cf742c47a1b03b3aae60251d400f6636583c852a8fc80af5c77974a4ef;
        proof[1] = 0x8f4bdb331fef93e5f54555eac246588360989ac3a8f9e5fe1a10ba1d97610fb9;
        proof[2] = 0x42d6bb45b196ad5535870b55596c9c5babbaeefb9cc9dd0103b580a5df249c0a;
        bytes32 root = 0xc98c1d9939a1e9ff14ee0061fe169116e4bb8d32eed65599d729f161c5ac7c8b;
        assertTrue(MerkleProof.verify(proof, root, Possession.leaf(3, _secret(3))));
        assertFalse(MerkleProof.verify(proof, root, Possession.leaf(3, _secret(4))));
    }

    function testFuzz_EveryBoxProvesItsPossession(uint8 boxes, uint8 index, bytes32 seed) public pure {
        boxes = uint8(bound(boxes, 1, 64));
        index = uint8(bound(index, 0, boxes - 1));
        bytes32[] memory leaves = Possession.leaves(seed, 1000, boxes);
        bytes32 root = Possession.root(leaves);
        uint64 serial = 1000 + index;
        bytes32[] memory proof = Possession.proof(leaves, index);
        assertTrue(MerkleProof.verify(proof, root, Possession.leaf(serial, Possession.secretOf(seed, serial))));
        assertFalse(MerkleProof.verify(proof, root, Possession.leaf(serial + 1, Possession.secretOf(seed, serial))));
    }
}
