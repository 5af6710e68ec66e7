// SPDX-License-Identifier: MIT
pragma solidity ^0.8.24;

/// @title Price caps and inspectors' price records
/// @notice Caps per category × region × channel with an effective date and legal basis; prices are in
/// fen (0.01 yuan) per piece. A recorded price above the cap in force becomes a violation against the seller.
interface IPriceRegistry {
    enum Channel {
        ExFactory,
        Wholesale,
        Retail
    }

    struct PriceCap {
        uint8 category;
        uint32 region;
        Channel channel;
        uint64 fenPerPiece;
        uint64 effectiveFrom;
        string legalBasis; // e.g. 国市监竞争〔2020〕21号
    }

    struct PriceRecord {
        address inspector;
        address seller;
        bytes32 batchId;
        uint32 region;
        Channel channel;
        uint64 fenPerPiece;
        uint256 capId; // 0 when no cap was in force
        bool violation;
        bytes32 evidenceHash;
        uint64 observedAt;
    }

    error ZeroPrice();
    error CapNotFound(uint256 capId);
    error SellerNotRegistered(address seller);

    event PriceCapSet(
        uint256 indexed capId,
        uint8 indexed category,
        uint32 indexed region,
        Channel channel,
        uint64 fenPerPiece,
        uint64 effectiveFrom
    );
    event PriceRecorded(
        uint256 indexed recordId, address indexed seller, bytes32 indexed batchId, uint64 fenPerPiece, bool violation
    );
    event ViolationRecorded(
        uint256 indexed recordId, address indexed seller, uint64 fenPerPiece, uint64 capFenPerPiece
    );

    /// @notice Regulator only. Cap ids start at 1.
    function setPriceCap(
        uint8 category,
        uint32 region,
        Channel channel,
        uint64 fenPerPiece,
        uint64 effectiveFrom,
        string calldata legalBasis
    ) external returns (uint256 capId);

    /// @notice Inspector only. Record ids start at 1.
    function recordPrice(
        address seller,
        bytes32 batchId,
        uint32 region,
        Channel channel,
        uint64 fenPerPiece,
        bytes32 evidenceHash
    ) external returns (uint256 recordId);

    function cap(uint256 capId) external view returns (PriceCap memory);
    function capCount() external view returns (uint256);
    /// @notice The cap with the latest effectiveFrom <= `at` for the key.
    function capInForce(uint8 category, uint32 region, Channel channel, uint64 at)
        external
        view
        returns (bool found, uint256 capId);
    function capsOfCategory(uint8 category) external view returns (uint256[] memory);
    function record(uint256 recordId) external view returns (PriceRecord memory);
    function recordsOfBatch(bytes32 batchId) external view returns (uint256[] memory);
    function violationsOf(address seller) external view returns (uint256[] memory);
}
