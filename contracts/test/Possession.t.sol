// SPDX-License-Identifier: MIT
pragma solidity ^0.8.24;

import {ECDSA} from "@openzeppelin/contracts/utils/cryptography/ECDSA.sol";
import {MerkleProof} from "@openzeppelin/contracts/utils/cryptography/MerkleProof.sol";
import {Base} from "./utils/Base.sol";
import {Possession} from "./utils/Possession.sol";

/// @notice The possession encoding agrees with the TypeScript one in lib/chain/possession.ts (ethers v6: key
/// = 1 + keccak256("MedProof possession" ‖ secret) mod (n − 1), leaf = keccak256(keccak256(abi.encode(
/// uint64 serial, address(key)))), sorted-pair nodes, EIP-712 Possession signatures). The vectors below were
/// computed with that code for serials 1..5 and secrets 0x0101…01, 0x0202…02, … 0x0505…05.
contract PossessionTest is Base {
    function _secret(uint8 i) internal pure returns (bytes16) {
        return bytes16(uint128(i) * 0x01010101010101010101010101010101);
    }

    function test_Leaves_MatchTheTypeScriptVector() public pure {
        assertEq(Possession.keyOf(_secret(1)), 0x6779a82c79be499ee7545844aeb53c4092c5ceba6ca6c05bc041c22fb6a97832);
        assertEq(Possession.possessorOf(_secret(1)), 0x1fa9bCfdB36bB8d6a5d2E32A15072C8f04100A6e);
        bytes32[5] memory expected = [
            bytes32(0xfd26e2170b6b652d8b5e73f165a26a5c80db7871c3ea90390ae216789164eb0f),
            0x1535c2e22ebf4d5e4a2ec970d644b33f143ab3a6eb7d12a6c5ee00b7095f0aea,
            0xe99ebfacc8d59075f3b328e6a805ad04d0aa6a293b4cba149ca309bf0eea3b74,
            0xd59a734aa0fd279b07a07b909409f2ec2bd5a9cb8256039fd333cb856feab582,
            0xdab8533eb8b57449e31b1615b23ce45b57db8f0c804362685abac1eb4206a199
        ];
        bytes32[] memory leaves = new bytes32[](5);
        for (uint8 i; i < 5; ++i) {
            leaves[i] = Possession.leaf(i + 1, _secret(i + 1));
            assertEq(leaves[i], expected[i]);
        }
        assertEq(Possession.root(leaves), 0x335c97bb6ef3886738c08117268acd32f95041289c8500708babf1b02d318461);
    }

    function test_Proof_FromTypeScriptVerifies() public pure {
        bytes32[] memory proof = new bytes32[](3);
        proof[0] = 0xd59a734aa0fd279b07a07b909409f2ec2bd5a9cb8256039fd333cb856feab582;
        proof[1] = 0x9eb11a75c0ba0c5adc9e58bbdedaca3f4242159659a9cfc4dd00a787d39d08c1;
        proof[2] = 0xdab8533eb8b57449e31b1615b23ce45b57db8f0c804362685abac1eb4206a199;
        bytes32 root = 0x335c97bb6ef3886738c08117268acd32f95041289c8500708babf1b02d318461;
        assertTrue(MerkleProof.verify(proof, root, Possession.leaf(3, _secret(3))));
        assertFalse(MerkleProof.verify(proof, root, Possession.leaf(3, _secret(4))));
    }

    /// @dev signPossession(secret 3, complainant 0x…c0Fe, batch 0xabab…ab, serial 3, chain 31337, registry
    /// 0x5FbD…0aa3) from TypeScript recovers, under the same EIP-712 digest, to box 3's possessor.
    function test_Signature_FromTypeScriptRecoversToTheBox() public pure {
        bytes32 domain = keccak256(
            abi.encode(
                keccak256("EIP712Domain(string name,string version,uint256 chainId,address verifyingContract)"),
                keccak256("MedProofComplaintRegistry"),
                keccak256("1"),
                31337,
                0x5FbDB2315678afecb367f032d93F642f64180aa3
            )
        );
        bytes32 structHash = keccak256(
            abi.encode(
                keccak256("Possession(address complainant,bytes32 batchId,uint64 serial)"),
                address(0xc0Fe),
                bytes32(0xabababababababababababababababababababababababababababababababab),
                uint64(3)
            )
        );
        bytes32 digest = keccak256(abi.encodePacked("\x19\x01", domain, structHash));
        bytes memory signature =
            hex"334a1afedb85bf6a40a86ef025e947ff04c1f3b70f9bc41d0eac4056a1ea4c81271ee508e955ac107a5a7af5be9b25f97d1be1c788e77c82c470a91de13e64cb1c";
        assertEq(ECDSA.recover(digest, signature), Possession.possessorOf(_secret(3)));
        assertEq(keccak256(Possession.sign(_secret(3), digest)), keccak256(signature)); // RFC 6979: deterministic
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

    /// @dev Whatever the secret and the digest, the box's signature recovers to the address its leaf holds, and
    /// the key is a valid secp256k1 scalar.
    function testFuzz_SignatureRecoversToTheLeafAddress(bytes16 secret, bytes32 digest) public pure {
        uint256 key = Possession.keyOf(secret);
        assertTrue(key != 0 && key < Possession.N);
        assertEq(ECDSA.recover(digest, Possession.sign(secret, digest)), Possession.possessorOf(secret));
    }
}
