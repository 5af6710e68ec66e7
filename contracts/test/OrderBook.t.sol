// SPDX-License-Identifier: MIT
pragma solidity ^0.8.24;

import {IERC20} from "@openzeppelin/contracts/token/ERC20/IERC20.sol";
import {IERC20Errors} from "@openzeppelin/contracts/interfaces/draft-IERC6093.sol";
import {ReentrancyGuardTransient} from "@openzeppelin/contracts/utils/ReentrancyGuardTransient.sol";
import {OrderFixture} from "./utils/OrderFixture.sol";
import {FeeToken, ReentrantToken} from "./utils/MockTokens.sol";
import {AccessRegistry} from "../src/AccessRegistry.sol";
import {OrderBook} from "../src/OrderBook.sol";
import {IAccessRegistry} from "../src/interfaces/IAccessRegistry.sol";
import {IBatchRegistry} from "../src/interfaces/IBatchRegistry.sol";
import {ICustodyRegistry} from "../src/interfaces/ICustodyRegistry.sol";
import {IOrderBook} from "../src/interfaces/IOrderBook.sol";
import {IPriceRegistry} from "../src/interfaces/IPriceRegistry.sol";
import {RegistryBase} from "../src/utils/RegistryBase.sol";

contract OrderBookTest is OrderFixture {
    uint64 internal deadline;

    function setUp() public override {
        super.setUp();
        deadline = uint64(block.timestamp + 7 days);
    }

    function _place(address buyer, address seller, uint32 boxes, uint64 fenPerPiece) internal returns (uint256 id) {
        vm.prank(buyer);
        id = orders.placeOrder(seller, batchId, boxes, fenPerPiece, deadline);
    }

    function _expectPlaceRevert(address buyer, address seller, uint32 boxes, uint64 fenPerPiece, bytes memory err)
        internal
    {
        vm.expectRevert(err);
        vm.prank(buyer);
        orders.placeOrder(seller, batchId, boxes, fenPerPiece, deadline);
    }

    // ---------------------------------------------------------------- placing

    function test_PlaceOrder_EscrowsTheAmount() public {
        uint256 amount = amountOf(400, PRICE); // 400 boxes × 50 × 1.40 yuan = 28,000 yuan
        assertEq(amount, 2_800_000);
        vm.expectEmit(address(orders));
        emit IOrderBook.OrderPlaced(1, pharmacy, distributor, batchId, 400, PRICE, amount, deadline);
        uint256 id = _place(pharmacy, distributor, 400, PRICE);
        assertEq(id, 1);
        assertEq(orders.orderCount(), 1);
        assertEq(token.balanceOf(address(orders)), amount);
        assertEq(token.balanceOf(pharmacy), FUNDS - amount);

        IOrderBook.Order memory o = orders.order(id);
        assertEq(o.id, 1);
        assertEq(o.batchId, batchId);
        assertEq(o.buyer, pharmacy);
        assertEq(o.seller, distributor);
        assertEq(uint256(o.boxes), 400);
        assertEq(uint256(o.fenPerPiece), PRICE);
        assertEq(o.amountFen, amount);
        assertEq(uint256(o.channel), uint256(IPriceRegistry.Channel.Wholesale));
        assertEq(uint256(o.placedAt), T0);
        assertEq(uint256(o.deadline), deadline);
        assertEq(uint256(o.status), uint256(IOrderBook.OrderStatus.Placed));
        assertEq(o.shipmentId, 0);
        assertEq(uint256(o.fulfilledAt), 0);
        assertEq(uint256(o.receiptDeadline), 0);
        assertEq(orders.withdrawable(pharmacy), 0);
        assertEq(orders.withdrawable(distributor), 0);
    }

    function test_PlaceOrder_ManufacturerSellsExFactory() public {
        uint256 id = _place(distributor, manufacturer, 1000, EX_PRICE);
        assertEq(uint256(orders.order(id).channel), uint256(IPriceRegistry.Channel.ExFactory));
        assertEq(orders.order(id).amountFen, amountOf(1000, EX_PRICE));
    }

    function test_PlaceOrder_APharmacyMayBuyFromTheManufacturer() public {
        uint256 id = _place(pharmacy, manufacturer, 10, EX_FACTORY_CAP);
        assertEq(uint256(orders.order(id).channel), uint256(IPriceRegistry.Channel.ExFactory));
    }

    function test_PlaceOrder_AtTheCapIsAccepted() public {
        _place(pharmacy, distributor, 1, WHOLESALE_CAP);
        _place(distributor, manufacturer, 1, EX_FACTORY_CAP);
        assertEq(orders.orderCount(), 2);
    }

    /// @dev A wholesale price between the two caps: fine from a distributor, too high ex-factory.
    function test_PlaceOrder_ChannelFollowsTheSeller() public {
        _place(pharmacy, distributor, 1, 130);
        _expectPlaceRevert(
            pharmacy,
            manufacturer,
            1,
            130,
            abi.encodeWithSelector(
                IOrderBook.UnitPriceAboveCap.selector, 130, EX_FACTORY_CAP, IPriceRegistry.Channel.ExFactory
            )
        );
    }

    function test_PlaceOrder_NoCapInForceAcceptsAnyPrice() public {
        address distant = _distributorIn(110_000, "Beijing");
        _place(pharmacy, distant, 10, 10_000); // 100 yuan a piece: no cap in 北京
    }

    /// @dev The cap is the one in force now in the seller's region: a later cap supersedes from its date.
    function test_PlaceOrder_JudgedAgainstTheCapInForceNow() public {
        vm.prank(regulator);
        prices.setPriceCap(SURGICAL, SUZHOU, IPriceRegistry.Channel.Wholesale, 130, T0 + 1 days, "later");
        _place(pharmacy, distributor, 1, 140);
        vm.warp(T0 + 1 days);
        deadline = uint64(block.timestamp + 7 days);
        _expectPlaceRevert(
            pharmacy,
            distributor,
            1,
            140,
            abi.encodeWithSelector(IOrderBook.UnitPriceAboveCap.selector, 140, 130, IPriceRegistry.Channel.Wholesale)
        );
    }

    function test_PlaceOrder_UnreleasedBatchIsAPreOrder() public {
        bytes32 held = register(defaultInput("240315B"));
        vm.prank(distributor);
        uint256 id = orders.placeOrder(manufacturer, held, 100, EX_PRICE, deadline);
        assertEq(orders.order(id).batchId, held);
    }

    function test_PlaceOrder_ASuspendedThirdPartyDoesNotMatter() public {
        vm.prank(regulator);
        access.suspend(inspector, "unrelated");
        _place(pharmacy, distributor, 1, PRICE);
    }

    function test_RevertWhen_UnitPriceAboveCap() public {
        _expectPlaceRevert(
            pharmacy,
            distributor,
            400,
            151,
            abi.encodeWithSelector(
                IOrderBook.UnitPriceAboveCap.selector, 151, WHOLESALE_CAP, IPriceRegistry.Channel.Wholesale
            )
        );
    }

    function test_RevertWhen_UnitPriceAboveCap_ExFactory() public {
        _expectPlaceRevert(
            distributor,
            manufacturer,
            400,
            121,
            abi.encodeWithSelector(
                IOrderBook.UnitPriceAboveCap.selector, 121, EX_FACTORY_CAP, IPriceRegistry.Channel.ExFactory
            )
        );
    }

    function test_RevertWhen_ZeroBoxes() public {
        _expectPlaceRevert(pharmacy, distributor, 0, PRICE, abi.encodeWithSelector(IOrderBook.ZeroBoxes.selector));
    }

    function test_RevertWhen_ZeroPrice() public {
        _expectPlaceRevert(pharmacy, distributor, 1, 0, abi.encodeWithSelector(IOrderBook.ZeroPrice.selector));
    }

    function test_RevertWhen_InvalidDeadline_Now() public {
        deadline = T0;
        _expectPlaceRevert(
            pharmacy,
            distributor,
            1,
            PRICE,
            abi.encodeWithSelector(IOrderBook.InvalidDeadline.selector, T0, T0 + 180 days)
        );
    }

    function test_RevertWhen_InvalidDeadline_Past() public {
        deadline = T0 - 1;
        _expectPlaceRevert(
            pharmacy,
            distributor,
            1,
            PRICE,
            abi.encodeWithSelector(IOrderBook.InvalidDeadline.selector, T0 - 1, T0 + 180 days)
        );
    }

    function test_RevertWhen_InvalidDeadline_BeyondTheLeadTime() public {
        deadline = T0 + 180 days + 1;
        _expectPlaceRevert(
            pharmacy,
            distributor,
            1,
            PRICE,
            abi.encodeWithSelector(IOrderBook.InvalidDeadline.selector, deadline, T0 + 180 days)
        );
        deadline = T0 + 180 days;
        _place(pharmacy, distributor, 1, PRICE);
    }

    function test_RevertWhen_SelfOrder() public {
        _expectPlaceRevert(
            distributor, distributor, 1, PRICE, abi.encodeWithSelector(IOrderBook.SelfOrder.selector, distributor)
        );
    }

    function test_RevertWhen_BatchNotFound() public {
        bytes32 unknown = keccak256("no such batch");
        vm.expectRevert(abi.encodeWithSelector(IBatchRegistry.BatchNotFound.selector, unknown));
        vm.prank(pharmacy);
        orders.placeOrder(distributor, unknown, 1, PRICE, deadline);
    }

    function test_RevertWhen_BatchIsRecalled() public {
        vm.prank(regulator);
        batches.recall(batchId, unicode"抽检不合格");
        _expectPlaceRevert(
            pharmacy, distributor, 1, PRICE, abi.encodeWithSelector(IOrderBook.BatchIsRecalled.selector, batchId)
        );
    }

    function test_RevertWhen_BoxesExceedBatch() public {
        _expectPlaceRevert(
            pharmacy,
            distributor,
            2001,
            PRICE,
            abi.encodeWithSelector(IOrderBook.BoxesExceedBatch.selector, batchId, 2001, 2000)
        );
        _place(pharmacy, distributor, 2000, PRICE); // the whole batch may be ordered
    }

    function test_RevertWhen_BuyerNotAllowed() public {
        fund(manufacturer, FUNDS);
        _expectPlaceRevert(
            manufacturer,
            distributor,
            1,
            PRICE,
            abi.encodeWithSelector(IOrderBook.BuyerNotAllowed.selector, manufacturer)
        );
        _expectPlaceRevert(
            inspector, distributor, 1, PRICE, abi.encodeWithSelector(IOrderBook.BuyerNotAllowed.selector, inspector)
        );
        _expectPlaceRevert(
            stranger, distributor, 1, PRICE, abi.encodeWithSelector(IOrderBook.BuyerNotAllowed.selector, stranger)
        );
    }

    /// @dev A role granted without registration does not make an active buyer.
    function test_RevertWhen_BuyerHoldsTheRoleUnregistered() public {
        vm.prank(regulator);
        access.grantRole(PHARMACY_ROLE, stranger);
        _expectPlaceRevert(
            stranger,
            distributor,
            1,
            PRICE,
            abi.encodeWithSelector(IAccessRegistry.CallerLacksRole.selector, PHARMACY_ROLE, stranger)
        );
    }

    function test_RevertWhen_BuyerSuspended() public {
        vm.prank(regulator);
        access.suspend(pharmacy, unicode"停业整顿");
        _expectPlaceRevert(
            pharmacy,
            distributor,
            1,
            PRICE,
            abi.encodeWithSelector(IAccessRegistry.ParticipantIsSuspended.selector, pharmacy)
        );
    }

    function test_RevertWhen_BuyerSuspendedForItsBond() public {
        vm.prank(address(complaints)); // the registry that holds bonds suspends for them
        access.suspendForBond(pharmacy);
        _expectPlaceRevert(
            pharmacy,
            distributor,
            1,
            PRICE,
            abi.encodeWithSelector(IAccessRegistry.ParticipantIsSuspended.selector, pharmacy)
        );
    }

    function test_RevertWhen_BuyerNotLicensed() public {
        vm.prank(regulator);
        access.revokeLicence(pharmacyFilingId, T0, unicode"备案注销");
        _expectPlaceRevert(
            pharmacy, distributor, 1, PRICE, abi.encodeWithSelector(IOrderBook.BuyerNotLicensed.selector, pharmacy)
        );
    }

    function test_RevertWhen_SellerCannotSupply() public {
        // A pharmacy does not sell to the trade, and a stranger is nobody's supplier.
        _expectPlaceRevert(
            distributor,
            pharmacy,
            1,
            PRICE,
            abi.encodeWithSelector(IOrderBook.SellerCannotSupply.selector, pharmacy, batchId)
        );
        _expectPlaceRevert(
            pharmacy,
            stranger,
            1,
            PRICE,
            abi.encodeWithSelector(IOrderBook.SellerCannotSupply.selector, stranger, batchId)
        );
    }

    function test_RevertWhen_SellerCannotSupply_AnotherMakersBatch() public {
        address maker2 = makeAddr(unicode"临江卫材制品有限公司");
        vm.prank(regulator);
        access.registerParticipant(maker2, MANUFACTURER_ROLE, unicode"临江卫材", "", SUZHOU);
        _expectPlaceRevert(
            pharmacy,
            maker2,
            1,
            EX_PRICE,
            abi.encodeWithSelector(IOrderBook.SellerCannotSupply.selector, maker2, batchId)
        );
    }

    function test_RevertWhen_SellerSuspended() public {
        vm.prank(regulator);
        access.suspend(distributor, unicode"停业整顿");
        _expectPlaceRevert(
            pharmacy,
            distributor,
            1,
            PRICE,
            abi.encodeWithSelector(IAccessRegistry.ParticipantIsSuspended.selector, distributor)
        );
    }

    function test_RevertWhen_ManufacturerSuspendedForItsBond() public {
        vm.prank(address(complaints));
        access.suspendForBond(manufacturer);
        _expectPlaceRevert(
            distributor,
            manufacturer,
            1,
            EX_PRICE,
            abi.encodeWithSelector(IAccessRegistry.ParticipantIsSuspended.selector, manufacturer)
        );
    }

    function test_RevertWhen_SellerNotLicensed() public {
        vm.prank(regulator);
        access.revokeLicence(distributorFilingId, T0, unicode"备案注销");
        _expectPlaceRevert(
            pharmacy, distributor, 1, PRICE, abi.encodeWithSelector(IOrderBook.SellerNotLicensed.selector, distributor)
        );
    }

    function test_RevertWhen_EscrowNotApproved() public {
        vm.prank(pharmacy);
        token.approve(address(orders), 100);
        _expectPlaceRevert(
            pharmacy,
            distributor,
            1,
            PRICE,
            abi.encodeWithSelector(
                IERC20Errors.ERC20InsufficientAllowance.selector, address(orders), 100, amountOf(1, PRICE)
            )
        );
        assertEq(orders.orderCount(), 0);
    }

    function test_RevertWhen_EscrowExceedsTheBuyersBalance() public {
        vm.prank(pharmacy);
        token.transfer(stranger, FUNDS - 100);
        _expectPlaceRevert(
            pharmacy,
            distributor,
            1,
            PRICE,
            abi.encodeWithSelector(IERC20Errors.ERC20InsufficientBalance.selector, pharmacy, 100, amountOf(1, PRICE))
        );
    }

    function test_RevertWhen_EscrowShortfall() public {
        FeeToken feeToken = new FeeToken();
        OrderBook book = new OrderBook(access, IERC20(address(feeToken)));
        feeToken.mint(pharmacy, FUNDS);
        vm.prank(pharmacy);
        feeToken.approve(address(book), type(uint256).max);
        uint256 amount = amountOf(10, PRICE);
        vm.expectRevert(abi.encodeWithSelector(IOrderBook.EscrowShortfall.selector, amount, amount - amount / 100));
        vm.prank(pharmacy);
        book.placeOrder(distributor, batchId, 10, PRICE, deadline);
    }

    function test_RevertWhen_PlaceOrderReentered() public {
        ReentrantToken evil = new ReentrantToken();
        OrderBook book = new OrderBook(access, IERC20(address(evil)));
        evil.mint(pharmacy, FUNDS);
        vm.prank(pharmacy);
        evil.approve(address(book), type(uint256).max);
        evil.arm(address(book), abi.encodeCall(book.placeOrder, (distributor, batchId, 1, PRICE, deadline)));
        vm.expectRevert(ReentrancyGuardTransient.ReentrancyGuardReentrantCall.selector);
        vm.prank(pharmacy);
        book.placeOrder(distributor, batchId, 10, PRICE, deadline);
    }

    function test_RevertWhen_WithdrawReentered() public {
        ReentrantToken evil = new ReentrantToken();
        OrderBook book = new OrderBook(access, IERC20(address(evil)));
        evil.mint(pharmacy, FUNDS);
        vm.prank(pharmacy);
        evil.approve(address(book), type(uint256).max);
        vm.prank(pharmacy);
        uint256 id = book.placeOrder(distributor, batchId, 10, PRICE, deadline);
        vm.prank(distributor);
        book.cancel(id);
        evil.arm(address(book), abi.encodeCall(book.withdraw, ()));
        vm.expectRevert(ReentrancyGuardTransient.ReentrancyGuardReentrantCall.selector);
        vm.prank(pharmacy);
        book.withdraw();
        assertEq(book.withdrawable(pharmacy), amountOf(10, PRICE));
    }

    function test_RevertWhen_DirectoryNotSet() public {
        AccessRegistry fresh = new AccessRegistry(regulator, "fresh");
        OrderBook book = new OrderBook(fresh, token);
        vm.expectRevert(RegistryBase.DirectoryNotSet.selector);
        vm.prank(pharmacy);
        book.placeOrder(distributor, batchId, 1, PRICE, deadline);
    }

    function test_RevertWhen_TokenIsZero() public {
        vm.expectRevert(IOrderBook.ZeroAddress.selector);
        new OrderBook(access, IERC20(address(0)));
    }

    // ---------------------------------------------------------------- fulfilling

    function test_Fulfil_TiesTheShipmentToTheOrder() public {
        uint256 id = placeAsPharmacy(400);
        vm.warp(T0 + 1 days);
        uint256 shipmentId = ship(distributor, pharmacy, 400);
        vm.warp(T0 + 1 days + 1 hours);
        vm.expectEmit(address(orders));
        emit IOrderBook.OrderFulfilled(id, shipmentId, T0 + 1 days + 1 hours + WINDOW);
        fulfilAs(distributor, id, shipmentId);
        IOrderBook.Order memory o = orders.order(id);
        assertEq(uint256(o.status), uint256(IOrderBook.OrderStatus.Fulfilled));
        assertEq(o.shipmentId, shipmentId);
        assertEq(uint256(o.fulfilledAt), T0 + 1 days + 1 hours);
        assertEq(uint256(o.receiptDeadline), T0 + 1 days + 1 hours + WINDOW);
        assertEq(orders.orderOfShipment(shipmentId), id);
        assertEq(orders.orderOfShipment(shipmentId + 1), 0);
        // Fulfilling moves no money.
        assertEq(token.balanceOf(address(orders)), amountOf(400, PRICE));
        assertEq(orders.withdrawable(distributor), 0);
    }

    function test_Fulfil_OnTheDeadlineItself() public {
        uint256 id = placeAsPharmacy(10);
        vm.warp(deadline);
        fulfilAs(distributor, id, ship(distributor, pharmacy, 10));
        assertEq(uint256(statusOf(id)), uint256(IOrderBook.OrderStatus.Fulfilled));
    }

    /// @dev The buyer may accept before the seller ties the shipment; the seller is paid all the same.
    function test_Fulfil_AcceptsAShipmentAlreadyAccepted() public {
        uint256 id = placeAsPharmacy(10);
        uint256 shipmentId = ship(distributor, pharmacy, 10);
        accept(pharmacy, shipmentId);
        fulfilAs(distributor, id, shipmentId);
        orders.settle(id);
        assertEq(uint256(statusOf(id)), uint256(IOrderBook.OrderStatus.Released));
        assertEq(orders.withdrawable(distributor), amountOf(10, PRICE));
    }

    function test_Fulfil_ManufacturerShipsAnExFactoryOrder() public {
        uint256 id = _place(distributor, manufacturer, 1000, EX_PRICE);
        uint256 shipmentId = ship(manufacturer, distributor, 1000);
        fulfilAs(manufacturer, id, shipmentId);
        accept(distributor, shipmentId);
        assertEq(orders.withdrawable(manufacturer), amountOf(1000, EX_PRICE));
    }

    function test_RevertWhen_OrderNotFound() public {
        vm.expectRevert(abi.encodeWithSelector(IOrderBook.OrderNotFound.selector, 7));
        fulfilAs(distributor, 7, 1);
        vm.expectRevert(abi.encodeWithSelector(IOrderBook.OrderNotFound.selector, 7));
        orders.settle(7);
        vm.expectRevert(abi.encodeWithSelector(IOrderBook.OrderNotFound.selector, 0));
        vm.prank(pharmacy);
        orders.cancel(0);
        vm.expectRevert(abi.encodeWithSelector(IOrderBook.OrderNotFound.selector, 7));
        orders.order(7);
    }

    function test_RevertWhen_NotOrderSeller() public {
        uint256 id = placeAsPharmacy(10);
        uint256 shipmentId = ship(manufacturer, pharmacy, 10);
        vm.expectRevert(abi.encodeWithSelector(IOrderBook.NotOrderSeller.selector, id, manufacturer));
        fulfilAs(manufacturer, id, shipmentId);
        vm.expectRevert(abi.encodeWithSelector(IOrderBook.NotOrderSeller.selector, id, pharmacy));
        fulfilAs(pharmacy, id, shipmentId);
    }

    function test_RevertWhen_DeadlinePassed() public {
        uint256 id = placeAsPharmacy(10);
        vm.warp(deadline + 1);
        uint256 shipmentId = ship(distributor, pharmacy, 10);
        vm.expectRevert(abi.encodeWithSelector(IOrderBook.DeadlinePassed.selector, id, deadline));
        fulfilAs(distributor, id, shipmentId);
    }

    function test_RevertWhen_ShipmentNotFound() public {
        uint256 id = placeAsPharmacy(10);
        vm.expectRevert(abi.encodeWithSelector(ICustodyRegistry.ShipmentNotFound.selector, 99));
        fulfilAs(distributor, id, 99);
    }

    function test_RevertWhen_ShipmentDoesNotMatch_Boxes() public {
        uint256 id = placeAsPharmacy(10);
        uint256 shipmentId = ship(distributor, pharmacy, 9);
        vm.expectRevert(abi.encodeWithSelector(IOrderBook.ShipmentDoesNotMatch.selector, id, shipmentId));
        fulfilAs(distributor, id, shipmentId);
    }

    function test_RevertWhen_ShipmentDoesNotMatch_Recipient() public {
        address pharmacy2 = _pharmacy2();
        uint256 id = placeAsPharmacy(10);
        uint256 shipmentId = ship(distributor, pharmacy2, 10);
        vm.expectRevert(abi.encodeWithSelector(IOrderBook.ShipmentDoesNotMatch.selector, id, shipmentId));
        fulfilAs(distributor, id, shipmentId);
    }

    /// @dev The seller cannot claim another party's shipment to the buyer as its own.
    function test_RevertWhen_ShipmentDoesNotMatch_Sender() public {
        uint256 id = _place(pharmacy, manufacturer, 10, EX_PRICE);
        uint256 fromDistributor = ship(distributor, pharmacy, 10);
        vm.expectRevert(abi.encodeWithSelector(IOrderBook.ShipmentDoesNotMatch.selector, id, fromDistributor));
        fulfilAs(manufacturer, id, fromDistributor);
    }

    function test_RevertWhen_ShipmentDoesNotMatch_Batch() public {
        bytes32 other = releasedBatch("240315B");
        vm.prank(manufacturer);
        uint256 stock = custody.ship(other, distributor, 100);
        accept(distributor, stock);
        uint256 id = placeAsPharmacy(10);
        vm.prank(distributor);
        uint256 shipmentId = custody.ship(other, pharmacy, 10);
        vm.expectRevert(abi.encodeWithSelector(IOrderBook.ShipmentDoesNotMatch.selector, id, shipmentId));
        fulfilAs(distributor, id, shipmentId);
    }

    function test_RevertWhen_ShipmentBeforeOrder() public {
        uint256 early = ship(distributor, pharmacy, 10);
        vm.warp(T0 + 1);
        deadline = uint64(block.timestamp + 7 days);
        uint256 id = placeAsPharmacy(10);
        vm.expectRevert(abi.encodeWithSelector(IOrderBook.ShipmentBeforeOrder.selector, id, early));
        fulfilAs(distributor, id, early);
    }

    /// @dev Shipped in the same second as the order: not before it.
    function test_Fulfil_ShipmentInTheOrdersOwnSecond() public {
        uint256 shipmentId = ship(distributor, pharmacy, 10);
        uint256 id = placeAsPharmacy(10);
        fulfilAs(distributor, id, shipmentId);
    }

    function test_RevertWhen_ShipmentWasRejected() public {
        uint256 id = placeAsPharmacy(10);
        uint256 shipmentId = ship(distributor, pharmacy, 10);
        reject(pharmacy, shipmentId);
        vm.expectRevert(abi.encodeWithSelector(IOrderBook.ShipmentWasRejected.selector, shipmentId));
        fulfilAs(distributor, id, shipmentId);
        // The order stays open: a new shipment may still fulfil it.
        fulfilAs(distributor, id, ship(distributor, pharmacy, 10));
    }

    function test_RevertWhen_ShipmentAlreadyLinked() public {
        uint256 first = placeAsPharmacy(10);
        uint256 second = placeAsPharmacy(10);
        uint256 shipmentId = ship(distributor, pharmacy, 10);
        fulfilAs(distributor, first, shipmentId);
        vm.expectRevert(abi.encodeWithSelector(IOrderBook.ShipmentAlreadyLinked.selector, shipmentId, first));
        fulfilAs(distributor, second, shipmentId);
    }

    function test_RevertWhen_OrderAlreadyFulfilled() public {
        (uint256 id, uint256 shipmentId) = fulfilledOrder(10);
        uint256 again = ship(distributor, pharmacy, 10);
        vm.expectRevert(abi.encodeWithSelector(IOrderBook.OrderAlreadyFulfilled.selector, id, shipmentId));
        fulfilAs(distributor, id, again);
        vm.expectRevert(abi.encodeWithSelector(IOrderBook.OrderAlreadyFulfilled.selector, id, shipmentId));
        vm.prank(distributor);
        orders.cancel(id);
    }

    function test_RevertWhen_FulfilAfterCancel() public {
        uint256 id = placeAsPharmacy(10);
        vm.prank(distributor);
        orders.cancel(id);
        uint256 shipmentId = ship(distributor, pharmacy, 10);
        vm.expectRevert(
            abi.encodeWithSelector(IOrderBook.OrderAlreadySettled.selector, id, IOrderBook.OrderStatus.Cancelled)
        );
        fulfilAs(distributor, id, shipmentId);
    }

    // ---------------------------------------------------------------- settling

    function test_Receipt_AcceptedReleasesToTheSellerInTheSameTransaction() public {
        (uint256 id, uint256 shipmentId) = fulfilledOrder(400);
        uint256 amount = amountOf(400, PRICE);
        vm.expectEmit(address(orders));
        emit IOrderBook.OrderSettled(id, distributor, amount, IOrderBook.SettlementRule.ReceiptAccepted);
        accept(pharmacy, shipmentId);
        assertEq(uint256(statusOf(id)), uint256(IOrderBook.OrderStatus.Released));
        assertEq(orders.withdrawable(distributor), amount);
        assertEq(orders.withdrawable(pharmacy), 0);

        vm.expectEmit(address(orders));
        emit IOrderBook.PayoutWithdrawn(distributor, amount);
        vm.prank(distributor);
        assertEq(orders.withdraw(), amount);
        assertEq(token.balanceOf(distributor), FUNDS + amount);
        assertEq(token.balanceOf(pharmacy), FUNDS - amount);
        assertEq(token.balanceOf(address(orders)), 0);
        // And custody moved the boxes.
        assertEq(uint256(custody.balanceOf(batchId, pharmacy)), 400);
    }

    function test_Receipt_RejectedRefundsTheBuyerInTheSameTransaction() public {
        (uint256 id, uint256 shipmentId) = fulfilledOrder(400);
        uint256 amount = amountOf(400, PRICE);
        vm.expectEmit(address(orders));
        emit IOrderBook.OrderSettled(id, pharmacy, amount, IOrderBook.SettlementRule.ReceiptRejected);
        reject(pharmacy, shipmentId);
        assertEq(uint256(statusOf(id)), uint256(IOrderBook.OrderStatus.Refunded));
        assertEq(orders.withdrawable(pharmacy), amount);
        assertEq(orders.withdrawable(distributor), 0);
        vm.prank(pharmacy);
        orders.withdraw();
        assertEq(token.balanceOf(pharmacy), FUNDS);
        assertEq(uint256(custody.balanceOf(batchId, distributor)), DISTRIBUTOR_STOCK); // the boxes went back
    }

    function test_Settle_LapsedReceiptWindowReleasesToTheSeller() public {
        (uint256 id,) = fulfilledOrder(10);
        vm.warp(T0 + WINDOW + 1);
        vm.expectEmit(address(orders));
        emit IOrderBook.OrderSettled(
            id, distributor, amountOf(10, PRICE), IOrderBook.SettlementRule.ReceiptWindowLapsed
        );
        orders.settle(id);
        assertEq(uint256(statusOf(id)), uint256(IOrderBook.OrderStatus.Released));
        assertEq(orders.withdrawable(distributor), amountOf(10, PRICE));
    }

    function test_Settle_RecalledAndUnansweredRefundsTheBuyer() public {
        (uint256 id,) = fulfilledOrder(10);
        vm.warp(T0 + 3 days);
        vm.prank(regulator);
        batches.recall(batchId, unicode"抽检不合格");
        vm.warp(T0 + WINDOW + 1);
        vm.expectEmit(address(orders));
        emit IOrderBook.OrderSettled(
            id, pharmacy, amountOf(10, PRICE), IOrderBook.SettlementRule.RecalledWhileUnanswered
        );
        orders.settle(id);
        assertEq(uint256(statusOf(id)), uint256(IOrderBook.OrderStatus.Refunded));
        assertEq(orders.withdrawable(pharmacy), amountOf(10, PRICE));
    }

    /// @dev A recall does not undo a receipt the buyer gave: payment follows the receipt.
    function test_Settle_AcceptedBeforeARecallStillPaysTheSeller() public {
        (uint256 id, uint256 shipmentId) = fulfilledOrder(10);
        accept(pharmacy, shipmentId);
        vm.prank(regulator);
        batches.recall(batchId, unicode"抽检不合格");
        assertEq(uint256(statusOf(id)), uint256(IOrderBook.OrderStatus.Released));
        assertEq(orders.withdrawable(distributor), amountOf(10, PRICE));
    }

    /// @dev A receipt for a shipment that fulfils no order changes custody only.
    function test_Receipt_OfAShipmentWithoutAnOrderPaysNothing() public {
        uint256 id = placeAsPharmacy(10);
        uint256 shipmentId = ship(distributor, pharmacy, 10);
        accept(pharmacy, shipmentId);
        assertEq(uint256(statusOf(id)), uint256(IOrderBook.OrderStatus.Placed));
        assertEq(orders.withdrawable(distributor), 0);
        assertEq(token.balanceOf(address(orders)), amountOf(10, PRICE));
    }

    function test_RevertWhen_SettleByReceiptNotFromTheCustodyRegistry() public {
        (, uint256 shipmentId) = fulfilledOrder(10);
        vm.expectRevert(abi.encodeWithSelector(IOrderBook.NotCustodyRegistry.selector, pharmacy));
        vm.prank(pharmacy);
        orders.settleByReceipt(shipmentId);
    }

    /// @dev The window runs from the fulfilment, not from the shipment.
    function test_Settle_WindowCountsFromTheFulfilment() public {
        uint256 id = placeAsPharmacy(10);
        uint256 shipmentId = ship(distributor, pharmacy, 10);
        vm.warp(T0 + 5 days);
        fulfilAs(distributor, id, shipmentId);
        vm.warp(T0 + 5 days + WINDOW);
        vm.expectRevert(abi.encodeWithSelector(IOrderBook.ReceiptWindowOpen.selector, id, T0 + 5 days + WINDOW));
        orders.settle(id);
        vm.warp(T0 + 5 days + WINDOW + 1);
        orders.settle(id);
    }

    function test_RevertWhen_ReceiptWindowOpen() public {
        (uint256 id,) = fulfilledOrder(10);
        vm.expectRevert(abi.encodeWithSelector(IOrderBook.ReceiptWindowOpen.selector, id, T0 + WINDOW));
        orders.settle(id);
        vm.warp(T0 + WINDOW);
        vm.expectRevert(abi.encodeWithSelector(IOrderBook.ReceiptWindowOpen.selector, id, T0 + WINDOW));
        orders.settle(id);
    }

    function test_RevertWhen_OrderNotFulfilled() public {
        uint256 id = placeAsPharmacy(10);
        vm.expectRevert(abi.encodeWithSelector(IOrderBook.OrderNotFulfilled.selector, id));
        orders.settle(id);
    }

    function test_RevertWhen_OrderAlreadySettled() public {
        (uint256 id, uint256 shipmentId) = fulfilledOrder(10);
        accept(pharmacy, shipmentId); // settles it
        vm.expectRevert(
            abi.encodeWithSelector(IOrderBook.OrderAlreadySettled.selector, id, IOrderBook.OrderStatus.Released)
        );
        orders.settle(id);
        vm.expectRevert(
            abi.encodeWithSelector(IOrderBook.OrderAlreadySettled.selector, id, IOrderBook.OrderStatus.Released)
        );
        vm.prank(distributor);
        orders.cancel(id);
        assertEq(orders.withdrawable(distributor), amountOf(10, PRICE)); // credited once
    }

    function test_RevertWhen_SettleAfterCancel() public {
        uint256 id = placeAsPharmacy(10);
        vm.prank(distributor);
        orders.cancel(id);
        vm.expectRevert(
            abi.encodeWithSelector(IOrderBook.OrderAlreadySettled.selector, id, IOrderBook.OrderStatus.Cancelled)
        );
        orders.settle(id);
    }

    /// @dev A receipt given after the order settled by rule moves boxes in custody only.
    function test_Settle_LateReceiptDoesNotPayAgain() public {
        (uint256 id, uint256 shipmentId) = fulfilledOrder(10);
        vm.warp(T0 + WINDOW + 1);
        orders.settle(id);
        reject(pharmacy, shipmentId);
        vm.expectRevert(
            abi.encodeWithSelector(IOrderBook.OrderAlreadySettled.selector, id, IOrderBook.OrderStatus.Released)
        );
        orders.settle(id);
        assertEq(orders.withdrawable(pharmacy), 0);
        assertEq(orders.withdrawable(distributor), amountOf(10, PRICE));
    }

    // ---------------------------------------------------------------- cancelling

    function test_Cancel_BuyerAfterTheDeadlineIsRefunded() public {
        uint256 id = placeAsPharmacy(10);
        vm.warp(deadline + 1);
        vm.expectEmit(address(orders));
        emit IOrderBook.OrderCancelled(id, pharmacy, amountOf(10, PRICE));
        vm.prank(pharmacy);
        orders.cancel(id);
        assertEq(uint256(statusOf(id)), uint256(IOrderBook.OrderStatus.Cancelled));
        assertEq(orders.withdrawable(pharmacy), amountOf(10, PRICE));
        vm.prank(pharmacy);
        orders.withdraw();
        assertEq(token.balanceOf(pharmacy), FUNDS);
    }

    function test_Cancel_SellerDeclinesAtAnyTime() public {
        uint256 id = placeAsPharmacy(10);
        vm.expectEmit(address(orders));
        emit IOrderBook.OrderCancelled(id, distributor, amountOf(10, PRICE));
        vm.prank(distributor);
        orders.cancel(id);
        assertEq(orders.withdrawable(pharmacy), amountOf(10, PRICE));
        assertEq(orders.withdrawable(distributor), 0);
    }

    /// @dev A suspended buyer still gets its money back.
    function test_Cancel_SuspendedBuyerIsRefunded() public {
        uint256 id = placeAsPharmacy(10);
        vm.prank(regulator);
        access.suspend(pharmacy, unicode"停业整顿");
        vm.warp(deadline + 1);
        vm.prank(pharmacy);
        orders.cancel(id);
        vm.prank(pharmacy);
        orders.withdraw();
        assertEq(token.balanceOf(pharmacy), FUNDS);
    }

    function test_RevertWhen_DeadlineNotPassed() public {
        uint256 id = placeAsPharmacy(10);
        vm.expectRevert(abi.encodeWithSelector(IOrderBook.DeadlineNotPassed.selector, id, deadline));
        vm.prank(pharmacy);
        orders.cancel(id);
        vm.warp(deadline); // the deadline itself still belongs to the seller
        vm.expectRevert(abi.encodeWithSelector(IOrderBook.DeadlineNotPassed.selector, id, deadline));
        vm.prank(pharmacy);
        orders.cancel(id);
    }

    function test_RevertWhen_NotOrderParty() public {
        uint256 id = placeAsPharmacy(10);
        vm.warp(deadline + 1);
        vm.expectRevert(abi.encodeWithSelector(IOrderBook.NotOrderParty.selector, id, stranger));
        vm.prank(stranger);
        orders.cancel(id);
    }

    function test_RevertWhen_CancelledTwice() public {
        uint256 id = placeAsPharmacy(10);
        vm.prank(distributor);
        orders.cancel(id);
        vm.expectRevert(
            abi.encodeWithSelector(IOrderBook.OrderAlreadySettled.selector, id, IOrderBook.OrderStatus.Cancelled)
        );
        vm.prank(distributor);
        orders.cancel(id);
    }

    // ---------------------------------------------------------------- payouts

    function test_Withdraw_PaysEverythingCreditedAtOnce() public {
        (uint256 a, uint256 sa) = fulfilledOrder(10);
        (uint256 b, uint256 sb) = fulfilledOrder(20);
        accept(pharmacy, sa);
        accept(pharmacy, sb);
        assertEq(uint256(statusOf(a)), uint256(IOrderBook.OrderStatus.Released));
        assertEq(uint256(statusOf(b)), uint256(IOrderBook.OrderStatus.Released));
        uint256 total = amountOf(30, PRICE);
        assertEq(orders.withdrawable(distributor), total);
        vm.prank(distributor);
        assertEq(orders.withdraw(), total);
        assertEq(orders.withdrawable(distributor), 0);
    }

    function test_RevertWhen_NothingToWithdraw() public {
        vm.expectRevert(abi.encodeWithSelector(IOrderBook.NothingToWithdraw.selector, pharmacy));
        vm.prank(pharmacy);
        orders.withdraw();
        uint256 id = placeAsPharmacy(10);
        vm.prank(distributor);
        orders.cancel(id);
        vm.prank(pharmacy);
        orders.withdraw();
        vm.expectRevert(abi.encodeWithSelector(IOrderBook.NothingToWithdraw.selector, pharmacy));
        vm.prank(pharmacy);
        orders.withdraw();
    }

    // ---------------------------------------------------------------- views

    function test_Views() public view {
        assertEq(uint256(orders.RECEIPT_WINDOW()), 14 days);
        assertEq(uint256(orders.MAX_LEAD_TIME()), 180 days);
        assertEq(address(orders.settlementToken()), address(token));
        assertEq(address(orders.accessRegistry()), address(access));
        assertEq(orders.quote(batchId, 400, PRICE), 2_800_000);
        assertEq(orders.orderCount(), 0);
    }

    function test_RevertWhen_QuoteUnknownBatch() public {
        vm.expectRevert(abi.encodeWithSelector(IBatchRegistry.BatchNotFound.selector, bytes32(0)));
        orders.quote(bytes32(0), 1, 1);
    }

    // ---------------------------------------------------------------- fuzz

    function testFuzz_PlaceOrder_EscrowIsBoxesTimesMasksTimesPrice(uint32 boxes, uint64 fenPerPiece) public {
        boxes = uint32(bound(boxes, 1, 2000));
        fenPerPiece = uint64(bound(fenPerPiece, 1, WHOLESALE_CAP));
        uint256 amount = amountOf(boxes, fenPerPiece);
        assertEq(orders.quote(batchId, boxes, fenPerPiece), amount);
        uint256 id = _place(pharmacy, distributor, boxes, fenPerPiece);
        assertEq(orders.order(id).amountFen, amount);
        assertEq(token.balanceOf(address(orders)), amount);
        assertEq(token.balanceOf(pharmacy), FUNDS - amount);
    }

    function testFuzz_RevertWhen_UnitPriceAboveCap(uint64 fenPerPiece, bool exFactory) public {
        uint64 cap = exFactory ? EX_FACTORY_CAP : WHOLESALE_CAP;
        fenPerPiece = uint64(bound(fenPerPiece, cap + 1, type(uint64).max));
        address buyer = exFactory ? distributor : pharmacy;
        address seller = exFactory ? manufacturer : distributor;
        IPriceRegistry.Channel channel = exFactory ? IPriceRegistry.Channel.ExFactory : IPriceRegistry.Channel.Wholesale;
        _expectPlaceRevert(
            buyer,
            seller,
            1,
            fenPerPiece,
            abi.encodeWithSelector(IOrderBook.UnitPriceAboveCap.selector, fenPerPiece, cap, channel)
        );
    }

    /// @dev Without a cap any price is taken, and the escrow's arithmetic never overflows.
    function testFuzz_PlaceOrder_LargeAmountsWithoutACap(uint32 boxes, uint64 fenPerPiece) public {
        address distant = _distributorIn(110_000, "Beijing");
        boxes = uint32(bound(boxes, 1, 2000));
        fenPerPiece = uint64(bound(fenPerPiece, 1, type(uint64).max));
        uint256 amount = amountOf(boxes, fenPerPiece);
        fund(pharmacy, amount);
        uint256 id = _place(pharmacy, distant, boxes, fenPerPiece);
        assertEq(orders.order(id).amountFen, amount);
        vm.prank(distant);
        orders.cancel(id);
        assertEq(orders.withdrawable(pharmacy), amount);
    }

    function testFuzz_Deadline_AcceptedWithinTheLeadTime(uint64 ahead) public {
        deadline = uint64(T0 + bound(ahead, 1, 180 days));
        uint256 id = _place(pharmacy, distributor, 1, PRICE);
        assertEq(uint256(orders.order(id).deadline), deadline);
    }

    /// @dev The seller may fulfil up to the deadline; the buyer may cancel only after it; never both.
    function testFuzz_Deadline_FulfilOrCancelNeverBoth(uint64 ahead, uint64 wait) public {
        deadline = uint64(T0 + bound(ahead, 1, 180 days));
        uint256 id = placeAsPharmacyBy(10, deadline);
        vm.warp(T0 + bound(wait, 0, 200 days));
        uint256 shipmentId = ship(distributor, pharmacy, 10);
        bool late = block.timestamp > deadline;

        vm.prank(pharmacy);
        try orders.cancel(id) {
            assertTrue(late, "cancelled before the deadline");
        } catch {
            assertFalse(late, "refused a cancellation after the deadline");
        }
        vm.prank(distributor);
        try orders.fulfil(id, shipmentId) {
            assertFalse(late, "fulfilled after the deadline");
        } catch {
            assertTrue(late, "refused a fulfilment by the deadline");
        }
        assertEq(token.balanceOf(address(orders)), amountOf(10, PRICE));
    }

    /// @dev An unanswered delivery settles to the seller exactly when the window has passed.
    function testFuzz_Settle_ByRuleOnlyAfterTheWindow(uint64 wait) public {
        (uint256 id,) = fulfilledOrder(10);
        wait = uint64(bound(wait, 0, 60 days));
        vm.warp(T0 + wait);
        try orders.settle(id) {
            assertGt(wait, WINDOW);
            assertEq(orders.withdrawable(distributor), amountOf(10, PRICE));
        } catch {
            assertLe(wait, WINDOW);
            assertEq(uint256(statusOf(id)), uint256(IOrderBook.OrderStatus.Fulfilled));
        }
    }

    /// @dev Whatever happens to an order, its escrow ends up credited once, whole, to one party.
    function testFuzz_EveryPathPaysOutOnce(uint8 path, uint64 wait, uint32 boxes) public {
        boxes = uint32(bound(boxes, 1, DISTRIBUTOR_STOCK));
        uint256 amount = amountOf(boxes, PRICE);
        uint256 id = placeAsPharmacy(boxes);
        path = uint8(bound(path, 0, 4));
        if (path == 0) {
            vm.prank(distributor);
            orders.cancel(id);
        } else if (path == 1) {
            vm.warp(deadline + 1 + bound(wait, 0, 30 days));
            vm.prank(pharmacy);
            orders.cancel(id);
        } else {
            uint256 shipmentId = ship(distributor, pharmacy, boxes);
            fulfilAs(distributor, id, shipmentId);
            // A receipt settles the order itself; silence needs settle after the window.
            if (path == 2) {
                accept(pharmacy, shipmentId);
            } else if (path == 3) {
                reject(pharmacy, shipmentId);
            } else {
                vm.warp(T0 + WINDOW + 1 + bound(wait, 0, 30 days));
                orders.settle(id);
            }
        }
        uint256 toBuyer = orders.withdrawable(pharmacy);
        uint256 toSeller = orders.withdrawable(distributor);
        assertEq(toBuyer + toSeller, amount);
        assertTrue(toBuyer == 0 || toSeller == 0, "paid to both");
        assertEq(token.balanceOf(address(orders)), amount);
        // Nothing settles or cancels it again.
        vm.expectRevert();
        orders.settle(id);
        vm.expectRevert();
        vm.prank(distributor);
        orders.cancel(id);
    }

    // ---------------------------------------------------------------- world builders

    function placeAsPharmacyBy(uint32 boxes, uint64 by) internal returns (uint256 id) {
        vm.prank(pharmacy);
        id = orders.placeOrder(distributor, batchId, boxes, PRICE, by);
    }

    /// @dev A distributor with a filing registered in `region`, where no cap is set.
    function _distributorIn(uint32 region, string memory name) internal returns (address d) {
        d = makeAddr(name);
        vm.startPrank(regulator);
        access.registerParticipant(d, DISTRIBUTOR_ROLE, name, "", region);
        access.grantLicence(IAccessRegistry.LicenceKind.DistributionFiling, d, "F-bj", ALL_CATEGORIES, D2020, D2030);
        vm.stopPrank();
    }

    function _pharmacy2() internal returns (address p) {
        p = makeAddr("pharmacy 2");
        vm.startPrank(regulator);
        access.registerParticipant(p, PHARMACY_ROLE, unicode"便民大药房", "", SUZHOU);
        access.grantLicence(IAccessRegistry.LicenceKind.DistributionFiling, p, "F-p2", ALL_CATEGORIES, D2020, D2030);
        vm.stopPrank();
    }
}
