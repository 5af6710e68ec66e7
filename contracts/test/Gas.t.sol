// SPDX-License-Identifier: MIT
pragma solidity ^0.8.24;

import {Fixture} from "./utils/Fixture.sol";
import {IBatchRegistry} from "../src/interfaces/IBatchRegistry.sol";
import {IPriceRegistry} from "../src/interfaces/IPriceRegistry.sol";

/// @notice Registration is O(1): the same gas for a thousand masks or a million. Also the flows that
/// `scripts/gas-report.sh` measures, one operation per test so each runs against cold storage.
contract GasTest is Fixture {
    uint256 internal bigLot;

    function setUp() public override {
        super.setUp();
        bigLot = manufacturerLot("MB-BIG-01", 3_000_000); // 3 t
        // Warm the registries' cached directory entries once, as in any deployment after its first batch.
        register(batchInput("WARMUP01", 1000, bigLot, 1000));
    }

    function _measure(string memory lot, uint32 masks) internal returns (uint256 used) {
        IBatchRegistry.BatchInput memory input = batchInput(lot, masks, bigLot, 800_000);
        vm.prank(manufacturer);
        uint256 before = gasleft();
        batches.registerBatch(input);
        used = before - gasleft();
    }

    function test_RegisterBatch_SameGasForThousandAndMillionMasks() public {
        // A first registration in this transaction warms the shared slots (roles, licences, the lot), so
        // the two measured ones differ only in their mask count.
        _measure("LOT-0000", 1000);
        uint256 thousand = _measure("LOT-1000", 1000);
        uint256 million = _measure("LOT-MMMM", 1_000_000);
        emit log_named_uint("registerBatch 1,000 masks (warm)", thousand);
        emit log_named_uint("registerBatch 1,000,000 masks (warm)", million);
        assertEq(thousand, million, "gas differs with the number of masks");
    }

    function test_Probe() public {
        _measure("LOT-0000", 1000);
        emit log_named_uint("m1", _measure("LOT-MMMM", 1_000_000));
        emit log_named_uint("t1", _measure("LOT-1000", 1000));
        emit log_named_uint("t2", _measure("LOT-2000", 1000));
        emit log_named_uint("m2", _measure("LOT-MMM2", 1_000_000));
        emit log_named_uint("x", _measure("LOT-MMM3", 1_000));
    }

    function test_RegisterBatch_ColdThousandMasks() public {
        uint256 used = _measure("LOT-1000", 1000);
        emit log_named_uint("registerBatch 1,000 masks (cold)", used);
        assertLe(used, 150_000, "registerBatch over budget");
    }

    function test_RegisterBatch_ColdMillionMasks() public {
        uint256 used = _measure("LOT-MMMM", 1_000_000);
        emit log_named_uint("registerBatch 1,000,000 masks (cold)", used);
        assertLe(used, 150_000, "registerBatch over budget");
    }
}
