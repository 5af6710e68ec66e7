// SPDX-License-Identifier: MIT
pragma solidity ^0.8.24;

import {Base} from "../utils/Base.sol";
import {Possession} from "../utils/Possession.sol";
import {ComplaintRegistry} from "../../src/ComplaintRegistry.sol";
import {SettlementToken} from "../../src/SettlementToken.sol";
import {TestRegistry} from "../../src/TestRegistry.sol";
import {IComplaintRegistry} from "../../src/interfaces/IComplaintRegistry.sol";
import {ITestRegistry} from "../../src/interfaces/ITestRegistry.sol";

/// @notice Drives the complaint registry at random: posts and withdraws bonds, changes a minimum, files
/// complaints (any kind, any box, any of three consumers), answers, rules, retests and rules by retest,
/// records counterfeit findings against either seller, withdraws payouts, and lets time pass. Keeps a ghost ledger of what went in and out, and of every
/// ruling as first seen, for the invariants to compare with the contract.
/// @dev The invariant runner ignores reverts in handlers (fail_on_revert = false), so a check made here is
/// recorded in `violation` (the first one) rather than reverted, and an invariant asserts it stays empty.
contract ComplaintHandler is Base {
    struct Parties {
        address regulator;
        address manufacturer;
        address supplier;
        address distributor;
        address pharmacy;
        address inspector;
        address lab;
        address treasury;
    }

    ComplaintRegistry internal immutable complaints;
    SettlementToken internal immutable token;
    TestRegistry internal immutable tests;
    bytes32 internal immutable batchId;
    uint64 internal immutable gtin;
    bytes32 internal immutable seed;
    Parties internal p;
    string internal lot;
    bytes32[] internal leaves;

    address[4] public bonded; // manufacturer, supplier, distributor, pharmacy
    address[3] public consumers;
    uint256[] public ids;

    uint256 public time;
    mapping(address party => uint256) public ghostPosted;
    mapping(address party => uint256) public ghostBondWithdrawn;
    mapping(address account => uint256) public ghostPaidOut;
    mapping(uint256 id => bool) public ghostRuled;
    mapping(uint256 id => IComplaintRegistry.ComplaintStatus) public ghostStatus;
    mapping(uint256 id => uint64) public ghostRuledAt;
    uint256 public ghostRulings;
    uint256 public calls;
    uint256 public upheldCount;
    uint256 public dismissedCount;
    uint256 public withdrawals;
    uint256 public findings;
    string public violation;

    constructor(
        ComplaintRegistry complaints_,
        SettlementToken token_,
        TestRegistry tests_,
        Parties memory parties,
        address[3] memory consumers_,
        uint64 gtin_,
        string memory lot_,
        bytes32 batchId_,
        bytes32 seed_,
        bytes32[] memory leaves_
    ) {
        complaints = complaints_;
        token = token_;
        tests = tests_;
        p = parties;
        consumers = consumers_;
        gtin = gtin_;
        lot = lot_;
        batchId = batchId_;
        seed = seed_;
        leaves = leaves_;
        bonded = [parties.manufacturer, parties.supplier, parties.distributor, parties.pharmacy];
        time = block.timestamp;
    }

    modifier step() {
        ++calls;
        vm.warp(time);
        _;
    }

    // ---------------------------------------------------------------- actions

    function postBond(uint256 partySeed, uint256 amount) external step {
        address party = bonded[partySeed % 4];
        amount = bound(amount, 1, 3_000_000);
        vm.prank(p.regulator);
        token.mint(party, amount);
        vm.prank(party);
        token.approve(address(complaints), amount);
        vm.prank(party);
        complaints.postBond(amount);
        ghostPosted[party] += amount;
        // A bond at its minimum is never left suspended.
        if (complaints.bondOf(party) >= complaints.requiredBondOf(party)) {
            _expect(!complaints.isBondSuspended(party), "topped up but still suspended");
        }
    }

    function withdrawBond(uint256 partySeed, uint256 amount) external step {
        address party = bonded[partySeed % 4];
        uint256 bond = complaints.bondOf(party);
        if (bond == 0) return;
        amount = bound(amount, 1, bond);
        bool allowed = !complaints.isBondSuspended(party) && complaints.openComplaintsAgainst(party) == 0
            && bond - amount >= complaints.requiredBondOf(party);
        uint256 before = token.balanceOf(party);
        vm.prank(party);
        try complaints.withdrawBond(amount) {
            _expect(allowed, "bond withdrawn against the rules");
            ghostBondWithdrawn[party] += amount;
            _expect(token.balanceOf(party) == before + amount, "bond withdrawal paid the wrong amount");
        } catch {
            _expect(!allowed, "allowed bond withdrawal refused");
        }
    }

    function setMinimum(uint256 roleSeed, uint256 amount) external step {
        bytes32[4] memory roles = [
            keccak256("MANUFACTURER_ROLE"),
            keccak256("SUPPLIER_ROLE"),
            keccak256("DISTRIBUTOR_ROLE"),
            keccak256("PHARMACY_ROLE")
        ];
        vm.prank(p.regulator);
        complaints.setBondMinimum(roles[roleSeed % 4], bound(amount, 0, 5_000_000));
    }

    function file(uint256 consumerSeed, uint64 serial, uint8 kindSeed, uint32 price, bool atDistributor) external step {
        address consumer = consumers[consumerSeed % 3];
        serial = uint64(bound(serial, 1, leaves.length));
        IComplaintRegistry.ComplaintKind kind = IComplaintRegistry.ComplaintKind(kindSeed % 3);
        address seller = atDistributor ? p.distributor : p.pharmacy;
        bool wasOpen = complaints.openComplaintOf(batchId, serial) != 0;
        bytes32[] memory proof = Possession.proof(leaves, serial - 1);
        bytes memory signature =
            Possession.sign(Possession.secretOf(seed, serial), complaints.possessionDigest(batchId, serial, consumer));
        vm.prank(consumer);
        try complaints.fileComplaint(gtin, lot, serial, kind, signature, proof, price, seller, bytes32(0)) returns (
            uint256 id
        ) {
            _expect(!wasOpen, "second open complaint on a serial");
            _expect(id == ids.length + 1, "complaint ids are not sequential");
            ids.push(id);
        } catch {}
    }

    function answer(uint256 idSeed) external step {
        if (ids.length == 0) return;
        uint256 id = ids[idSeed % ids.length];
        address respondent = complaints.complaint(id).respondent;
        vm.prank(respondent);
        try complaints.answer(id, keccak256("answer")) {
            _expect(!ghostRuled[id], "answered after a ruling");
        } catch {}
    }

    function rule(uint256 idSeed, bool upheld) external step {
        if (ids.length == 0) return;
        uint256 id = ids[idSeed % ids.length];
        vm.prank(p.inspector);
        try complaints.rule(id, upheld, bytes32(0)) {
            _ruled(id);
        } catch {}
    }

    /// @dev The lab posts a retest (failing or passing), then rules a complaint by it.
    function retest(uint256 idSeed, bool failing, bool tracesToLot) external step {
        if (ids.length == 0) return;
        uint256 id = ids[idSeed % ids.length];
        ITestRegistry.MetricResult[] memory r = new ITestRegistry.MetricResult[](7);
        int64[7] memory values = [int64(9860), 4100, 380, 120, 0, 20, 32];
        if (failing) values[0] = 9000;
        for (uint16 i; i < 7; ++i) {
            r[i] = ITestRegistry.MetricResult(i + 1, values[i]);
        }
        vm.prank(p.lab);
        uint256 index = tests.postTestReport(batchId, r, bytes32(0), true);
        vm.prank(p.lab);
        try complaints.ruleByRetest(id, index, tracesToLot) {
            _ruled(id);
            IComplaintRegistry.Complaint memory c = complaints.complaint(id);
            IComplaintRegistry.ComplaintStatus expected =
                failing ? IComplaintRegistry.ComplaintStatus.Upheld : IComplaintRegistry.ComplaintStatus.Dismissed;
            _expect(c.status == expected, "retest ruled against its result");
            if (failing && tracesToLot) _expect(c.respondent == p.supplier, "tracing did not name the supplier");
        } catch {}
    }

    /// @dev An inspector confirms a tip against either seller; the evidence seed may repeat, which the
    /// contract must refuse (one finding per piece of evidence).
    function find(bool atDistributor, uint8 evidenceSeed) external step {
        address seller = atDistributor ? p.distributor : p.pharmacy;
        bytes32 evidence = keccak256(abi.encode("tip", evidenceSeed % 8));
        bool seen = complaints.counterfeitFindingOf(evidence) != 0;
        vm.prank(p.inspector);
        try complaints.recordCounterfeitFinding(seller, batchId, evidence) returns (uint256 id) {
            _expect(!seen, "evidence found twice");
            _expect(id == findings + 1, "finding ids are not sequential");
            ++findings;
        } catch {
            _expect(seen, "finding refused");
        }
    }

    function withdraw(uint256 accountSeed) external step {
        address account = accountSeed % 4 == 3 ? p.treasury : consumers[accountSeed % 4];
        uint256 owed = complaints.withdrawable(account);
        uint256 before = token.balanceOf(account);
        vm.prank(account);
        try complaints.withdraw() returns (uint256 amount) {
            _expect(amount == owed, "withdrew other than what was owed");
            _expect(token.balanceOf(account) == before + amount, "payout not received");
            ghostPaidOut[account] += amount;
            ++withdrawals;
        } catch {
            _expect(owed == 0, "payout refused");
        }
    }

    function warp(uint256 seconds_) external step {
        time += bound(seconds_, 0, 10 days);
    }

    // ---------------------------------------------------------------- views for the invariants

    function complaintCount() external view returns (uint256) {
        return ids.length;
    }

    function treasury() external view returns (address) {
        return p.treasury;
    }

    // ---------------------------------------------------------------- internals

    function _expect(bool condition, string memory message) internal {
        if (!condition && bytes(violation).length == 0) violation = message;
    }

    function _ruled(uint256 id) internal {
        _expect(!ghostRuled[id], "complaint ruled twice");
        ghostRuled[id] = true;
        IComplaintRegistry.Complaint memory c = complaints.complaint(id);
        ghostStatus[id] = c.status;
        ghostRuledAt[id] = c.ruledAt;
        ++ghostRulings;
        if (c.status == IComplaintRegistry.ComplaintStatus.Upheld) ++upheldCount;
        else ++dismissedCount;
    }
}
