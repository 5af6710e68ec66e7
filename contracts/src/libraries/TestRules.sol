// SPDX-License-Identifier: MIT
pragma solidity ^0.8.24;

import {ITestRegistry} from "../interfaces/ITestRegistry.sol";

/// @title Validation of rule sets and judgement of lab results against them
/// @notice Pure, so the standard's arithmetic can be tested alone. Metric ids are 1..MAX_METRIC (see
/// ITestRegistry); each appears at most once in a rule set and at most once in a report.
library TestRules {
    uint16 internal constant MAX_METRIC = 10;

    /// @notice Reverts unless `rules` is non-empty, every metric is known and appears once, and min <= max.
    function validate(ITestRegistry.MetricRule[] memory rules) internal pure {
        if (rules.length == 0) revert ITestRegistry.EmptyRuleSet();
        uint256 seen;
        for (uint256 i; i < rules.length; ++i) {
            ITestRegistry.MetricRule memory rule = rules[i];
            seen = _mark(seen, rule.metric);
            if (rule.min > rule.max) revert ITestRegistry.InvalidBounds(rule.metric, rule.min, rule.max);
        }
    }

    /// @notice Judges `results` against `rules`.
    /// @dev Reverts for a malformed report (unknown or repeated metric, or a metric of the rule set
    /// missing): such a report cannot be judged. Results for known metrics the rule set does not name are
    /// accepted and ignored. A value outside [min, max] fails the report; `firstFailedMetric` is the first
    /// failing metric in the rule set's order, 0 when every rule holds.
    function evaluate(ITestRegistry.MetricRule[] memory rules, ITestRegistry.MetricResult[] memory results)
        internal
        pure
        returns (bool passed, uint16 firstFailedMetric)
    {
        // Index the results by metric so each rule finds its value in O(1).
        int64[MAX_METRIC + 1] memory values;
        uint256 present;
        for (uint256 i; i < results.length; ++i) {
            uint16 metric = results[i].metric;
            present = _mark(present, metric);
            values[metric] = results[i].value;
        }
        for (uint256 i; i < rules.length; ++i) {
            if (present & (1 << rules[i].metric) == 0) revert ITestRegistry.MissingMetric(rules[i].metric);
        }
        for (uint256 i; i < rules.length; ++i) {
            ITestRegistry.MetricRule memory rule = rules[i];
            int64 value = values[rule.metric];
            if (value < rule.min || value > rule.max) return (false, rule.metric);
        }
        return (true, 0);
    }

    /// @dev Adds `metric` to the bit set `seen`, reverting for an unknown or already present metric.
    function _mark(uint256 seen, uint16 metric) private pure returns (uint256) {
        if (metric == 0 || metric > MAX_METRIC) revert ITestRegistry.UnknownMetric(metric);
        uint256 bit = 1 << metric;
        if (seen & bit != 0) revert ITestRegistry.DuplicateMetric(metric);
        return seen | bit;
    }
}
