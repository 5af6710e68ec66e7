// SPDX-License-Identifier: MIT
pragma solidity ^0.8.24;

import {IAccessRegistry} from "./interfaces/IAccessRegistry.sol";
import {IBatchRegistry} from "./interfaces/IBatchRegistry.sol";
import {ICustodyRegistry} from "./interfaces/ICustodyRegistry.sol";
import {Roles} from "./libraries/Roles.sol";
import {RegistryBase} from "./utils/RegistryBase.sol";

/// @title Custody of boxes between licensed parties, receipts, and decommissioning at sale
/// @notice Conservation: once a batch is opened, its boxes are always the sum of the holders' balances, the
/// boxes in pending shipments and the serials decommissioned.
/// @dev The manufacturer's opening balance (all the batch's boxes) is written on its first shipment, so
/// release costs nothing here; until then the views show it as the manufacturer's holding. A distribution
/// filing counts when it covers the batch's category and is valid now.
contract CustodyRegistry is RegistryBase, ICustodyRegistry {
    struct ShipmentRecord {
        address from; // slot 0
        uint32 boxes;
        uint64 shippedAt;
        address to; // slot 1
        uint64 settledAt;
        ShipmentStatus status;
        bytes32 batchId;
        string note;
    }

    /// @dev A holder's boxes of one batch, and whether it is already in the batch's holder list.
    struct Account {
        uint32 balance;
        bool listed;
    }

    mapping(uint256 shipmentId => ShipmentRecord) private _shipments;
    uint256 private _shipmentCount;
    /// @dev 64-bit ids pack four to a slot.
    mapping(bytes32 batchId => uint64[]) private _shipmentIdsOf;
    mapping(bytes32 batchId => mapping(address holder => Account)) private _accounts;
    mapping(bytes32 batchId => address[]) private _holders;
    mapping(bytes32 batchId => bool) private _opened;
    mapping(bytes32 batchId => mapping(uint64 serial => Sale)) private _sales;

    IBatchRegistry private _batches;

    constructor(IAccessRegistry access_) RegistryBase(access_) {}

    /// @inheritdoc ICustodyRegistry
    /// @dev The sender is the batch's manufacturer (active) or an active distributor or pharmacy with a
    /// filing; the recipient an active distributor or pharmacy with a filing.
    function ship(bytes32 batchId, address to, uint32 boxes) external returns (uint256 shipmentId) {
        IBatchRegistry batches = _batchRegistry();
        IBatchRegistry.Batch memory b = batches.batch(batchId);
        if (b.releasedAt == 0) revert BatchNotReleased(batchId);
        if (b.recalledAt != 0) revert BatchIsRecalled(batchId);
        if (boxes == 0) revert ZeroBoxes();
        if (to == msg.sender) revert SelfShipment();
        uint8 category_ = batches.category(batchId);
        _checkSender(b.manufacturer, category_);
        _checkRecipient(to, category_);

        Account storage sender = _accounts[batchId][msg.sender];
        if (msg.sender == b.manufacturer && !_opened[batchId]) {
            _opened[batchId] = true;
            sender.balance = b.boxes;
            _list(batchId, msg.sender, sender);
        }
        uint32 available = sender.balance;
        if (available < boxes) revert InsufficientCustody(batchId, msg.sender, available, boxes);
        sender.balance = available - boxes;

        shipmentId = ++_shipmentCount;
        ShipmentRecord storage s = _shipments[shipmentId];
        s.from = msg.sender;
        s.boxes = boxes;
        s.shippedAt = uint64(block.timestamp);
        s.to = to;
        s.batchId = batchId;
        _shipmentIdsOf[batchId].push(uint64(shipmentId));
        emit Shipped(shipmentId, batchId, msg.sender, to, boxes);
    }

    /// @inheritdoc ICustodyRegistry
    function acceptShipment(uint256 shipmentId) external {
        ShipmentRecord storage s = _pendingShipmentTo(shipmentId);
        s.status = ShipmentStatus.Accepted;
        s.settledAt = uint64(block.timestamp);
        bytes32 batchId = s.batchId;
        uint32 boxes = s.boxes;
        _credit(batchId, msg.sender, boxes);
        emit ReceiptAccepted(shipmentId, batchId, msg.sender, boxes);
    }

    /// @inheritdoc ICustodyRegistry
    /// @dev The boxes go back to the sender's balance.
    function rejectShipment(uint256 shipmentId, string calldata reason) external {
        ShipmentRecord storage s = _pendingShipmentTo(shipmentId);
        s.status = ShipmentStatus.Rejected;
        s.settledAt = uint64(block.timestamp);
        s.note = reason;
        bytes32 batchId = s.batchId;
        _credit(batchId, s.from, s.boxes);
        emit ReceiptRejected(shipmentId, batchId, msg.sender, reason);
    }

    /// @inheritdoc ICustodyRegistry
    /// @dev A recalled batch cannot be sold, so its serials are not decommissioned (BatchIsRecalled).
    function decommission(bytes32 batchId, uint64 serial) external {
        _requireActive(Roles.PHARMACY);
        IBatchRegistry batches = _batchRegistry();
        IBatchRegistry.Batch memory b = batches.batch(batchId);
        if (b.recalledAt != 0) revert BatchIsRecalled(batchId);
        if (!_hasFiling(msg.sender, batches.category(batchId))) revert SenderNotLicensed(msg.sender);
        if (serial < b.serialStart || serial - b.serialStart >= b.boxes) revert SerialNotInBatch(batchId, serial);
        Sale storage sold = _sales[batchId][serial];
        if (sold.seller != address(0)) revert AlreadyDecommissioned(batchId, serial, sold.seller, sold.soldAt);
        Account storage a = _accounts[batchId][msg.sender];
        if (a.balance == 0) revert InsufficientCustody(batchId, msg.sender, 0, 1);

        a.balance -= 1;
        sold.seller = msg.sender;
        sold.soldAt = uint64(block.timestamp);
        emit Decommissioned(batchId, serial, msg.sender, uint64(block.timestamp));
    }

    // ---------------------------------------------------------------- views

    /// @inheritdoc ICustodyRegistry
    function shipment(uint256 shipmentId) external view returns (Shipment memory) {
        return _toShipment(_shipment(shipmentId));
    }

    /// @inheritdoc ICustodyRegistry
    function shipmentsOf(bytes32 batchId) external view returns (Shipment[] memory list) {
        uint64[] storage ids = _shipmentIdsOf[batchId];
        list = new Shipment[](ids.length);
        for (uint256 i; i < ids.length; ++i) {
            list[i] = _toShipment(_shipments[ids[i]]);
        }
    }

    /// @inheritdoc ICustodyRegistry
    /// @dev Holders with at least one box, in the order they first received the batch. Before the first
    /// shipment of a released batch, the manufacturer holding every box.
    function holdings(bytes32 batchId) external view returns (Holding[] memory list) {
        if (!_opened[batchId]) {
            (bool released, address manufacturer, uint32 boxes) = _unopened(batchId);
            if (!released) return new Holding[](0);
            list = new Holding[](1);
            list[0] = Holding({holder: manufacturer, boxes: boxes});
            return list;
        }
        address[] storage holders = _holders[batchId];
        list = new Holding[](holders.length);
        uint256 n;
        for (uint256 i; i < holders.length; ++i) {
            uint32 balance = _accounts[batchId][holders[i]].balance;
            if (balance != 0) list[n++] = Holding({holder: holders[i], boxes: balance});
        }
        assembly ("memory-safe") {
            mstore(list, n) // drop the unused tail
        }
    }

    /// @inheritdoc ICustodyRegistry
    function balanceOf(bytes32 batchId, address holder) external view returns (uint32) {
        if (!_opened[batchId]) {
            (bool released, address manufacturer, uint32 boxes) = _unopened(batchId);
            return released && holder == manufacturer ? boxes : 0;
        }
        return _accounts[batchId][holder].balance;
    }

    /// @inheritdoc ICustodyRegistry
    /// @dev Empty (seller zero) when the serial has not been sold.
    function sale(bytes32 batchId, uint64 serial) external view returns (Sale memory) {
        return _sales[batchId][serial];
    }

    /// @notice True once the manufacturer's opening balance has been written (its first shipment).
    function isOpened(bytes32 batchId) external view returns (bool) {
        return _opened[batchId];
    }

    /// @notice Number of shipments ever made; ids run from 1 to this.
    function shipmentCount() external view returns (uint256) {
        return _shipmentCount;
    }

    // ---------------------------------------------------------------- internals

    function _checkSender(address manufacturer, uint8 category_) private view {
        if (msg.sender == manufacturer) {
            _access.requireActiveRole(Roles.MANUFACTURER, msg.sender);
            return;
        }
        bytes32 role = _access.hasRole(Roles.DISTRIBUTOR, msg.sender) ? Roles.DISTRIBUTOR : Roles.PHARMACY;
        _access.requireActiveRole(role, msg.sender);
        if (!_hasFiling(msg.sender, category_)) revert SenderNotLicensed(msg.sender);
    }

    function _checkRecipient(address to, uint8 category_) private view {
        if (
            !(_access.hasRole(Roles.DISTRIBUTOR, to) || _access.hasRole(Roles.PHARMACY, to)) || !_access.isActive(to)
                || !_hasFiling(to, category_)
        ) revert RecipientNotLicensed(to);
    }

    function _hasFiling(address account, uint8 category_) private view returns (bool found) {
        (found,) = _access.findValidLicence(
            account, IAccessRegistry.LicenceKind.DistributionFiling, category_, uint64(block.timestamp)
        );
    }

    function _pendingShipmentTo(uint256 shipmentId) private view returns (ShipmentRecord storage s) {
        s = _shipment(shipmentId);
        if (s.to != msg.sender) revert NotShipmentRecipient(shipmentId, msg.sender);
        if (s.status != ShipmentStatus.Pending) revert ShipmentNotPending(shipmentId);
        if (!_access.isActive(msg.sender)) revert IAccessRegistry.ParticipantIsSuspended(msg.sender);
    }

    function _credit(bytes32 batchId, address holder, uint32 boxes) private {
        Account storage a = _accounts[batchId][holder];
        // Cannot overflow: a batch's boxes fit in 32 bits and are conserved.
        a.balance += boxes;
        if (!a.listed) _list(batchId, holder, a);
    }

    function _list(bytes32 batchId, address holder, Account storage a) private {
        a.listed = true;
        _holders[batchId].push(holder);
    }

    function _shipment(uint256 shipmentId) private view returns (ShipmentRecord storage s) {
        s = _shipments[shipmentId];
        if (s.from == address(0)) revert ShipmentNotFound(shipmentId);
    }

    function _toShipment(ShipmentRecord storage s) private view returns (Shipment memory) {
        return Shipment({
            batchId: s.batchId,
            from: s.from,
            to: s.to,
            boxes: s.boxes,
            shippedAt: s.shippedAt,
            settledAt: s.settledAt,
            status: s.status,
            note: s.note
        });
    }

    /// @dev For the views of a batch not shipped yet: whether it is released, and its manufacturer and boxes.
    function _unopened(bytes32 batchId) private view returns (bool released, address manufacturer, uint32 boxes) {
        IBatchRegistry batches = _batches;
        if (address(batches) == address(0)) {
            batches = IBatchRegistry(_access.directory().batches);
            if (address(batches) == address(0)) return (false, address(0), 0);
        }
        if (!batches.exists(batchId)) return (false, address(0), 0);
        IBatchRegistry.Batch memory b = batches.batch(batchId);
        return (b.releasedAt != 0, b.manufacturer, b.boxes);
    }

    function _batchRegistry() private returns (IBatchRegistry b) {
        b = _batches;
        if (address(b) == address(0)) {
            b = IBatchRegistry(_directory().batches);
            _batches = b;
        }
    }
}
