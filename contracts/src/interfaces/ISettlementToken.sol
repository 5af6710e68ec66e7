// SPDX-License-Identifier: MIT
pragma solidity ^0.8.24;

import {IERC20Metadata} from "@openzeppelin/contracts/token/ERC20/extensions/IERC20Metadata.sol";

/// @title The demo settlement currency of a local MedProof chain
/// @notice "MedProof Settlement Yuan" (mCNY) with 2 decimals, so one unit is one fen, the unit of every
/// price and penalty in MedProof. Only a local demo deployment uses it: the complaint registry takes any
/// ERC-20 at construction, and a real deployment would settle in a token the parties already hold.
interface ISettlementToken is IERC20Metadata {
    /// @notice Regulator only: issues demo money so parties can post bonds.
    function mint(address to, uint256 amount) external;
}
