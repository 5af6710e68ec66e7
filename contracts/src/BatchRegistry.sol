// SPDX-License-Identifier: MIT
pragma solidity ^0.8.24;

import {SafeCast} from "@openzeppelin/contracts/utils/math/SafeCast.sol";
import {IAccessRegistry} from "./interfaces/IAccessRegistry.sol";
import {IBatchRegistry} from "./interfaces/IBatchRegistry.sol";
import {IMaterialRegistry} from "./interfaces/IMaterialRegistry.sol";
import {ITestRegistry} from "./interfaces/ITestRegistry.sol";
import {MaterialRegistry} from "./MaterialRegistry.sol";
import {Roles} from "./libraries/Roles.sol";
import {Yield} from "./libraries/Yield.sol";
import {RegistryBase} from "./utils/RegistryBase.sol";

/// @title Production batches: registration, sterilisation, release, recall
/// @dev Registration writes four storage slots whatever the batch size (one material included), so it costs
/// the same for a thousand masks or a million. To fit, the record is packed: dates in 40 bits (until the
/// year 36812), the GTIN in 48 bits (GTINs are below 10^14), record ids in 32 bits, and the first
/// material's lot id and grams (a lot holds under 2^48 g) beside the dates. The batch's lot string lives
/// only in the BatchRegistered event: the id is its hash and readers already know the lot they ask about.
/// Derived fields are computed in the views: boxes from masks and masksPerBox, workshopId from the
/// attestation (every attestation of a workshop names the same workshop id).
contract BatchRegistry is RegistryBase, IBatchRegistry {
    /// @inheritdoc IBatchRegistry
    uint256 public constant MAX_MATERIALS = 8;

    /// @notice Longest batch lot accepted, in bytes (GS1 AI 10 allows 20 characters).
    uint256 public constant MAX_LOT_LENGTH = 20;

    struct BatchRecord {
        // slot 0
        address manufacturer;
        uint48 gtin;
        uint32 masks;
        uint16 masksPerBox;
        // slot 1
        address signer;
        uint64 serialStart;
        uint32 attestationId;
        // slot 2
        uint40 productionDate;
        uint40 expiryDate;
        uint40 registeredAt;
        uint32 productionLicenceId;
        uint8 category;
        uint8 materialCount;
        uint32 firstLotId;
        uint48 firstGrams;
        // slot 3
        bytes32 possessionRoot;
    }

    /// @dev What changes after registration, kept apart so registration does not pay for it.
    struct BatchStatus {
        uint64 releasedAt;
        uint64 recalledAt;
        string recallReason;
    }

    mapping(bytes32 batchId => BatchRecord) private _batches;
    mapping(bytes32 batchId => BatchStatus) private _status;
    /// @dev Materials after the first, at indices 1..materialCount-1.
    mapping(bytes32 batchId => mapping(uint256 index => MaterialUse)) private _moreMaterials;
    mapping(bytes32 batchId => Sterilisation) private _sterilisations;

    MaterialRegistry private _materials;
    ITestRegistry private _tests;

    constructor(IAccessRegistry access_) RegistryBase(access_) {}

    // ---------------------------------------------------------------- manufacturer

    /// @inheritdoc IBatchRegistry
    /// @dev Checks in this order: lot, product and its manufacturer, not yet registered, dates, quantities,
    /// signer, materials count, production licence and certificate valid on the production date, workshop
    /// attested on it by the caller's own workshop; then consumes the lots (LotNotOwned, LotMassExceeded come
    /// from the material registry) and checks the yield ceiling. The lots are consumed before the batch is
    /// stored: the material registry is this deployment's own SYSTEM_ROLE contract and calls nothing back,
    /// and consuming first lets the lot's errors speak for any material before it is packed into storage.
    function registerBatch(BatchInput calldata input) external returns (bytes32 batchId) {
        _requireActive(Roles.MANUFACTURER);
        IAccessRegistry.Product memory p;
        (batchId, p) = _checkInput(input);
        (uint256 licenceId, uint256 attestationId, MaterialRegistry materials) = _checkProduction(input, p);
        _consumeMaterials(materials, input, batchId, p.category);
        _store(batchId, input, p.category, licenceId, attestationId);
        emit BatchRegistered(
            batchId,
            input.gtin,
            msg.sender,
            input.lot,
            input.masks,
            input.serialStart,
            uint32(Yield.boxes(input.masks, input.masksPerBox))
        );
    }

    /// @inheritdoc IBatchRegistry
    /// @dev Once per batch; productionDate <= startedAt <= endedAt <= now (and endedAt > 0).
    function recordSterilisation(bytes32 batchId, Sterilisation calldata s) external {
        _requireActive(Roles.MANUFACTURER);
        BatchRecord storage b = _batchOf(batchId);
        if (b.manufacturer != msg.sender) revert NotBatchManufacturer(batchId, msg.sender);
        if (_sterilisations[batchId].endedAt != 0) revert SterilisationAlreadyRecorded(batchId);
        if (s.endedAt == 0 || s.startedAt < b.productionDate || s.startedAt > s.endedAt || s.endedAt > block.timestamp) {
            revert InvalidSterilisationPeriod(s.startedAt, s.endedAt);
        }
        _sterilisations[batchId] = s;
        emit BatchSterilised(batchId, s.sterilizer, s.method, s.startedAt, s.endedAt);
    }

    /// @inheritdoc IBatchRegistry
    /// @dev The hold is the category's minHoldDays at the time of release, counted from the sterilisation's end.
    function release(bytes32 batchId) external {
        _requireActive(Roles.MANUFACTURER);
        BatchRecord storage b = _batchOf(batchId);
        if (b.manufacturer != msg.sender) revert NotBatchManufacturer(batchId, msg.sender);
        BatchStatus storage st = _status[batchId];
        if (st.releasedAt != 0) revert BatchAlreadyReleased(batchId, st.releasedAt);
        if (st.recalledAt != 0) revert BatchIsRecalled(batchId, st.recalledAt);
        uint64 endedAt = _sterilisations[batchId].endedAt;
        if (endedAt == 0) revert NotSterilised(batchId);
        if (!_testRegistry().testsPassed(batchId)) revert TestsNotPassed(batchId);
        uint64 earliest = endedAt + uint64(_access.categoryRules(b.category).minHoldDays) * 1 days;
        if (block.timestamp < earliest) revert HoldNotElapsed(batchId, earliest);

        st.releasedAt = uint64(block.timestamp);
        emit BatchReleased(batchId, uint64(block.timestamp), (uint64(block.timestamp) - endedAt) / 1 days);
    }

    // ---------------------------------------------------------------- regulator

    /// @inheritdoc IBatchRegistry
    function recall(bytes32 batchId, string calldata reason) external {
        _requireRegulator();
        _batchOf(batchId);
        if (bytes(reason).length == 0) revert EmptyReason();
        BatchStatus storage st = _status[batchId];
        if (st.recalledAt != 0) revert BatchIsRecalled(batchId, st.recalledAt);
        st.recalledAt = uint64(block.timestamp);
        st.recallReason = reason;
        emit BatchRecalled(batchId, uint64(block.timestamp), reason);
    }

    // ---------------------------------------------------------------- views

    /// @inheritdoc IBatchRegistry
    function batchIdOf(uint64 gtin, string calldata lot) external pure returns (bytes32) {
        return keccak256(abi.encode(gtin, lot));
    }

    /// @inheritdoc IBatchRegistry
    function exists(bytes32 batchId) external view returns (bool) {
        return _batches[batchId].manufacturer != address(0);
    }

    /// @inheritdoc IBatchRegistry
    function batch(bytes32 batchId) external view returns (Batch memory r) {
        BatchRecord storage b = _batchOf(batchId);
        r.manufacturer = b.manufacturer;
        r.gtin = b.gtin;
        r.productionDate = b.productionDate;
        r.expiryDate = b.expiryDate;
        r.masks = b.masks;
        r.masksPerBox = b.masksPerBox;
        r.boxes = uint32(Yield.boxes(b.masks, b.masksPerBox));
        r.serialStart = b.serialStart;
        r.signer = b.signer;
        r.registeredAt = b.registeredAt;
        r.attestationId = b.attestationId;
        r.productionLicenceId = b.productionLicenceId;
        // A batch exists, so registerBatch has cached the material registry.
        r.workshopId = _materials.workshopOf(b.attestationId);
        r.possessionRoot = b.possessionRoot;
        BatchStatus storage st = _status[batchId];
        r.releasedAt = st.releasedAt;
        r.recalledAt = st.recalledAt;
        r.recallReason = st.recallReason;
    }

    /// @inheritdoc IBatchRegistry
    /// @dev Empty (all zero) until recorded.
    function sterilisation(bytes32 batchId) external view returns (Sterilisation memory) {
        _batchOf(batchId);
        return _sterilisations[batchId];
    }

    /// @inheritdoc IBatchRegistry
    function materialsOf(bytes32 batchId) external view returns (MaterialUse[] memory uses) {
        BatchRecord storage b = _batchOf(batchId);
        uses = new MaterialUse[](b.materialCount);
        uses[0] = MaterialUse({lotId: b.firstLotId, grams: b.firstGrams});
        for (uint256 i = 1; i < uses.length; ++i) {
            uses[i] = _moreMaterials[batchId][i];
        }
    }

    /// @inheritdoc IBatchRegistry
    function category(bytes32 batchId) external view returns (uint8) {
        return _batchOf(batchId).category;
    }

    // ---------------------------------------------------------------- internals

    /// @dev The checks that need nothing but the input and the product.
    function _checkInput(BatchInput calldata input)
        private
        view
        returns (bytes32 batchId, IAccessRegistry.Product memory p)
    {
        uint256 lotLength = bytes(input.lot).length;
        if (lotLength == 0 || lotLength > MAX_LOT_LENGTH) revert InvalidLot();
        p = _access.product(input.gtin);
        if (p.manufacturer == address(0)) revert IAccessRegistry.ProductNotRegistered(input.gtin);
        if (p.manufacturer != msg.sender) revert NotProductManufacturer(input.gtin, msg.sender);
        batchId = keccak256(abi.encode(input.gtin, input.lot));
        if (_batches[batchId].manufacturer != address(0)) revert BatchAlreadyRegistered(batchId);
        if (input.productionDate > block.timestamp) revert ProductionDateInFuture(input.productionDate);
        if (input.expiryDate <= input.productionDate) revert ExpiryNotAfterProduction(input.productionDate, input.expiryDate);
        if (input.masks == 0 || input.masksPerBox == 0) revert ZeroQuantity();
        if (input.signer == address(0)) revert ZeroSigner();
        uint256 count = input.materials.length;
        if (count == 0) revert NoMaterials();
        if (count > MAX_MATERIALS) revert TooManyMaterials(count, MAX_MATERIALS);
    }

    /// @dev Mass balance (enforced by the material registry, lot by lot), then the category's yield ceiling
    /// on the total.
    function _consumeMaterials(MaterialRegistry materials, BatchInput calldata input, bytes32 batchId, uint8 category_)
        private
    {
        uint256 grams;
        uint256 count = input.materials.length;
        for (uint256 i; i < count; ++i) {
            MaterialUse calldata m = input.materials[i];
            materials.consume(m.lotId, msg.sender, m.grams, batchId);
            grams += m.grams;
        }
        uint32 ceiling = _access.categoryRules(category_).maxMasksPerKg;
        if (!Yield.withinCeiling(input.masks, grams, ceiling)) {
            revert YieldAboveCeiling(Yield.masksPerKg(input.masks, grams), ceiling);
        }
    }

    function _store(bytes32 batchId, BatchInput calldata input, uint8 category_, uint256 licenceId, uint256 attestationId)
        private
    {
        uint256 count = input.materials.length;
        // One struct assignment, so each packed slot is written once.
        _batches[batchId] = BatchRecord({
            manufacturer: msg.sender,
            gtin: uint48(input.gtin), // a registered GTIN is below 10^14 < 2^48
            masks: input.masks,
            masksPerBox: input.masksPerBox,
            signer: input.signer,
            serialStart: input.serialStart,
            attestationId: SafeCast.toUint32(attestationId),
            productionDate: uint40(input.productionDate), // <= block.timestamp
            expiryDate: SafeCast.toUint40(input.expiryDate),
            registeredAt: uint40(block.timestamp),
            productionLicenceId: SafeCast.toUint32(licenceId),
            category: category_,
            materialCount: uint8(count), // <= MAX_MATERIALS
            // The lots exist and gave these grams, so the id and the amount fit their packed widths.
            firstLotId: SafeCast.toUint32(input.materials[0].lotId),
            firstGrams: uint48(input.materials[0].grams),
            possessionRoot: input.possessionRoot
        });
        for (uint256 i = 1; i < count; ++i) {
            _moreMaterials[batchId][i] = input.materials[i];
        }
    }

    /// @dev The production licence and certificate valid on the production date, and the caller's workshop
    /// attested on it. Returns the ids to record and the material registry to consume from.
    function _checkProduction(BatchInput calldata input, IAccessRegistry.Product memory p)
        private
        returns (uint256 licenceId, uint256 attestationId, MaterialRegistry materials)
    {
        bool found;
        (found, licenceId) = _access.findValidLicence(
            msg.sender, IAccessRegistry.LicenceKind.ProductionLicence, p.category, input.productionDate
        );
        if (!found) revert NoValidProductionLicence(msg.sender, p.category, input.productionDate);
        if (!_access.isLicenceValidAt(p.certificateId, input.productionDate)) {
            revert CertificateNotValidAtProduction(p.certificateId, input.productionDate);
        }
        materials = _materialRegistry();
        (found, attestationId) = materials.attestationCovering(input.workshopId, input.productionDate);
        if (!found) revert WorkshopNotAttestedAt(input.workshopId, input.productionDate);
        if (materials.workshopManufacturer(input.workshopId) != msg.sender) {
            revert WorkshopNotAttestedAt(input.workshopId, input.productionDate);
        }
    }

    function _batchOf(bytes32 batchId) private view returns (BatchRecord storage b) {
        b = _batches[batchId];
        if (b.manufacturer == address(0)) revert BatchNotFound(batchId);
    }

    function _materialRegistry() private returns (MaterialRegistry m) {
        m = _materials;
        if (address(m) == address(0)) {
            m = MaterialRegistry(_directory().materials);
            _materials = m;
        }
    }

    function _testRegistry() private returns (ITestRegistry t) {
        t = _tests;
        if (address(t) == address(0)) {
            t = ITestRegistry(_directory().tests);
            _tests = t;
        }
    }
}
