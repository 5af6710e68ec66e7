// SPDX-License-Identifier: MIT
pragma solidity ^0.8.24;

import {IAccessRegistry} from "../interfaces/IAccessRegistry.sol";
import {Roles} from "../libraries/Roles.sol";

/// @title What every MedProof registry shares: the access registry and its role checks
/// @dev The access registry is fixed at construction. The other registries' addresses are only known once
/// the regulator has called `setDirectory` (it needs every address, so it comes after every deployment);
/// a registry reads the one it needs from the directory the first time and keeps it, since the directory
/// can be set only once.
abstract contract RegistryBase {
    /// @notice The directory has not been set on the access registry yet.
    error DirectoryNotSet();

    IAccessRegistry internal immutable _access;

    constructor(IAccessRegistry access_) {
        _access = access_;
    }

    /// @notice The access registry this registry asks for roles, licences and the directory.
    function accessRegistry() external view returns (IAccessRegistry) {
        return _access;
    }

    /// @dev Reverts unless the caller holds `role`, is registered and is not suspended.
    function _requireActive(bytes32 role) internal view {
        _access.requireActiveRole(role, msg.sender);
    }

    /// @dev The regulator is checked by role only: suspension is a sanction on market participants, and a
    /// regulator must stay able to act (including reinstating).
    function _requireRegulator() internal view {
        if (!_access.hasRole(Roles.REGULATOR, msg.sender)) {
            revert IAccessRegistry.CallerLacksRole(Roles.REGULATOR, msg.sender);
        }
    }

    /// @dev The directory as set by the regulator; reverts while it is not set.
    function _directory() internal view returns (IAccessRegistry.Directory memory d) {
        d = _access.directory();
        if (d.batches == address(0)) revert DirectoryNotSet();
    }
}
