// SPDX-License-Identifier: MIT
pragma solidity ^0.8.24;

import {Fixture} from "./Fixture.sol";
import {OrderBook} from "../../src/OrderBook.sol";
import {IOrderBook} from "../../src/interfaces/IOrderBook.sol";
import {IPriceRegistry} from "../../src/interfaces/IPriceRegistry.sol";

/// @notice The Fixture's world plus the order book (settling in the fixture's token), 苏州's surgical-mask
/// caps (ex-factory 1.20, wholesale 1.50 yuan a piece, as in the demo), a released batch "240315A" of 2,000
/// boxes of 50 masks of which the distributor holds 500, and money for both buyers, approved to the book.
abstract contract OrderFixture is Fixture {
    string internal constant LOT = "240315A";
    uint64 internal constant EX_FACTORY_CAP = 120; // fen per piece
    uint64 internal constant WHOLESALE_CAP = 150;
    uint64 internal constant PRICE = 140; // the distributor's price to the pharmacy: 1.40 yuan a piece
    uint64 internal constant EX_PRICE = 110; // the manufacturer's price to the distributor
    uint32 internal constant MASKS_PER_BOX = 50;
    uint32 internal constant DISTRIBUTOR_STOCK = 500;
    uint256 internal constant FUNDS = 100_000_000; // 1,000,000 yuan each
    uint64 internal constant WINDOW = 14 days;

    bytes32 internal batchId;
    uint256 internal wholesaleCapId;
    uint256 internal exFactoryCapId;

    function setUp() public virtual override {
        super.setUp();
        vm.startPrank(regulator);
        exFactoryCapId = prices.setPriceCap(
            SURGICAL,
            SUZHOU,
            IPriceRegistry.Channel.ExFactory,
            EX_FACTORY_CAP,
            D2020,
            unicode"国市监竞争〔2020〕21号"
        );
        wholesaleCapId = prices.setPriceCap(
            SURGICAL,
            SUZHOU,
            IPriceRegistry.Channel.Wholesale,
            WHOLESALE_CAP,
            D2020,
            unicode"国市监竞争〔2020〕21号"
        );
        // A retail cap, which an order never reads.
        prices.setPriceCap(
            SURGICAL, SUZHOU, IPriceRegistry.Channel.Retail, 100, D2020, unicode"国市监竞争〔2020〕21号"
        );
        vm.stopPrank();

        batchId = releasedBatch(LOT);
        vm.prank(manufacturer);
        uint256 id = custody.ship(batchId, distributor, DISTRIBUTOR_STOCK);
        vm.prank(distributor);
        custody.acceptShipment(id);

        fund(pharmacy, FUNDS);
        fund(distributor, FUNDS);
    }

    // ---------------------------------------------------------------- helpers

    function fund(address account, uint256 amount) internal {
        vm.prank(regulator);
        token.mint(account, amount);
        vm.prank(account);
        token.approve(address(orders), type(uint256).max);
    }

    function amountOf(uint32 boxes, uint64 fenPerPiece) internal pure returns (uint256) {
        return uint256(boxes) * MASKS_PER_BOX * fenPerPiece;
    }

    /// @dev The pharmacy orders `boxes` boxes from the distributor at PRICE, ship by in 7 days.
    function placeAsPharmacy(uint32 boxes) internal returns (uint256 id) {
        vm.prank(pharmacy);
        id = orders.placeOrder(distributor, batchId, boxes, PRICE, uint64(block.timestamp + 7 days));
    }

    function ship(address from, address to, uint32 boxes) internal returns (uint256 id) {
        vm.prank(from);
        id = custody.ship(batchId, to, boxes);
    }

    function fulfilAs(address seller, uint256 orderId, uint256 shipmentId) internal {
        vm.prank(seller);
        orders.fulfil(orderId, shipmentId);
    }

    /// @dev An order of `boxes` from the pharmacy, shipped by the distributor and tied to the shipment.
    function fulfilledOrder(uint32 boxes) internal returns (uint256 id, uint256 shipmentId) {
        id = placeAsPharmacy(boxes);
        shipmentId = ship(distributor, pharmacy, boxes);
        fulfilAs(distributor, id, shipmentId);
    }

    function accept(address to, uint256 shipmentId) internal {
        vm.prank(to);
        custody.acceptShipment(shipmentId);
    }

    function reject(address to, uint256 shipmentId) internal {
        vm.prank(to);
        custody.rejectShipment(shipmentId, unicode"可疑包装，数量不符");
    }

    function statusOf(uint256 id) internal view returns (IOrderBook.OrderStatus) {
        return orders.order(id).status;
    }
}
