// SPDX-License-Identifier: MIT
pragma solidity ^0.8.24;

import {SafeCast} from "@openzeppelin/contracts/utils/math/SafeCast.sol";
import {IAccessRegistry} from "./interfaces/IAccessRegistry.sol";
import {IBatchRegistry} from "./interfaces/IBatchRegistry.sol";
import {ITestRegistry} from "./interfaces/ITestRegistry.sol";
import {Roles} from "./libraries/Roles.sol";
import {TestRules} from "./libraries/TestRules.sol";
import {RegistryBase} from "./utils/RegistryBase.sol";

/// @title Versioned test rule sets and lab results
/// @dev Rule sets are append-only: a new version is a new rule set with a later effectiveFrom, so a batch
/// keeps being judged by the standard in force when it was made.
contract TestRegistry is RegistryBase, ITestRegistry {
    uint8 internal constant MAX_CATEGORY = 4;

    mapping(uint256 ruleSetId => RuleSet) private _ruleSets;
    uint256 private _ruleSetCount;
    mapping(uint8 category => uint256[]) private _ruleSetsOf;

    /// @dev A report as stored: the header in one slot, and the results packed 80 bits each (metric in the
    /// low 16 bits, the value's two's complement in the next 64): two beside the rule set id and the count,
    /// three per further word. A ten-metric report takes at most six slots instead of seventeen.
    struct ReportRecord {
        address lab;
        uint64 testedAt;
        uint16 firstFailedMetric;
        bool passed;
        bool retest;
        bytes32 reportHash;
        uint256 head; // ruleSetId (32 bits) | count << 32 | result 0 << 40 | result 1 << 120
        uint256[3] more; // results 2.., three per word
    }

    uint256 private constant RESULT_BITS = 80;

    mapping(bytes32 batchId => ReportRecord[]) private _reports;

    IBatchRegistry private _batches;

    constructor(IAccessRegistry access_) RegistryBase(access_) {}

    /// @inheritdoc ITestRegistry
    function addRuleSet(uint8 category, string calldata standard, uint64 effectiveFrom, MetricRule[] calldata rules)
        external
        returns (uint256 ruleSetId)
    {
        _requireRegulator();
        if (category == 0 || category > MAX_CATEGORY) revert IAccessRegistry.UnknownCategory(category);
        if (bytes(standard).length == 0) revert IAccessRegistry.InvalidName();
        TestRules.validate(rules);

        ruleSetId = ++_ruleSetCount;
        RuleSet storage rs = _ruleSets[ruleSetId];
        rs.category = category;
        rs.standard = standard;
        rs.effectiveFrom = effectiveFrom;
        for (uint256 i; i < rules.length; ++i) {
            rs.rules.push(rules[i]);
        }
        _ruleSetsOf[category].push(ruleSetId);
        emit RuleSetAdded(ruleSetId, category, standard, effectiveFrom);
    }

    /// @inheritdoc ITestRegistry
    /// @dev Report indices start at 0 for each batch. A report may follow release (a retest); testsPassed
    /// then reflects it, and release is not undone (the regulator recalls).
    function postTestReport(bytes32 batchId, MetricResult[] calldata results, bytes32 reportHash, bool retest)
        external
        returns (uint256 reportIndex)
    {
        _requireActive(Roles.LAB);
        IBatchRegistry.Batch memory b = _batchRegistry().batch(batchId); // BatchNotFound for an unknown batch
        uint8 category_ = _batches.category(batchId);
        (bool found, uint256 ruleSetId) = ruleSetInForce(category_, b.productionDate);
        if (!found) revert NoRuleSetInForce(category_, b.productionDate);
        (bool passed, uint16 firstFailedMetric) = TestRules.evaluate(_ruleSets[ruleSetId].rules, results);

        ReportRecord[] storage list = _reports[batchId];
        reportIndex = list.length;
        ReportRecord storage r = list.push();
        r.lab = msg.sender;
        r.testedAt = uint64(block.timestamp);
        r.firstFailedMetric = firstFailedMetric;
        r.passed = passed;
        r.retest = retest;
        r.reportHash = reportHash;
        _storeResults(r, ruleSetId, results);
        emit TestReportPosted(batchId, reportIndex, msg.sender, passed, firstFailedMetric, retest);
    }

    /// @inheritdoc ITestRegistry
    function ruleSet(uint256 ruleSetId) external view returns (RuleSet memory) {
        if (ruleSetId == 0 || ruleSetId > _ruleSetCount) revert RuleSetNotFound(ruleSetId);
        return _ruleSets[ruleSetId];
    }

    /// @inheritdoc ITestRegistry
    function ruleSetCount() external view returns (uint256) {
        return _ruleSetCount;
    }

    /// @inheritdoc ITestRegistry
    /// @dev The latest effectiveFrom <= at wins; between equal dates, the one added last (a correction).
    function ruleSetInForce(uint8 category, uint64 at) public view returns (bool found, uint256 ruleSetId) {
        uint256[] storage ids = _ruleSetsOf[category];
        uint64 best;
        for (uint256 i; i < ids.length; ++i) {
            uint64 from = _ruleSets[ids[i]].effectiveFrom;
            if (from <= at && (!found || from >= best)) {
                (found, ruleSetId, best) = (true, ids[i], from);
            }
        }
    }

    /// @inheritdoc ITestRegistry
    function reports(bytes32 batchId) external view returns (TestReport[] memory list) {
        ReportRecord[] storage stored = _reports[batchId];
        list = new TestReport[](stored.length);
        for (uint256 i; i < list.length; ++i) {
            list[i] = _load(stored[i]);
        }
    }

    /// @inheritdoc ITestRegistry
    function report(bytes32 batchId, uint256 reportIndex) external view returns (TestReport memory) {
        ReportRecord[] storage stored = _reports[batchId];
        if (reportIndex >= stored.length) revert ReportNotFound(batchId, reportIndex);
        return _load(stored[reportIndex]);
    }

    /// @inheritdoc ITestRegistry
    function reportCount(bytes32 batchId) external view returns (uint256) {
        return _reports[batchId].length;
    }

    /// @inheritdoc ITestRegistry
    function testsPassed(bytes32 batchId) external view returns (bool) {
        ReportRecord[] storage list = _reports[batchId];
        return list.length != 0 && list[list.length - 1].passed;
    }

    /// @dev `results` has passed TestRules.evaluate: at most MAX_METRIC of them, each metric once.
    function _storeResults(ReportRecord storage r, uint256 ruleSetId, MetricResult[] calldata results) private {
        uint256 n = results.length;
        uint256 head = SafeCast.toUint32(ruleSetId) | (n << 32);
        uint256[3] memory more;
        for (uint256 i; i < n; ++i) {
            uint256 packed = uint256(results[i].metric) | (uint256(uint64(results[i].value)) << 16);
            if (i < 2) head |= packed << (40 + RESULT_BITS * i);
            else more[(i - 2) / 3] |= packed << (RESULT_BITS * ((i - 2) % 3));
        }
        r.head = head;
        for (uint256 k; k < 3 && 2 + 3 * k < n; ++k) {
            r.more[k] = more[k];
        }
    }

    function _load(ReportRecord storage r) private view returns (TestReport memory t) {
        t.lab = r.lab;
        t.testedAt = r.testedAt;
        t.reportHash = r.reportHash;
        t.passed = r.passed;
        t.retest = r.retest;
        t.firstFailedMetric = r.firstFailedMetric;
        (t.ruleSetId, t.results) = _loadResults(r);
    }

    function _loadResults(ReportRecord storage r)
        private
        view
        returns (uint256 ruleSetId, MetricResult[] memory results)
    {
        uint256 head = r.head;
        ruleSetId = uint32(head);
        results = new MetricResult[](uint8(head >> 32));
        for (uint256 i; i < results.length; ++i) {
            uint256 packed =
                i < 2 ? head >> (40 + RESULT_BITS * i) : r.more[(i - 2) / 3] >> (RESULT_BITS * ((i - 2) % 3));
            results[i] = MetricResult({metric: uint16(packed), value: int64(uint64(packed >> 16))});
        }
    }

    function _batchRegistry() private returns (IBatchRegistry b) {
        b = _batches;
        if (address(b) == address(0)) {
            b = IBatchRegistry(_directory().batches);
            _batches = b;
        }
    }
}
