// SPDX-License-Identifier: MIT
pragma solidity ^0.8.24;

/// @title Custody of boxes between licensed parties, receipts, and decommissioning at sale
/// @notice Quantities are boxes. A released batch's boxes start with its manufacturer; a shipment debits
/// the sender at once and credits the recipient when it accepts the receipt (a rejection returns them).
/// A pharmacy decommissions a serial when it sells the box, so a copied code is caught later.
interface ICustodyRegistry {
    enum ShipmentStatus {
        Pending,
        Accepted,
        Rejected
    }

    struct Shipment {
        bytes32 batchId;
        address from;
        address to;
        uint32 boxes;
        uint64 shippedAt;
        uint64 settledAt;
        ShipmentStatus status;
        string note; // rejection reason
    }

    struct Holding {
        address holder;
        uint32 boxes;
    }

    struct Sale {
        address seller;
        uint64 soldAt;
    }

    error BatchNotReleased(bytes32 batchId);
    error BatchIsRecalled(bytes32 batchId);
    error RecipientNotLicensed(address recipient);
    error SenderNotLicensed(address sender);
    error InsufficientCustody(bytes32 batchId, address holder, uint32 available, uint32 requested);
    error ZeroBoxes();
    error SelfShipment();
    error ShipmentNotFound(uint256 shipmentId);
    error ShipmentNotPending(uint256 shipmentId);
    error NotShipmentRecipient(uint256 shipmentId, address caller);
    error SerialNotInBatch(bytes32 batchId, uint64 serial);
    error AlreadyDecommissioned(bytes32 batchId, uint64 serial, address seller, uint64 soldAt);

    event Shipped(uint256 indexed shipmentId, bytes32 indexed batchId, address indexed from, address to, uint32 boxes);
    event ReceiptAccepted(uint256 indexed shipmentId, bytes32 indexed batchId, address indexed to, uint32 boxes);
    event ReceiptRejected(uint256 indexed shipmentId, bytes32 indexed batchId, address indexed to, string reason);
    event Decommissioned(bytes32 indexed batchId, uint64 indexed serial, address indexed seller, uint64 soldAt);

    /// @notice Ships boxes of a released, unrecalled batch to a distributor or pharmacy holding a valid
    /// distribution filing. Shipment ids start at 1.
    function ship(bytes32 batchId, address to, uint32 boxes) external returns (uint256 shipmentId);

    /// @notice The recipient's receipt. When the shipment fulfils a purchase order, the same transaction
    /// settles that order (accepted → the seller is paid, rejected → the buyer is refunded; see IOrderBook).
    function acceptShipment(uint256 shipmentId) external;
    /// @notice The recipient refuses the delivery; the boxes go back to the sender. Settles its order too.
    function rejectShipment(uint256 shipmentId, string calldata reason) external;

    /// @notice Pharmacy only, holding at least one box of the batch.
    function decommission(bytes32 batchId, uint64 serial) external;

    function shipment(uint256 shipmentId) external view returns (Shipment memory);
    function shipmentsOf(bytes32 batchId) external view returns (Shipment[] memory);
    function holdings(bytes32 batchId) external view returns (Holding[] memory);
    function balanceOf(bytes32 batchId, address holder) external view returns (uint32);
    /// @notice True once `holder` has held boxes of the batch: it accepted a shipment of it, or it is the
    /// manufacturer of a batch it has shipped. A pending shipment does not count until it is accepted, and
    /// holding stays true after the boxes are sold or passed on (a complaint may be about a past sale).
    function hasHeld(bytes32 batchId, address holder) external view returns (bool);
    function sale(bytes32 batchId, uint64 serial) external view returns (Sale memory);
}
