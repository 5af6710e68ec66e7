// SPDX-License-Identifier: MIT
pragma solidity ^0.8.24;

import {Fixture} from "../utils/Fixture.sol";
import {CustodyHandler} from "./CustodyHandler.sol";
import {IAccessRegistry} from "../../src/interfaces/IAccessRegistry.sol";
import {IMaterialRegistry} from "../../src/interfaces/IMaterialRegistry.sol";
import {IBatchRegistry} from "../../src/interfaces/IBatchRegistry.sol";

/// @notice Mass balance of every lot and conservation of every batch's boxes under random sequences of
/// registrations, shipments, receipts and sales.
contract CustodyInvariantTest is Fixture {
    CustodyHandler internal handler;

    function setUp() public override {
        super.setUp();
        address distributor2 = makeAddr("distributor 2");
        address pharmacy2 = makeAddr("pharmacy 2");
        vm.startPrank(regulator);
        access.registerParticipant(distributor2, DISTRIBUTOR_ROLE, "d2", "", SUZHOU);
        access.registerParticipant(pharmacy2, PHARMACY_ROLE, "p2", "", SUZHOU);
        access.grantLicence(
            IAccessRegistry.LicenceKind.DistributionFiling, distributor2, "F-d2", ALL_CATEGORIES, D2020, D2030
        );
        access.grantLicence(
            IAccessRegistry.LicenceKind.DistributionFiling, pharmacy2, "F-p2", ALL_CATEGORIES, D2020, D2030
        );
        vm.stopPrank();

        address[] memory sellers = new address[](4);
        sellers[0] = distributor;
        sellers[1] = distributor2;
        sellers[2] = pharmacy;
        sellers[3] = pharmacy2;
        address[] memory pharmacies = new address[](2);
        pharmacies[0] = pharmacy;
        pharmacies[1] = pharmacy2;
        handler = new CustodyHandler(
            materials,
            batches,
            tests,
            custody,
            [supplier, manufacturer, lab],
            sellers,
            pharmacies,
            GTIN,
            workshopId,
            PRODUCTION
        );

        bytes4[] memory selectors = new bytes4[](5);
        selectors[0] = CustodyHandler.registerLot.selector;
        selectors[1] = CustodyHandler.registerBatch.selector;
        selectors[2] = CustodyHandler.ship.selector;
        selectors[3] = CustodyHandler.settle.selector;
        selectors[4] = CustodyHandler.decommission.selector;
        targetContract(address(handler));
        targetSelector(FuzzSelector({addr: address(handler), selectors: selectors}));
    }

    /// @dev The handler's actions do reach the contracts (a handler that always returns early would make
    /// the invariants vacuous).
    function test_Handler_ExercisesEveryAction() public {
        handler.registerLot(1_000_000);
        handler.registerBatch(0, 500_000, 0, 1000, 10, true); // 100 boxes
        bytes32 batchId = handler.batchIds(0);
        assertEq(uint256(custody.balanceOf(batchId, manufacturer)), 100);
        handler.ship(0, 0, 2, 40); // manufacturer -> pharmacy
        assertEq(handler.pendingCount(), 1);
        handler.settle(0, true);
        assertEq(uint256(custody.balanceOf(batchId, pharmacy)), 40);
        handler.decommission(0, 0, 1000); // serial 1000, the first
        assertEq(handler.ghostDecommissioned(batchId), 1);
        handler.ship(0, 0, 0, 10); // manufacturer -> distributor, rejected
        handler.settle(0, false);
        assertEq(uint256(custody.balanceOf(batchId, manufacturer)), 60);
        handler.registerBatch(0, 600_000, 0, 1000, 10, true); // exceeds the lot: refused
        assertEq(handler.batchCount(), 1);
        invariant_LotConsumptionNeverExceedsMass();
        invariant_BoxesAreConserved();
    }

    /// @dev No lot ever gives more grams than it has, and it gives exactly what accepted batches took.
    function invariant_LotConsumptionNeverExceedsMass() public view {
        assertEq(handler.violation(), "");
        uint256 n = handler.lotCount();
        for (uint256 i; i < n; ++i) {
            uint256 id = handler.lots(i);
            IMaterialRegistry.MaterialLot memory l = materials.lot(id);
            assertLe(uint256(l.consumedGrams), uint256(l.massGrams), "lot over-consumed");
            assertEq(uint256(l.consumedGrams), handler.ghostConsumed(id), "consumption differs from accepted batches");
        }
    }

    /// @dev Every box of a released batch is held, in transit, or sold: never created, never lost.
    function invariant_BoxesAreConserved() public view {
        assertEq(handler.violation(), "");
        uint256 n = handler.batchCount();
        for (uint256 i; i < n; ++i) {
            bytes32 batchId = handler.batchIds(i);
            IBatchRegistry.Batch memory b = batches.batch(batchId);
            if (b.releasedAt == 0) continue;
            uint256 total =
                handler.holdersOf(batchId) + handler.ghostPendingBoxes(batchId) + handler.ghostDecommissioned(batchId);
            assertEq(total, b.boxes, "boxes not conserved");
            if (!custody.isOpened(batchId)) {
                assertEq(handler.ghostPendingBoxes(batchId) + handler.ghostDecommissioned(batchId), 0);
            }
        }
    }
}
