// SPDX-License-Identifier: MIT
pragma solidity ^0.8.24;

import {ERC20} from "@openzeppelin/contracts/token/ERC20/ERC20.sol";
import {IERC20Metadata} from "@openzeppelin/contracts/token/ERC20/extensions/IERC20Metadata.sol";
import {IAccessRegistry} from "./interfaces/IAccessRegistry.sol";
import {ISettlementToken} from "./interfaces/ISettlementToken.sol";
import {RegistryBase} from "./utils/RegistryBase.sol";

/// @title The demo settlement currency of a local MedProof chain
/// @dev A plain OpenZeppelin ERC-20 whose only addition is the regulator's mint; the regulator is whoever
/// holds REGULATOR_ROLE in the access registry.
contract SettlementToken is ERC20, RegistryBase, ISettlementToken {
    constructor(IAccessRegistry access_) ERC20("MedProof Settlement Yuan", "mCNY") RegistryBase(access_) {}

    /// @notice 2: one unit is one fen.
    function decimals() public pure override(ERC20, IERC20Metadata) returns (uint8) {
        return 2;
    }

    /// @inheritdoc ISettlementToken
    function mint(address to, uint256 amount) external {
        _requireRegulator();
        _mint(to, amount);
    }
}
