// SPDX-License-Identifier: MIT
pragma solidity ^0.8.24;

import {IERC20} from "@openzeppelin/contracts/token/ERC20/IERC20.sol";
import {IPriceRegistry} from "./IPriceRegistry.sol";

/// @title Purchase orders that settle themselves
/// @notice A buyer (an active distributor or pharmacy with a distribution filing) orders a number of boxes
/// of one batch from a seller (the batch's manufacturer, or an active distributor with a filing) at a
/// price per piece, and pays the whole amount into escrow in the settlement ERC-20 when it places the
/// order. The price is refused above the cap in force for the batch's category in the seller's region on
/// the seller's channel: ex-factory when the seller is the batch's manufacturer, wholesale when it is a
/// distributor (with no cap in force, any price is accepted).
///
/// The seller ships with the custody registry's own `ship(batchId, buyer, boxes)` and then ties that
/// shipment to the order with `fulfil`. From then on the order follows the shipment's receipt, which
/// only the buyer can give in the custody registry, and the receipt settles the order in the same
/// transaction (the custody registry calls `settleByReceipt`):
/// - receipt accepted → the escrow is released to the seller;
/// - receipt rejected (suspect boxes, wrong quantity) → the buyer is refunded;
/// - no answer within RECEIPT_WINDOW of the fulfilment → `settle` releases the escrow to the seller
///   (silence is acceptance, as when a buyer lets the inspection period pass without objecting; 民法典
///   第六百二十一条), unless the batch has been recalled meanwhile, in which case the buyer is refunded.
/// An order not fulfilled by its ship-by deadline can be cancelled by the buyer for a refund; the seller
/// can decline (cancel) an order at any time before it fulfils it.
///
/// Every order pays out exactly once: placing moves the amount into escrow, and exactly one of cancel,
/// or the receipt (or settle) after fulfil, credits it whole to the seller or to the buyer, who withdraw it (pull payment).
/// @dev Amounts are in the token's smallest unit, which a MedProof deployment makes one fen (the demo
/// token has 2 decimals). Conservation: the book's token balance is always the escrow of the orders
/// placed or fulfilled and not yet settled, plus what is credited and not yet withdrawn. A receipt
/// answered in the custody registry after the order settled by rule changes custody only, not payment.
interface IOrderBook {
    enum OrderStatus {
        Placed, // paid into escrow, waiting for the seller's shipment
        Fulfilled, // tied to a shipment, waiting for its receipt
        Released, // escrow credited to the seller
        Refunded, // escrow credited back to the buyer after a rejected (or recalled, unanswered) delivery
        Cancelled // escrow credited back to the buyer before any delivery
    }

    /// @notice Why an order settled the way it did (see `settle`).
    enum SettlementRule {
        ReceiptAccepted, // → seller
        ReceiptRejected, // → buyer
        ReceiptWindowLapsed, // no answer within the receipt window → seller
        RecalledWhileUnanswered // no answer within the window, and the batch was recalled → buyer
    }

    struct Order {
        uint256 id;
        bytes32 batchId;
        address buyer;
        address seller;
        uint32 boxes;
        uint64 fenPerPiece; // the agreed unit price, per mask
        uint256 amountFen; // in escrow: boxes × the batch's masks per box × fenPerPiece
        IPriceRegistry.Channel channel; // ExFactory (the batch's manufacturer sells) or Wholesale
        uint64 placedAt;
        uint64 deadline; // ship-by: fulfil by this time, or the buyer may cancel after it
        OrderStatus status;
        uint256 shipmentId; // the custody shipment that fulfils it, 0 until fulfilled
        uint64 fulfilledAt; // 0 until fulfilled
        uint64 receiptDeadline; // fulfilledAt + RECEIPT_WINDOW; 0 until fulfilled
    }

    /// @notice The settlement token's address is required at construction.
    error ZeroAddress();
    error ZeroBoxes();
    error ZeroPrice();
    /// @notice The ship-by deadline must be after now and at most MAX_LEAD_TIME ahead.
    error InvalidDeadline(uint64 deadline, uint64 latest);
    error SelfOrder(address account);
    error BatchIsRecalled(bytes32 batchId);
    error BoxesExceedBatch(bytes32 batchId, uint32 boxes, uint32 batchBoxes);
    /// @notice Only a distributor or a pharmacy buys.
    error BuyerNotAllowed(address buyer);
    error BuyerNotLicensed(address buyer);
    /// @notice The seller is neither the batch's manufacturer nor a distributor.
    error SellerCannotSupply(address seller, bytes32 batchId);
    error SellerNotLicensed(address seller);
    error UnitPriceAboveCap(uint64 fenPerPiece, uint64 capFenPerPiece, IPriceRegistry.Channel channel);
    /// @notice Fewer tokens arrived than the escrow needs (a token that takes a fee on transfer).
    error EscrowShortfall(uint256 expected, uint256 received);
    error OrderNotFound(uint256 orderId);
    error NotOrderSeller(uint256 orderId, address caller);
    error NotOrderParty(uint256 orderId, address caller);
    error OrderAlreadyFulfilled(uint256 orderId, uint256 shipmentId);
    error OrderNotFulfilled(uint256 orderId);
    error OrderAlreadySettled(uint256 orderId, OrderStatus status);
    error DeadlinePassed(uint256 orderId, uint64 deadline);
    error DeadlineNotPassed(uint256 orderId, uint64 deadline);
    /// @notice The shipment must go from the order's seller to its buyer, of the ordered batch and exactly
    /// the ordered number of boxes.
    error ShipmentDoesNotMatch(uint256 orderId, uint256 shipmentId);
    /// @notice A shipment sent before the order was placed cannot answer it.
    error ShipmentBeforeOrder(uint256 orderId, uint256 shipmentId);
    error ShipmentWasRejected(uint256 shipmentId);
    error ShipmentAlreadyLinked(uint256 shipmentId, uint256 orderId);
    error ReceiptWindowOpen(uint256 orderId, uint64 receiptDeadline);
    error NothingToWithdraw(address account);
    /// @notice Only this deployment's custody registry reports receipts.
    error NotCustodyRegistry(address caller);

