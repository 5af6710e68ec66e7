// SPDX-License-Identifier: MIT
pragma solidity ^0.8.24;

import {IAccessRegistry} from "./interfaces/IAccessRegistry.sol";
import {IBatchRegistry} from "./interfaces/IBatchRegistry.sol";
import {ICustodyRegistry} from "./interfaces/ICustodyRegistry.sol";
import {IOrderBook} from "./interfaces/IOrderBook.sol";
import {AccessRegistry} from "./AccessRegistry.sol";
import {Roles} from "./libraries/Roles.sol";
import {RegistryBase} from "./utils/RegistryBase.sol";

/// @title Custody of boxes between licensed parties, receipts, and decommissioning at sale
/// @notice Conservation: once a batch is opened, its boxes are always the sum of the holders' balances, the
/// boxes in pending shipments and the serials decommissioned.
/// @dev The manufacturer's opening balance (all the batch's boxes) is written on its first shipment, so
/// release costs nothing here; until then the views show it as the manufacturer's holding. A distribution
/// filing counts when it covers the batch's category and is valid now.
/// A shipment writes two new slots: the record names its batch by a number this registry gives the batch
/// when it opens (32 bits instead of the 256-bit id), and a batch's first five shipment ids share its head
/// slot with that number and the counts. Its checks take one call to the batch registry (custodyTerms) and
/// one to the access registry (shipmentTerms).
contract CustodyRegistry is RegistryBase, ICustodyRegistry {
    /// @dev Slot 0: from | boxes << 160 | shippedAt << 192 (40 bits). Slot 1: to | settledAt << 160 (40 bits) |
    /// status << 200 | batchNumber << 208 (32 bits). ship writes both words whole (see _storeShipment).
    struct ShipmentRecord {
        address from;
        uint32 boxes;
        uint40 shippedAt;
        address to;
        uint40 settledAt;
        ShipmentStatus status;
        uint32 batchNumber;
        string note;
    }

    /// @dev A holder's boxes of one batch, and whether it is already in the batch's holder list.
    struct Account {
        uint32 balance;
        bool listed;
    }

    /// @dev The cached batch registry and the two counters every shipment or opening reads, in one slot.
    struct Counters {
        IBatchRegistry batches;
        uint32 shipmentCount;
        uint32 batchCount;
    }

    /// @dev A batch's head: number (32 bits; 0 until the batch is opened) | shipment count << 32 | count of
    /// listed holders other than the manufacturer << 64 | its first five shipment ids, 32 bits each, from bit
    /// 96. Ids 6 on are in _moreShipmentIds, eight to a word.
    uint256 private constant FIRST_IDS = 5;
    uint256 private constant IDS_SHIFT = 96;
    uint256 private constant IDS_PER_WORD = 8;

    mapping(uint256 shipmentId => ShipmentRecord) private _shipments;
    Counters private _counters;
    mapping(bytes32 batchId => uint256) private _heads;
    mapping(bytes32 batchId => mapping(uint256 word => uint256)) private _moreShipmentIds;
    mapping(uint256 batchNumber => bytes32) private _batchIdOf;
    mapping(bytes32 batchId => mapping(address holder => Account)) private _accounts;
    /// @dev Holders other than the manufacturer, which the views put first (it is the first holder of every
    /// batch), in the order they first received the batch.
    mapping(bytes32 batchId => mapping(uint256 index => address)) private _holders;
    mapping(bytes32 batchId => mapping(uint64 serial => Sale)) private _sales;
    IOrderBook private _orders;

    constructor(IAccessRegistry access_) RegistryBase(access_) {}

    /// @inheritdoc ICustodyRegistry
    /// @dev The sender is the batch's manufacturer (active) or an active distributor or pharmacy with a
    /// filing; the recipient an active distributor or pharmacy with a filing.
    function ship(bytes32 batchId, address to, uint32 boxes) external returns (uint256 shipmentId) {
        Counters memory c = _countersWithRegistry();
        (address manufacturer, uint8 category_, uint32 batchBoxes, uint64 releasedAt, uint64 recalledAt) =
            c.batches.custodyTerms(batchId);
        if (releasedAt == 0) revert BatchNotReleased(batchId);
        if (recalledAt != 0) revert BatchIsRecalled(batchId);
        if (boxes == 0) revert ZeroBoxes();
        if (to == msg.sender) revert SelfShipment();
        _checkParties(manufacturer, to, category_);

        Account storage sender = _accounts[batchId][msg.sender];
        uint256 head = _heads[batchId];
        uint32 available;
        if (uint32(head) == 0) {
            if (msg.sender == manufacturer) {
                // Opening: the manufacturer's balance is every box, and it is the views' first holder.
                head = ++c.batchCount;
                _batchIdOf[head] = batchId;
                available = batchBoxes;
                sender.listed = true;
            }
        } else {
            available = sender.balance;
        }
        if (available < boxes) revert InsufficientCustody(batchId, msg.sender, available, boxes);
        sender.balance = available - boxes;

        shipmentId = ++c.shipmentCount;
        _counters = c;
        _heads[batchId] = _appendShipmentId(batchId, head, shipmentId);
        _storeShipment(shipmentId, to, boxes, uint32(head));
        emit Shipped(shipmentId, batchId, msg.sender, to, boxes);
    }

    /// @inheritdoc ICustodyRegistry
    function acceptShipment(uint256 shipmentId) external {
        ShipmentRecord storage s = _pendingShipmentTo(shipmentId);
        s.status = ShipmentStatus.Accepted;
        s.settledAt = uint40(block.timestamp);
        bytes32 batchId = _batchIdOf[s.batchNumber];
        uint32 boxes = s.boxes;
        _credit(batchId, msg.sender, boxes);
        emit ReceiptAccepted(shipmentId, batchId, msg.sender, boxes);
        _orderBook().settleByReceipt(shipmentId);
    }

    /// @inheritdoc ICustodyRegistry
    /// @dev The boxes go back to the sender's balance.
    function rejectShipment(uint256 shipmentId, string calldata reason) external {
        ShipmentRecord storage s = _pendingShipmentTo(shipmentId);
        s.status = ShipmentStatus.Rejected;
        s.settledAt = uint40(block.timestamp);
        s.note = reason;
        bytes32 batchId = _batchIdOf[s.batchNumber];
        _credit(batchId, s.from, s.boxes);
        emit ReceiptRejected(shipmentId, batchId, msg.sender, reason);
        _orderBook().settleByReceipt(shipmentId);
    }

    /// @inheritdoc ICustodyRegistry
    /// @dev A recalled batch cannot be sold, so its serials are not decommissioned (BatchIsRecalled).
    function decommission(bytes32 batchId, uint64 serial) external {
        _requireActive(Roles.PHARMACY);
        IBatchRegistry batches = _countersWithRegistry().batches;
        (, uint8 category_, uint32 boxes,, uint64 recalledAt) = batches.custodyTerms(batchId);
        if (recalledAt != 0) revert BatchIsRecalled(batchId);
        if (!_hasFiling(msg.sender, category_)) revert SenderNotLicensed(msg.sender);
        (,, uint64 serialStart,) = batches.possessionTerms(batchId);
        if (serial < serialStart || serial - serialStart >= boxes) revert SerialNotInBatch(batchId, serial);
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
        ShipmentRecord storage s = _shipment(shipmentId);
        return _toShipment(s, _batchIdOf[s.batchNumber]);
    }

    /// @inheritdoc ICustodyRegistry
    function shipmentsOf(bytes32 batchId) external view returns (Shipment[] memory list) {
        uint256 head = _heads[batchId];
        list = new Shipment[](uint32(head >> 32));
        for (uint256 i; i < list.length; ++i) {
            list[i] = _toShipment(_shipments[_shipmentIdAt(batchId, head, i)], batchId);
        }
    }

    /// @inheritdoc ICustodyRegistry
    /// @dev Holders with at least one box, in the order they first received the batch (the manufacturer
    /// first). Before the first shipment of a released batch, the manufacturer holding every box.
    function holdings(bytes32 batchId) external view returns (Holding[] memory list) {
        (bool released, address manufacturer, uint32 boxes) = _batchView(batchId);
        if (uint32(_heads[batchId]) == 0) {
            if (!released) return new Holding[](0);
            list = new Holding[](1);
            list[0] = Holding({holder: manufacturer, boxes: boxes});
            return list;
        }
        uint256 listed = uint32(_heads[batchId] >> 64);
        list = new Holding[](listed + 1);
        uint256 n;
        uint32 balance = _accounts[batchId][manufacturer].balance;
        if (balance != 0) list[n++] = Holding({holder: manufacturer, boxes: balance});
        for (uint256 i; i < listed; ++i) {
            address holder = _holders[batchId][i];
            balance = _accounts[batchId][holder].balance;
            if (balance != 0) list[n++] = Holding({holder: holder, boxes: balance});
        }
        assembly ("memory-safe") {
            mstore(list, n) // drop the unused tail
        }
    }

    /// @inheritdoc ICustodyRegistry
    function balanceOf(bytes32 batchId, address holder) external view returns (uint32) {
        if (uint32(_heads[batchId]) == 0) {
            (bool released, address manufacturer, uint32 boxes) = _batchView(batchId);
            return released && holder == manufacturer ? boxes : 0;
        }
        return _accounts[batchId][holder].balance;
    }

    /// @inheritdoc ICustodyRegistry
    /// @dev A holder is listed when it is first credited (or, for the manufacturer, when the batch opens) and
    /// never unlisted.
    function hasHeld(bytes32 batchId, address holder) external view returns (bool) {
        return _accounts[batchId][holder].listed;
    }

    /// @inheritdoc ICustodyRegistry
    /// @dev Empty (seller zero) when the serial has not been sold.
    function sale(bytes32 batchId, uint64 serial) external view returns (Sale memory) {
        return _sales[batchId][serial];
    }

    /// @notice True once the manufacturer's opening balance has been written (its first shipment).
    function isOpened(bytes32 batchId) external view returns (bool) {
        return uint32(_heads[batchId]) != 0;
    }

    /// @notice Number of shipments ever made; ids run from 1 to this.
    function shipmentCount() external view returns (uint256) {
        return _counters.shipmentCount;
    }

    // ---------------------------------------------------------------- internals

    /// @dev The sender's role, standing and filing, then the recipient's, as AccessRegistry.shipmentTerms
    /// reports them: CallerLacksRole / ParticipantIsSuspended / SenderNotLicensed, then RecipientNotLicensed.
    function _checkParties(address manufacturer, address to, uint8 category_) private view {
        AccessRegistry.ShipmentTerms memory t = AccessRegistry(address(_access))
            .shipmentTerms(msg.sender, manufacturer, to, category_, uint64(block.timestamp));
        if (!t.senderHasRole) revert IAccessRegistry.CallerLacksRole(t.senderRole, msg.sender);
        if (t.senderSuspended) revert IAccessRegistry.ParticipantIsSuspended(msg.sender);
        if (t.senderRole != Roles.MANUFACTURER && !t.senderLicensed) revert SenderNotLicensed(msg.sender);
        if (!t.recipientLicensed) revert RecipientNotLicensed(to);
    }

    /// @dev Both words of the record in one SSTORE each (field by field, the compiler would read back each
    /// new slot before writing it); the shifts follow ShipmentRecord's layout, which test_Shipment_* read
    /// back through the struct.
    function _storeShipment(uint256 shipmentId, address to, uint32 boxes, uint32 batchNumber) private {
        uint256 w0 = uint256(uint160(msg.sender)) | (uint256(boxes) << 160) | (block.timestamp << 192);
        uint256 w1 = uint256(uint160(to)) | (uint256(batchNumber) << 208); // settledAt 0, status Pending (0)
        ShipmentRecord storage s = _shipments[shipmentId];
        assembly ("memory-safe") {
            sstore(s.slot, w0)
            sstore(add(s.slot, 1), w1)
        }
    }

    /// @dev The head with `shipmentId` appended to the batch's list (ids fit 32 bits: the counter is 32 bits).
    function _appendShipmentId(bytes32 batchId, uint256 head, uint256 shipmentId) private returns (uint256) {
        uint256 n = uint32(head >> 32);
        if (n < FIRST_IDS) {
            head |= shipmentId << (IDS_SHIFT + 32 * n);
        } else {
            uint256 k = (n - FIRST_IDS) / IDS_PER_WORD;
            _moreShipmentIds[batchId][k] |= shipmentId << (32 * ((n - FIRST_IDS) % IDS_PER_WORD));
        }
        return head + (uint256(1) << 32);
    }

    function _shipmentIdAt(bytes32 batchId, uint256 head, uint256 i) private view returns (uint256) {
        if (i < FIRST_IDS) return uint32(head >> (IDS_SHIFT + 32 * i));
        i -= FIRST_IDS;
        return uint32(_moreShipmentIds[batchId][i / IDS_PER_WORD] >> (32 * (i % IDS_PER_WORD)));
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
        uint256 head = _heads[batchId];
        _holders[batchId][uint32(head >> 64)] = holder;
        _heads[batchId] = head + (uint256(1) << 64);
    }

    function _shipment(uint256 shipmentId) private view returns (ShipmentRecord storage s) {
        s = _shipments[shipmentId];
        if (s.from == address(0)) revert ShipmentNotFound(shipmentId);
    }

    function _toShipment(ShipmentRecord storage s, bytes32 batchId) private view returns (Shipment memory) {
        return Shipment({
            batchId: batchId,
            from: s.from,
            to: s.to,
            boxes: s.boxes,
            shippedAt: s.shippedAt,
            settledAt: s.settledAt,
            status: s.status,
            note: s.note
        });
    }

    /// @dev For the views: whether the batch is released, its manufacturer and its boxes (all zero for an
    /// unknown batch or before the directory is set).
    function _batchView(bytes32 batchId) private view returns (bool released, address manufacturer, uint32 boxes) {
        IBatchRegistry batches = _counters.batches;
        if (address(batches) == address(0)) {
            batches = IBatchRegistry(_access.directory().batches);
            if (address(batches) == address(0)) return (false, address(0), 0);
        }
        if (!batches.exists(batchId)) return (false, address(0), 0);
        uint64 releasedAt;
        (manufacturer,, boxes, releasedAt,) = batches.custodyTerms(batchId);
        released = releasedAt != 0;
    }

    /// @dev The order book, read from the directory and cached the first time. A receipt tells it after
    /// the receipt is recorded (the book only reads the shipment back and credits a payout).
    function _orderBook() private returns (IOrderBook book) {
        book = _orders;
        if (address(book) == address(0)) {
            book = IOrderBook(_directory().orders);
            _orders = book;
        }
    }

    /// @dev The counters, with the batch registry read from the directory and cached the first time.
    function _countersWithRegistry() private returns (Counters memory c) {
        c = _counters;
        if (address(c.batches) == address(0)) {
            c.batches = IBatchRegistry(_directory().batches);
            _counters.batches = c.batches;
        }
    }
}
