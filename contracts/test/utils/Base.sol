// SPDX-License-Identifier: MIT
pragma solidity ^0.8.24;

import {Strings} from "@openzeppelin/contracts/utils/Strings.sol";

/// @notice The Foundry cheatcodes these tests use (forge-std is not installable offline).
interface Vm {
    struct Log {
        bytes32[] topics;
        bytes data;
        address emitter;
    }

    function warp(uint256 newTimestamp) external;
    function roll(uint256 newHeight) external;
    function prank(address msgSender) external;
    function startPrank(address msgSender) external;
    function stopPrank() external;
    function expectRevert() external;
    function expectRevert(bytes4 revertData) external;
    function expectRevert(bytes calldata revertData) external;
    function expectEmit() external;
    function expectEmit(address emitter) external;
    function assume(bool condition) external pure;
    function addr(uint256 privateKey) external pure returns (address);
    function sign(uint256 privateKey, bytes32 digest) external pure returns (uint8 v, bytes32 r, bytes32 s);
    function label(address account, string calldata newLabel) external;
    function etch(address target, bytes calldata newRuntimeBytecode) external;
    function cool(address target) external;
    function snapshotState() external returns (uint256 snapshotId);
    function revertToState(uint256 snapshotId) external returns (bool success);
    function recordLogs() external;
    function getRecordedLogs() external returns (Log[] memory logs);
}

/// @notice A minimal test base: cheatcodes, bound(), assertions that revert with a message, and the
/// target lists Foundry's invariant runner reads.
abstract contract Base {
    struct FuzzSelector {
        address addr;
        bytes4[] selectors;
    }

    Vm internal constant vm = Vm(0x7109709ECfa91a80626fF3989D68f67F5b1DD12D);

    /// @dev Shown by forge under "Logs:" with -vv (the ds-test event forge still decodes).
    event log_named_uint(string key, uint256 val);

    address[] private _targetContracts;
    FuzzSelector[] private _targetSelectors;

    // ---------------------------------------------------------------- invariant targets

    function targetContracts() public view returns (address[] memory) {
        return _targetContracts;
    }

    function targetSelectors() public view returns (FuzzSelector[] memory) {
        return _targetSelectors;
    }

    function targetContract(address target) internal {
        _targetContracts.push(target);
    }

    function targetSelector(FuzzSelector memory selector) internal {
        _targetSelectors.push(selector);
    }

    // ---------------------------------------------------------------- helpers

    function makeAddr(string memory name) internal returns (address account) {
        account = address(uint160(uint256(keccak256(bytes(name)))));
        vm.label(account, name);
    }

    /// @dev Maps any x into [min, max], keeping x when already inside (as forge-std does).
    function bound(uint256 x, uint256 min, uint256 max) internal pure returns (uint256) {
        require(min <= max, "bound: min > max");
        if (x >= min && x <= max) return x;
        uint256 size = max - min;
        if (size == type(uint256).max) return x;
        return min + (x % (size + 1));
    }

    function bound(int256 x, int256 min, int256 max) internal pure returns (int256) {
        // Shift to unsigned, keeping the order, bound there and shift back.
        unchecked {
            uint256 shift = 1 << 255;
            uint256 r = bound(uint256(x) + shift, uint256(min) + shift, uint256(max) + shift);
            return int256(r - shift);
        }
    }

    // ---------------------------------------------------------------- assertions

    function fail(string memory message) internal pure {
        revert(message);
    }

    function assertTrue(bool condition) internal pure {
        if (!condition) fail("assertTrue failed");
    }

    function assertTrue(bool condition, string memory message) internal pure {
        if (!condition) fail(message);
    }

    function assertFalse(bool condition) internal pure {
        if (condition) fail("assertFalse failed");
    }

    function assertFalse(bool condition, string memory message) internal pure {
        if (condition) fail(message);
    }

    function assertEq(uint256 a, uint256 b) internal pure {
        if (a != b) fail(string.concat("assertEq(uint) failed: ", Strings.toString(a), " != ", Strings.toString(b)));
    }

    function assertEq(uint256 a, uint256 b, string memory message) internal pure {
        if (a != b) {
            fail(string.concat(message, ": ", Strings.toString(a), " != ", Strings.toString(b)));
        }
    }

    function assertEq(int256 a, int256 b) internal pure {
        if (a != b) {
            fail(string.concat("assertEq(int) failed: ", Strings.toStringSigned(a), " != ", Strings.toStringSigned(b)));
        }
    }

    function assertEq(address a, address b) internal pure {
        if (a != b) {
            fail(string.concat("assertEq(address) failed: ", Strings.toHexString(a), " != ", Strings.toHexString(b)));
        }
    }

    function assertEq(address a, address b, string memory message) internal pure {
        if (a != b) fail(string.concat(message, ": ", Strings.toHexString(a), " != ", Strings.toHexString(b)));
    }

    function assertEq(bytes32 a, bytes32 b) internal pure {
        if (a != b) {
            fail(
                string.concat(
                    "assertEq(bytes32) failed: ",
                    Strings.toHexString(uint256(a)),
                    " != ",
                    Strings.toHexString(uint256(b))
                )
            );
        }
    }

    function assertEq(bool a, bool b) internal pure {
        if (a != b) fail(a ? "assertEq(bool) failed: true != false" : "assertEq(bool) failed: false != true");
    }

    function assertEq(bool a, bool b, string memory message) internal pure {
        if (a != b) fail(message);
    }

    function assertEq(string memory a, string memory b) internal pure {
        if (keccak256(bytes(a)) != keccak256(bytes(b))) fail(string.concat("assertEq(string) failed: ", a, " != ", b));
    }

    function assertGt(uint256 a, uint256 b) internal pure {
        if (a <= b) fail(string.concat("assertGt failed: ", Strings.toString(a), " <= ", Strings.toString(b)));
    }

    function assertGe(uint256 a, uint256 b) internal pure {
        if (a < b) fail(string.concat("assertGe failed: ", Strings.toString(a), " < ", Strings.toString(b)));
    }

    function assertLt(uint256 a, uint256 b) internal pure {
        if (a >= b) fail(string.concat("assertLt failed: ", Strings.toString(a), " >= ", Strings.toString(b)));
    }

    function assertLe(uint256 a, uint256 b) internal pure {
        if (a > b) fail(string.concat("assertLe failed: ", Strings.toString(a), " > ", Strings.toString(b)));
    }

    function assertLe(uint256 a, uint256 b, string memory message) internal pure {
        if (a > b) fail(string.concat(message, ": ", Strings.toString(a), " > ", Strings.toString(b)));
    }
}
