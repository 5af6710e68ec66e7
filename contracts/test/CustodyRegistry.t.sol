// SPDX-License-Identifier: MIT
pragma solidity ^0.8.24;

import {Fixture} from "./utils/Fixture.sol";
import {IAccessRegistry} from "../src/interfaces/IAccessRegistry.sol";
import {IBatchRegistry} from "../src/interfaces/IBatchRegistry.sol";
import {ICustodyRegistry} from "../src/interfaces/ICustodyRegistry.sol";

contract CustodyRegistryTest is Fixture {
    bytes32 internal batchId; // released, 2,000 boxes, serials 1..2000

    function setUp() public override {
        super.setUp();
        batchId = releasedBatch("240315A");
    }

    function _ship(address from, address to, uint32 boxes) internal returns (uint256 id) {
        vm.prank(from);
        id = custody.ship(batchId, to, boxes);
    }

    function _accept(address to, uint256 id) internal {
        vm.prank(to);
        custody.acceptShipment(id);
    }

    /// @dev manufacturer -> distributor (500, accepted) -> pharmacy (100, accepted).
    function _stockPharmacy() internal {
        _accept(distributor, _ship(manufacturer, distributor, 500));
        _accept(pharmacy, _ship(distributor, pharmacy, 100));
    }

    function _revokeFiling(uint256 filingId) internal {
        vm.prank(regulator);
        access.revokeLicence(filingId, T0, unicode"备案注销");
    }

    // ---------------------------------------------------------------- before the first shipment

    function test_Holdings_ManufacturerHoldsEveryBoxOnceReleased() public view {
        ICustodyRegistry.Holding[] memory h = custody.holdings(batchId);
        assertEq(h.length, 1);
        assertEq(h[0].holder, manufacturer);
        assertEq(uint256(h[0].boxes), 2000);
        assertEq(uint256(custody.balanceOf(batchId, manufacturer)), 2000);
        assertEq(uint256(custody.balanceOf(batchId, distributor)), 0);
        assertFalse(custody.isOpened(batchId));
    }

    function test_Holdings_EmptyBeforeRelease() public {
        bytes32 unreleased = register(defaultInput("240315B"));
        assertEq(custody.holdings(unreleased).length, 0);
        assertEq(uint256(custody.balanceOf(unreleased, manufacturer)), 0);
        assertEq(custody.holdings(bytes32(uint256(1))).length, 0);
    }

    // ---------------------------------------------------------------- ship, accept, reject

    function test_Ship_OpensTheManufacturerBalanceAndDebitsAtOnce() public {
        vm.expectEmit();
        emit ICustodyRegistry.Shipped(1, batchId, manufacturer, distributor, 500);
        uint256 id = _ship(manufacturer, distributor, 500);
        assertEq(id, 1);
        assertTrue(custody.isOpened(batchId));
        assertEq(uint256(custody.balanceOf(batchId, manufacturer)), 1500);
        assertEq(uint256(custody.balanceOf(batchId, distributor)), 0);
        ICustodyRegistry.Shipment memory s = custody.shipment(id);
        assertEq(s.batchId, batchId);
        assertEq(s.from, manufacturer);
        assertEq(s.to, distributor);
        assertEq(uint256(s.boxes), 500);
        assertEq(uint256(s.shippedAt), T0);
        assertEq(uint256(s.settledAt), 0);
        assertEq(uint256(s.status), uint256(ICustodyRegistry.ShipmentStatus.Pending));
        assertEq(custody.shipmentCount(), 1);
    }

    /// @dev A batch's first five shipment ids share its head slot; later ones go eight to a word. Every
    /// shipment of two interleaved batches comes back in order, with its batch.
    function test_ShipmentsOf_ManyShipmentsOfTwoBatches() public {
        bytes32 other = releasedBatch("240315B");
        for (uint32 i = 1; i <= 20; ++i) {
            _ship(manufacturer, distributor, i);
            vm.prank(manufacturer);
            custody.ship(other, pharmacy, i);
        }
        ICustodyRegistry.Shipment[] memory list = custody.shipmentsOf(batchId);
        ICustodyRegistry.Shipment[] memory others = custody.shipmentsOf(other);
        assertEq(list.length, 20);
        assertEq(others.length, 20);
        for (uint256 i; i < 20; ++i) {
            assertEq(list[i].batchId, batchId);
            assertEq(list[i].to, distributor);
            assertEq(uint256(list[i].boxes), i + 1);
            assertEq(others[i].batchId, other);
            assertEq(others[i].to, pharmacy);
            assertEq(uint256(others[i].boxes), i + 1);
            assertEq(custody.shipment(2 * i + 2).batchId, other);
        }
        assertEq(uint256(custody.balanceOf(batchId, manufacturer)), 2000 - 210);
        assertEq(uint256(custody.balanceOf(other, manufacturer)), 2000 - 210);
    }

    /// @dev The manufacturer is listed first without being stored in the holder list: boxes it gets back
    /// (a rejection, or a shipment to it under a seller role) never list it twice.
    function test_Holdings_ManufacturerListedOnceAfterARejection() public {
        uint256 id = _ship(manufacturer, distributor, 500);
        vm.prank(distributor);
        custody.rejectShipment(id, unicode"数量不符");
        _accept(distributor, _ship(manufacturer, distributor, 300));
        ICustodyRegistry.Holding[] memory h = custody.holdings(batchId);
        assertEq(h.length, 2);
        assertEq(h[0].holder, manufacturer);
        assertEq(uint256(h[0].boxes), 1700);
        assertEq(h[1].holder, distributor);
        assertEq(uint256(h[1].boxes), 300);
        _ship(manufacturer, distributor, 1700);
        h = custody.holdings(batchId);
        assertEq(h.length, 1);
        assertEq(h[0].holder, distributor);
    }

    function test_AcceptShipment_CreditsTheRecipient() public {
        uint256 id = _ship(manufacturer, distributor, 500);
        vm.warp(T0 + 1 days);
        vm.expectEmit();
        emit ICustodyRegistry.ReceiptAccepted(id, batchId, distributor, 500);
        _accept(distributor, id);
        assertEq(uint256(custody.balanceOf(batchId, distributor)), 500);
        ICustodyRegistry.Shipment memory s = custody.shipment(id);
        assertEq(uint256(s.status), uint256(ICustodyRegistry.ShipmentStatus.Accepted));
        assertEq(uint256(s.settledAt), T0 + 1 days);
        ICustodyRegistry.Holding[] memory h = custody.holdings(batchId);
        assertEq(h.length, 2);
        assertEq(h[0].holder, manufacturer);
        assertEq(uint256(h[0].boxes), 1500);
        assertEq(h[1].holder, distributor);
        assertEq(uint256(h[1].boxes), 500);
    }

    function test_RejectShipment_ReturnsTheBoxes() public {
        uint256 id = _ship(manufacturer, pharmacy, 30);
        vm.expectEmit();
        emit ICustodyRegistry.ReceiptRejected(id, batchId, pharmacy, unicode"数量不符");
        vm.prank(pharmacy);
        custody.rejectShipment(id, unicode"数量不符");
        assertEq(uint256(custody.balanceOf(batchId, manufacturer)), 2000);
        assertEq(uint256(custody.balanceOf(batchId, pharmacy)), 0);
        ICustodyRegistry.Shipment memory s = custody.shipment(id);
        assertEq(uint256(s.status), uint256(ICustodyRegistry.ShipmentStatus.Rejected));
        assertEq(s.note, unicode"数量不符");
    }

    function test_Holdings_DropEmptyHolders() public {
        _stockPharmacy();
        _accept(pharmacy, _ship(distributor, pharmacy, 400)); // the distributor is now empty
        ICustodyRegistry.Holding[] memory h = custody.holdings(batchId);
        assertEq(h.length, 2);
        assertEq(h[0].holder, manufacturer);
        assertEq(h[1].holder, pharmacy);
        assertEq(uint256(h[1].boxes), 500);
        ICustodyRegistry.Shipment[] memory all = custody.shipmentsOf(batchId);
        assertEq(all.length, 3);
        assertEq(all[2].from, distributor);
        assertEq(uint256(all[2].boxes), 400);
    }

    function test_Ship_PharmacyToPharmacy() public {
        _stockPharmacy();
        address second = makeAddr("second pharmacy");
        vm.startPrank(regulator);
        access.registerParticipant(second, PHARMACY_ROLE, unicode"二店", "", SUZHOU);
        access.grantLicence(IAccessRegistry.LicenceKind.DistributionFiling, second, "F-3", ALL_CATEGORIES, D2020, D2030);
        vm.stopPrank();
        _accept(second, _ship(pharmacy, second, 10));
        assertEq(uint256(custody.balanceOf(batchId, second)), 10);
    }

    function test_RevertWhen_ShipUnreleasedBatch() public {
        bytes32 unreleased = register(defaultInput("240315B"));
        vm.prank(manufacturer);
        vm.expectRevert(abi.encodeWithSelector(ICustodyRegistry.BatchNotReleased.selector, unreleased));
        custody.ship(unreleased, distributor, 1);
    }

    function test_RevertWhen_ShipRecalledBatch() public {
        vm.prank(regulator);
        batches.recall(batchId, "x");
        vm.prank(manufacturer);
        vm.expectRevert(abi.encodeWithSelector(ICustodyRegistry.BatchIsRecalled.selector, batchId));
        custody.ship(batchId, distributor, 1);
    }

    function test_RevertWhen_ShipUnknownBatch() public {
        vm.prank(manufacturer);
        vm.expectRevert(abi.encodeWithSelector(IBatchRegistry.BatchNotFound.selector, bytes32(uint256(3))));
        custody.ship(bytes32(uint256(3)), distributor, 1);
    }

    function test_RevertWhen_ShipZeroBoxes() public {
        vm.prank(manufacturer);
        vm.expectRevert(ICustodyRegistry.ZeroBoxes.selector);
        custody.ship(batchId, distributor, 0);
    }

    function test_RevertWhen_ShipToSelf() public {
        _stockPharmacy();
        vm.prank(distributor);
        vm.expectRevert(ICustodyRegistry.SelfShipment.selector);
        custody.ship(batchId, distributor, 1);
    }

    function test_RevertWhen_RecipientNotLicensed() public {
        // no distributor or pharmacy role
        _expectRecipientNotLicensed(inspector);
        _expectRecipientNotLicensed(stranger);
        // filing revoked
        _revokeFiling(distributorFilingId);
        _expectRecipientNotLicensed(distributor);
    }

    function test_RevertWhen_RecipientSuspended() public {
        vm.prank(regulator);
        access.suspend(distributor, "x");
        _expectRecipientNotLicensed(distributor);
    }

    function test_RevertWhen_RecipientFilingExpired() public {
        vm.warp(D2030 + 1);
        // The manufacturer's licences have lapsed by then too, but custody only asks for them at production.
        _expectRecipientNotLicensed(distributor);
    }

    function test_RevertWhen_RecipientFilingDoesNotCoverTheCategory() public {
        address narrow = makeAddr("narrow");
        vm.startPrank(regulator);
        access.registerParticipant(narrow, DISTRIBUTOR_ROLE, "narrow", "", SUZHOU);
        access.grantLicence(IAccessRegistry.LicenceKind.DistributionFiling, narrow, "F-9", uint16(1) << 2, D2020, D2030);
        vm.stopPrank();
        _expectRecipientNotLicensed(narrow);
    }

    function _expectRecipientNotLicensed(address to) internal {
        vm.prank(manufacturer);
        vm.expectRevert(abi.encodeWithSelector(ICustodyRegistry.RecipientNotLicensed.selector, to));
        custody.ship(batchId, to, 1);
    }

    function test_RevertWhen_SenderNotLicensed() public {
        _stockPharmacy();
        _revokeFiling(distributorFilingId);
        vm.prank(distributor);
        vm.expectRevert(abi.encodeWithSelector(ICustodyRegistry.SenderNotLicensed.selector, distributor));
        custody.ship(batchId, pharmacy, 1);
    }

    function test_RevertWhen_CallerLacksRole_Ship() public {
        vm.prank(inspector);
        vm.expectRevert(abi.encodeWithSelector(IAccessRegistry.CallerLacksRole.selector, PHARMACY_ROLE, inspector));
        custody.ship(batchId, pharmacy, 1);
    }

    function test_RevertWhen_SuspendedSenderShips() public {
        _stockPharmacy();
        vm.startPrank(regulator);
        access.suspend(distributor, "x");
        access.suspend(manufacturer, "x");
        vm.stopPrank();
        vm.prank(distributor);
        vm.expectRevert(abi.encodeWithSelector(IAccessRegistry.ParticipantIsSuspended.selector, distributor));
        custody.ship(batchId, pharmacy, 1);
        vm.prank(manufacturer);
        vm.expectRevert(abi.encodeWithSelector(IAccessRegistry.ParticipantIsSuspended.selector, manufacturer));
        custody.ship(batchId, pharmacy, 1);
    }

    function test_RevertWhen_InsufficientCustody() public {
        vm.prank(manufacturer);
        vm.expectRevert(
            abi.encodeWithSelector(ICustodyRegistry.InsufficientCustody.selector, batchId, manufacturer, 2000, 2001)
        );
        custody.ship(batchId, distributor, 2001);

        _ship(manufacturer, distributor, 10); // pending: not yet the distributor's
        vm.prank(distributor);
        vm.expectRevert(
            abi.encodeWithSelector(ICustodyRegistry.InsufficientCustody.selector, batchId, distributor, 0, 1)
        );
        custody.ship(batchId, pharmacy, 1);
    }

    function test_RevertWhen_ShipmentNotFound() public {
        vm.prank(distributor);
        vm.expectRevert(abi.encodeWithSelector(ICustodyRegistry.ShipmentNotFound.selector, 1));
        custody.acceptShipment(1);
        vm.expectRevert(abi.encodeWithSelector(ICustodyRegistry.ShipmentNotFound.selector, 0));
        custody.shipment(0);
    }

    function test_RevertWhen_NotShipmentRecipient() public {
        uint256 id = _ship(manufacturer, distributor, 10);
        vm.prank(pharmacy);
        vm.expectRevert(abi.encodeWithSelector(ICustodyRegistry.NotShipmentRecipient.selector, id, pharmacy));
        custody.acceptShipment(id);
        vm.prank(manufacturer);
        vm.expectRevert(abi.encodeWithSelector(ICustodyRegistry.NotShipmentRecipient.selector, id, manufacturer));
        custody.rejectShipment(id, "mine");
    }

    function test_RevertWhen_ShipmentNotPending() public {
        uint256 id = _ship(manufacturer, distributor, 10);
        _accept(distributor, id);
        vm.startPrank(distributor);
        vm.expectRevert(abi.encodeWithSelector(ICustodyRegistry.ShipmentNotPending.selector, id));
        custody.acceptShipment(id);
        vm.expectRevert(abi.encodeWithSelector(ICustodyRegistry.ShipmentNotPending.selector, id));
        custody.rejectShipment(id, "late");
        vm.stopPrank();
    }

    function test_RevertWhen_SuspendedRecipientSettles() public {
        uint256 id = _ship(manufacturer, distributor, 10);
        vm.prank(regulator);
        access.suspend(distributor, "x");
        vm.prank(distributor);
        vm.expectRevert(abi.encodeWithSelector(IAccessRegistry.ParticipantIsSuspended.selector, distributor));
        custody.acceptShipment(id);
    }

    function test_AcceptShipment_OfABatchRecalledInTransit() public {
        uint256 id = _ship(manufacturer, distributor, 10);
        vm.prank(regulator);
        batches.recall(batchId, "x");
        _accept(distributor, id); // custody records where the boxes are, recalled or not
        assertEq(uint256(custody.balanceOf(batchId, distributor)), 10);
    }

    // ---------------------------------------------------------------- held

    function test_HasHeld_FromAcceptanceOnAndAfterPassingEverythingOn() public {
        assertFalse(custody.hasHeld(batchId, manufacturer)); // not opened yet
        uint256 id = _ship(manufacturer, distributor, 500);
        assertTrue(custody.hasHeld(batchId, manufacturer));
        assertFalse(custody.hasHeld(batchId, distributor)); // pending
        _accept(distributor, id);
        assertTrue(custody.hasHeld(batchId, distributor));
        id = _ship(distributor, pharmacy, 500);
        assertEq(uint256(custody.balanceOf(batchId, distributor)), 0);
        assertTrue(custody.hasHeld(batchId, distributor)); // passed everything on, still held it
        vm.prank(pharmacy);
        custody.rejectShipment(id, "damaged");
        assertFalse(custody.hasHeld(batchId, pharmacy)); // refused the delivery: never held it
        assertFalse(custody.hasHeld(batchId, stranger));
        assertFalse(custody.hasHeld(keccak256("another batch"), distributor));
    }

    // ---------------------------------------------------------------- decommission

    function test_Decommission_RecordsTheSale() public {
        _stockPharmacy();
        vm.warp(T0 + 3 days);
        vm.expectEmit();
        emit ICustodyRegistry.Decommissioned(batchId, 42, pharmacy, T0 + 3 days);
        vm.prank(pharmacy);
        custody.decommission(batchId, 42);
        ICustodyRegistry.Sale memory s = custody.sale(batchId, 42);
        assertEq(s.seller, pharmacy);
        assertEq(uint256(s.soldAt), T0 + 3 days);
        assertEq(uint256(custody.balanceOf(batchId, pharmacy)), 99);
        assertEq(custody.sale(batchId, 43).seller, address(0));
    }

    function test_Decommission_FirstAndLastSerial() public {
        _stockPharmacy();
        vm.startPrank(pharmacy);
        custody.decommission(batchId, 1);
        custody.decommission(batchId, 2000);
        vm.stopPrank();
    }

    function test_RevertWhen_SerialDecommissionedTwice() public {
        _stockPharmacy();
        vm.prank(pharmacy);
        custody.decommission(batchId, 42);
        vm.warp(T0 + 1 days);
        vm.prank(pharmacy);
        vm.expectRevert(
            abi.encodeWithSelector(ICustodyRegistry.AlreadyDecommissioned.selector, batchId, 42, pharmacy, T0)
        );
        custody.decommission(batchId, 42);
    }

    function test_RevertWhen_SerialNotInBatch() public {
        _stockPharmacy();
        vm.startPrank(pharmacy);
        vm.expectRevert(abi.encodeWithSelector(ICustodyRegistry.SerialNotInBatch.selector, batchId, 0));
        custody.decommission(batchId, 0);
        vm.expectRevert(abi.encodeWithSelector(ICustodyRegistry.SerialNotInBatch.selector, batchId, 2001));
        custody.decommission(batchId, 2001);
        vm.stopPrank();
    }

    function test_RevertWhen_DecommissionWithoutCustody() public {
        vm.prank(pharmacy);
        vm.expectRevert(abi.encodeWithSelector(ICustodyRegistry.InsufficientCustody.selector, batchId, pharmacy, 0, 1));
        custody.decommission(batchId, 42);
    }

    function test_RevertWhen_CallerLacksRole_Decommission() public {
        _stockPharmacy();
        vm.prank(distributor); // distributors do not sell to consumers
        vm.expectRevert(abi.encodeWithSelector(IAccessRegistry.CallerLacksRole.selector, PHARMACY_ROLE, distributor));
        custody.decommission(batchId, 42);
    }

    function test_RevertWhen_DecommissionWithoutFiling() public {
        _stockPharmacy();
        _revokeFiling(pharmacyFilingId);
        vm.prank(pharmacy);
        vm.expectRevert(abi.encodeWithSelector(ICustodyRegistry.SenderNotLicensed.selector, pharmacy));
        custody.decommission(batchId, 42);
    }

    function test_RevertWhen_DecommissionRecalledBatch() public {
        _stockPharmacy();
        vm.prank(regulator);
        batches.recall(batchId, "x");
        vm.prank(pharmacy);
        vm.expectRevert(abi.encodeWithSelector(ICustodyRegistry.BatchIsRecalled.selector, batchId));
        custody.decommission(batchId, 42);
    }

    function test_RevertWhen_SuspendedPharmacyDecommissions() public {
        _stockPharmacy();
        vm.prank(regulator);
        access.suspend(pharmacy, "x");
        vm.prank(pharmacy);
        vm.expectRevert(abi.encodeWithSelector(IAccessRegistry.ParticipantIsSuspended.selector, pharmacy));
        custody.decommission(batchId, 42);
    }
}
