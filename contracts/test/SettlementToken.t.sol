// SPDX-License-Identifier: MIT
pragma solidity ^0.8.24;

import {Fixture} from "./utils/Fixture.sol";
import {IAccessRegistry} from "../src/interfaces/IAccessRegistry.sol";

contract SettlementTokenTest is Fixture {
    function test_Metadata_MedProofSettlementYuanInFen() public view {
        assertEq(token.name(), "MedProof Settlement Yuan");
        assertEq(token.symbol(), "mCNY");
        assertEq(uint256(token.decimals()), 2);
        assertEq(token.totalSupply(), 0);
        assertEq(address(token.accessRegistry()), address(access));
    }

    function test_Mint_ByRegulator() public {
        vm.prank(regulator);
        token.mint(manufacturer, 5_000_000);
        assertEq(token.balanceOf(manufacturer), 5_000_000);
        assertEq(token.totalSupply(), 5_000_000);
    }

    function test_RevertWhen_CallerLacksRole_Mint() public {
        address[2] memory others = [manufacturer, stranger];
        for (uint256 i; i < others.length; ++i) {
            vm.prank(others[i]);
            vm.expectRevert(abi.encodeWithSelector(IAccessRegistry.CallerLacksRole.selector, REGULATOR_ROLE, others[i]));
            token.mint(others[i], 1);
        }
    }
}
