// SPDX-License-Identifier: MIT
pragma solidity ^0.8.24;

/// @title The role ids of a MedProof deployment
/// @dev keccak256 of the role's name, as OpenZeppelin AccessControl does. Kept here so the registries
/// compare against constants instead of asking the access registry for the ids on every call.
library Roles {
    bytes32 internal constant REGULATOR = keccak256("REGULATOR_ROLE");
    bytes32 internal constant SUPPLIER = keccak256("SUPPLIER_ROLE");
    bytes32 internal constant MANUFACTURER = keccak256("MANUFACTURER_ROLE");
    bytes32 internal constant AUDITOR = keccak256("AUDITOR_ROLE");
    bytes32 internal constant LAB = keccak256("LAB_ROLE");
    bytes32 internal constant DISTRIBUTOR = keccak256("DISTRIBUTOR_ROLE");
    bytes32 internal constant PHARMACY = keccak256("PHARMACY_ROLE");
    bytes32 internal constant INSPECTOR = keccak256("INSPECTOR_ROLE");
    bytes32 internal constant SYSTEM = keccak256("SYSTEM_ROLE");

    /// @notice True for the eight roles a participant can be registered with (SYSTEM is for contracts).
    function isParticipantRole(bytes32 role) internal pure returns (bool) {
        return role == REGULATOR || role == SUPPLIER || role == MANUFACTURER || role == AUDITOR || role == LAB
            || role == DISTRIBUTOR || role == PHARMACY || role == INSPECTOR;
    }
}
