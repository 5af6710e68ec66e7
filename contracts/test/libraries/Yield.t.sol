// SPDX-License-Identifier: MIT
pragma solidity ^0.8.24;

import {Base} from "../utils/Base.sol";
import {Yield} from "../../src/libraries/Yield.sol";

contract YieldTest is Base {
    function test_WithinCeiling_IsExactAtTheCeiling() public pure {
        assertTrue(Yield.withinCeiling(130_000, 100_000, 1300)); // 1,300 masks/kg exactly
        assertFalse(Yield.withinCeiling(130_001, 100_000, 1300));
    }

    function test_MasksPerKg_RoundsUp() public pure {
        assertEq(Yield.masksPerKg(130_001, 100_000), 1301);
        assertEq(Yield.masksPerKg(130_000, 100_000), 1300);
        assertEq(Yield.masksPerKg(1, 1000), 1);
        assertEq(Yield.masksPerKg(1, 0), type(uint256).max);
    }

    function test_Boxes_RoundsUp() public pure {
        assertEq(Yield.boxes(1000, 50), 20);
        assertEq(Yield.boxes(1001, 50), 21);
        assertEq(Yield.boxes(1, 50), 1);
    }

    function testFuzz_WithinCeiling_IffMasksPerKgAtMostCeiling(uint32 masks, uint64 grams, uint32 ceiling) public pure {
        vm.assume(grams > 0);
        bool within = Yield.withinCeiling(masks, grams, ceiling);
        assertEq(within, uint256(masks) * 1000 <= uint256(ceiling) * grams);
        // The rounded-up figure reported on refusal never hides an excess.
        assertEq(within, Yield.masksPerKg(masks, grams) <= ceiling);
    }

    function testFuzz_CanConsume_NeverExceedsMass(uint48 mass, uint48 consumed, uint64 requested) public pure {
        consumed = uint48(bound(consumed, 0, mass));
        bool ok = Yield.canConsume(mass, consumed, requested);
        assertEq(ok, uint256(consumed) + requested <= mass);
    }

    function testFuzz_Boxes_HoldEveryMaskWithLessThanOneBoxSpare(uint32 masks, uint16 perBox) public pure {
        vm.assume(masks > 0 && perBox > 0);
        uint256 boxes = Yield.boxes(masks, perBox);
        assertGe(boxes * perBox, masks);
        assertLt((boxes - 1) * perBox, masks);
    }
}
