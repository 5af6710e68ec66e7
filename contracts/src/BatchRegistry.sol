// SPDX-License-Identifier: MIT
pragma solidity ^0.8.24;

import {SafeCast} from "@openzeppelin/contracts/utils/math/SafeCast.sol";
import {IAccessRegistry} from "./interfaces/IAccessRegistry.sol";
import {IBatchRegistry} from "./interfaces/IBatchRegistry.sol";
import {ITestRegistry} from "./interfaces/ITestRegistry.sol";
import {AccessRegistry} from "./AccessRegistry.sol";
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
    /// @dev Checks in this order: the caller is an active manufacturer; lot; product and its manufacturer;
    /// not yet registered; dates; quantities; signer; materials count; production licence and certificate
    /// valid on the production date; the caller's own workshop attested on it. Then consumes the lots
    /// (LotNotOwned, LotMassExceeded come from the material registry) and checks the yield ceiling.
    /// Everything the access registry knows about the caller, the product and its licences comes in one call
    /// (AccessRegistry.productionTerms). The lots are consumed before the batch is stored: the material
    /// registry is this deployment's own SYSTEM_ROLE contract and calls nothing back, and consuming first
    /// lets the lot's own errors speak for any material before its id and grams are packed into storage.
    function registerBatch(BatchInput calldata input) external returns (bytes32 batchId) {
        AccessRegistry.ProductionTerms memory t =
            AccessRegistry(address(_access)).productionTerms(msg.sender, input.gtin, input.productionDate);
        if (!t.callerIsManufacturer) revert IAccessRegistry.CallerLacksRole(Roles.MANUFACTURER, msg.sender);
        if (t.callerSuspended) revert IAccessRegistry.ParticipantIsSuspended(msg.sender);
        batchId = _checkInput(input, t);
        uint256 attestationId = _checkProduction(input, t);
        _consumeMaterials(input, batchId, t.maxMasksPerKg);
        _store(batchId, input, t.category, t.productionLicenceId, attestationId);
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
        if (s.endedAt == 0 || s.startedAt < b.productionDate || s.startedAt > s.endedAt || s.endedAt > block.timestamp)
        {
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

    /// @inheritdoc IBatchRegistry
    /// @dev Three slots of the record (0, 1 and 3): a complaint filing pays for no more.
    function possessionTerms(bytes32 batchId)
        external
        view
        returns (address manufacturer, bytes32 possessionRoot, uint64 serialStart, uint32 boxes)
    {
        BatchRecord storage b = _batchOf(batchId);
        return (b.manufacturer, b.possessionRoot, b.serialStart, uint32(Yield.boxes(b.masks, b.masksPerBox)));
    }

    /// @inheritdoc IBatchRegistry
    /// @dev One slot of the record (2), where both fields live.
    function testTerms(bytes32 batchId) external view returns (uint64 productionDate, uint8 category_) {
        BatchRecord storage b = _batchOf(batchId);
        return (b.productionDate, b.category);
    }

    /// @inheritdoc IBatchRegistry
    /// @dev Slots 0 and 2 of the record and the status slot; batch() would also read the other slots and
    /// ask the material registry for the workshop, which a shipment does not need.
    function custodyTerms(bytes32 batchId)
        external
        view
        returns (address manufacturer, uint8 category_, uint32 boxes, uint64 releasedAt, uint64 recalledAt)
    {
        BatchRecord storage b = _batchOf(batchId);
        BatchStatus storage st = _status[batchId];
        return (b.manufacturer, b.category, uint32(Yield.boxes(b.masks, b.masksPerBox)), st.releasedAt, st.recalledAt);
    }

    /// @inheritdoc IBatchRegistry
    /// @dev The same slots as custodyTerms (0, 2 and the status slot), for the order book.
    function orderTerms(bytes32 batchId)
        external
        view
        returns (address manufacturer, uint8 category_, uint32 boxes, uint16 masksPerBox, uint64 recalledAt)
    {
        BatchRecord storage b = _batchOf(batchId);
        masksPerBox = b.masksPerBox;
        boxes = uint32(Yield.boxes(b.masks, masksPerBox));
        return (b.manufacturer, b.category, boxes, masksPerBox, _status[batchId].recalledAt);
    }

    // ---------------------------------------------------------------- internals

    /// @dev The checks that need nothing but the input and the product.
    function _checkInput(BatchInput calldata input, AccessRegistry.ProductionTerms memory t)
        private
        view
        returns (bytes32 batchId)
    {
        uint256 lotLength = bytes(input.lot).length;
        if (lotLength == 0 || lotLength > MAX_LOT_LENGTH) revert InvalidLot();
        if (t.manufacturer == address(0)) revert IAccessRegistry.ProductNotRegistered(input.gtin);
        if (t.manufacturer != msg.sender) revert NotProductManufacturer(input.gtin, msg.sender);
        batchId = keccak256(abi.encode(input.gtin, input.lot));
        if (_batches[batchId].manufacturer != address(0)) revert BatchAlreadyRegistered(batchId);
        if (input.productionDate > block.timestamp) revert ProductionDateInFuture(input.productionDate);
        if (input.expiryDate <= input.productionDate) {
            revert ExpiryNotAfterProduction(input.productionDate, input.expiryDate);
        }
        if (input.masks == 0 || input.masksPerBox == 0) revert ZeroQuantity();
        if (input.signer == address(0)) revert ZeroSigner();
        uint256 count = input.materials.length;
        if (count == 0) revert NoMaterials();
        if (count > MAX_MATERIALS) revert TooManyMaterials(count, MAX_MATERIALS);
    }

    /// @dev The production licence and certificate valid on the production date, and the caller's own
    /// workshop attested on it. Returns the attestation to record.
    function _checkProduction(BatchInput calldata input, AccessRegistry.ProductionTerms memory t)
        private
        returns (uint256 attestationId)
    {
        if (!t.licenceFound) revert NoValidProductionLicence(msg.sender, t.category, input.productionDate);
        if (!t.certificateValid) revert CertificateNotValidAtProduction(t.certificateId, input.productionDate);
        MaterialRegistry materials = _materialRegistry();
        bool found;
        (found, attestationId) = materials.attestationCovering(input.workshopId, input.productionDate);
        if (!found || materials.workshopManufacturer(input.workshopId) != msg.sender) {
            revert WorkshopNotAttestedAt(input.workshopId, input.productionDate);
        }
    }

    /// @dev Mass balance (enforced by the material registry, lot by lot), then the category's yield ceiling
    /// on the total.
    function _consumeMaterials(BatchInput calldata input, bytes32 batchId, uint32 ceiling) private {
        MaterialRegistry materials = _materials; // set by _checkProduction
        uint256 grams;
        uint256 count = input.materials.length;
        for (uint256 i; i < count; ++i) {
            MaterialUse calldata m = input.materials[i];
            materials.consume(m.lotId, msg.sender, m.grams, batchId);
            grams += m.grams;
        }
        if (!Yield.withinCeiling(input.masks, grams, ceiling)) {
            revert YieldAboveCeiling(Yield.masksPerKg(input.masks, grams), ceiling);
        }
    }

    /// @dev Writes the four slots of BatchRecord with one SSTORE each; a struct assignment reads and rewrites a
    /// packed slot once per field (about 1,000 gas more, which registration cannot spare under 150,000). The
    /// shifts follow Solidity's layout of BatchRecord: fields fill a slot from its lowest-order bytes in
    /// declaration order. The views read the record through the struct, and
    /// test_RegisterBatch_StoresEveryField checks that the two agree.
    function _store(
        bytes32 batchId,
        BatchInput calldata input,
        uint8 category_,
        uint256 licenceId,
        uint256 attestationId
    ) private {
        uint256 w0 = _slot0(input);
        uint256 w1 = _slot1(input, attestationId);
        uint256 w2 = _slot2(input, category_, licenceId);
        bytes32 root = input.possessionRoot;
        BatchRecord storage b = _batches[batchId];
        assembly ("memory-safe") {
            sstore(b.slot, w0)
            sstore(add(b.slot, 1), w1)
            sstore(add(b.slot, 2), w2)
            sstore(add(b.slot, 3), root)
        }
        uint256 count = input.materials.length;
        for (uint256 i = 1; i < count; ++i) {
            _moreMaterials[batchId][i] = input.materials[i];
        }
    }

    /// @dev manufacturer | gtin << 160 | masks << 208 | masksPerBox << 240 (a registered GTIN is < 10^14 < 2^48).
    function _slot0(BatchInput calldata input) private view returns (uint256) {
        return uint256(uint160(msg.sender)) | (uint256(input.gtin) << 160) | (uint256(input.masks) << 208)
            | (uint256(input.masksPerBox) << 240);
    }

    /// @dev signer | serialStart << 160 | attestationId << 224.
    function _slot1(BatchInput calldata input, uint256 attestationId) private pure returns (uint256) {
        return uint256(uint160(input.signer)) | (uint256(input.serialStart) << 160)
            | (uint256(SafeCast.toUint32(attestationId)) << 224);
    }

    /// @dev productionDate | expiryDate << 40 | registeredAt << 80 | productionLicenceId << 120 | category << 152
    /// | materialCount << 160 | firstLotId << 168 | firstGrams << 200. The production date is in the past; the
    /// first lot exists and gave these grams, so its id and the amount fit their widths.
    function _slot2(BatchInput calldata input, uint8 category_, uint256 licenceId) private view returns (uint256 w) {
        MaterialUse calldata first = input.materials[0];
        w = uint256(input.productionDate) | (uint256(SafeCast.toUint40(input.expiryDate)) << 40)
            | (block.timestamp << 80);
        w |= (uint256(SafeCast.toUint32(licenceId)) << 120) | (uint256(category_) << 152);
        w |= (input.materials.length << 160) | (uint256(SafeCast.toUint32(first.lotId)) << 168)
            | (uint256(SafeCast.toUint48(first.grams)) << 200);
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
