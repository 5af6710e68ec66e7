// SPDX-License-Identifier: MIT
pragma solidity ^0.8.24;

import {SafeCast} from "@openzeppelin/contracts/utils/math/SafeCast.sol";
import {IAccessRegistry} from "./interfaces/IAccessRegistry.sol";
import {IMaterialRegistry} from "./interfaces/IMaterialRegistry.sol";
import {Roles} from "./libraries/Roles.sol";
import {Yield} from "./libraries/Yield.sol";
import {RegistryBase} from "./utils/RegistryBase.sol";

/// @title Meltblown lots and workshop cleanliness attestations
/// @dev Lot masses are kept in 48 bits (up to 2.8e14 g, 281 kilotonnes), so the owner and the mass balance
/// of a lot share one storage slot and a batch's consumption reads and writes that slot only.
contract MaterialRegistry is RegistryBase, IMaterialRegistry {
    /// @notice Longest lot code accepted, in bytes.
    uint256 public constant MAX_LOT_CODE_LENGTH = 32;

    // Class 100,000 (ISO 8) limits of YY 0033 / GB 50457, in the Attestation's fixed-point units.
    uint32 internal constant CLEAN_CLASS = 100_000;
    uint32 internal constant PARTICLES_05_LIMIT = 3_500_000;
    uint32 internal constant PARTICLES_5_LIMIT = 20_000;
    uint16 internal constant AIRBORNE_CFU_LIMIT = 500;
    uint16 internal constant SETTLING_CFU_LIMIT = 10;
    int16 internal constant MIN_TEMPERATURE = 180;
    int16 internal constant MAX_TEMPERATURE = 280;
    uint16 internal constant MIN_HUMIDITY = 450;
    uint16 internal constant MAX_HUMIDITY = 650;
    uint16 internal constant MIN_PRESSURE_EXCLUSIVE = 100;

    struct LotRecord {
        address owner; // slot 0: everything consume() needs
        uint48 massGrams;
        uint48 consumedGrams;
        address supplier; // slot 1
        uint64 registeredAt;
        bytes32 reportHash;
        string code;
        string grade;
    }

    struct AttestationRecord {
        address auditor;
        uint64 attestedAt;
        address manufacturer;
        uint64 validFrom;
        bytes32 workshopId;
        uint32 cleanClass; // readings and validUntil share one slot
        uint32 particles05PerM3;
        uint32 particles5PerM3;
        uint16 airborneCfuPerM3;
        uint16 settlingCfuPerPlate;
        int16 temperatureDeciC;
        uint16 humidityDeciPct;
        uint16 pressureDeciPa;
        bool staffHealthChecked;
        bool staffTrained;
        uint64 validUntil;
        bytes32 reportHash;
        string workshopName;
    }

    mapping(uint256 lotId => LotRecord) private _lots;
    uint256 private _lotCount;
    mapping(bytes32 supplierAndCode => uint256 lotId) private _lotIdOf;

    mapping(uint256 attestationId => AttestationRecord) private _attestations;
    uint256 private _attestationCount;

    /// @dev A workshop's manufacturer and its attestations' periods, one word each
    /// (id << 128 | validFrom << 64 | validUntil): finding the attestation covering a date reads the header
    /// slot and one slot per attestation looked at, newest first.
    struct Workshop {
        address manufacturer;
        uint64 count;
        mapping(uint256 index => uint256) periods;
    }

    mapping(bytes32 workshopId => Workshop) private _workshops;

    constructor(IAccessRegistry access_) RegistryBase(access_) {}

    // ---------------------------------------------------------------- lots

    /// @inheritdoc IMaterialRegistry
    /// @dev The code identifies the lot for its supplier (1 to MAX_LOT_CODE_LENGTH bytes, unique per supplier).
    function registerLot(string calldata code, string calldata grade, uint64 massGrams, bytes32 reportHash)
        external
        returns (uint256 lotId)
    {
        _requireActive(Roles.SUPPLIER);
        if (bytes(code).length == 0 || bytes(code).length > MAX_LOT_CODE_LENGTH) revert InvalidLotCode();
        if (massGrams == 0) revert ZeroMass();
        bytes32 key = keccak256(abi.encode(msg.sender, code));
        if (_lotIdOf[key] != 0) revert LotAlreadyRegistered(msg.sender, code);

        lotId = ++_lotCount;
        _lotIdOf[key] = lotId;
        LotRecord storage record = _lots[lotId];
        record.owner = msg.sender;
        record.massGrams = SafeCast.toUint48(massGrams);
        record.supplier = msg.sender;
        record.registeredAt = uint64(block.timestamp);
        record.reportHash = reportHash;
        record.code = code;
        record.grade = grade;
        emit LotRegistered(lotId, msg.sender, code, grade, massGrams);
    }

    /// @inheritdoc IMaterialRegistry
    /// @dev Only whole lots change hands: once a batch has used part of a lot, the mass balance stays with
    /// the manufacturer that used it.
    function transferLot(uint256 lotId, address to) external {
        LotRecord storage record = _lot(lotId);
        if (record.owner != msg.sender) revert LotNotOwned(lotId, msg.sender);
        if (!_access.isActive(msg.sender)) revert IAccessRegistry.ParticipantIsSuspended(msg.sender);
        if (record.consumedGrams != 0) revert LotPartlyConsumed(lotId);
        if (!_access.hasRole(Roles.MANUFACTURER, to) || !_access.isActive(to)) revert RecipientNotManufacturer(to);
        record.owner = to;
        emit LotTransferred(lotId, msg.sender, to);
    }

    /// @inheritdoc IMaterialRegistry
    /// @dev Trusts the batch registry to have checked that `manufacturer` is its caller.
    function consume(uint256 lotId, address manufacturer, uint64 grams, bytes32 batchId) external {
        if (!_access.hasRole(Roles.SYSTEM, msg.sender)) {
            revert IAccessRegistry.CallerLacksRole(Roles.SYSTEM, msg.sender);
        }
        LotRecord storage record = _lot(lotId);
        if (record.owner != manufacturer) revert LotNotOwned(lotId, manufacturer);
        if (grams == 0) revert ZeroMass();
        uint48 consumed = record.consumedGrams;
        uint48 mass = record.massGrams;
        if (!Yield.canConsume(mass, consumed, grams)) revert LotMassExceeded(lotId, grams, mass - consumed);
        // grams <= mass - consumed < 2^48, so the sum fits.
        uint48 consumedAfter = consumed + uint48(grams);
        record.consumedGrams = consumedAfter;
        emit LotConsumed(lotId, batchId, grams, consumedAfter);
    }

    // ---------------------------------------------------------------- attestations

    /// @inheritdoc IMaterialRegistry
    /// @dev workshopId, auditor and attestedAt are set here (the input's values are ignored). Only class
    /// 100,000 is accepted: it is the class mask production requires, and a cleaner room is attested
    /// against it. The manufacturer must be registered with MANUFACTURER_ROLE (else RecipientNotManufacturer).
    function attestWorkshop(Attestation calldata a) external returns (uint256 attestationId) {
        _requireActive(Roles.AUDITOR);
        if (!_access.hasRole(Roles.MANUFACTURER, a.manufacturer) || !_access.participant(a.manufacturer).registered) {
            revert RecipientNotManufacturer(a.manufacturer);
        }
        if (bytes(a.workshopName).length == 0) revert IAccessRegistry.InvalidName();
        _checkReadings(a);
        if (a.validFrom >= a.validUntil) revert InvalidAttestationPeriod(a.validFrom, a.validUntil);

        bytes32 workshopId = keccak256(abi.encode(a.manufacturer, a.workshopName));
        attestationId = ++_attestationCount;
        AttestationRecord storage r = _attestations[attestationId];
        r.auditor = msg.sender;
        r.attestedAt = uint64(block.timestamp);
        r.manufacturer = a.manufacturer;
        r.validFrom = a.validFrom;
        r.workshopId = workshopId;
        r.cleanClass = a.cleanClass;
        r.particles05PerM3 = a.particles05PerM3;
        r.particles5PerM3 = a.particles5PerM3;
        r.airborneCfuPerM3 = a.airborneCfuPerM3;
        r.settlingCfuPerPlate = a.settlingCfuPerPlate;
        r.temperatureDeciC = a.temperatureDeciC;
        r.humidityDeciPct = a.humidityDeciPct;
        r.pressureDeciPa = a.pressureDeciPa;
        r.staffHealthChecked = a.staffHealthChecked;
        r.staffTrained = a.staffTrained;
        r.validUntil = a.validUntil;
        r.reportHash = a.reportHash;
        r.workshopName = a.workshopName;
        Workshop storage w = _workshops[workshopId];
        uint64 n = w.count;
        if (n == 0) w.manufacturer = a.manufacturer; // the id hashes the manufacturer, so it never changes
        w.periods[n] = (attestationId << 128) | (uint256(a.validFrom) << 64) | a.validUntil;
        w.count = n + 1;
        emit WorkshopAttested(attestationId, workshopId, a.manufacturer, a.validFrom, a.validUntil);
    }

    // ---------------------------------------------------------------- views

    /// @inheritdoc IMaterialRegistry
    function lot(uint256 lotId) external view returns (MaterialLot memory) {
        LotRecord storage record = _lot(lotId);
        return MaterialLot({
            supplier: record.supplier,
            owner: record.owner,
            code: record.code,
            grade: record.grade,
            massGrams: record.massGrams,
            consumedGrams: record.consumedGrams,
            reportHash: record.reportHash,
            registeredAt: record.registeredAt
        });
    }

    /// @inheritdoc IMaterialRegistry
    function lotCount() external view returns (uint256) {
        return _lotCount;
    }

    /// @inheritdoc IMaterialRegistry
    function attestation(uint256 attestationId) external view returns (Attestation memory a) {
        AttestationRecord storage r = _attestation(attestationId);
        a.auditor = r.auditor;
        a.manufacturer = r.manufacturer;
        a.workshopId = r.workshopId;
        a.workshopName = r.workshopName;
        a.cleanClass = r.cleanClass;
        a.particles05PerM3 = r.particles05PerM3;
        a.particles5PerM3 = r.particles5PerM3;
        a.airborneCfuPerM3 = r.airborneCfuPerM3;
        a.settlingCfuPerPlate = r.settlingCfuPerPlate;
        a.temperatureDeciC = r.temperatureDeciC;
        a.humidityDeciPct = r.humidityDeciPct;
        a.pressureDeciPa = r.pressureDeciPa;
        a.staffHealthChecked = r.staffHealthChecked;
        a.staffTrained = r.staffTrained;
        a.validFrom = r.validFrom;
        a.validUntil = r.validUntil;
        a.reportHash = r.reportHash;
        a.attestedAt = r.attestedAt;
    }

    /// @inheritdoc IMaterialRegistry
    function attestationCount() external view returns (uint256) {
        return _attestationCount;
    }

    /// @inheritdoc IMaterialRegistry
    function attestationCovering(bytes32 workshopId, uint64 at)
        external
        view
        returns (bool found, uint256 attestationId)
    {
        Workshop storage w = _workshops[workshopId];
        for (uint256 i = w.count; i != 0; --i) {
            uint256 entry = w.periods[i - 1];
            if (uint64(entry >> 64) <= at && at <= uint64(entry)) return (true, entry >> 128);
        }
        return (false, 0);
    }

    /// @notice The manufacturer running `workshopId`, zero when it has never been attested.
    /// @dev Added to the interface's views: the batch registry checks a workshop is the caller's with one
    /// storage read (already warm after attestationCovering) instead of copying a whole attestation.
    function workshopManufacturer(bytes32 workshopId) external view returns (address) {
        return _workshops[workshopId].manufacturer;
    }

    /// @notice The workshop an attestation is about.
    /// @dev Added to the interface's views so a batch, which records its attestation, can show its workshop
    /// id for one storage read.
    function workshopOf(uint256 attestationId) external view returns (bytes32 workshopId) {
        return _attestation(attestationId).workshopId;
    }

    // ---------------------------------------------------------------- internals

    function _checkReadings(Attestation calldata a) private pure {
        if (a.cleanClass != CLEAN_CLASS) revert UnsupportedCleanClass(a.cleanClass);
        if (a.particles05PerM3 > PARTICLES_05_LIMIT) {
            revert ParticleCountAboveLimit(50, a.particles05PerM3, PARTICLES_05_LIMIT);
        }
        if (a.particles5PerM3 > PARTICLES_5_LIMIT) {
            revert ParticleCountAboveLimit(500, a.particles5PerM3, PARTICLES_5_LIMIT);
        }
        if (a.airborneCfuPerM3 > AIRBORNE_CFU_LIMIT || a.settlingCfuPerPlate > SETTLING_CFU_LIMIT) {
            revert MicrobialCountAboveLimit(a.airborneCfuPerM3, a.settlingCfuPerPlate);
        }
        if (a.temperatureDeciC < MIN_TEMPERATURE || a.temperatureDeciC > MAX_TEMPERATURE) {
            revert TemperatureOutOfRange(a.temperatureDeciC);
        }
        if (a.humidityDeciPct < MIN_HUMIDITY || a.humidityDeciPct > MAX_HUMIDITY) {
            revert HumidityOutOfRange(a.humidityDeciPct);
        }
        if (a.pressureDeciPa <= MIN_PRESSURE_EXCLUSIVE) revert PressureDifferentialTooLow(a.pressureDeciPa);
        if (!a.staffHealthChecked || !a.staffTrained) revert StaffRecordsIncomplete();
    }

    function _lot(uint256 lotId) private view returns (LotRecord storage record) {
        record = _lots[lotId];
        if (record.owner == address(0)) revert LotNotFound(lotId);
    }

    function _attestation(uint256 attestationId) private view returns (AttestationRecord storage r) {
        r = _attestations[attestationId];
        // workshopId is a hash, never zero once attested; it is the field workshopOf reads anyway.
        if (r.workshopId == bytes32(0)) revert AttestationNotFound(attestationId);
    }
}
