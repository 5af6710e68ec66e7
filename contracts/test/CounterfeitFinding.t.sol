// SPDX-License-Identifier: MIT
pragma solidity ^0.8.24;

import {ComplaintFixture} from "./utils/ComplaintFixture.sol";
import {IAccessRegistry} from "../src/interfaces/IAccessRegistry.sol";
import {IComplaintRegistry} from "../src/interfaces/IComplaintRegistry.sol";

/// @notice An inspector's counterfeit finding against a seller (a confirmed tip about a suspected fake):
/// who may record one, what it charges the seller's bond, and that it charges through the same path as an
/// upheld complaint (treasury credited by pull payment, shortfall recorded, suspension below the minimum).
contract CounterfeitFindingTest is ComplaintFixture {
    bytes32 internal constant TIP = keccak256("tip: photos, bought at the pharmacy on 2026-12-01, 25 yuan");

    function findAs(address who, address seller, bytes32 evidenceHash) internal returns (uint256) {
        vm.prank(who);
        return complaints.recordCounterfeitFinding(seller, batchId, evidenceHash);
    }

    // ---------------------------------------------------------------- recording

    function test_RecordCounterfeitFinding_FinesTheSellersBondToTheTreasury() public {
        vm.expectEmit(address(complaints));
        emit IComplaintRegistry.CounterfeitFindingRecorded(1, pharmacy, batchId, inspector, TIP, FINE, 0);
        uint256 id = findAs(inspector, pharmacy, TIP);
        assertEq(id, 1);
        assertEq(complaints.bondOf(pharmacy), 2 * PHARMACY_MIN - FINE);
        assertEq(complaints.withdrawable(treasury), FINE);
        assertEq(complaints.counterfeitFindingsAgainst(pharmacy), 1);
        assertEq(complaints.counterfeitFindingCount(), 1);
        assertEq(complaints.counterfeitFindingOf(TIP), 1);
        IComplaintRegistry.CounterfeitFinding memory f = complaints.counterfeitFinding(id);
        assertEq(f.seller, pharmacy);
        assertEq(f.batchId, batchId);
        assertEq(f.inspector, inspector);
        assertEq(f.evidenceHash, TIP);
        assertEq(uint256(f.recordedAt), block.timestamp);
        assertEq(uint256(f.fineFen), FINE);
        assertEq(uint256(f.shortfallFen), 0);
        assertFalse(complaints.isBondSuspended(pharmacy));
    }

    function test_RecordCounterfeitFinding_TreasuryWithdrawsTheFine() public {
        findAs(inspector, pharmacy, TIP);
        vm.prank(treasury);
        assertEq(complaints.withdraw(), FINE);
        assertEq(token.balanceOf(treasury), FINE);
    }

    function test_RecordCounterfeitFinding_WithoutABatchForACodeOnNoRecord() public {
        vm.prank(inspector);
        uint256 id = complaints.recordCounterfeitFinding(distributor, bytes32(0), TIP);
        assertEq(complaints.counterfeitFinding(id).batchId, bytes32(0));
        assertEq(complaints.bondOf(distributor), 2 * DISTRIBUTOR_MIN - FINE);
    }

    function test_RecordCounterfeitFinding_SellerOutsideTheBatchsCustody() public {
        address shop = makeAddr("shop that never received the batch");
        vm.prank(regulator);
        access.registerParticipant(shop, PHARMACY_ROLE, "shop", "91320500MA1X0098", SUZHOU);
        bond(shop, 2 * PHARMACY_MIN);
        findAs(inspector, shop, TIP);
        assertEq(complaints.counterfeitFindingsAgainst(shop), 1);
    }

    function test_RecordCounterfeitFinding_BondLeftBelowMinimumSuspendsTheSeller() public {
        vm.prank(pharmacy);
        complaints.withdrawBond(PHARMACY_MIN); // exactly at the minimum
        vm.expectEmit(address(access));
        emit IAccessRegistry.ParticipantSuspendedForBond(pharmacy);
        findAs(inspector, pharmacy, TIP);
        assertTrue(complaints.isBondSuspended(pharmacy));
        assertFalse(access.isActive(pharmacy));
    }

    function test_RecordCounterfeitFinding_ShortfallRecordedWhenTheBondCannotPay() public {
        address shop = makeAddr("unbonded shop");
        vm.prank(regulator);
        access.registerParticipant(shop, PHARMACY_ROLE, "shop", "91320500MA1X0097", SUZHOU);
        bond(shop, 30_000);
        uint256 id = findAs(inspector, shop, TIP);
        assertEq(uint256(complaints.counterfeitFinding(id).shortfallFen), FINE - 30_000);
        assertEq(complaints.withdrawable(treasury), 30_000);
        assertEq(complaints.bondOf(shop), 0);
        assertTrue(complaints.isBondSuspended(shop));
    }

    function test_RecordCounterfeitFinding_OpensNoComplaintAndLocksNoSerial() public {
        findAs(inspector, pharmacy, TIP);
        assertEq(complaints.complaintCount(), 0);
        assertEq(complaints.openComplaintsAgainst(pharmacy), 0);
        assertEq(complaints.withdrawable(consumer), 0);
    }

    // ---------------------------------------------------------------- refusals

    function test_RevertWhen_CallerLacksRole_RecordCounterfeitFinding() public {
        vm.expectRevert(abi.encodeWithSelector(IAccessRegistry.CallerLacksRole.selector, INSPECTOR_ROLE, consumer));
        findAs(consumer, pharmacy, TIP);
    }

    function test_RevertWhen_RecordCounterfeitFinding_InspectorIsSuspended() public {
        vm.prank(regulator);
        access.suspend(inspector, "x");
        vm.expectRevert(abi.encodeWithSelector(IAccessRegistry.ParticipantIsSuspended.selector, inspector));
        findAs(inspector, pharmacy, TIP);
    }

    function test_RevertWhen_RecordCounterfeitFinding_SellerIsNotASeller() public {
        vm.expectRevert(abi.encodeWithSelector(IComplaintRegistry.NotASeller.selector, manufacturer));
        findAs(inspector, manufacturer, TIP);
    }

    function test_RevertWhen_RecordCounterfeitFinding_WithoutEvidence() public {
        vm.expectRevert(IComplaintRegistry.EvidenceRequired.selector);
        findAs(inspector, pharmacy, bytes32(0));
    }

    function test_RevertWhen_RecordCounterfeitFinding_EvidenceAlreadyFound() public {
        findAs(inspector, pharmacy, TIP);
        vm.expectRevert(abi.encodeWithSelector(IComplaintRegistry.FindingAlreadyRecorded.selector, TIP, 1));
        findAs(inspector, distributor, TIP);
        assertEq(complaints.bondOf(distributor), 2 * DISTRIBUTOR_MIN);
    }

    function test_RevertWhen_CounterfeitFinding_NotFound() public {
        vm.expectRevert(abi.encodeWithSelector(IComplaintRegistry.FindingNotFound.selector, 7));
        complaints.counterfeitFinding(7);
    }

    // ---------------------------------------------------------------- fuzz

    /// @dev Whatever the bond and the fine, the bond pays what it can, the treasury is credited exactly
    /// that, the rest is the recorded shortfall, and the registry's balance still equals bonds + payouts.
    function testFuzz_RecordCounterfeitFinding_ConservesTheBond(uint256 bondFen, uint64 fineFen) public {
        bondFen = bound(bondFen, 1, 4_000_000);
        fineFen = uint64(bound(fineFen, 0, 3_000_000));
        address shop = makeAddr("fuzzed shop");
        vm.prank(regulator);
        access.registerParticipant(shop, PHARMACY_ROLE, "shop", "91320500MA1X0096", SUZHOU);
        bond(shop, bondFen);
        IComplaintRegistry.Terms memory t = complaints.terms();
        t.fineFen = fineFen;
        vm.prank(regulator);
        complaints.setTerms(t);
        uint256 balanceBefore = token.balanceOf(address(complaints));

        uint256 id = findAs(inspector, shop, TIP);

        uint256 paid = fineFen < bondFen ? fineFen : bondFen;
        IComplaintRegistry.CounterfeitFinding memory f = complaints.counterfeitFinding(id);
        assertEq(complaints.bondOf(shop), bondFen - paid);
        assertEq(complaints.withdrawable(treasury), paid);
        assertEq(uint256(f.shortfallFen), fineFen - paid);
        assertEq(token.balanceOf(address(complaints)), balanceBefore);
        assertEq(complaints.isBondSuspended(shop), fineFen > bondFen || bondFen - paid < PHARMACY_MIN);
    }
}
