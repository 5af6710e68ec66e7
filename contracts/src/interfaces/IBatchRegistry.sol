// SPDX-License-Identifier: MIT
pragma solidity ^0.8.24;

/// @title Production batches: registration, sterilisation, release, recall
/// @notice A batch is (GTIN, lot), id `keccak256(abi.encode(gtin, lot))`. Registration costs O(1) gas
/// whatever the number of masks: the boxes' serials are the range [serialStart, serialStart + boxes)
/// and each printed code carries the manufacturer's signature by `signer`, checked off chain.
interface IBatchRegistry {
    struct MaterialUse {
        uint64 lotId;
        uint64 grams;
    }

    struct BatchInput {
        uint64 gtin;
        string lot;
        uint64 productionDate;
        uint64 expiryDate;
        uint32 masks;
        uint16 masksPerBox;
        uint64 serialStart;
        bytes32 workshopId;
        MaterialUse[] materials; // at most MAX_MATERIALS
        address signer; // key that signs the serials printed on the boxes
        bytes32 possessionRoot; // commitment to the secrets printed inside the boxes (see possessionTerms)
    }

    struct Sterilisation {
        string sterilizer; // e.g. 清衡灭菌技术有限公司
        string method; // e.g. EO
        uint64 startedAt;
        uint64 endedAt;
        bytes32 reportHash;
    }

    struct Batch {
        address manufacturer;
        uint64 gtin;
        uint64 productionDate;
        uint64 expiryDate;
        uint32 masks;
        uint16 masksPerBox;
        uint32 boxes;
        uint64 serialStart;
        address signer;
        uint64 registeredAt;
        uint64 attestationId;
        uint64 productionLicenceId;
        bytes32 workshopId;
        bytes32 possessionRoot;
        uint64 releasedAt; // 0 until released
        uint64 recalledAt; // 0 unless recalled
        string recallReason;
    }

    error BatchNotFound(bytes32 batchId);
    error BatchAlreadyRegistered(bytes32 batchId);
    error InvalidLot();
    error NotProductManufacturer(uint64 gtin, address caller);
    error NotBatchManufacturer(bytes32 batchId, address caller);
    error ProductionDateInFuture(uint64 productionDate);
    error ExpiryNotAfterProduction(uint64 productionDate, uint64 expiryDate);
    error ZeroQuantity();
    error NoMaterials();
    error TooManyMaterials(uint256 count, uint256 max);
    error YieldAboveCeiling(uint256 masksPerKg, uint32 ceiling);
    error ZeroSigner();
    error NoValidProductionLicence(address manufacturer, uint8 category, uint64 productionDate);
    error CertificateNotValidAtProduction(uint256 certificateId, uint64 productionDate);
    error WorkshopNotAttestedAt(bytes32 workshopId, uint64 productionDate);
    error SterilisationAlreadyRecorded(bytes32 batchId);
    error InvalidSterilisationPeriod(uint64 startedAt, uint64 endedAt);
    error NotSterilised(bytes32 batchId);
    error TestsNotPassed(bytes32 batchId);
    error HoldNotElapsed(bytes32 batchId, uint64 earliestRelease);
    error BatchAlreadyReleased(bytes32 batchId, uint64 releasedAt);
    error BatchIsRecalled(bytes32 batchId, uint64 recalledAt);
    error EmptyReason();

    event BatchRegistered(
        bytes32 indexed batchId,
        uint64 indexed gtin,
        address indexed manufacturer,
        string lot,
        uint32 masks,
        uint64 serialStart,
        uint32 boxes
    );
    event BatchSterilised(bytes32 indexed batchId, string sterilizer, string method, uint64 startedAt, uint64 endedAt);
    event BatchReleased(bytes32 indexed batchId, uint64 releasedAt, uint64 heldDays);
    event BatchRecalled(bytes32 indexed batchId, uint64 recalledAt, string reason);

    function MAX_MATERIALS() external view returns (uint256);

    /// @notice Manufacturer only. Checks the product, the production licence and registration certificate
    /// valid at the production date, the workshop attestation covering it, the lots' mass balance and the
    /// category's yield ceiling.
    function registerBatch(BatchInput calldata input) external returns (bytes32 batchId);

    function recordSterilisation(bytes32 batchId, Sterilisation calldata sterilisation) external;

    /// @notice Requires sterilisation, every required test passed, and now >= sterilisation end + minHoldDays.
    function release(bytes32 batchId) external;

    /// @notice Regulator only.
    function recall(bytes32 batchId, string calldata reason) external;

    function batchIdOf(uint64 gtin, string calldata lot) external pure returns (bytes32);
    function exists(bytes32 batchId) external view returns (bool);
    function batch(bytes32 batchId) external view returns (Batch memory);
    function sterilisation(bytes32 batchId) external view returns (Sterilisation memory);
    function materialsOf(bytes32 batchId) external view returns (MaterialUse[] memory);
    function category(bytes32 batchId) external view returns (uint8);

    /// @notice What a complaint about a box of the batch needs, in one call (BatchNotFound for an unknown
    /// batch): the manufacturer, the serial range [serialStart, serialStart + boxes), and `possessionRoot`,
    /// the root of a Merkle tree (OpenZeppelin MerkleProof, sorted pairs) whose leaves are
    /// keccak256(bytes.concat(keccak256(abi.encode(uint64 serial, address possessor)))), where possessor is the
    /// address of the box's possession key, derived from the secret printed inside it (see
    /// IComplaintRegistry.fileComplaint).
    function possessionTerms(bytes32 batchId)
        external
        view
        returns (address manufacturer, bytes32 possessionRoot, uint64 serialStart, uint32 boxes);

    /// @notice What a lab's report needs, in one call (BatchNotFound for an unknown batch): the production
    /// date, which picks the rule set in force, and the product's category.
    function testTerms(bytes32 batchId) external view returns (uint64 productionDate, uint8 category);

    /// @notice What a shipment or a sale needs, in one call (BatchNotFound for an unknown batch): who made
    /// the batch, its category and boxes, and whether it is released or recalled (0 when not).
    function custodyTerms(bytes32 batchId)
        external
        view
        returns (address manufacturer, uint8 category, uint32 boxes, uint64 releasedAt, uint64 recalledAt);

    /// @notice What a purchase order needs, in one call (BatchNotFound for an unknown batch): who made the
    /// batch, its category, its boxes and masks per box (an order is priced per mask and counted in boxes),
    /// and whether it is recalled (0 when not).
    function orderTerms(bytes32 batchId)
        external
        view
        returns (address manufacturer, uint8 category, uint32 boxes, uint16 masksPerBox, uint64 recalledAt);
}
