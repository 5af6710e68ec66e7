// SPDX-License-Identifier: MIT
pragma solidity ^0.8.24;

/// @title Meltblown lots and workshop cleanliness attestations
/// @notice A supplier registers a meltblown lot and transfers it to a manufacturer; batches consume
/// grams from it and can never consume more than its mass. An auditor attests a manufacturer's
/// workshop against the class-100,000 (ISO 8) limits for a validity period.
interface IMaterialRegistry {
    struct MaterialLot {
        address supplier;
        address owner;
        string code; // e.g. MB-2403-07
        string grade; // e.g. BFE99 25 g/m²
        uint64 massGrams;
        uint64 consumedGrams;
        bytes32 reportHash; // hash of the supplier's test report (document off chain)
        uint64 registeredAt;
    }

    /// @notice Cleanroom readings in fixed point: temperature in 0.1 °C, humidity in 0.1 %RH, pressure in 0.1 Pa.
    struct Attestation {
        address auditor;
        address manufacturer;
        bytes32 workshopId; // keccak256(abi.encode(manufacturer, workshopName))
        string workshopName;
        uint32 cleanClass; // 100000
        uint32 particles05PerM3; // ≥0.5 µm, limit 3,500,000
        uint32 particles5PerM3; // ≥5 µm, limit 20,000
        uint16 airborneCfuPerM3; // limit 500
        uint16 settlingCfuPerPlate; // limit 10
        int16 temperatureDeciC; // 180..280
        uint16 humidityDeciPct; // 450..650
        uint16 pressureDeciPa; // > 100
        bool staffHealthChecked;
        bool staffTrained;
        uint64 validFrom;
        uint64 validUntil;
        bytes32 reportHash;
        uint64 attestedAt;
    }

    error LotNotFound(uint256 lotId);
    error LotAlreadyRegistered(address supplier, string code);
    error LotNotOwned(uint256 lotId, address owner);
    error LotMassExceeded(uint256 lotId, uint64 requestedGrams, uint64 remainingGrams);
    error LotPartlyConsumed(uint256 lotId);
    error ZeroMass();
    error InvalidLotCode();
    error RecipientNotManufacturer(address recipient);
    error ParticleCountAboveLimit(uint32 sizeHundredthMicron, uint32 countPerM3, uint32 limit);
    error MicrobialCountAboveLimit(uint16 airborneCfuPerM3, uint16 settlingCfuPerPlate);
    error TemperatureOutOfRange(int16 temperatureDeciC);
    error HumidityOutOfRange(uint16 humidityDeciPct);
    error PressureDifferentialTooLow(uint16 pressureDeciPa);
    error StaffRecordsIncomplete();
    error UnsupportedCleanClass(uint32 cleanClass);
    error InvalidAttestationPeriod(uint64 validFrom, uint64 validUntil);
    error AttestationNotFound(uint256 attestationId);

    event LotRegistered(uint256 indexed lotId, address indexed supplier, string code, string grade, uint64 massGrams);
    event LotTransferred(uint256 indexed lotId, address indexed from, address indexed to);
    event LotConsumed(uint256 indexed lotId, bytes32 indexed batchId, uint64 grams, uint64 consumedGrams);
    event WorkshopAttested(
        uint256 indexed attestationId,
        bytes32 indexed workshopId,
        address indexed manufacturer,
        uint64 validFrom,
        uint64 validUntil
    );

    /// @notice Supplier only. Lot ids start at 1.
    function registerLot(string calldata code, string calldata grade, uint64 massGrams, bytes32 reportHash)
        external
        returns (uint256 lotId);

    /// @notice The owner hands an unconsumed lot to a manufacturer.
    function transferLot(uint256 lotId, address to) external;

    /// @notice Called by the batch registry (SYSTEM_ROLE) when `manufacturer` registers a batch.
    function consume(uint256 lotId, address manufacturer, uint64 grams, bytes32 batchId) external;

    /// @notice Auditor only. Reverts with a named error for each reading outside the limits.
    function attestWorkshop(Attestation calldata attestation) external returns (uint256 attestationId);

    function lot(uint256 lotId) external view returns (MaterialLot memory);
    function lotCount() external view returns (uint256);
    function attestation(uint256 attestationId) external view returns (Attestation memory);
    function attestationCount() external view returns (uint256);
    /// @notice The latest attestation of `workshopId` whose period covers `at`.
    function attestationCovering(bytes32 workshopId, uint64 at)
        external
        view
        returns (bool found, uint256 attestationId);
}
