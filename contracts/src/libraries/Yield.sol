// SPDX-License-Identifier: MIT
pragma solidity ^0.8.24;

/// @title Mass balance and yield arithmetic for a batch
/// @dev Pure and overflow-free for the interface's widths: masks < 2^32, grams < 2^64 each, at most a
/// few materials, ceilings < 2^32. Every quantity is widened to uint256 before multiplying.
library Yield {
    /// @notice Masks per kilogram of meltblown, rounded up so that a reported figure never hides an excess.
    function masksPerKg(uint256 masks, uint256 grams) internal pure returns (uint256) {
        if (grams == 0) return type(uint256).max;
        return (masks * 1000 + grams - 1) / grams;
    }

    /// @notice True when `masks` made from `grams` stay within `ceilingPerKg` masks per kilogram, compared
    /// exactly (masks * 1000 <= ceiling * grams) so no rounding lets a batch through.
    function withinCeiling(uint256 masks, uint256 grams, uint256 ceilingPerKg) internal pure returns (bool) {
        return masks * 1000 <= ceilingPerKg * grams;
    }

    /// @notice Boxes needed for `masks` at `masksPerBox` (the last box may be partly filled).
    function boxes(uint256 masks, uint256 masksPerBox) internal pure returns (uint256) {
        return (masks + masksPerBox - 1) / masksPerBox;
    }

    /// @notice True when a lot of `massGrams` with `consumedGrams` used can still give `requested` grams.
    function canConsume(uint256 massGrams, uint256 consumedGrams, uint256 requested) internal pure returns (bool) {
        return consumedGrams <= massGrams && requested <= massGrams - consumedGrams;
    }
}
