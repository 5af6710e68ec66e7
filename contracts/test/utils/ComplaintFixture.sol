// SPDX-License-Identifier: MIT
pragma solidity ^0.8.24;

import {Fixture} from "./Fixture.sol";
import {Possession} from "./Possession.sol";
import {IBatchRegistry} from "../../src/interfaces/IBatchRegistry.sol";
import {IComplaintRegistry} from "../../src/interfaces/IComplaintRegistry.sol";
import {ITestRegistry} from "../../src/interfaces/ITestRegistry.sol";

/// @notice The Fixture's world plus a released batch "240315A" of 16 boxes (serials 1..16) whose possession
/// root commits to a key per box (derived from the box's secret), stocked at both sellers (8 boxes to the
/// distributor, 4 of them on to the pharmacy, all accepted), bonds at their minimums' double for the
/// manufacturer, the supplier and both sellers, and a consumer.
abstract contract ComplaintFixture is Fixture {
    string internal constant LOT = "240315A";
    uint64 internal constant BOXES = 16;
    bytes32 internal constant SEED = keccak256("box secrets of 240315A");
    uint64 internal constant PRICE = 2_500; // 25 yuan for a box of 50

    // Default terms and minimums (ComplaintRegistry's constructor).
    uint256 internal constant MIN_COMPENSATION = 50_000; // 500 yuan
    uint256 internal constant FINE = 100_000; // 1,000 yuan
    uint256 internal constant MANUFACTURER_MIN = 5_000_000;
    uint256 internal constant SUPPLIER_MIN = 2_000_000;
    uint256 internal constant DISTRIBUTOR_MIN = 2_000_000;
    uint256 internal constant PHARMACY_MIN = 500_000;

    IComplaintRegistry.ComplaintKind internal constant SPEC = IComplaintRegistry.ComplaintKind.SpecFailure;
    IComplaintRegistry.ComplaintKind internal constant COUNTERFEIT = IComplaintRegistry.ComplaintKind.Counterfeit;
    IComplaintRegistry.ComplaintKind internal constant PRICE_ABOVE_CAP = IComplaintRegistry.ComplaintKind.PriceAboveCap;

    bytes32 internal batchId;
    bytes32[] internal boxLeaves;
    address internal consumer;
    address internal consumer2;

    function setUp() public virtual override {
        super.setUp();
        consumer = makeAddr("consumer");
        consumer2 = makeAddr("consumer 2");
        batchId = releasedCommittedBatch(LOT);
        stockSellers(batchId);
        bond(manufacturer, 2 * MANUFACTURER_MIN);
        bond(supplier, 2 * SUPPLIER_MIN);
        bond(distributor, 2 * DISTRIBUTOR_MIN);
        bond(pharmacy, 2 * PHARMACY_MIN);
    }

    // ---------------------------------------------------------------- world builders

    /// @dev 800 masks, 50 a box (16 boxes), from 1 kg of the fixture's lot, with a real possession root;
    /// sterilised, tested and released.
    function releasedCommittedBatch(string memory lot) internal returns (bytes32 id) {
        IBatchRegistry.BatchInput memory input = batchInput(lot, 800, lotId, 1000);
        boxLeaves = Possession.leaves(SEED, 1, BOXES);
        input.possessionRoot = Possession.root(boxLeaves);
        id = register(input);
        sterilise(id);
        postPassing(id);
        vm.prank(manufacturer);
        batches.release(id);
    }

    /// @dev manufacturer -> distributor (8 boxes, accepted) -> pharmacy (4, accepted): both sellers held it.
    function stockSellers(bytes32 id) internal {
        vm.prank(manufacturer);
        uint256 shipment = custody.ship(id, distributor, 8);
        vm.prank(distributor);
        custody.acceptShipment(shipment);
        vm.prank(distributor);
        shipment = custody.ship(id, pharmacy, 4);
        vm.prank(pharmacy);
        custody.acceptShipment(shipment);
    }

    function secretOf(uint64 serial) internal pure returns (bytes16) {
        return Possession.secretOf(SEED, serial);
    }

    /// @dev What box `serial` of 240315A's possession key signs to let `who` file about it.
    function possessionFor(address who, uint64 serial) internal view returns (bytes memory) {
        return Possession.sign(secretOf(serial), complaints.possessionDigest(batchId, serial, who));
    }

    function proofOf(uint64 serial) internal view returns (bytes32[] memory) {
        return Possession.proof(boxLeaves, serial - 1);
    }

    function mintAndApprove(address party, uint256 amount) internal {
        vm.prank(regulator);
        token.mint(party, amount);
        vm.prank(party);
        token.approve(address(complaints), amount);
    }

    /// @dev Mints `amount` to `party` and posts it as bond.
    function bond(address party, uint256 amount) internal {
        mintAndApprove(party, amount);
        vm.prank(party);
        complaints.postBond(amount);
    }

    function fileAs(address who, IComplaintRegistry.ComplaintKind kind, uint64 serial, address seller_)
        internal
        returns (uint256 id)
    {
        bytes32[] memory proof = proofOf(serial);
        bytes memory signature = possessionFor(who, serial);
        vm.prank(who);
        id = complaints.fileComplaint(
            GTIN, LOT, serial, kind, signature, proof, PRICE, seller_, keccak256("photo of the box")
        );
    }

    /// @dev A spec-failure complaint by the consumer about `serial`, bought at the pharmacy.
    function fileSpec(uint64 serial) internal returns (uint256) {
        return fileAs(consumer, SPEC, serial, pharmacy);
    }

    function ruleAs(uint256 id, bool upheld) internal {
        vm.prank(inspector);
        complaints.rule(id, upheld, keccak256("ruling"));
    }

    /// @dev A spec-failure complaint past its answer window, upheld by the inspector.
    function upheldSpec(uint64 serial) internal returns (uint256 id) {
        id = fileSpec(serial);
        vm.warp(block.timestamp + 7 days + 1);
        ruleAs(id, true);
    }

    /// @dev BFE 90 %: fails YY 0469-2011 (BFE >= 95 %).
    function failingResults() internal pure returns (ITestRegistry.MetricResult[] memory r) {
        r = passingResults();
        r[0].value = 9000;
    }

    function postRetest(bool passing) internal returns (uint256 reportIndex) {
        vm.prank(lab);
        reportIndex = tests.postTestReport(
            batchId, passing ? passingResults() : failingResults(), keccak256("retest report"), true
        );
    }

    function compensationOf(uint256 price) internal pure returns (uint256) {
        return price * 4 > MIN_COMPENSATION ? price * 4 : MIN_COMPENSATION;
    }
}
