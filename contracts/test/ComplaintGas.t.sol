// SPDX-License-Identifier: MIT
pragma solidity ^0.8.24;

import {ERC2771Forwarder} from "@openzeppelin/contracts/metatx/ERC2771Forwarder.sol";
import {ComplaintFixture} from "./utils/ComplaintFixture.sol";
import {GasMeter} from "./utils/GasMeter.sol";
import {Possession} from "./utils/Possession.sol";
import {RelaySigner} from "./utils/RelaySigner.sol";
import {IBatchRegistry} from "../src/interfaces/IBatchRegistry.sol";

/// @notice Gas of each step of a complaint, one per test against cold storage as a transaction would
/// (see GasTest; `scripts/gas-report.sh` collects both suites). Filings are about a batch of 100,000 masks
/// in 2,000 boxes, so a possession proof has 11 hashes (each further doubling of the boxes adds one,
/// about 150 gas of execution and 32 bytes of calldata).
/// @dev setUp leaves the registry in its steady state: the batch already has a complaint, both sellers have
/// held it, the respondents have bonds, the treasury has been credited once, and the registry has cached the
/// batch, custody, test and material registries from the directory (a deployment's first filing, first
/// filing naming a seller, retest ruling and tracing each pay about 20,000 gas more, once).
contract ComplaintGasTest is ComplaintFixture, GasMeter, RelaySigner {
    uint256 internal constant CONSUMER_KEY = 0xC0FFEE;
    bytes32 internal constant BIG_SEED = keccak256("box secrets of GAS-2000");
    uint64 internal constant BIG_BOXES = 2000;

    bytes32[] internal bigLeaves;
    bytes32 internal big; // has complaints
    bytes32 internal fresh; // has none
    uint256 internal open; // unanswered, within its window
    uint256 internal answered; // answered: an inspector may rule at once
    uint256 internal retested; // a failing retest of its batch has been posted
    uint256 internal retestIndex;
    address internal relayer;
    address internal newSeller;

    function setUp() public override {
        super.setUp();
        relayer = makeAddr("relayer");
        bigLeaves = Possession.leaves(BIG_SEED, 1, BIG_BOXES);
        big = _committed("GAS-2000");
        fresh = _committed("GAS-2001");
        stockSellers(big);

        // A first complaint on `big`, upheld by a traced retest: caches the registries and credits the treasury.
        uint256 first = _file(consumer2, "GAS-2000", 1);
        retestIndex = _retest(big);
        vm.prank(lab);
        complaints.ruleByRetest(first, retestIndex, true);

        open = _file(consumer, "GAS-2000", 2);
        answered = _file(consumer, "GAS-2000", 3);
        vm.prank(manufacturer);
        complaints.answer(answered, keccak256("answer"));
        retested = _file(consumer, "GAS-2000", 4);
        retestIndex = _retest(big);
        // consumer2 has a payout waiting.
        assertGt(complaints.withdrawable(consumer2), 0);

        mintAndApprove(manufacturer, 1_000_000);
        newSeller = makeAddr("pharmacy 2");
        vm.prank(regulator);
        access.registerParticipant(newSeller, PHARMACY_ROLE, unicode"第二药房", "", SUZHOU);
        mintAndApprove(newSeller, PHARMACY_MIN);
    }

    // ---------------------------------------------------------------- helpers

    function _committed(string memory lot) internal returns (bytes32 id) {
        IBatchRegistry.BatchInput memory input = batchInput(lot, 100_000, lotId, 100_000); // 2,000 boxes
        input.possessionRoot = Possession.root(bigLeaves);
        id = register(input);
        sterilise(id);
        postPassing(id);
        vm.prank(manufacturer);
        batches.release(id);
    }

    /// @dev What box `serial` of `lot`'s possession key signs to let `who` file about it.
    function _possession(address who, string memory lot, uint64 serial) internal view returns (bytes memory) {
        bytes32 digest = complaints.possessionDigest(keccak256(abi.encode(GTIN, lot)), serial, who);
        return Possession.sign(Possession.secretOf(BIG_SEED, serial), digest);
    }

    /// @dev What `who` sends to file about box `serial` of `lot`.
    function _fileData(address who, string memory lot, uint64 serial, uint8 kind, address seller_)
        internal
        view
        returns (bytes memory)
    {
        bytes memory signature = _possession(who, lot, serial);
        bytes32[] memory proof = Possession.proof(bigLeaves, serial - 1);
        return abi.encodeCall(
            complaints.fileComplaint,
            (GTIN, lot, serial, kind == 0 ? SPEC : COUNTERFEIT, signature, proof, PRICE, seller_, keccak256("photo"))
        );
    }

    function _file(address who, string memory lot, uint64 serial) internal returns (uint256 id) {
        bytes memory data = _fileData(who, lot, serial, 0, pharmacy);
        vm.prank(who);
        (bool ok, bytes memory ret) = address(complaints).call(data);
        require(ok, "filing failed");
        id = abi.decode(ret, (uint256));
    }

    function _retest(bytes32 batchId_) internal returns (uint256) {
        vm.prank(lab);
        return tests.postTestReport(batchId_, failingResults(), keccak256("retest"), true);
    }

    // ---------------------------------------------------------------- bonds

    function test_Gas_PostBond_TopUp() public {
        bytes memory data = abi.encodeCall(complaints.postBond, (1_000_000));
        emit log_named_uint("postBond (top-up)", _gas(manufacturer, address(complaints), data));
    }

    function test_Gas_PostBond_First() public {
        bytes memory data = abi.encodeCall(complaints.postBond, (PHARMACY_MIN));
        emit log_named_uint("postBond (a party's first)", _gas(newSeller, address(complaints), data));
    }

    function test_Gas_WithdrawBond() public {
        bytes memory data = abi.encodeCall(complaints.withdrawBond, (100_000));
        emit log_named_uint("withdrawBond", _gas(pharmacy, address(complaints), data));
    }

    // ---------------------------------------------------------------- filing

    function test_Gas_FileComplaint_SpecFailure() public {
        bytes memory data = _fileData(consumer, "GAS-2000", 10, 0, address(0));
        emit log_named_uint("fileComplaint (spec failure, 11-hash proof)", _gas(consumer, address(complaints), data));
    }

    function test_Gas_FileComplaint_CounterfeitAtASeller() public {
        bytes memory data = _fileData(consumer, "GAS-2000", 10, 1, pharmacy);
        emit log_named_uint("fileComplaint (counterfeit at a seller)", _gas(consumer, address(complaints), data));
    }

    /// @dev The benchmark's budget: a complaint within 150,000 gas of execution, whatever its kind, even the
    /// first of a batch. Left out of the --gas-report run, whose isolation mode adds each call's 21,000 base
    /// and calldata to what `_gas` sees.
    function test_Gas_FileComplaint_WithinBudget() public {
        uint256 snapshot = vm.snapshotState();
        uint256 spec = _gas(consumer, address(complaints), _fileData(consumer, "GAS-2000", 10, 0, address(0)));
        vm.revertToState(snapshot);
        uint256 counterfeit = _gas(consumer, address(complaints), _fileData(consumer, "GAS-2000", 10, 1, pharmacy));
        vm.revertToState(snapshot);
        uint256 first = _gas(consumer, address(complaints), _fileData(consumer, "GAS-2001", 10, 0, address(0)));
        assertLe(spec, 150_000, "spec-failure complaint over its budget");
        assertLe(counterfeit, 150_000, "counterfeit complaint over its budget");
        assertLe(first, 150_000, "first complaint of a batch over its budget");
    }

    function test_Gas_FileComplaint_FirstOfABatch() public {
        bytes memory data = _fileData(consumer, "GAS-2001", 10, 0, address(0));
        emit log_named_uint("fileComplaint, first of a batch", _gas(consumer, address(complaints), data));
    }

    function test_Gas_FileComplaint_ThroughTheForwarder() public {
        address key = vm.addr(CONSUMER_KEY);
        ERC2771Forwarder.ForwardRequestData memory request = signRequest(
            forwarder,
            CONSUMER_KEY,
            key,
            address(complaints),
            _fileData(key, "GAS-2000", 10, 0, address(0)),
            uint48(block.timestamp + 1 hours)
        );
        bytes memory data = abi.encodeCall(forwarder.execute, (request));
        emit log_named_uint("fileComplaint via MedProofForwarder (new key)", _gas(relayer, address(forwarder), data));
        assertEq(complaints.complaint(complaints.complaintCount()).complainant, key);
    }

    // ---------------------------------------------------------------- answer and rulings

    function test_Gas_Answer() public {
        bytes memory data = abi.encodeCall(complaints.answer, (open, keccak256("answer")));
        emit log_named_uint("answer", _gas(manufacturer, address(complaints), data));
    }

    function test_Gas_Rule_Upheld() public {
        bytes memory data = abi.encodeCall(complaints.rule, (answered, true, keccak256("ruling")));
        emit log_named_uint("rule (upheld: compensation and fine)", _gas(inspector, address(complaints), data));
    }

    function test_Gas_Rule_Dismissed() public {
        bytes memory data = abi.encodeCall(complaints.rule, (answered, false, keccak256("ruling")));
        emit log_named_uint("rule (dismissed)", _gas(inspector, address(complaints), data));
    }

    function test_Gas_RuleByRetest() public {
        bytes memory data = abi.encodeCall(complaints.ruleByRetest, (retested, retestIndex, false));
        emit log_named_uint("ruleByRetest (failing retest upholds)", _gas(lab, address(complaints), data));
    }

    function test_Gas_RuleByRetest_TracedToTheLot() public {
        bytes memory data = abi.encodeCall(complaints.ruleByRetest, (retested, retestIndex, true));
        emit log_named_uint("ruleByRetest (traced to the lot)", _gas(lab, address(complaints), data));
    }

    // ---------------------------------------------------------------- payouts and reads

    function test_Gas_Withdraw() public {
        bytes memory data = abi.encodeCall(complaints.withdraw, ());
        emit log_named_uint("withdraw (payout)", _gas(consumer2, address(complaints), data));
    }

    function test_Gas_LensReport_WithComplaints() public {
        bytes memory data = abi.encodeCall(lens.report, (GTIN, "GAS-2000", 2));
        // The batch is released and stocked at both sellers (sellers named in a complaint must have held it).
        uint256 gas = _gas(stranger, address(lens), data);
        emit log_named_uint("MedProofLens.report (4 complaints, 3 tests)", gas);
    }
}
