// SPDX-License-Identifier: MIT
pragma solidity ^0.8.24;

import {OrderFixture} from "./utils/OrderFixture.sol";
import {GasMeter} from "./utils/GasMeter.sol";
import {OrderBook} from "../src/OrderBook.sol";

/// @notice Gas of each step of a purchase order, one per test against cold storage as a transaction would
/// (see GasTest; `scripts/gas-report.sh` collects this suite too).
/// @dev setUp leaves the book in its steady state: it has settled an order, so it has cached the batch,
/// custody and price registries from the directory, holds escrow of other orders and owes the seller a
/// payout. Orders are the pharmacy's 400 boxes (20,000 masks) at 1.40 yuan a piece from the distributor.
contract OrderGasTest is OrderFixture, GasMeter {
    uint64 internal deadline;
    uint256 internal placed; // placed, not yet shipped
    uint256 internal shipped; // a matching shipment to tie to `placed`
    uint256 internal toAccept; // the shipment of a fulfilled order, waiting for its receipt
    uint256 internal toReject; // another one
    uint256 internal unanswered; // fulfilled, no receipt, the window has passed

    function setUp() public override {
        super.setUp();
        deadline = uint64(block.timestamp + 30 days);
        // A first order through to its payout: caches the registries.
        (, uint256 firstShipment) = fulfilledOrder(10);
        accept(pharmacy, firstShipment); // settles it

        (unanswered,) = fulfilledOrder(10);
        vm.warp(block.timestamp + WINDOW + 1);
        deadline = uint64(block.timestamp + 30 days);
        (, toAccept) = fulfilledOrder(10);
        (, toReject) = fulfilledOrder(10);
        placed = placeAsPharmacy(400);
        shipped = ship(distributor, pharmacy, 400);
    }

    function _placeData(address seller, uint64 fenPerPiece) internal view returns (bytes memory) {
        return abi.encodeCall(orders.placeOrder, (seller, batchId, 400, fenPerPiece, deadline));
    }

    function test_Gas_PlaceOrder() public {
        uint256 used = _gas(pharmacy, address(orders), _placeData(distributor, PRICE));
        emit log_named_uint("placeOrder (wholesale, escrow pulled)", used);
    }

    function test_Gas_PlaceOrder_ExFactory() public {
        uint256 used = _gas(distributor, address(orders), _placeData(manufacturer, EX_PRICE));
        emit log_named_uint("placeOrder (ex-factory)", used);
    }

    /// @dev A new book's first order also caches the batch and price registries.
    function test_Gas_PlaceOrder_FirstOfABook() public {
        OrderBook fresh = new OrderBook(access, token);
        vm.prank(pharmacy);
        token.approve(address(fresh), type(uint256).max);
        bytes memory data = abi.encodeCall(fresh.placeOrder, (distributor, batchId, 400, PRICE, deadline));
        emit log_named_uint("placeOrder, first of a book", _gas(pharmacy, address(fresh), data));
    }

    function test_Gas_Fulfil() public {
        bytes memory data = abi.encodeCall(orders.fulfil, (placed, shipped));
        emit log_named_uint("fulfil (ties a custody shipment)", _gas(distributor, address(orders), data));
    }

    /// @dev The buyer's receipt in the custody registry, which settles the order in the same transaction.
    function test_Gas_Receipt_Accepted() public {
        bytes memory data = abi.encodeCall(custody.acceptShipment, (toAccept));
        emit log_named_uint(
            "acceptShipment, settling its order (to the seller)", _gas(pharmacy, address(custody), data)
        );
    }

    function test_Gas_Receipt_Rejected() public {
        bytes memory data = abi.encodeCall(custody.rejectShipment, (toReject, unicode"可疑包装，数量不符"));
        emit log_named_uint("rejectShipment, settling its order (refund)", _gas(pharmacy, address(custody), data));
    }

    function test_Gas_Settle_ByRule() public {
        bytes memory data = abi.encodeCall(orders.settle, (unanswered));
        emit log_named_uint("settle (window lapsed: to the seller)", _gas(stranger, address(orders), data));
    }

    function test_Gas_Cancel() public {
        bytes memory data = abi.encodeCall(orders.cancel, (placed));
        emit log_named_uint("cancel (the seller declines)", _gas(distributor, address(orders), data));
    }

    function test_Gas_Withdraw() public {
        bytes memory data = abi.encodeCall(orders.withdraw, ());
        emit log_named_uint("withdraw (payout)", _gas(distributor, address(orders), data));
    }
}