    event OrderPlaced(
        uint256 indexed orderId,
        address indexed buyer,
        address indexed seller,
        bytes32 batchId,
        uint32 boxes,
        uint64 fenPerPiece,
        uint256 amountFen,
        uint64 deadline
    );
    event OrderFulfilled(uint256 indexed orderId, uint256 indexed shipmentId, uint64 receiptDeadline);
    /// @notice `payee` is the seller (released) or the buyer (refunded), credited `amountFen`.
    event OrderSettled(uint256 indexed orderId, address indexed payee, uint256 amountFen, SettlementRule rule);
    /// @notice `by` is the buyer (after the deadline) or the seller (declining); the buyer is credited.
    event OrderCancelled(uint256 indexed orderId, address indexed by, uint256 amountFen);
    event PayoutWithdrawn(address indexed account, uint256 amount);

    // ---- buyer ----
    /// @notice Places an order for `boxes` boxes of `batchId` from `seller` at `fenPerPiece` per mask,
    /// shipped by `deadline`, and pays boxes × masks per box × fenPerPiece into escrow from the caller
    /// (approve this contract first; `quote` gives the amount). The batch may still be in its hold (a
    /// pre-order) but not recalled. Order ids start at 1.
    function placeOrder(address seller, bytes32 batchId, uint32 boxes, uint64 fenPerPiece, uint64 deadline)
        external
        returns (uint256 orderId);

    // ---- seller ----
    /// @notice Ties custody shipment `shipmentId` to the order, by its seller, by the deadline. The shipment
    /// must match the order (from the seller to the buyer, the batch, exactly the boxes), be sent at or
    /// after the order was placed, not be rejected and not already fulfil another order. A shipment the
    /// buyer already accepted counts too, so the buyer's quick acceptance never leaves the seller unpaid.
    function fulfil(uint256 orderId, uint256 shipmentId) external;

    // ---- anyone ----
    /// @notice Settles a fulfilled order by its shipment's receipt (see the contract's rules): credits the
    /// whole escrow to the seller or to the buyer. Anyone may call it. A receipt given after the order
    /// was fulfilled has already settled it; this is for the window's rule and for a shipment accepted
    /// before it was tied to its order.
    function settle(uint256 orderId) external;

    // ---- the custody registry ----
    /// @notice Called by the custody registry as the buyer accepts or rejects shipment `shipmentId`: settles
    /// the order that shipment fulfils by that receipt. Does nothing when the shipment fulfils no order or
    /// its order is already settled (by the window's rule: the receipt then changes custody only).
    function settleByReceipt(uint256 shipmentId) external;

    // ---- buyer or seller ----
    /// @notice Cancels an unfulfilled order and credits the escrow back to the buyer: by the seller at any
    /// time (it declines), by the buyer only after the ship-by deadline.
    function cancel(uint256 orderId) external;

    /// @notice Sends the caller everything credited to it (payments as a seller, refunds as a buyer).
    function withdraw() external returns (uint256 amount);

    // ---- views ----
    /// @notice How long a buyer has, after an order is fulfilled, to accept or reject the shipment before
    /// the order settles by rule: 14 days.
    function RECEIPT_WINDOW() external view returns (uint64);
    /// @notice The latest ship-by deadline an order may set, counted from its placing: 180 days.
    function MAX_LEAD_TIME() external view returns (uint64);
    function settlementToken() external view returns (IERC20);
    /// @notice The escrow an order of `boxes` boxes of `batchId` at `fenPerPiece` takes (BatchNotFound for
    /// an unknown batch).
    function quote(bytes32 batchId, uint32 boxes, uint64 fenPerPiece) external view returns (uint256 amountFen);
    function order(uint256 orderId) external view returns (Order memory);
    function orderCount() external view returns (uint256);
    /// @notice The order a shipment fulfils, 0 when none.
    function orderOfShipment(uint256 shipmentId) external view returns (uint256);
    /// @notice Credited and not yet withdrawn.
    function withdrawable(address account) external view returns (uint256);
}
