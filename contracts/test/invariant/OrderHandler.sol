// SPDX-License-Identifier: MIT
pragma solidity ^0.8.24;

import {Base} from "../utils/Base.sol";
import {OrderBook} from "../../src/OrderBook.sol";
import {SettlementToken} from "../../src/SettlementToken.sol";
import {CustodyRegistry} from "../../src/CustodyRegistry.sol";
import {BatchRegistry} from "../../src/BatchRegistry.sol";
import {ICustodyRegistry} from "../../src/interfaces/ICustodyRegistry.sol";
import {IOrderBook} from "../../src/interfaces/IOrderBook.sol";

/// @notice Drives the order book at random: places orders (any of four buyer-seller pairs, either of two
/// batches, prices on both sides of the caps), delivers (ships and ties in one step), ships from the seller
/// (matching or one box off), ties shipments to orders (a matching one or any), accepts or rejects
/// receipts, settles, cancels (as buyer or seller), withdraws, recalls the second batch, and lets time pass. Keeps a ghost ledger of every payout as it happens, for
/// the invariants to compare with the contract.
/// @dev The invariant runner ignores reverts in handlers (fail_on_revert = false), so a check made here is
/// recorded in `violation` (the first one) rather than reverted, and the invariants assert it stays empty.
/// Each action also checks, before calling, whether the contract should accept it, so a wrong refusal is
/// caught as surely as a wrong acceptance.
contract OrderHandler is Base {
    struct Parties {
        address regulator;
        address manufacturer;
        address distributor;
        address pharmacy;
        address pharmacy2;
    }

    uint256 internal constant MASKS_PER_BOX = 50;
    uint64 internal constant EX_FACTORY_CAP = 120;
    uint64 internal constant WHOLESALE_CAP = 150;
    uint64 internal constant WINDOW = 14 days;

    OrderBook internal immutable book;
    SettlementToken internal immutable token;
    CustodyRegistry internal immutable custody;
    BatchRegistry internal immutable batches;
    Parties internal p;
    bytes32[2] internal batchIds; // the second may be recalled
    bool public recalled;

    address[4] public accounts; // manufacturer, distributor, pharmacy, pharmacy 2: every buyer and seller
    uint256[] public ids;
    uint256[] internal shipments;

    uint256 public time;
    mapping(address account => uint256) public ghostMinted;
    mapping(address account => uint256) public ghostEscrowed; // paid into orders
    mapping(address account => uint256) public ghostCredited; // payouts credited
    mapping(address account => uint256) public ghostWithdrawn;
    mapping(uint256 orderId => uint256) public ghostPayouts; // times the order was credited to anyone
    mapping(uint256 orderId => address) public ghostPayee;
    mapping(uint256 orderId => bool) public ghostReleased; // credited to the seller
    mapping(uint256 orderId => bool) public ghostRefunded; // credited back to the buyer
    mapping(uint256 shipmentId => uint256) public ghostLinks;
    uint256 public calls;
    uint256 public refusedAboveCap;
    uint256 public shipmentsRefused;
    uint256 public fulfilments;
    uint256 public releases;
    uint256 public refunds;
    uint256 public byRule;
    uint256 public byReceipt;
    uint256 public cancellations;
    uint256 public withdrawals;
    string public violation;

    constructor(
        OrderBook book_,
        SettlementToken token_,
        CustodyRegistry custody_,
        BatchRegistry batches_,
        Parties memory parties,
        bytes32[2] memory batchIds_
    ) {
        book = book_;
        token = token_;
        custody = custody_;
        batches = batches_;
        p = parties;
        batchIds = batchIds_;
        accounts = [parties.manufacturer, parties.distributor, parties.pharmacy, parties.pharmacy2];
        time = block.timestamp;
    }

    modifier step() {
        ++calls;
        vm.warp(time);
        _;
    }

    // ---------------------------------------------------------------- actions

    function place(uint256 pairSeed, bool secondBatch, uint32 boxes, uint64 fenPerPiece, uint64 ahead) external step {
        (address buyer, address seller, uint64 cap) = _pair(pairSeed);
        bytes32 batchId = batchIds[secondBatch ? 1 : 0];
        boxes = uint32(bound(boxes, 1, 20));
        fenPerPiece = uint64(bound(fenPerPiece, 1, 160));
        uint64 deadline = uint64(time + bound(ahead, 1, 30 days));
        uint256 amount = boxes * MASKS_PER_BOX * fenPerPiece;
        vm.prank(p.regulator);
        token.mint(buyer, amount);
        ghostMinted[buyer] += amount;
        bool allowed = fenPerPiece <= cap && !(secondBatch && recalled);

        uint256 before = token.balanceOf(address(book));
        vm.prank(buyer);
        try book.placeOrder(seller, batchId, boxes, fenPerPiece, deadline) returns (uint256 id) {
            _expect(allowed, "order accepted against the rules");
            _expect(id == ids.length + 1, "order ids are not sequential");
            ids.push(id);
            ghostEscrowed[buyer] += amount;
            _expect(book.order(id).amountFen == amount, "escrow is not boxes x masks per box x price");
            _expect(token.balanceOf(address(book)) == before + amount, "escrow not received");
        } catch {
            _expect(!allowed, "valid order refused");
            if (fenPerPiece > cap) ++refusedAboveCap;
        }
    }

    /// @dev The seller ships the order's boxes to its buyer, or one box more one time in four (a shipment
    /// that matches no order).
    function ship(uint256 orderSeed, uint8 oneOff) external step {
        if (ids.length == 0) return;
        IOrderBook.Order memory o = book.order(ids[orderSeed % ids.length]);
        vm.prank(o.seller);
        try custody.ship(o.batchId, o.buyer, o.boxes + (oneOff % 4 == 0 ? 1 : 0)) returns (uint256 shipmentId) {
            shipments.push(shipmentId);
        } catch {
            ++shipmentsRefused;
        }
    }

    /// @dev The usual flow in one step: the seller ships exactly the order and ties the shipment to it.
    function deliver(uint256 orderSeed) external step {
        if (ids.length == 0) return;
        uint256 id = ids[orderSeed % ids.length];
        IOrderBook.Order memory o = book.order(id);
        vm.prank(o.seller);
        try custody.ship(o.batchId, o.buyer, o.boxes) returns (uint256 shipmentId) {
            shipments.push(shipmentId);
            _fulfil(id, o, shipmentId);
        } catch {
            ++shipmentsRefused;
        }
    }

    /// @dev With `anyShipment`, a shipment at random (mostly a mismatch); otherwise the latest shipment from
    /// the order's seller to its buyer, which usually fulfils it.
    function fulfil(uint256 orderSeed, uint256 shipmentSeed, bool anyShipment) external step {
        if (ids.length == 0 || shipments.length == 0) return;
        uint256 id = ids[orderSeed % ids.length];
        IOrderBook.Order memory o = book.order(id);
        uint256 shipmentId = shipments[shipmentSeed % shipments.length];
        for (uint256 i = shipments.length; i > 0 && !anyShipment; --i) {
            ICustodyRegistry.Shipment memory candidate = custody.shipment(shipments[i - 1]);
            if (
                candidate.from == o.seller && candidate.to == o.buyer && candidate.batchId == o.batchId
                    && candidate.boxes == o.boxes && book.orderOfShipment(shipments[i - 1]) == 0
            ) {
                shipmentId = shipments[i - 1];
                break;
            }
        }
        _fulfil(id, o, shipmentId);
    }

    /// @dev The seller ties `shipmentId` to order `id`, checked against what the rules allow.
    function _fulfil(uint256 id, IOrderBook.Order memory o, uint256 shipmentId) internal {
        ICustodyRegistry.Shipment memory s = custody.shipment(shipmentId);
        bool matches = s.from == o.seller && s.to == o.buyer && s.batchId == o.batchId && s.boxes == o.boxes;
        bool allowed = o.status == IOrderBook.OrderStatus.Placed && time <= o.deadline
            && book.orderOfShipment(shipmentId) == 0 && matches && s.shippedAt >= o.placedAt
            && s.status != ICustodyRegistry.ShipmentStatus.Rejected;
        vm.prank(o.seller);
        try book.fulfil(id, shipmentId) {
            _expect(allowed, "fulfilment against the rules");
            _expect(++ghostLinks[shipmentId] == 1, "one shipment fulfils two orders");
            _expect(book.orderOfShipment(shipmentId) == id, "shipment not linked to its order");
            ++fulfilments;
        } catch {
            _expect(!allowed, "allowed fulfilment refused");
        }
    }

    /// @dev The recipient answers a pending shipment; when it fulfils an order not yet settled by rule,
    /// the receipt settles that order in the same call.
    function answerReceipt(uint256 shipmentSeed, bool acceptIt) external step {
        if (shipments.length == 0) return;
        uint256 shipmentId = shipments[shipmentSeed % shipments.length];
        address to = custody.shipment(shipmentId).to;
        bool pending = custody.shipment(shipmentId).status == ICustodyRegistry.ShipmentStatus.Pending;
        uint256 id = book.orderOfShipment(shipmentId);
        IOrderBook.Order memory o;
        if (id != 0) o = book.order(id);
        bool settles = pending && id != 0 && o.status == IOrderBook.OrderStatus.Fulfilled;
        uint256 sellerBefore;
        uint256 buyerBefore;
        if (id != 0) (sellerBefore, buyerBefore) = (book.withdrawable(o.seller), book.withdrawable(o.buyer));

        vm.prank(to);
        bool answered;
        if (acceptIt) {
            try custody.acceptShipment(shipmentId) {
                answered = true;
            } catch {}
        } else {
            try custody.rejectShipment(shipmentId, "wrong quantity") {
                answered = true;
            } catch {}
        }
        _expect(answered == pending, "receipt refused or allowed against the rules");
        if (answered && settles) {
            _paid(id, o, acceptIt, sellerBefore, buyerBefore);
            ++byReceipt;
        } else if (answered && id != 0) {
            _expect(book.order(id).status == o.status, "a late receipt changed a settled order");
            _expect(book.withdrawable(o.seller) == sellerBefore, "a late receipt paid the seller");
            _expect(book.withdrawable(o.buyer) == buyerBefore, "a late receipt paid the buyer");
        }
    }

    function settle(uint256 orderSeed, uint256 callerSeed) external step {
        if (ids.length == 0) return;
        uint256 id = ids[orderSeed % ids.length];
        IOrderBook.Order memory o = book.order(id);
        bool fulfilled = o.status == IOrderBook.OrderStatus.Fulfilled;
        ICustodyRegistry.ShipmentStatus receipt;
        if (fulfilled) receipt = custody.shipment(o.shipmentId).status;
        bool answered = receipt != ICustodyRegistry.ShipmentStatus.Pending;
        bool allowed = fulfilled && (answered || time > o.receiptDeadline);
        // Who is paid follows the receipt, or the rule (and a recall) when there is none.
        bool toSeller =
            answered ? receipt == ICustodyRegistry.ShipmentStatus.Accepted : !(o.batchId == batchIds[1] && recalled);
        (uint256 sellerBefore, uint256 buyerBefore) = (book.withdrawable(o.seller), book.withdrawable(o.buyer));

        vm.prank(accounts[callerSeed % 4]);
        try book.settle(id) {
            _expect(allowed, "settled against the rules");
            _paid(id, o, toSeller, sellerBefore, buyerBefore);
            if (!answered) ++byRule;
        } catch {
            _expect(!allowed, "allowed settlement refused");
        }
    }

    /// @dev By the seller one time in four (it declines), else by the buyer.
    function cancel(uint256 orderSeed, uint8 who) external step {
        if (ids.length == 0) return;
        bool bySeller = who % 4 == 0;
        uint256 id = ids[orderSeed % ids.length];
        IOrderBook.Order memory o = book.order(id);
        bool allowed = o.status == IOrderBook.OrderStatus.Placed && (bySeller || time > o.deadline);
        (uint256 sellerBefore, uint256 buyerBefore) = (book.withdrawable(o.seller), book.withdrawable(o.buyer));
        vm.prank(bySeller ? o.seller : o.buyer);
        try book.cancel(id) {
            _expect(allowed, "cancelled against the rules");
            _paid(id, o, false, sellerBefore, buyerBefore);
            ++cancellations;
        } catch {
            _expect(!allowed, "allowed cancellation refused");
        }
    }

    function withdraw(uint256 accountSeed) external step {
        address account = accounts[accountSeed % 4];
        uint256 owed = book.withdrawable(account);
        uint256 before = token.balanceOf(account);
        vm.prank(account);
        try book.withdraw() returns (uint256 amount) {
            _expect(amount == owed, "withdrew other than what was owed");
            _expect(token.balanceOf(account) == before + amount, "payout not received");
            _expect(book.withdrawable(account) == 0, "payout still owed after withdrawal");
            ghostWithdrawn[account] += amount;
            ++withdrawals;
        } catch {
            _expect(owed == 0, "payout refused");
        }
    }

    /// @dev The regulator recalls the second batch, once.
    function recall() external step {
        if (recalled) return;
        vm.prank(p.regulator);
        batches.recall(batchIds[1], "recall");
        recalled = true;
    }

    function warp(uint256 seconds_) external step {
        time += bound(seconds_, 0, 15 days); // one step may pass the receipt window
    }

    // ---------------------------------------------------------------- views for the invariants

    function orderCount() external view returns (uint256) {
        return ids.length;
    }

    // ---------------------------------------------------------------- internals

    /// @dev Four pairs: each pharmacy buying wholesale from the distributor, the distributor and a pharmacy
    /// buying ex-factory from the manufacturer.
    function _pair(uint256 seed) internal view returns (address buyer, address seller, uint64 cap) {
        uint256 k = seed % 4;
        if (k == 0) return (p.pharmacy, p.distributor, WHOLESALE_CAP);
        if (k == 1) return (p.pharmacy2, p.distributor, WHOLESALE_CAP);
        if (k == 2) return (p.distributor, p.manufacturer, EX_FACTORY_CAP);
        return (p.pharmacy, p.manufacturer, EX_FACTORY_CAP);
    }

    /// @dev Checks and records that order `id` just credited its whole escrow to one party, once.
    function _paid(uint256 id, IOrderBook.Order memory o, bool toSeller, uint256 sellerBefore, uint256 buyerBefore)
        internal
    {
        address payee = toSeller ? o.seller : o.buyer;
        IOrderBook.OrderStatus status = book.order(id).status;
        if (toSeller) {
            _expect(status == IOrderBook.OrderStatus.Released, "seller paid but the order is not released");
            _expect(book.withdrawable(o.seller) == sellerBefore + o.amountFen, "seller credited other than the escrow");
            _expect(book.withdrawable(o.buyer) == buyerBefore, "buyer credited on a release");
            ghostReleased[id] = true;
            ++releases;
        } else {
            _expect(
                status == IOrderBook.OrderStatus.Refunded || status == IOrderBook.OrderStatus.Cancelled,
                "buyer refunded but the order is not refunded or cancelled"
            );
            _expect(book.withdrawable(o.buyer) == buyerBefore + o.amountFen, "buyer credited other than the escrow");
            _expect(book.withdrawable(o.seller) == sellerBefore, "seller credited on a refund");
            ghostRefunded[id] = true;
            if (status == IOrderBook.OrderStatus.Refunded) ++refunds;
        }
        _expect(++ghostPayouts[id] == 1, "order paid out twice");
        _expect(!(ghostReleased[id] && ghostRefunded[id]), "order both released and refunded");
        ghostPayee[id] = payee;
        ghostCredited[payee] += o.amountFen;
    }

    function _expect(bool condition, string memory message) internal {
        if (!condition && bytes(violation).length == 0) violation = message;
    }
}
