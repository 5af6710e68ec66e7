// SPDX-License-Identifier: MIT
pragma solidity ^0.8.24;

/// @title Versioned test rule sets and lab results
/// @notice Rule sets are data, not code: the regulator adds a rule set per category and standard
/// version with the date it takes effect; a batch is judged against the rule set in force on its
/// production date. Metric ids and fixed-point units:
///  1 BFE 0.01 % · 2 PFE 0.01 % · 3 differential pressure 0.1 Pa · 4 synthetic blood penetration mmHg
///  5 flame after-burn 0.1 s · 6 bacterial colonies CFU/g · 7 EO residue 0.1 µg/g · 8 filtration 0.01 %
///  9 inhalation resistance 0.1 Pa · 10 exhalation resistance 0.1 Pa
interface ITestRegistry {
    /// @dev Inclusive bounds; use type(int64).min / type(int64).max for an open side.
    struct MetricRule {
        uint16 metric;
        int64 min;
        int64 max;
    }

    struct RuleSet {
        uint8 category;
        string standard; // e.g. "YY 0469-2011"
        uint64 effectiveFrom;
        MetricRule[] rules;
    }

    struct MetricResult {
        uint16 metric;
        int64 value;
    }

    struct TestReport {
        address lab;
        uint64 testedAt;
        bytes32 reportHash;
        uint256 ruleSetId;
        bool passed;
        bool retest;
        uint16 firstFailedMetric; // 0 when passed
        MetricResult[] results;
    }

    error UnknownMetric(uint16 metric);
    error DuplicateMetric(uint16 metric);
    error MissingMetric(uint16 metric);
    error InvalidBounds(uint16 metric, int64 min, int64 max);
    error EmptyRuleSet();
    error RuleSetNotFound(uint256 ruleSetId);
    error NoRuleSetInForce(uint8 category, uint64 at);
    error ReportNotForBatchLab(bytes32 batchId);
    error ReportNotFound(bytes32 batchId, uint256 reportIndex);

    event RuleSetAdded(uint256 indexed ruleSetId, uint8 indexed category, string standard, uint64 effectiveFrom);
    event TestReportPosted(
        bytes32 indexed batchId,
        uint256 indexed reportIndex,
        address indexed lab,
        bool passed,
        uint16 firstFailedMetric,
        bool retest
    );

    /// @notice Regulator only. Rule set ids start at 1.
    function addRuleSet(uint8 category, string calldata standard, uint64 effectiveFrom, MetricRule[] calldata rules)
        external
        returns (uint256 ruleSetId);

    /// @notice Lab only. The report must give a value for every metric of the rule set in force on the
    /// batch's production date (an incomplete report is refused, a failing one is recorded as failed).
    function postTestReport(bytes32 batchId, MetricResult[] calldata results, bytes32 reportHash, bool retest)
        external
        returns (uint256 reportIndex);

    function ruleSet(uint256 ruleSetId) external view returns (RuleSet memory);
    function ruleSetCount() external view returns (uint256);
    function ruleSetInForce(uint8 category, uint64 at) external view returns (bool found, uint256 ruleSetId);
    function reports(bytes32 batchId) external view returns (TestReport[] memory);
    /// @notice One report of a batch (ReportNotFound past the last); what a retest ruling reads.
    function report(bytes32 batchId, uint256 reportIndex) external view returns (TestReport memory);
    function reportCount(bytes32 batchId) external view returns (uint256);
    /// @notice True when the batch's latest report passed.
    function testsPassed(bytes32 batchId) external view returns (bool);
}
