// SPDX-License-Identifier: MIT
pragma solidity ^0.8.24;

import {Fixture} from "./utils/Fixture.sol";
import {IAccessRegistry} from "../src/interfaces/IAccessRegistry.sol";
import {IBatchRegistry} from "../src/interfaces/IBatchRegistry.sol";
import {IPriceRegistry} from "../src/interfaces/IPriceRegistry.sol";

contract PriceRegistryTest is Fixture {
    IPriceRegistry.Channel internal constant RETAIL = IPriceRegistry.Channel.Retail;
    IPriceRegistry.Channel internal constant EX_FACTORY = IPriceRegistry.Channel.ExFactory;
    string internal constant BASIS = unicode"国市监竞争〔2020〕21号";

    bytes32 internal batchId;
    uint256 internal retailCap; // 1.50 yuan per piece at retail in Suzhou, since 2020

    function setUp() public override {
        super.setUp();
        batchId = register(defaultInput("240315A"));
        retailCap = _setCap(SURGICAL, SUZHOU, RETAIL, 150, D2020);
    }

    function _setCap(uint8 category, uint32 region, IPriceRegistry.Channel channel, uint64 fen, uint64 from)
        internal
        returns (uint256 id)
    {
        vm.prank(regulator);
        id = prices.setPriceCap(category, region, channel, fen, from, BASIS);
    }

    function _record(uint64 fen) internal returns (uint256 id) {
        vm.prank(inspector);
        id = prices.recordPrice(pharmacy, batchId, SUZHOU, RETAIL, fen, keccak256("photo"));
    }

    // ---------------------------------------------------------------- caps

    function test_SetPriceCap_StoresIt() public {
        vm.expectEmit();
        emit IPriceRegistry.PriceCapSet(2, SURGICAL, SUZHOU, EX_FACTORY, 120, D2020);
        uint256 id = _setCap(SURGICAL, SUZHOU, EX_FACTORY, 120, D2020);
        assertEq(id, 2);
        assertEq(prices.capCount(), 2);
        IPriceRegistry.PriceCap memory c = prices.cap(id);
        assertEq(uint256(c.category), SURGICAL);
        assertEq(uint256(c.region), SUZHOU);
        assertEq(uint256(c.channel), uint256(EX_FACTORY));
        assertEq(uint256(c.fenPerPiece), 120);
        assertEq(uint256(c.effectiveFrom), D2020);
        assertEq(c.legalBasis, BASIS);
        uint256[] memory ids = prices.capsOfCategory(SURGICAL);
        assertEq(ids.length, 2);
        assertEq(ids[1], id);
    }

    function test_RevertWhen_CallerLacksRole_SetPriceCap() public {
        vm.prank(inspector);
        vm.expectRevert(abi.encodeWithSelector(IAccessRegistry.CallerLacksRole.selector, REGULATOR_ROLE, inspector));
        prices.setPriceCap(SURGICAL, SUZHOU, RETAIL, 100, D2020, BASIS);
    }

    function test_RevertWhen_PriceCapInvalid() public {
        vm.startPrank(regulator);
        vm.expectRevert(abi.encodeWithSelector(IAccessRegistry.UnknownCategory.selector, uint8(0)));
        prices.setPriceCap(0, SUZHOU, RETAIL, 100, D2020, BASIS);
        vm.expectRevert(IPriceRegistry.ZeroPrice.selector);
        prices.setPriceCap(SURGICAL, SUZHOU, RETAIL, 0, D2020, BASIS);
        vm.stopPrank();
    }

    function test_RevertWhen_CapNotFound() public {
        vm.expectRevert(abi.encodeWithSelector(IPriceRegistry.CapNotFound.selector, 0));
        prices.cap(0);
        vm.expectRevert(abi.encodeWithSelector(IPriceRegistry.CapNotFound.selector, 2));
        prices.cap(2);
    }

    function test_CapInForce_ByKeyAndDate() public {
        uint256 newer = _setCap(SURGICAL, SUZHOU, RETAIL, 100, T0 + 30 days);
        _setCap(SURGICAL, 310_000, RETAIL, 80, D2020); // another city
        _setCap(SURGICAL, SUZHOU, EX_FACTORY, 60, D2020); // another channel
        (bool found, uint256 id) = prices.capInForce(SURGICAL, SUZHOU, RETAIL, T0);
        assertTrue(found);
        assertEq(id, retailCap);
        (found, id) = prices.capInForce(SURGICAL, SUZHOU, RETAIL, T0 + 30 days);
        assertEq(id, newer);
        (found, id) = prices.capInForce(SURGICAL, SUZHOU, RETAIL, D2020 - 1);
        assertFalse(found);
        assertEq(id, 0);
        (found,) = prices.capInForce(2, SUZHOU, RETAIL, T0);
        assertFalse(found);
        (found,) = prices.capInForce(SURGICAL, SUZHOU, IPriceRegistry.Channel.Wholesale, T0);
        assertFalse(found);
    }

    // ---------------------------------------------------------------- records

    function test_RecordPrice_AtTheCapIsNoViolation() public {
        vm.expectEmit();
        emit IPriceRegistry.PriceRecorded(1, pharmacy, batchId, 150, false);
        uint256 id = _record(150);
        assertEq(id, 1);
        IPriceRegistry.PriceRecord memory r = prices.record(id);
        assertEq(r.inspector, inspector);
        assertEq(r.seller, pharmacy);
        assertEq(r.batchId, batchId);
        assertEq(uint256(r.region), SUZHOU);
        assertEq(uint256(r.channel), uint256(RETAIL));
        assertEq(uint256(r.fenPerPiece), 150);
        assertEq(r.capId, retailCap);
        assertFalse(r.violation);
        assertEq(r.evidenceHash, keccak256("photo"));
        assertEq(uint256(r.observedAt), T0);
        assertEq(prices.violationsOf(pharmacy).length, 0);
        assertEq(prices.recordCount(), 1);
    }

    function test_RecordPrice_AboveTheCapIsAViolation() public {
        vm.expectEmit();
        emit IPriceRegistry.ViolationRecorded(1, pharmacy, 300, 150);
        uint256 id = _record(300); // 3 yuan a piece
        assertTrue(prices.record(id).violation);
        uint256[] memory v = prices.violationsOf(pharmacy);
        assertEq(v.length, 1);
        assertEq(v[0], id);
        uint256[] memory all = prices.recordsOfBatch(batchId);
        assertEq(all.length, 1);
    }

    function test_RecordPrice_WithoutCapInForce() public {
        vm.prank(inspector);
        uint256 id = prices.recordPrice(pharmacy, batchId, 110_000, RETAIL, 9999, bytes32(0));
        IPriceRegistry.PriceRecord memory r = prices.record(id);
        assertEq(r.capId, 0);
        assertFalse(r.violation);
    }

    function test_RevertWhen_CallerLacksRole_RecordPrice() public {
        vm.prank(pharmacy);
        vm.expectRevert(abi.encodeWithSelector(IAccessRegistry.CallerLacksRole.selector, INSPECTOR_ROLE, pharmacy));
        prices.recordPrice(pharmacy, batchId, SUZHOU, RETAIL, 100, bytes32(0));
    }

    function test_RevertWhen_SuspendedInspectorRecords() public {
        vm.prank(regulator);
        access.suspend(inspector, "x");
        vm.prank(inspector);
        vm.expectRevert(abi.encodeWithSelector(IAccessRegistry.ParticipantIsSuspended.selector, inspector));
        prices.recordPrice(pharmacy, batchId, SUZHOU, RETAIL, 100, bytes32(0));
    }

    function test_RevertWhen_RecordedPriceInvalid() public {
        vm.startPrank(inspector);
        vm.expectRevert(IPriceRegistry.ZeroPrice.selector);
        prices.recordPrice(pharmacy, batchId, SUZHOU, RETAIL, 0, bytes32(0));
        vm.expectRevert(abi.encodeWithSelector(IPriceRegistry.SellerNotRegistered.selector, stranger));
        prices.recordPrice(stranger, batchId, SUZHOU, RETAIL, 100, bytes32(0));
        vm.expectRevert(abi.encodeWithSelector(IBatchRegistry.BatchNotFound.selector, bytes32(uint256(5))));
        prices.recordPrice(pharmacy, bytes32(uint256(5)), SUZHOU, RETAIL, 100, bytes32(0));
        vm.stopPrank();
    }

    function test_Record_UnknownIdIsEmpty() public view {
        assertEq(prices.record(9).inspector, address(0));
    }

    /// @dev A violation iff the price is above the cap in force.
    function testFuzz_PriceCap_ViolationIffAboveCap(uint64 cap, uint64 price) public {
        cap = uint64(bound(cap, 1, type(uint64).max));
        price = uint64(bound(price, 1, type(uint64).max));
        uint256 capId = _setCap(SURGICAL, SUZHOU, EX_FACTORY, cap, T0);
        vm.prank(inspector);
        uint256 id = prices.recordPrice(manufacturer, batchId, SUZHOU, EX_FACTORY, price, bytes32(0));
        IPriceRegistry.PriceRecord memory r = prices.record(id);
        assertEq(r.capId, capId);
        assertEq(r.violation, price > cap);
        assertEq(prices.violationsOf(manufacturer).length, price > cap ? 1 : 0);
    }
}
