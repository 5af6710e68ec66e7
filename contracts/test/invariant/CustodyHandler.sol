// SPDX-License-Identifier: MIT
pragma solidity ^0.8.24;

import {Base} from "../utils/Base.sol";
import {MaterialRegistry} from "../../src/MaterialRegistry.sol";
import {BatchRegistry} from "../../src/BatchRegistry.sol";
import {TestRegistry} from "../../src/TestRegistry.sol";
import {CustodyRegistry} from "../../src/CustodyRegistry.sol";
import {IBatchRegistry} from "../../src/interfaces/IBatchRegistry.sol";
import {ICustodyRegistry} from "../../src/interfaces/ICustodyRegistry.sol";
import {ITestRegistry} from "../../src/interfaces/ITestRegistry.sol";

/// @notice Drives the material, batch and custody registries at random: registers lots and batches
/// (consuming grams), ships between the manufacturer and the licensed sellers, accepts or rejects, and
/// decommissions serials. Keeps a ghost ledger the invariants compare with the contracts.
/// @dev The invariant runner ignores reverts in handlers (fail_on_revert = false), so a check made here is
/// recorded in `violation` (the first one) rather than reverted, and the invariants assert it stays empty.
contract CustodyHandler is Base {
    MaterialRegistry internal immutable materials;
    BatchRegistry internal immutable batches;
    TestRegistry internal immutable tests;
    CustodyRegistry internal immutable custody;
    address internal immutable supplier;
    address internal immutable manufacturer;
    address internal immutable lab;
    uint64 internal immutable gtin;
    bytes32 internal immutable workshopId;
    uint64 internal immutable productionDate;

    address[] internal sellers; // distributors and pharmacies with filings
    address[] internal pharmacies;

    uint256[] public lots;
    mapping(uint256 lotId => uint256) public ghostConsumed;
    bytes32[] public batchIds;
    mapping(bytes32 batchId => uint256) public ghostDecommissioned;
    uint256[] internal pending;
    mapping(bytes32 batchId => uint256) public ghostPendingBoxes;
    mapping(bytes32 batchId => mapping(uint64 serial => bool)) internal sold;
    uint256 public calls;
    string public violation;

    constructor(
        MaterialRegistry materials_,
        BatchRegistry batches_,
        TestRegistry tests_,
        CustodyRegistry custody_,
        address[3] memory parties, // supplier, manufacturer, lab
        address[] memory sellers_,
        address[] memory pharmacies_,
        uint64 gtin_,
        bytes32 workshopId_,
        uint64 productionDate_
    ) {
        materials = materials_;
        batches = batches_;
        tests = tests_;
        custody = custody_;
        supplier = parties[0];
        manufacturer = parties[1];
        lab = parties[2];
        sellers = sellers_;
        pharmacies = pharmacies_;
        gtin = gtin_;
        workshopId = workshopId_;
        productionDate = productionDate_;
    }

    // ---------------------------------------------------------------- actions

    function registerLot(uint64 grams) external {
        ++calls;
        grams = uint64(bound(grams, 1000, 2_000_000));
        vm.prank(supplier);
        uint256 id = materials.registerLot(_name("LOT", lots.length), "BFE99", grams, bytes32(0));
        vm.prank(supplier);
        materials.transferLot(id, manufacturer);
        lots.push(id);
    }

    /// @dev Registers a batch from one or two lots (possibly too much: then it must revert and consume
    /// nothing), and most of the time sterilises, tests and releases it.
    function registerBatch(uint256 lotSeed, uint64 grams, uint64 grams2, uint32 masks, uint16 perBox, bool release)
        external
    {
        ++calls;
        if (lots.length == 0) return;
        uint256 a = lots[lotSeed % lots.length];
        uint256 b = lots[(lotSeed / 7) % lots.length];
        grams = uint64(bound(grams, 1, 1_000_000));
        grams2 = uint64(bound(grams2, 0, 500_000));
        masks = uint32(bound(masks, 1, 1000));
        perBox = uint16(bound(perBox, 1, 100));

        IBatchRegistry.MaterialUse[] memory uses = new IBatchRegistry.MaterialUse[](grams2 == 0 ? 1 : 2);
        uses[0] = IBatchRegistry.MaterialUse(uint64(a), grams);
        if (grams2 != 0) uses[1] = IBatchRegistry.MaterialUse(uint64(b), grams2);
        IBatchRegistry.BatchInput memory input = IBatchRegistry.BatchInput({
            gtin: gtin,
            lot: _name("B", batchIds.length),
            productionDate: productionDate,
            expiryDate: productionDate + 730 days,
            masks: masks,
            masksPerBox: perBox,
            serialStart: 1000,
            workshopId: workshopId,
            materials: uses,
            signer: address(1),
            possessionRoot: bytes32(0)
        });
        vm.prank(manufacturer);
        try batches.registerBatch(input) returns (bytes32 batchId) {
            ghostConsumed[a] += grams;
            if (grams2 != 0) ghostConsumed[b] += grams2;
            if (release) _release(batchId);
            batchIds.push(batchId);
        } catch {}
    }

    function ship(uint256 batchSeed, uint256 fromSeed, uint256 toSeed, uint32 boxes) external {
        ++calls;
        if (batchIds.length == 0) return;
        bytes32 batchId = batchIds[batchSeed % batchIds.length];
        // The manufacturer half of the time, else a seller.
        address from = fromSeed % 2 == 0 ? manufacturer : sellers[fromSeed / 2 % sellers.length];
        address to = sellers[toSeed % sellers.length];
        uint32 available = custody.balanceOf(batchId, from);
        if (available == 0 || from == to) return;
        boxes = uint32(bound(boxes, 1, available));
        vm.prank(from);
        try custody.ship(batchId, to, boxes) returns (uint256 id) {
            pending.push(id);
            ghostPendingBoxes[batchId] += boxes;
        } catch {}
    }

    function settle(uint256 seed, bool accept) external {
        ++calls;
        if (pending.length == 0) return;
        uint256 i = seed % pending.length;
        uint256 id = pending[i];
        ICustodyRegistry.Shipment memory s = custody.shipment(id);
        vm.prank(s.to);
        if (accept) custody.acceptShipment(id);
        else custody.rejectShipment(id, "wrong count");
        ghostPendingBoxes[s.batchId] -= s.boxes;
        pending[i] = pending[pending.length - 1];
        pending.pop();
    }

    function decommission(uint256 batchSeed, uint256 pharmacySeed, uint64 serialSeed) external {
        ++calls;
        if (batchIds.length == 0) return;
        bytes32 batchId = batchIds[batchSeed % batchIds.length];
        address pharmacy = pharmacies[pharmacySeed % pharmacies.length];
        IBatchRegistry.Batch memory b = batches.batch(batchId);
        // Mostly serials of the batch, sometimes just outside it.
        uint64 serial = uint64(bound(serialSeed, b.serialStart - 2, b.serialStart + b.boxes + 1));
        bool shouldSucceed = serial >= b.serialStart && serial < b.serialStart + b.boxes && !sold[batchId][serial]
            && custody.balanceOf(batchId, pharmacy) > 0;
        vm.prank(pharmacy);
        try custody.decommission(batchId, serial) {
            _expect(shouldSucceed, "decommission accepted a serial it should refuse");
            sold[batchId][serial] = true;
            ++ghostDecommissioned[batchId];
        } catch {
            _expect(!shouldSucceed, "decommission refused a serial it should accept");
        }
    }

    // ---------------------------------------------------------------- views for the invariants

    function lotCount() external view returns (uint256) {
        return lots.length;
    }

    function batchCount() external view returns (uint256) {
        return batchIds.length;
    }

    function holdersOf(bytes32 batchId) external view returns (uint256 total) {
        total = custody.balanceOf(batchId, manufacturer);
        for (uint256 i; i < sellers.length; ++i) {
            total += custody.balanceOf(batchId, sellers[i]);
        }
    }

    function pendingCount() external view returns (uint256) {
        return pending.length;
    }

    // ---------------------------------------------------------------- internals

    function _expect(bool condition, string memory message) internal {
        if (!condition && bytes(violation).length == 0) violation = message;
    }

    function _release(bytes32 batchId) internal {
        vm.prank(manufacturer);
        batches.recordSterilisation(
            batchId,
            IBatchRegistry.Sterilisation("s", "EO", productionDate + 1 days, productionDate + 2 days, bytes32(0))
        );
        ITestRegistry.MetricResult[] memory r = new ITestRegistry.MetricResult[](7);
        int64[7] memory values = [int64(9860), 4100, 380, 120, 0, 20, 32];
        for (uint16 i; i < 7; ++i) {
            r[i] = ITestRegistry.MetricResult(i + 1, values[i]);
        }
        vm.prank(lab);
        tests.postTestReport(batchId, r, bytes32(0), false);
        vm.prank(manufacturer);
        batches.release(batchId);
    }

    function _name(string memory prefix, uint256 n) internal pure returns (string memory) {
        bytes memory digits;
        do {
            digits = abi.encodePacked(bytes1(uint8(48 + n % 10)), digits);
            n /= 10;
        } while (n != 0);
        return string.concat(prefix, string(digits));
    }
}
