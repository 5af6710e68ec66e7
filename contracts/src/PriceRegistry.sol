// SPDX-License-Identifier: MIT
pragma solidity ^0.8.24;

import {SafeCast} from "@openzeppelin/contracts/utils/math/SafeCast.sol";
import {IAccessRegistry} from "./interfaces/IAccessRegistry.sol";
import {IBatchRegistry} from "./interfaces/IBatchRegistry.sol";
import {IPriceRegistry} from "./interfaces/IPriceRegistry.sol";
import {Roles} from "./libraries/Roles.sol";
import {RegistryBase} from "./utils/RegistryBase.sol";

/// @title Price caps and inspectors' price records
/// @dev Caps are append-only like rule sets: a new cap for the same key with a later effectiveFrom
/// supersedes the old one from that date, and records keep the id of the cap they were judged against.
contract PriceRegistry is RegistryBase, IPriceRegistry {
    uint8 internal constant MAX_CATEGORY = 4;

    /// @dev A price record as stored: four slots instead of the interface struct's eight.
    struct RecordStore {
        address inspector; // slot 0
        uint64 fenPerPiece;
        uint32 region;
        address seller; // slot 1
        uint40 observedAt;
        Channel channel;
        bool violation;
        uint32 capId;
        bytes32 batchId;
        bytes32 evidenceHash;
    }

    mapping(uint256 capId => PriceCap) private _caps;
    uint256 private _capCount;
    mapping(uint8 category => uint256[]) private _capsOfCategory;
    mapping(bytes32 capKey => uint256[]) private _capsOfKey;

    mapping(uint256 recordId => RecordStore) private _records;
    uint256 private _recordCount;
    mapping(bytes32 batchId => uint256[]) private _recordsOfBatch;
    mapping(address seller => uint256[]) private _violationsOf;

    IBatchRegistry private _batches;

    constructor(IAccessRegistry access_) RegistryBase(access_) {}

    /// @inheritdoc IPriceRegistry
    function setPriceCap(
        uint8 category,
        uint32 region,
        Channel channel,
        uint64 fenPerPiece,
        uint64 effectiveFrom,
        string calldata legalBasis
    ) external returns (uint256 capId) {
        _requireRegulator();
        if (category == 0 || category > MAX_CATEGORY) revert IAccessRegistry.UnknownCategory(category);
        if (fenPerPiece == 0) revert ZeroPrice();
        capId = ++_capCount;
        _caps[capId] = PriceCap({
            category: category,
            region: region,
            channel: channel,
            fenPerPiece: fenPerPiece,
            effectiveFrom: effectiveFrom,
            legalBasis: legalBasis
        });
        _capsOfCategory[category].push(capId);
        _capsOfKey[_capKey(category, region, channel)].push(capId);
        emit PriceCapSet(capId, category, region, channel, fenPerPiece, effectiveFrom);
    }

    /// @inheritdoc IPriceRegistry
    /// @dev Judged against the cap in force now for the batch's category, the observed region and the
    /// channel; with no cap in force the record is kept with capId 0 and no violation.
    function recordPrice(
        address seller,
        bytes32 batchId,
        uint32 region,
        Channel channel,
        uint64 fenPerPiece,
        bytes32 evidenceHash
    ) external returns (uint256 recordId) {
        _requireActive(Roles.INSPECTOR);
        if (fenPerPiece == 0) revert ZeroPrice();
        if (!_access.participant(seller).registered) revert SellerNotRegistered(seller);
        uint8 category = _batchRegistry().category(batchId); // BatchNotFound for an unknown batch
        (bool found, uint256 capId) = capInForce(category, region, channel, uint64(block.timestamp));
        uint64 capFen = found ? _caps[capId].fenPerPiece : 0;
        bool violation = found && fenPerPiece > capFen;

        recordId = ++_recordCount;
        _records[recordId] = RecordStore({
            inspector: msg.sender,
            fenPerPiece: fenPerPiece,
            region: region,
            seller: seller,
            observedAt: uint40(block.timestamp),
            channel: channel,
            violation: violation,
            capId: SafeCast.toUint32(capId),
            batchId: batchId,
            evidenceHash: evidenceHash
        });
        _recordsOfBatch[batchId].push(recordId);
        emit PriceRecorded(recordId, seller, batchId, fenPerPiece, violation);
        if (violation) {
            _violationsOf[seller].push(recordId);
            emit ViolationRecorded(recordId, seller, fenPerPiece, capFen);
        }
    }

    // ---------------------------------------------------------------- views

    /// @inheritdoc IPriceRegistry
    function cap(uint256 capId) external view returns (PriceCap memory) {
        if (capId == 0 || capId > _capCount) revert CapNotFound(capId);
        return _caps[capId];
    }

    /// @inheritdoc IPriceRegistry
    function capCount() external view returns (uint256) {
        return _capCount;
    }

    /// @inheritdoc IPriceRegistry
    /// @dev Between caps with the same effectiveFrom, the one set last wins (a correction).
    function capInForce(uint8 category, uint32 region, Channel channel, uint64 at)
        public
        view
        returns (bool found, uint256 capId)
    {
        uint256[] storage ids = _capsOfKey[_capKey(category, region, channel)];
        uint64 best;
        for (uint256 i; i < ids.length; ++i) {
            uint64 from = _caps[ids[i]].effectiveFrom;
            if (from <= at && (!found || from >= best)) {
                (found, capId, best) = (true, ids[i], from);
            }
        }
    }

    /// @inheritdoc IPriceRegistry
    function capsOfCategory(uint8 category) external view returns (uint256[] memory) {
        return _capsOfCategory[category];
    }

    /// @inheritdoc IPriceRegistry
    /// @dev An unknown id gives an empty record (inspector zero).
    function record(uint256 recordId) external view returns (PriceRecord memory r) {
        RecordStore storage s = _records[recordId];
        r.inspector = s.inspector;
        r.seller = s.seller;
        r.batchId = s.batchId;
        r.region = s.region;
        r.channel = s.channel;
        r.fenPerPiece = s.fenPerPiece;
        r.capId = s.capId;
        r.violation = s.violation;
        r.evidenceHash = s.evidenceHash;
        r.observedAt = s.observedAt;
    }

    /// @notice Number of price records; ids run from 1 to this.
    function recordCount() external view returns (uint256) {
        return _recordCount;
    }

    /// @inheritdoc IPriceRegistry
    function recordsOfBatch(bytes32 batchId) external view returns (uint256[] memory) {
        return _recordsOfBatch[batchId];
    }

    /// @inheritdoc IPriceRegistry
    function violationsOf(address seller) external view returns (uint256[] memory) {
        return _violationsOf[seller];
    }

    // ---------------------------------------------------------------- internals

    function _capKey(uint8 category, uint32 region, Channel channel) private pure returns (bytes32) {
        return keccak256(abi.encode(category, region, channel));
    }

    function _batchRegistry() private returns (IBatchRegistry b) {
        b = _batches;
        if (address(b) == address(0)) {
            b = IBatchRegistry(_directory().batches);
            _batches = b;
        }
    }
}
