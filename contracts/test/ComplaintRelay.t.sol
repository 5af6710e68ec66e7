// SPDX-License-Identifier: MIT
pragma solidity ^0.8.24;

import {ERC2771Forwarder} from "@openzeppelin/contracts/metatx/ERC2771Forwarder.sol";
import {Errors} from "@openzeppelin/contracts/utils/Errors.sol";
import {ComplaintFixture} from "./utils/ComplaintFixture.sol";
import {Possession} from "./utils/Possession.sol";
import {RelaySigner} from "./utils/RelaySigner.sol";
import {IComplaintRegistry} from "../src/interfaces/IComplaintRegistry.sol";

/// @notice Wallet-less filing: a consumer's throwaway key signs an EIP-712 ForwardRequest, a relayer that
/// holds no role and pays the gas submits it through MedProofForwarder, and the complaint registry sees
/// the key as the complainant. Replays, expired, tampered and mis-signed requests are refused.
contract ComplaintRelayTest is ComplaintFixture, RelaySigner {
    uint256 internal constant CONSUMER_KEY = 0xC0FFEE;
    address internal consumerKey;
    address internal relayer;

    function setUp() public override {
        super.setUp();
        consumerKey = vm.addr(CONSUMER_KEY);
        relayer = makeAddr("relayer");
    }

    // ---------------------------------------------------------------- helpers

    /// @dev The consumer key's filing about box `serial`, with the box's possession signature for that key.
    function fileData(uint64 serial) internal view returns (bytes memory) {
        bytes memory signature = possessionFor(consumerKey, serial);
        return abi.encodeCall(
            complaints.fileComplaint,
            (GTIN, LOT, serial, SPEC, signature, proofOf(serial), PRICE, pharmacy, keccak256("photo"))
        );
    }

    function signed(uint256 key, address from, bytes memory data, uint48 deadline)
        internal
        view
        returns (ERC2771Forwarder.ForwardRequestData memory)
    {
        return signRequest(forwarder, key, from, address(complaints), data, deadline);
    }

    function relay(ERC2771Forwarder.ForwardRequestData memory request) internal {
        vm.prank(relayer);
        forwarder.execute(request);
    }

    // ---------------------------------------------------------------- domain

    function test_Forwarder_Eip712Domain() public view {
        (, string memory name, string memory version, uint256 chainId, address verifyingContract,,) =
            forwarder.eip712Domain();
        assertEq(name, "MedProofForwarder");
        assertEq(version, "1");
        assertEq(chainId, block.chainid);
        assertEq(verifyingContract, address(forwarder));
        assertTrue(complaints.isTrustedForwarder(address(forwarder)));
        assertFalse(complaints.isTrustedForwarder(relayer));
    }

    // ---------------------------------------------------------------- relayed filing

    function test_FileComplaint_ThroughTheForwarder_ComplainantIsTheSigner() public {
        ERC2771Forwarder.ForwardRequestData memory request =
            signed(CONSUMER_KEY, consumerKey, fileData(5), uint48(block.timestamp + 1 hours));
        assertTrue(forwarder.verify(request));
        vm.expectEmit();
        emit IComplaintRegistry.ComplaintFiled(
            1, batchId, manufacturer, 5, SPEC, consumerKey, pharmacy, PRICE, keccak256("photo")
        );
        relay(request);
        assertEq(complaints.complaint(1).complainant, consumerKey);
        assertEq(forwarder.nonces(consumerKey), 1);
        // The relayer paid the gas and is nobody in the record.
        assertEq(consumerKey.balance, 0);
    }

    function test_RevertWhen_ForwardRequestReplayed() public {
        ERC2771Forwarder.ForwardRequestData memory request =
            signed(CONSUMER_KEY, consumerKey, fileData(5), uint48(block.timestamp + 1 hours));
        relay(request);
        assertFalse(forwarder.verify(request));
        // The nonce moved on, so the same signature now recovers to another address.
        vm.prank(relayer);
        vm.expectRevert();
        forwarder.execute(request);
        assertEq(complaints.complaintCount(), 1);
    }

    function test_RevertWhen_ForwardRequestExpired() public {
        uint48 deadline = uint48(block.timestamp + 1 hours);
        ERC2771Forwarder.ForwardRequestData memory request = signed(CONSUMER_KEY, consumerKey, fileData(5), deadline);
        vm.warp(deadline + 1);
        vm.prank(relayer);
        vm.expectRevert(abi.encodeWithSelector(ERC2771Forwarder.ERC2771ForwarderExpiredRequest.selector, deadline));
        forwarder.execute(request);
    }

    function test_RevertWhen_ForwardRequestSignedByAnother() public {
        // Signed by the consumer's key but claiming to come from the pharmacy: the respondent itself cannot
        // be impersonated, nor can anyone answer or withdraw in another's name.
        ERC2771Forwarder.ForwardRequestData memory request =
            signed(CONSUMER_KEY, pharmacy, fileData(5), uint48(block.timestamp + 1 hours));
        vm.prank(relayer);
        vm.expectRevert(
            abi.encodeWithSelector(ERC2771Forwarder.ERC2771ForwarderInvalidSigner.selector, consumerKey, pharmacy)
        );
        forwarder.execute(request);
    }

    function test_RevertWhen_ForwardRequestTampered() public {
        ERC2771Forwarder.ForwardRequestData memory request =
            signed(CONSUMER_KEY, consumerKey, fileData(5), uint48(block.timestamp + 1 hours));
        request.data = fileData(6); // the relayer swaps the box
        assertFalse(forwarder.verify(request));
        vm.prank(relayer);
        vm.expectRevert();
        forwarder.execute(request);
    }

    function test_FileComplaint_FailedCallRevertsTheRelay() public {
        // A relayed filing that the registry refuses (wrong secret) reverts the whole relay, nonce included.
        bytes memory wrongKey = Possession.sign(secretOf(6), complaints.possessionDigest(batchId, 5, consumerKey));
        // OpenZeppelin's forwarder does not pass the reason on (FailedCall): a relayer learns it by calling
        // the registry directly from the signer's address (eth_call), which is what the relay would do.
        bytes memory data = abi.encodeCall(
            complaints.fileComplaint, (GTIN, LOT, 5, SPEC, wrongKey, proofOf(5), PRICE, pharmacy, keccak256("photo"))
        );
        ERC2771Forwarder.ForwardRequestData memory request =
            signed(CONSUMER_KEY, consumerKey, data, uint48(block.timestamp + 1 hours));
        vm.prank(relayer);
        vm.expectRevert(Errors.FailedCall.selector);
        forwarder.execute(request);
        assertEq(forwarder.nonces(consumerKey), 0);
        vm.prank(consumerKey);
        (bool ok, bytes memory reason) = address(complaints).call(data);
        assertFalse(ok);
        assertEq(
            keccak256(reason),
            keccak256(abi.encodeWithSelector(IComplaintRegistry.InvalidPossessionProof.selector, batchId, 5))
        );
    }

    function test_Withdraw_ThroughTheForwarder() public {
        relay(signed(CONSUMER_KEY, consumerKey, fileData(5), uint48(block.timestamp + 1 hours)));
        vm.warp(block.timestamp + 7 days + 1);
        ruleAs(1, true);
        assertEq(complaints.withdrawable(consumerKey), MIN_COMPENSATION);
        bytes memory data = abi.encodeCall(complaints.withdrawTo, (consumer));
        relay(signed(CONSUMER_KEY, consumerKey, data, uint48(block.timestamp + 1 hours)));
        assertEq(token.balanceOf(consumer), MIN_COMPENSATION);
        assertEq(complaints.withdrawable(consumerKey), 0);
    }

    function test_DirectCallByTheRelayerIsItsOwn() public {
        // Without the forwarder the relayer is only itself: a direct call files in its own name.
        bytes32[] memory proof = proofOf(5);
        bytes memory signature = possessionFor(relayer, 5);
        vm.prank(relayer);
        uint256 id = complaints.fileComplaint(GTIN, LOT, 5, SPEC, signature, proof, PRICE, pharmacy, keccak256("photo"));
        assertEq(complaints.complaint(id).complainant, relayer);
    }

    // ---------------------------------------------------------------- front-running a relayed filing

    /// @dev A copier who sees the relayer's pending transaction takes the filing's calldata and relays it
    /// under its own key: the possession signature names the consumer's key, so the copy is refused.
    function test_RevertWhen_FrontRun_CopierRelaysTheFilingUnderItsOwnKey() public {
        ERC2771Forwarder.ForwardRequestData memory pending =
            signed(CONSUMER_KEY, consumerKey, fileData(5), uint48(block.timestamp + 1 hours));
        uint256 copierKey = 0xBAD;
        ERC2771Forwarder.ForwardRequestData memory copy =
            signed(copierKey, vm.addr(copierKey), pending.data, uint48(block.timestamp + 1 hours));
        vm.prank(relayer);
        vm.expectRevert(Errors.FailedCall.selector);
        forwarder.execute(copy);
        vm.prank(vm.addr(copierKey));
        (bool ok, bytes memory reason) = address(complaints).call(pending.data);
        assertFalse(ok);
        assertEq(
            keccak256(reason),
            keccak256(abi.encodeWithSelector(IComplaintRegistry.InvalidPossessionProof.selector, batchId, 5))
        );
        relay(pending);
        assertEq(complaints.complaint(1).complainant, consumerKey);
    }

    /// @dev Replaying the consumer's own forward request first only files it for the consumer (and pays its gas).
    function test_FrontRun_ReplayedForwardRequestFilesForTheConsumer() public {
        ERC2771Forwarder.ForwardRequestData memory pending =
            signed(CONSUMER_KEY, consumerKey, fileData(5), uint48(block.timestamp + 1 hours));
        vm.prank(makeAddr("copier"));
        forwarder.execute(pending);
        assertEq(complaints.complaint(1).complainant, consumerKey);
    }
}
