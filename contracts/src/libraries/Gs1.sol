// SPDX-License-Identifier: MIT
pragma solidity ^0.8.24;

/// @title GS1 identifiers
library Gs1 {
    /// @dev A GTIN-14 is at most 14 digits; shorter GTINs (13, 12, 8) are the same number with leading zeros.
    uint64 internal constant GTIN_LIMIT = 1e14;

    /// @notice True when `gtin` has at most 14 digits, is not zero, and its last digit is the GS1 mod-10
    /// check digit of the others (weights 3, 1, 3, … from the right, excluding the check digit).
    function isValidGtin(uint64 gtin) internal pure returns (bool) {
        if (gtin == 0 || gtin >= GTIN_LIMIT) return false;
        uint256 rest = gtin / 10;
        uint256 sum;
        uint256 weight = 3;
        while (rest != 0) {
            sum += (rest % 10) * weight;
            rest /= 10;
            weight = 4 - weight; // alternates 3, 1, 3, …
        }
        return (10 - (sum % 10)) % 10 == gtin % 10;
    }
}
