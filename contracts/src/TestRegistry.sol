// SPDX-License-Identifier: MIT
pragma solidity ^0.8.24;

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
    mapping(bytes32 batchId => TestReport[]) private _reports;

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

        TestReport[] storage list = _reports[batchId];
        reportIndex = list.length;
        TestReport storage r = list.push();
        r.lab = msg.sender;
        r.testedAt = uint64(block.timestamp);
        r.reportHash = reportHash;
        r.ruleSetId = ruleSetId;
        r.passed = passed;
        r.retest = retest;
        r.firstFailedMetric = firstFailedMetric;
        for (uint256 i; i < results.length; ++i) {
            r.results.push(results[i]);
        }
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
    function reports(bytes32 batchId) external view returns (TestReport[] memory) {
        return _reports[batchId];
    }

    /// @inheritdoc ITestRegistry
    function testsPassed(bytes32 batchId) external view returns (bool) {
        TestReport[] storage list = _reports[batchId];
        return list.length != 0 && list[list.length - 1].passed;
    }

    function _batchRegistry() private returns (IBatchRegistry b) {
        b = _batches;
        if (address(b) == address(0)) {
            b = IBatchRegistry(_directory().batches);
            _batches = b;
        }
    }
}
