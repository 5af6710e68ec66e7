// SPDX-License-Identifier: MIT
pragma solidity ^0.8.24;

import {IERC20} from "@openzeppelin/contracts/token/ERC20/IERC20.sol";
import {SafeERC20} from "@openzeppelin/contracts/token/ERC20/utils/SafeERC20.sol";
import {ReentrancyGuardTransient} from "@openzeppelin/contracts/utils/ReentrancyGuardTransient.sol";
import {IAccessRegistry} from "./interfaces/IAccessRegistry.sol";
import {IBatchRegistry} from "./interfaces/IBatchRegistry.sol";
import {ICustodyRegistry} from "./interfaces/ICustodyRegistry.sol";
import {IPriceRegistry} from "./interfaces/IPriceRegistry.sol";
import {IOrderBook} from "./interfaces/IOrderBook.sol";
import {Roles} from "./libraries/Roles.sol";
import {RegistryBase} from "./utils/RegistryBase.sol";

/// @title Purchase orders that settle themselves
/// @notice Conservation: this contract's token balance is always the escrow of the orders placed or
/// fulfilled and not yet settled, plus the payouts credited and not yet withdrawn. Tokens come in only by
/// placeOrder (exactly the order's amount, or it reverts) and go out only by withdraw; cancel, settle and
/// settleByReceipt move an order's whole escrow to one account's payout, once, as they end the order.
/// @dev The order book needs no SYSTEM_ROLE: the seller ships with the custody registry as any shipment,
/// and the book only reads the shipment (its parties, batch, boxes, date and receipt status) to tie it to
/// an order and to settle. The custody registry finds the book in the access registry's directory and
/// reports each receipt (settleByReceipt), so accepting or rejecting a delivery settles its order in the
/// same transaction; the book reads the batch, custody and price registries from the directory and keeps
/// them the first time. Placing writes four slots of the order; fulfilling changes two of them and
/// writes the shipment's link; settling and cancelling change one and the payee's payout.
contract OrderBook is RegistryBase, ReentrancyGuardTransient, IOrderBook {
    using SafeERC20 for IERC20;

    /// @inheritdoc IOrderBook
    uint64 public constant RECEIPT_WINDOW = 14 days;

    /// @inheritdoc IOrderBook
    uint64 public constant MAX_LEAD_TIME = 180 days;

    struct OrderRecord {
        // slot 0
        address buyer;
        uint32 boxes;
        uint40 placedAt;
        OrderStatus status;
        // slot 1
        address seller;
        uint40 deadline;
        uint32 shipmentId; // custody's shipment counter is 32 bits
        IPriceRegistry.Channel channel;
        // slot 2
        bytes32 batchId;
        // slot 3
        uint128 amountFen; // below 2^112: boxes (32 bits) × masks per box (16) × fen per piece (64)
        uint64 fenPerPiece;
        uint40 fulfilledAt;
    }

    IERC20 private immutable _token;

    // The batch registry shares a slot with the order count: placing an order reads and writes both.
    IBatchRegistry private _batches;
    uint64 private _orderCount;
    ICustodyRegistry private _custody;
    IPriceRegistry private _prices;

    mapping(uint256 orderId => OrderRecord) private _orders;
    mapping(uint256 shipmentId => uint256 orderId) private _orderOfShipment;
    mapping(address account => uint256) private _owed;

    /// @param token_ The settlement ERC-20 (the same token the complaint registry's bonds are in).
    constructor(IAccessRegistry access_, IERC20 token_) RegistryBase(access_) {
        if (address(token_) == address(0)) revert ZeroAddress();
        _token = token_;
    }

    // ---------------------------------------------------------------- buyer

    /// @inheritdoc IOrderBook
    /// @dev Checks in this order: quantity, price, deadline, parties distinct; the batch (BatchNotFound,
    /// BatchIsRecalled, BoxesExceedBatch); the buyer (BuyerNotAllowed, then CallerLacksRole or
    /// ParticipantIsSuspended from the access registry, BuyerNotLicensed); the seller (SellerCannotSupply,
    /// the access registry's errors, SellerNotLicensed); the cap. Then the order is stored and the escrow
    /// pulled; the guard keeps a reentrant token from placing inside the transfer, and only exactly the
    /// amount arriving is accepted.
    function placeOrder(address seller, bytes32 batchId, uint32 boxes, uint64 fenPerPiece, uint64 deadline)
        external
        nonReentrant
        returns (uint256 orderId)
    {
        (IPriceRegistry.Channel channel, uint256 amount) = _checkOrder(seller, batchId, boxes, fenPerPiece, deadline);
        orderId = ++_orderCount;
        // buyer | boxes << 160 | placedAt << 192 | status Placed (0) << 232;
        // seller | deadline << 160 | shipmentId 0 << 200 | channel << 232;
        // amountFen | fenPerPiece << 128 | fulfilledAt 0 << 192.
        _store(
            _orders[orderId],
            uint256(uint160(msg.sender)) | (uint256(boxes) << 160) | (block.timestamp << 192),
            uint256(uint160(seller)) | (uint256(deadline) << 160) | (uint256(channel) << 232),
            batchId,
            amount | (uint256(fenPerPiece) << 128)
        );
        emit OrderPlaced(orderId, msg.sender, seller, batchId, boxes, fenPerPiece, amount, deadline);

        uint256 before = _token.balanceOf(address(this));
        _token.safeTransferFrom(msg.sender, address(this), amount);
        uint256 received = _token.balanceOf(address(this)) - before;
        if (received != amount) revert EscrowShortfall(amount, received);
    }

    // ---------------------------------------------------------------- seller

    /// @inheritdoc IOrderBook
    /// @dev The shipment's checks come after the order's, so a wrong order id is named before a wrong
    /// shipment; ShipmentNotFound comes from the custody registry.
    function fulfil(uint256 orderId, uint256 shipmentId) external {
        OrderRecord storage o = _order(orderId);
        if (o.seller != msg.sender) revert NotOrderSeller(orderId, msg.sender);
        _requirePlaced(orderId, o);
        uint64 deadline = o.deadline;
        if (block.timestamp > deadline) revert DeadlinePassed(orderId, deadline);
        uint256 linked = _orderOfShipment[shipmentId];
        if (linked != 0) revert ShipmentAlreadyLinked(shipmentId, linked);

        ICustodyRegistry.Shipment memory s = _custodyRegistry().shipment(shipmentId);
        if (s.from != msg.sender || s.to != o.buyer || s.batchId != o.batchId || s.boxes != o.boxes) {
            revert ShipmentDoesNotMatch(orderId, shipmentId);
        }
        if (s.shippedAt < o.placedAt) revert ShipmentBeforeOrder(orderId, shipmentId);
        if (s.status == ICustodyRegistry.ShipmentStatus.Rejected) revert ShipmentWasRejected(shipmentId);

        o.status = OrderStatus.Fulfilled;
        o.shipmentId = uint32(shipmentId); // an existing shipment's id fits: custody counts in 32 bits
        o.fulfilledAt = uint40(block.timestamp);
        _orderOfShipment[shipmentId] = orderId;
        emit OrderFulfilled(orderId, shipmentId, uint64(block.timestamp) + RECEIPT_WINDOW);
    }

    // ---------------------------------------------------------------- anyone

    /// @inheritdoc IOrderBook
    /// @dev Only a pending shipment past the window asks the batch registry (for a recall).
    function settle(uint256 orderId) external {
        OrderRecord storage o = _order(orderId);
        OrderStatus status = o.status;
        if (status == OrderStatus.Placed) revert OrderNotFulfilled(orderId);
        if (status != OrderStatus.Fulfilled) revert OrderAlreadySettled(orderId, status);

        SettlementRule rule;
        ICustodyRegistry.ShipmentStatus receipt = _custodyRegistry().shipment(o.shipmentId).status;
        if (receipt == ICustodyRegistry.ShipmentStatus.Accepted) {
            rule = SettlementRule.ReceiptAccepted;
        } else if (receipt == ICustodyRegistry.ShipmentStatus.Rejected) {
            rule = SettlementRule.ReceiptRejected;
        } else {
            uint64 receiptDeadline = uint64(o.fulfilledAt) + RECEIPT_WINDOW;
            if (block.timestamp <= receiptDeadline) revert ReceiptWindowOpen(orderId, receiptDeadline);
            // A batch is cached by then: placing the order read it.
            (,,,, uint64 recalledAt) = _batches.orderTerms(o.batchId);
            rule = recalledAt == 0 ? SettlementRule.ReceiptWindowLapsed : SettlementRule.RecalledWhileUnanswered;
        }

        _settle(orderId, o, rule);
    }

    // ---------------------------------------------------------------- the custody registry

    /// @inheritdoc IOrderBook
    /// @dev The custody registry calls this after recording the receipt, so the shipment reads answered.
    function settleByReceipt(uint256 shipmentId) external {
        ICustodyRegistry custody = _custodyRegistry();
        if (msg.sender != address(custody)) revert NotCustodyRegistry(msg.sender);
        uint256 orderId = _orderOfShipment[shipmentId];
        if (orderId == 0) return;
        OrderRecord storage o = _orders[orderId];
        if (o.status != OrderStatus.Fulfilled) return;
        ICustodyRegistry.ShipmentStatus receipt = custody.shipment(shipmentId).status;
        _settle(
            orderId,
            o,
            receipt == ICustodyRegistry.ShipmentStatus.Accepted
                ? SettlementRule.ReceiptAccepted
                : SettlementRule.ReceiptRejected
        );
    }

    // ---------------------------------------------------------------- buyer or seller

    /// @inheritdoc IOrderBook
    function cancel(uint256 orderId) external {
        OrderRecord storage o = _order(orderId);
        address buyer = o.buyer;
        if (msg.sender != buyer && msg.sender != o.seller) revert NotOrderParty(orderId, msg.sender);
        _requirePlaced(orderId, o);
        if (msg.sender == buyer) {
            uint64 deadline = o.deadline;
            if (block.timestamp <= deadline) revert DeadlineNotPassed(orderId, deadline);
        }

        o.status = OrderStatus.Cancelled;
        uint256 amount = o.amountFen;
        _owed[buyer] += amount;
        emit OrderCancelled(orderId, msg.sender, amount);
    }

    /// @inheritdoc IOrderBook
    function withdraw() external nonReentrant returns (uint256 amount) {
        amount = _owed[msg.sender];
        if (amount == 0) revert NothingToWithdraw(msg.sender);
        _owed[msg.sender] = 0;
        emit PayoutWithdrawn(msg.sender, amount);
        _token.safeTransfer(msg.sender, amount);
    }

    // ---------------------------------------------------------------- views

    /// @inheritdoc IOrderBook
    function settlementToken() external view returns (IERC20) {
        return _token;
    }

    /// @inheritdoc IOrderBook
    function quote(bytes32 batchId, uint32 boxes, uint64 fenPerPiece) external view returns (uint256) {
        IBatchRegistry batches = _batches;
        if (address(batches) == address(0)) batches = IBatchRegistry(_directory().batches);
        (,,, uint16 masksPerBox,) = batches.orderTerms(batchId);
        return uint256(boxes) * masksPerBox * fenPerPiece;
    }

    /// @inheritdoc IOrderBook
    function order(uint256 orderId) external view returns (Order memory v) {
        OrderRecord storage o = _order(orderId);
        v.id = orderId;
        v.batchId = o.batchId;
        v.buyer = o.buyer;
        v.seller = o.seller;
        v.boxes = o.boxes;
        v.fenPerPiece = o.fenPerPiece;
        v.amountFen = o.amountFen;
        v.channel = o.channel;
        v.placedAt = o.placedAt;
        v.deadline = o.deadline;
        v.status = o.status;
        v.shipmentId = o.shipmentId;
        v.fulfilledAt = o.fulfilledAt;
        if (v.fulfilledAt != 0) v.receiptDeadline = v.fulfilledAt + RECEIPT_WINDOW;
    }

    /// @inheritdoc IOrderBook
    function orderCount() external view returns (uint256) {
        return _orderCount;
    }

    /// @inheritdoc IOrderBook
    function orderOfShipment(uint256 shipmentId) external view returns (uint256) {
        return _orderOfShipment[shipmentId];
    }

    /// @inheritdoc IOrderBook
    function withdrawable(address account) external view returns (uint256) {
        return _owed[account];
    }

    // ---------------------------------------------------------------- internals

    /// @dev Every check of placeOrder but the token's; returns the seller's channel and the escrow.
    function _checkOrder(address seller, bytes32 batchId, uint32 boxes, uint64 fenPerPiece, uint64 deadline)
        private
        returns (IPriceRegistry.Channel channel, uint256 amount)
    {
        if (boxes == 0) revert ZeroBoxes();
        if (fenPerPiece == 0) revert ZeroPrice();
        uint64 latest = uint64(block.timestamp) + MAX_LEAD_TIME;
        if (deadline <= block.timestamp || deadline > latest) revert InvalidDeadline(deadline, latest);
        if (seller == msg.sender) revert SelfOrder(seller);

        IBatchRegistry batches = _batches;
        if (address(batches) == address(0)) {
            batches = IBatchRegistry(_directory().batches);
            _batches = batches;
        }
        (address manufacturer, uint8 category, uint32 batchBoxes, uint16 masksPerBox, uint64 recalledAt) =
            batches.orderTerms(batchId);
        if (recalledAt != 0) revert BatchIsRecalled(batchId);
        if (boxes > batchBoxes) revert BoxesExceedBatch(batchId, boxes, batchBoxes);
        _checkBuyer(category);
        channel = _checkSeller(seller, manufacturer, batchId, category);
        _checkPrice(seller, category, channel, fenPerPiece);
        amount = uint256(boxes) * masksPerBox * fenPerPiece;
    }

    /// @dev Writes the four slots of a new order with one SSTORE each (a struct assignment would rewrite
    /// each packed slot once per field). The shifts follow Solidity's layout of OrderRecord (fields fill a
    /// slot from its low-order bytes in declaration order); test_PlaceOrder_EscrowsTheAmount reads every
    /// field back through the struct.
    function _store(OrderRecord storage o, uint256 w0, uint256 w1, bytes32 batchId, uint256 w3) private {
        assembly ("memory-safe") {
            sstore(o.slot, w0)
            sstore(add(o.slot, 1), w1)
            sstore(add(o.slot, 2), batchId)
            sstore(add(o.slot, 3), w3)
        }
    }

    /// @dev The caller buys as a distributor when it is one, else as a pharmacy: active, with a filing
    /// covering the batch's category valid now (the custody registry will ask the same to ship to it).
    function _checkBuyer(uint8 category) private view {
        bytes32 role = Roles.DISTRIBUTOR;
        if (!_access.hasRole(role, msg.sender)) {
            role = Roles.PHARMACY;
            if (!_access.hasRole(role, msg.sender)) revert BuyerNotAllowed(msg.sender);
        }
        _access.requireActiveRole(role, msg.sender);
        if (!_hasFiling(msg.sender, category)) revert BuyerNotLicensed(msg.sender);
    }

    /// @dev The batch's manufacturer sells ex-factory; anyone else must be an active distributor with a
    /// filing, and sells wholesale.
    function _checkSeller(address seller, address manufacturer, bytes32 batchId, uint8 category)
        private
        view
        returns (IPriceRegistry.Channel)
    {
        if (seller == manufacturer) {
            _access.requireActiveRole(Roles.MANUFACTURER, seller);
            return IPriceRegistry.Channel.ExFactory;
        }
        if (!_access.hasRole(Roles.DISTRIBUTOR, seller)) revert SellerCannotSupply(seller, batchId);
        _access.requireActiveRole(Roles.DISTRIBUTOR, seller);
        if (!_hasFiling(seller, category)) revert SellerNotLicensed(seller);
        return IPriceRegistry.Channel.Wholesale;
    }

    /// @dev Against the cap in force now for the category, in the seller's region, on its channel.
    function _checkPrice(address seller, uint8 category, IPriceRegistry.Channel channel, uint64 fenPerPiece) private {
        IPriceRegistry prices = _prices;
        if (address(prices) == address(0)) {
            prices = IPriceRegistry(_directory().prices);
            _prices = prices;
        }
        uint32 region = _access.participant(seller).region;
        (bool found, uint256 capId) = prices.capInForce(category, region, channel, uint64(block.timestamp));
        if (!found) return;
        uint64 capFen = prices.cap(capId).fenPerPiece;
        if (fenPerPiece > capFen) revert UnitPriceAboveCap(fenPerPiece, capFen, channel);
    }

    function _hasFiling(address account, uint8 category) private view returns (bool found) {
        (found,) = _access.findValidLicence(
            account, IAccessRegistry.LicenceKind.DistributionFiling, category, uint64(block.timestamp)
        );
    }

    function _order(uint256 orderId) private view returns (OrderRecord storage o) {
        o = _orders[orderId];
        if (o.buyer == address(0)) revert OrderNotFound(orderId);
    }

    /// @dev Ends a fulfilled order: credits its whole escrow to the seller or the buyer, as `rule` says.
    function _settle(uint256 orderId, OrderRecord storage o, SettlementRule rule) private {
        bool toSeller = rule == SettlementRule.ReceiptAccepted || rule == SettlementRule.ReceiptWindowLapsed;
        address payee = toSeller ? o.seller : o.buyer;
        o.status = toSeller ? OrderStatus.Released : OrderStatus.Refunded;
        uint256 amount = o.amountFen;
        _owed[payee] += amount;
        emit OrderSettled(orderId, payee, amount, rule);
    }

    /// @dev An order still open to fulfilment or cancellation.
    function _requirePlaced(uint256 orderId, OrderRecord storage o) private view {
        OrderStatus status = o.status;
        if (status == OrderStatus.Fulfilled) revert OrderAlreadyFulfilled(orderId, o.shipmentId);
        if (status != OrderStatus.Placed) revert OrderAlreadySettled(orderId, status);
    }

    function _custodyRegistry() private returns (ICustodyRegistry c) {
        c = _custody;
        if (address(c) == address(0)) {
            c = ICustodyRegistry(_directory().custody);
            _custody = c;
        }
    }
}
