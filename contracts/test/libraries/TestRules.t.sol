// SPDX-License-Identifier: MIT
pragma solidity ^0.8.24;

import {Base} from "../utils/Base.sol";
import {ITestRegistry} from "../../src/interfaces/ITestRegistry.sol";
import {TestRules} from "../../src/libraries/TestRules.sol";

/// @dev Exposes the library so its reverts can be expected.
contract TestRulesHarness {
    function validate(ITestRegistry.MetricRule[] memory rules) external pure {
        TestRules.validate(rules);
    }

    function evaluate(ITestRegistry.MetricRule[] memory rules, ITestRegistry.MetricResult[] memory results)
        external
        pure
        returns (bool passed, uint16 firstFailedMetric)
    {
        return TestRules.evaluate(rules, results);
    }
}

contract TestRulesTest is Base {
    TestRulesHarness internal h;

    function setUp() public {
        h = new TestRulesHarness();
    }

    function _rule(uint16 metric, int64 min, int64 max) internal pure returns (ITestRegistry.MetricRule memory) {
        return ITestRegistry.MetricRule({metric: metric, min: min, max: max});
    }

    function _result(uint16 metric, int64 value) internal pure returns (ITestRegistry.MetricResult memory) {
        return ITestRegistry.MetricResult({metric: metric, value: value});
    }

    /// @dev BFE >= 95.00 %, Δp <= 49.0 Pa, EO <= 10.0 µg/g.
    function _rules() internal pure returns (ITestRegistry.MetricRule[] memory r) {
        r = new ITestRegistry.MetricRule[](3);
        r[0] = _rule(1, 9500, 10_000);
        r[1] = _rule(3, 0, 490);
        r[2] = _rule(7, 0, 100);
    }

    function _results(int64 bfe, int64 dp, int64 eo) internal pure returns (ITestRegistry.MetricResult[] memory r) {
        r = new ITestRegistry.MetricResult[](3);
        r[0] = _result(7, eo); // order does not matter
        r[1] = _result(1, bfe);
        r[2] = _result(3, dp);
    }

    // ---------------------------------------------------------------- validate

    function test_Validate_AcceptsAWellFormedRuleSet() public view {
        h.validate(_rules());
    }

    function test_RevertWhen_RuleSetEmpty() public {
        vm.expectRevert(ITestRegistry.EmptyRuleSet.selector);
        h.validate(new ITestRegistry.MetricRule[](0));
    }

    function test_RevertWhen_RuleMetricUnknown() public {
        ITestRegistry.MetricRule[] memory r = _rules();
        r[1].metric = 11;
        vm.expectRevert(abi.encodeWithSelector(ITestRegistry.UnknownMetric.selector, uint16(11)));
        h.validate(r);
        r[1].metric = 0;
        vm.expectRevert(abi.encodeWithSelector(ITestRegistry.UnknownMetric.selector, uint16(0)));
        h.validate(r);
    }

    function test_RevertWhen_RuleMetricDuplicated() public {
        ITestRegistry.MetricRule[] memory r = _rules();
        r[2].metric = 1;
        vm.expectRevert(abi.encodeWithSelector(ITestRegistry.DuplicateMetric.selector, uint16(1)));
        h.validate(r);
    }

    function test_RevertWhen_RuleBoundsInverted() public {
        ITestRegistry.MetricRule[] memory r = _rules();
        r[1] = _rule(3, 491, 490);
        vm.expectRevert(abi.encodeWithSelector(ITestRegistry.InvalidBounds.selector, uint16(3), int64(491), int64(490)));
        h.validate(r);
    }

    // ---------------------------------------------------------------- evaluate

    function test_Evaluate_PassesWithinBounds() public view {
        (bool passed, uint16 failed) = h.evaluate(_rules(), _results(9860, 380, 32));
        assertTrue(passed);
        assertEq(failed, 0);
    }

    function test_Evaluate_BoundsAreInclusive() public view {
        (bool passed,) = h.evaluate(_rules(), _results(9500, 490, 100));
        assertTrue(passed);
        (passed,) = h.evaluate(_rules(), _results(10_000, 0, 0));
        assertTrue(passed);
    }

    function test_Evaluate_ReportsTheFirstFailingRule() public view {
        (bool passed, uint16 failed) = h.evaluate(_rules(), _results(9499, 491, 101));
        assertFalse(passed);
        assertEq(failed, 1);
        (passed, failed) = h.evaluate(_rules(), _results(9600, 491, 101));
        assertEq(failed, 3);
        (passed, failed) = h.evaluate(_rules(), _results(9600, 400, 101));
        assertEq(failed, 7);
    }

    function test_Evaluate_IgnoresExtraKnownMetrics() public view {
        ITestRegistry.MetricResult[] memory r = new ITestRegistry.MetricResult[](4);
        r[0] = _result(1, 9860);
        r[1] = _result(3, 380);
        r[2] = _result(7, 32);
        r[3] = _result(8, 1); // filtration, not judged for this standard
        (bool passed,) = h.evaluate(_rules(), r);
        assertTrue(passed);
    }

    function test_RevertWhen_ResultMissingAMetric() public {
        ITestRegistry.MetricResult[] memory r = new ITestRegistry.MetricResult[](2);
        r[0] = _result(1, 9860);
        r[1] = _result(7, 32);
        vm.expectRevert(abi.encodeWithSelector(ITestRegistry.MissingMetric.selector, uint16(3)));
        h.evaluate(_rules(), r);
    }

    function test_RevertWhen_ResultMetricDuplicated() public {
        ITestRegistry.MetricResult[] memory r = _results(9860, 380, 32);
        r[2].metric = 1;
        vm.expectRevert(abi.encodeWithSelector(ITestRegistry.DuplicateMetric.selector, uint16(1)));
        h.evaluate(_rules(), r);
    }

    function test_RevertWhen_ResultMetricUnknown() public {
        ITestRegistry.MetricResult[] memory r = _results(9860, 380, 32);
        r[0].metric = 42;
        vm.expectRevert(abi.encodeWithSelector(ITestRegistry.UnknownMetric.selector, uint16(42)));
        h.evaluate(_rules(), r);
    }

    /// @dev A single rule [min, max]: the value passes iff min <= value <= max.
    function testFuzz_Evaluate_PassesIffWithinBounds(uint16 metric, int64 a, int64 b, int64 value) public view {
        metric = uint16(bound(metric, 1, 10));
        (int64 min, int64 max) = a <= b ? (a, b) : (b, a);
        ITestRegistry.MetricRule[] memory rules = new ITestRegistry.MetricRule[](1);
        rules[0] = _rule(metric, min, max);
        ITestRegistry.MetricResult[] memory results = new ITestRegistry.MetricResult[](1);
        results[0] = _result(metric, value);
        (bool passed, uint16 failed) = h.evaluate(rules, results);
        bool within = value >= min && value <= max;
        assertEq(passed, within);
        assertEq(failed, within ? 0 : metric);
    }

    /// @dev With every metric judged, a report passes iff every value is within its rule.
    function testFuzz_Evaluate_PassesIffEveryMetricWithin(int64[10] memory values, int64[10] memory mins) public view {
        ITestRegistry.MetricRule[] memory rules = new ITestRegistry.MetricRule[](10);
        ITestRegistry.MetricResult[] memory results = new ITestRegistry.MetricResult[](10);
        bool all = true;
        uint16 first;
        for (uint16 i; i < 10; ++i) {
            int64 min = int64(bound(mins[i], -1000, 1000));
            int64 max = min + 500;
            rules[i] = _rule(i + 1, min, max);
            int64 v = int64(bound(values[i], -2000, 2000));
            results[9 - i] = _result(i + 1, v);
            if (v < min || v > max) {
                if (all) first = i + 1;
                all = false;
            }
        }
        (bool passed, uint16 failed) = h.evaluate(rules, results);
        assertEq(passed, all);
        assertEq(failed, first);
    }
}
