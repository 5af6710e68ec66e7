// SPDX-License-Identifier: MIT
pragma solidity ^0.8.24;

import {Base} from "./Base.sol";

/// @notice The measuring helper of the gas suites (Gas.t.sol, ComplaintGas.t.sol).
abstract contract GasMeter is Base {
    /// @dev Execution gas of `target.call(data)` from `sender`: the target account is touched first so the
    /// figure does not include the transaction's own cold-account cost, and calldata is encoded beforehand so
    /// no memory grows inside the measurement.
    function _gas(address sender, address target, bytes memory data) internal returns (uint256 used) {
        require(target.code.length != 0);
        vm.prank(sender);
        bool ok;
        uint256 before = gasleft();
        assembly ("memory-safe") {
            ok := call(gas(), target, 0, add(data, 0x20), mload(data), 0, 0)
        }
        used = before - gasleft();
        if (!ok) {
            assembly ("memory-safe") {
                let p := mload(0x40)
                returndatacopy(p, 0, returndatasize())
                revert(p, returndatasize())
            }
        }
    }
}
