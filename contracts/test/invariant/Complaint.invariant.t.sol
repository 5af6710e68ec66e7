// SPDX-License-Identifier: MIT
pragma solidity ^0.8.24;

import {ComplaintFixture} from "../utils/ComplaintFixture.sol";
import {ComplaintHandler} from "./ComplaintHandler.sol";
import {IComplaintRegistry} from "../../src/interfaces/IComplaintRegistry.sol";

/// @notice Bond accounting is conserved, nobody is paid twice and no complaint is ruled twice, under random
/// sequences of bonds, filings, answers, rulings, retests, counterfeit findings, payouts and the passing of
/// time.
/// @dev Each invariant_ function is a campaign of its own (runs × depth calls), so the checks are grouped
/// under the three invariants of the issue; each also asserts that the handler recorded no violation.
contract ComplaintInvariantTest is ComplaintFixture {
    ComplaintHandler internal handler;
    address[4] internal bondedParties; // the handler's, read once
    address[3] internal complainants;

    function setUp() public override {
        super.setUp();
        handler = new ComplaintHandler(
            complaints,
            token,
            tests,
            ComplaintHandler.Parties({
                regulator: regulator,
                manufacturer: manufacturer,
                supplier: supplier,
                distributor: distributor,
                pharmacy: pharmacy,
                inspector: inspector,
                lab: lab,
                treasury: treasury
            }),
            [consumer, consumer2, makeAddr("consumer 3")],
            GTIN,
            LOT,
            batchId,
            SEED,
            boxLeaves
        );

        bytes4[] memory selectors = new bytes4[](11);
        selectors[0] = ComplaintHandler.postBond.selector;
        selectors[1] = ComplaintHandler.withdrawBond.selector;
        selectors[2] = ComplaintHandler.setMinimum.selector;
        selectors[3] = ComplaintHandler.file.selector;
        selectors[4] = ComplaintHandler.file.selector; // filing twice as often: it feeds every other action
        selectors[5] = ComplaintHandler.answer.selector;
        selectors[6] = ComplaintHandler.rule.selector;
        selectors[7] = ComplaintHandler.retest.selector;
        selectors[8] = ComplaintHandler.withdraw.selector;
        selectors[9] = ComplaintHandler.warp.selector;
        selectors[10] = ComplaintHandler.find.selector;
        for (uint256 i; i < 4; ++i) {
            bondedParties[i] = handler.bonded(i);
        }
        for (uint256 i; i < 3; ++i) {
            complainants[i] = handler.consumers(i);
        }
        targetContract(address(handler));
        targetSelector(FuzzSelector({addr: address(handler), selectors: selectors}));
    }

    // ---------------------------------------------------------------- the handler does reach the contract

    function test_Handler_ExercisesEveryAction() public {
        handler.file(0, 1, 0, 2_500, false); // spec failure, box 1
        handler.file(1, 2, 1, 2_500, false); // counterfeit at the pharmacy, box 2
        handler.file(2, 3, 0, 30_000, false); // spec failure, box 3
        assertEq(handler.complaintCount(), 3);
        handler.answer(0);
        handler.rule(0, true); // answered: can be ruled at once
        handler.warp(8 days);
        handler.rule(1, false); // past the window
        handler.retest(2, true, true); // failing retest traced to the lot
        assertEq(handler.ghostRulings(), 3);
        assertEq(handler.upheldCount(), 2);
        assertEq(handler.dismissedCount(), 1);
        handler.rule(0, false); // refused: already ruled
        assertEq(handler.ghostRulings(), 3);
        handler.find(false, 0); // a counterfeit finding against the pharmacy
        handler.find(true, 0); // refused: the same evidence
        handler.find(true, 1);
        assertEq(handler.findings(), 2);
        handler.withdraw(0);
        handler.withdraw(2);
        handler.withdraw(3); // the treasury
        assertEq(handler.withdrawals(), 3);
        handler.postBond(3, 1_000);
        handler.withdrawBond(0, 1);
        handler.setMinimum(3, 0);
        assertEq(handler.violation(), "");
        invariant_TokenBalanceIsBondsPlusUnpaidPayouts();
        invariant_NobodyIsPaidTwice();
        invariant_NoComplaintIsRuledTwice();
    }

    // ---------------------------------------------------------------- invariants

    /// @dev No path creates or loses tokens: the registry holds exactly the bonds and the payouts owed, and
    /// each bond is what its history says.
    function invariant_TokenBalanceIsBondsPlusUnpaidPayouts() public view {
        IComplaintRegistry.Complaint[] memory all = _all();
        _checkHandler();
        _checkBalance();
        _checkBondHistories(all);
    }

    /// @dev Credits match awards, each award credited once, and nobody received more than credited.
    function invariant_NobodyIsPaidTwice() public view {
        IComplaintRegistry.Complaint[] memory all = _all();
        _checkHandler();
        _checkPayouts(all);
    }

    /// @dev Rulings are final, open complaints are counted where the bond lock and the serial lock read them,
    /// and bond suspensions stay in step with the access registry.
    function invariant_NoComplaintIsRuledTwice() public view {
        IComplaintRegistry.Complaint[] memory all = _all();
        _checkHandler();
        _checkRulings(all);
        _checkOpenComplaints(all);
        _checkSuspensions();
    }

    // ---------------------------------------------------------------- checks

    /// @dev Every complaint the handler filed (all about the one batch), in id order.
    function _all() internal view returns (IComplaintRegistry.Complaint[] memory all) {
        all = complaints.complaintsOf(batchId);
        assertEq(all.length, handler.complaintCount(), "complaints missing from the batch's list");
        assertEq(complaints.complaintCount(), all.length, "complaint count differs");
        for (uint256 i; i < all.length; ++i) {
            assertEq(all[i].id, i + 1, "batch list out of order");
        }
    }

    /// @dev Every counterfeit finding the handler recorded, in id order.
    function _findings() internal view returns (IComplaintRegistry.CounterfeitFinding[] memory found) {
        found = new IComplaintRegistry.CounterfeitFinding[](handler.findings());
        assertEq(complaints.counterfeitFindingCount(), found.length, "finding count differs");
        for (uint256 k; k < found.length; ++k) {
            found[k] = complaints.counterfeitFinding(k + 1);
        }
    }

    function _checkHandler() internal view {
        assertEq(handler.violation(), "");
    }

    function _checkBalance() internal view {
        uint256 bonds;
        for (uint256 i; i < 4; ++i) {
            bonds += complaints.bondOf(bondedParties[i]);
        }
        uint256 owed = complaints.withdrawable(treasury);
        for (uint256 i; i < 3; ++i) {
            owed += complaints.withdrawable(complainants[i]);
        }
        assertEq(token.balanceOf(address(complaints)), bonds + owed, "token balance != bonds + unpaid payouts");
    }

    /// @dev Each bond is what was posted, less what was withdrawn, less what upheld complaints and counterfeit
    /// findings took from it.
    function _checkBondHistories(IComplaintRegistry.Complaint[] memory all) internal view {
        address[4] memory parties = bondedParties;
        uint256[4] memory taken;
        IComplaintRegistry.CounterfeitFinding[] memory found = _findings();
        for (uint256 k; k < found.length; ++k) {
            for (uint256 i; i < 4; ++i) {
                if (found[k].seller == parties[i]) taken[i] += found[k].fineFen - found[k].shortfallFen;
            }
        }
        for (uint256 k; k < all.length; ++k) {
            (uint256 toComplainant, uint256 toTreasury) = _paidOf(all[k]);
            for (uint256 i; i < 4; ++i) {
                if (all[k].respondent == parties[i]) taken[i] += toComplainant + toTreasury;
            }
        }
        for (uint256 i; i < 4; ++i) {
            address party = parties[i];
            assertEq(
                complaints.bondOf(party) + handler.ghostBondWithdrawn(party) + taken[i],
                _initialBond(i) + handler.ghostPosted(party),
                "bond differs from its history"
            );
        }
    }

    /// @dev What each account was credited is exactly what the upheld complaints awarded it (each once), and
    /// it has received at most that: paid out + still owed == awarded.
    function _checkPayouts(IComplaintRegistry.Complaint[] memory all) internal view {
        address[3] memory accounts = complainants;
        uint256[3] memory awarded;
        uint256 fines;
        IComplaintRegistry.CounterfeitFinding[] memory found = _findings();
        for (uint256 k; k < found.length; ++k) {
            fines += found[k].fineFen - found[k].shortfallFen;
        }
        for (uint256 k; k < all.length; ++k) {
            (uint256 toComplainant, uint256 toTreasury) = _paidOf(all[k]);
            for (uint256 i; i < 3; ++i) {
                if (all[k].complainant == accounts[i]) awarded[i] += toComplainant;
            }
            fines += toTreasury;
        }
        for (uint256 i; i < 3; ++i) {
            address consumer_ = accounts[i];
            assertEq(
                complaints.withdrawable(consumer_) + handler.ghostPaidOut(consumer_),
                awarded[i],
                "complainant credited other than awarded"
            );
            assertEq(token.balanceOf(consumer_), handler.ghostPaidOut(consumer_), "complainant paid twice");
        }
        assertEq(complaints.withdrawable(treasury) + handler.ghostPaidOut(treasury), fines, "fines miscredited");
        assertEq(token.balanceOf(treasury), handler.ghostPaidOut(treasury), "treasury paid twice");
    }

    /// @dev A ruling is final: every complaint ruled keeps the status and date it was first ruled with, and
    /// the contract has exactly as many ruled complaints as the handler saw ruled once.
    function _checkRulings(IComplaintRegistry.Complaint[] memory all) internal view {
        uint256 ruled;
        for (uint256 k; k < all.length; ++k) {
            IComplaintRegistry.Complaint memory c = all[k];
            bool closed = c.status == IComplaintRegistry.ComplaintStatus.Upheld
                || c.status == IComplaintRegistry.ComplaintStatus.Dismissed;
            assertEq(closed, c.ruledAt != 0, "status and ruling date disagree");
            assertEq(closed, handler.ghostRuled(c.id), "ruled without the handler seeing it once");
            if (closed) {
                ++ruled;
                assertEq(uint256(c.status), uint256(handler.ghostStatus(c.id)));
                assertEq(uint256(c.ruledAt), uint256(handler.ghostRuledAt(c.id)));
            }
        }
        assertEq(ruled, handler.ghostRulings(), "more rulings than complaints ruled");
    }

    /// @dev A party's open-complaint count is the number of its complaints not yet ruled, and each open
    /// complaint is the one its serial points to.
    function _checkOpenComplaints(IComplaintRegistry.Complaint[] memory all) internal view {
        address[4] memory parties = bondedParties;
        uint256[4] memory open;
        for (uint256 k; k < all.length; ++k) {
            IComplaintRegistry.Complaint memory c = all[k];
            if (c.ruledAt != 0) continue;
            assertEq(complaints.openComplaintOf(batchId, c.serial), c.id, "serial does not point to its open complaint");
            for (uint256 i; i < 4; ++i) {
                if (c.respondent == parties[i]) ++open[i];
            }
        }
        for (uint256 i; i < 4; ++i) {
            assertEq(complaints.openComplaintsAgainst(parties[i]), open[i], "open complaints miscounted");
        }
    }

    function _checkSuspensions() internal view {
        for (uint256 i; i < 4; ++i) {
            address party = bondedParties[i];
            assertEq(
                complaints.isBondSuspended(party),
                access.participant(party).bondSuspendedAt != 0,
                "bond suspension out of step with the access registry"
            );
        }
    }

    /// @dev What an upheld complaint paid from the bond to the complainant and to the treasury: compensation
    /// first, then the fine; the shortfall is what neither got.
    function _paidOf(IComplaintRegistry.Complaint memory c)
        internal
        pure
        returns (uint256 toComplainant, uint256 toTreasury)
    {
        if (c.status != IComplaintRegistry.ComplaintStatus.Upheld) return (0, 0);
        uint256 fineUnpaid = c.shortfallFen < c.fineFen ? c.shortfallFen : c.fineFen;
        toTreasury = c.fineFen - fineUnpaid;
        toComplainant = c.compensationFen - (c.shortfallFen - fineUnpaid);
    }

    /// @dev The fixture's bonds: twice each role's default minimum.
    function _initialBond(uint256 i) internal pure returns (uint256) {
        return [2 * MANUFACTURER_MIN, 2 * SUPPLIER_MIN, 2 * DISTRIBUTOR_MIN, 2 * PHARMACY_MIN][i];
    }
}
