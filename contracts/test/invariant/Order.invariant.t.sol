// SPDX-License-Identifier: MIT
pragma solidity ^0.8.24;

import {OrderFixture} from "../utils/OrderFixture.sol";
import {OrderHandler} from "./OrderHandler.sol";
import {IAccessRegistry} from "../../src/interfaces/IAccessRegistry.sol";
import {IOrderBook} from "../../src/interfaces/IOrderBook.sol";

/// @notice Escrowed money is conserved and paid out exactly once, under random sequences of orders,
/// shipments, fulfilments, receipts, settlements, cancellations, withdrawals, a recall and the passing of
/// time.
/// @dev Each invariant_ function is a campaign of its own (runs × depth calls); each also asserts that the
/// handler recorded no violation. `FOUNDRY_PROFILE=deep` runs 10,000 runs of each (foundry.toml).
contract OrderInvariantTest is OrderFixture {
    OrderHandler internal handler;
    bytes32 internal second;
    address internal pharmacy2;
    address[4] internal parties; // the handler's accounts, read once
    mapping(address account => uint256) internal initialBalance;

    function setUp() public override {
        super.setUp();
        pharmacy2 = makeAddr("pharmacy 2");
        vm.startPrank(regulator);
        access.registerParticipant(pharmacy2, PHARMACY_ROLE, unicode"便民大药房", "", SUZHOU);
        access.grantLicence(
            IAccessRegistry.LicenceKind.DistributionFiling, pharmacy2, "F-p2", ALL_CATEGORIES, D2020, D2030
        );
        vm.stopPrank();
        fund(pharmacy2, 0);
        vm.prank(manufacturer);
        token.approve(address(orders), type(uint256).max);

        second = releasedBatch("240315B");
        vm.prank(manufacturer);
        uint256 id = custody.ship(second, distributor, DISTRIBUTOR_STOCK);
        vm.prank(distributor);
        custody.acceptShipment(id);

        handler = new OrderHandler(
            orders,
            token,
            custody,
            batches,
            OrderHandler.Parties({
                regulator: regulator,
                manufacturer: manufacturer,
                distributor: distributor,
                pharmacy: pharmacy,
                pharmacy2: pharmacy2
            }),
            [batchId, second]
        );

        // Placing, delivering, answering and settling twice as often as the rest: they feed each other.
        bytes4[] memory selectors = new bytes4[](14);
        selectors[0] = OrderHandler.place.selector;
        selectors[1] = OrderHandler.place.selector;
        selectors[2] = OrderHandler.deliver.selector;
        selectors[3] = OrderHandler.deliver.selector;
        selectors[4] = OrderHandler.ship.selector;
        selectors[5] = OrderHandler.fulfil.selector;
        selectors[6] = OrderHandler.answerReceipt.selector;
        selectors[7] = OrderHandler.answerReceipt.selector;
        selectors[8] = OrderHandler.settle.selector;
        selectors[9] = OrderHandler.settle.selector;
        selectors[10] = OrderHandler.cancel.selector;
        selectors[11] = OrderHandler.withdraw.selector;
        selectors[12] = OrderHandler.warp.selector;
        selectors[13] = OrderHandler.recall.selector;
        for (uint256 i; i < 4; ++i) {
            parties[i] = handler.accounts(i);
            initialBalance[parties[i]] = token.balanceOf(parties[i]);
        }
        targetContract(address(handler));
        targetSelector(FuzzSelector({addr: address(handler), selectors: selectors}));
    }

    // ---------------------------------------------------------------- the handler does reach the contract

    function test_Handler_ExercisesEveryPath() public {
        // 1: pharmacy ← distributor, accepted; 2: pharmacy 2 ← distributor, rejected; 3: distributor ←
        // manufacturer, unanswered past the window; 4: pharmacy ← manufacturer, declined; 5: pharmacy ←
        // distributor, second batch, recalled and unanswered; 6: above the cap, refused.
        handler.place(0, false, 10, 140, 7 days);
        handler.place(1, false, 5, 150, 7 days);
        handler.place(2, false, 20, 110, 7 days);
        handler.place(3, false, 1, 120, 7 days);
        handler.place(0, true, 2, 100, 7 days);
        handler.place(0, false, 1, 151, 7 days);
        assertEq(handler.orderCount(), 5);
        assertEq(handler.refusedAboveCap(), 1);
        for (uint256 i; i < 5; ++i) {
            if (i != 3) handler.ship(i, 1); // shipments 3..6 (1 and 2 stocked the distributor)
        }
        handler.ship(0, 0); // one box off: fulfils nothing
        handler.fulfil(0, 0, false);
        handler.fulfil(1, 1, false);
        handler.fulfil(2, 2, false);
        handler.fulfil(4, 3, false);
        handler.fulfil(0, 4, true); // refused: order 1 is fulfilled, and the shipment does not match
        assertEq(handler.fulfilments(), 4);
        handler.answerReceipt(0, true); // settles order 1
        handler.answerReceipt(1, false); // settles order 2
        assertEq(handler.byReceipt(), 2);
        handler.cancel(3, 0); // the seller declines
        handler.recall();
        handler.settle(0, 0); // refused: the receipt settled it
        handler.settle(1, 1); // refused: the receipt settled it
        handler.settle(2, 2); // refused: the window is open
        handler.warp(10 days);
        handler.warp(5 days);
        handler.settle(2, 3);
        handler.settle(4, 0);
        assertEq(handler.releases(), 2);
        assertEq(handler.refunds(), 2);
        assertEq(handler.byRule(), 2);
        assertEq(handler.cancellations(), 1);
        handler.settle(0, 0); // refused: settled
        handler.cancel(0, 0); // refused: settled
        for (uint256 i; i < 4; ++i) {
            handler.withdraw(i);
        }
        assertEq(handler.withdrawals(), 4);
        assertEq(handler.violation(), "");
        invariant_TokenBalanceIsEscrowPlusUnwithdrawnPayouts();
        invariant_EveryOrderIsPaidOutAtMostOnce();
        invariant_NoOrderIsBothRefundedAndReleased();
        assertEq(token.balanceOf(address(orders)), 0);
    }

    // ---------------------------------------------------------------- invariants

    /// @dev No path creates or loses tokens: the book holds exactly the escrow of the open orders and the
    /// payouts owed, and every party's balance is what its history says.
    function invariant_TokenBalanceIsEscrowPlusUnwithdrawnPayouts() public view {
        assertEq(handler.violation(), "");
        uint256 escrowed;
        uint256 n = handler.orderCount();
        for (uint256 id = 1; id <= n; ++id) {
            IOrderBook.Order memory o = orders.order(id);
            if (o.status == IOrderBook.OrderStatus.Placed || o.status == IOrderBook.OrderStatus.Fulfilled) {
                escrowed += o.amountFen;
            }
        }
        uint256 owed;
        for (uint256 i; i < 4; ++i) {
            address a = parties[i];
            owed += orders.withdrawable(a);
            assertEq(
                token.balanceOf(a) + handler.ghostEscrowed(a),
                initialBalance[a] + handler.ghostMinted(a) + handler.ghostWithdrawn(a),
                "a party's balance differs from its history"
            );
        }
        assertEq(token.balanceOf(address(orders)), escrowed + owed, "token balance != escrow + unwithdrawn payouts");
    }

    /// @dev An open order has paid out nothing, a closed one exactly once, and what each party was credited
    /// is exactly the escrow of the orders closed in its favour, of which it has received at most that.
    function invariant_EveryOrderIsPaidOutAtMostOnce() public view {
        assertEq(handler.violation(), "");
        uint256 n = handler.orderCount();
        assertEq(orders.orderCount(), n, "order count differs");
        uint256[4] memory credited;
        for (uint256 id = 1; id <= n; ++id) {
            IOrderBook.Order memory o = orders.order(id);
            bool open = o.status == IOrderBook.OrderStatus.Placed || o.status == IOrderBook.OrderStatus.Fulfilled;
            assertEq(handler.ghostPayouts(id), open ? 0 : 1, "an order paid out other than once when closed");
            if (open) continue;
            address payee = handler.ghostPayee(id);
            for (uint256 i; i < 4; ++i) {
                if (parties[i] == payee) credited[i] += o.amountFen;
            }
        }
        for (uint256 i; i < 4; ++i) {
            address a = parties[i];
            assertEq(credited[i], handler.ghostCredited(a), "credits differ from the closed orders");
            assertEq(orders.withdrawable(a) + handler.ghostWithdrawn(a), credited[i], "credited other than paid out");
        }
    }

    /// @dev A released order paid its seller, a refunded or cancelled one its buyer, never both; a fulfilled
    /// order's shipment is its own and fulfils no other order.
    function invariant_NoOrderIsBothRefundedAndReleased() public view {
        assertEq(handler.violation(), "");
        uint256 n = handler.orderCount();
        for (uint256 id = 1; id <= n; ++id) {
            IOrderBook.Order memory o = orders.order(id);
            bool released = handler.ghostReleased(id);
            bool refunded = handler.ghostRefunded(id);
            assertFalse(released && refunded, "order both released and refunded");
            assertEq(released, o.status == IOrderBook.OrderStatus.Released, "release out of step with the status");
            assertEq(
                refunded,
                o.status == IOrderBook.OrderStatus.Refunded || o.status == IOrderBook.OrderStatus.Cancelled,
                "refund out of step with the status"
            );
            if (released) assertEq(handler.ghostPayee(id), o.seller, "release paid other than the seller");
            if (refunded) assertEq(handler.ghostPayee(id), o.buyer, "refund paid other than the buyer");
            assertEq(o.shipmentId == 0, o.fulfilledAt == 0, "fulfilment half recorded");
            if (o.shipmentId != 0) {
                assertEq(orders.orderOfShipment(o.shipmentId), id, "shipment linked to another order");
                assertEq(handler.ghostLinks(o.shipmentId), 1, "shipment linked twice");
            }
        }
    }
}
