// SPDX-License-Identifier: MIT
pragma solidity ^0.8.24;

import {Fixture} from "./utils/Fixture.sol";
import {IAccessRegistry} from "../src/interfaces/IAccessRegistry.sol";
import {IBatchRegistry} from "../src/interfaces/IBatchRegistry.sol";
import {ITestRegistry} from "../src/interfaces/ITestRegistry.sol";

contract TestRegistryTest is Fixture {
    uint64 internal constant D2026_12 = 1_796_083_200; // 2026-12-01, YY 0469-2023 applies

    function _addRuleSet(uint8 category, string memory standard, uint64 from) internal returns (uint256 id) {
        vm.prank(regulator);
        id = tests.addRuleSet(category, standard, from, yy0469Rules());
    }

    function _post(bytes32 batchId, ITestRegistry.MetricResult[] memory r, bool retest)
        internal
        returns (uint256 index)
    {
        vm.prank(lab);
        index = tests.postTestReport(batchId, r, keccak256("report"), retest);
    }

    function _failing() internal pure returns (ITestRegistry.MetricResult[] memory r) {
        r = passingResults();
        r[2].value = 500; // Δp 50.0 Pa > 49.0
        r[6].value = 120; // EO 12.0 µg/g > 10.0
    }

    // ---------------------------------------------------------------- rule sets

    function test_AddRuleSet_StoresTheVersion() public {
        ITestRegistry.RuleSet memory rs = tests.ruleSet(ruleSetId);
        assertEq(ruleSetId, 1);
        assertEq(tests.ruleSetCount(), 1);
        assertEq(uint256(rs.category), SURGICAL);
        assertEq(rs.standard, "YY 0469-2011");
        assertEq(uint256(rs.effectiveFrom), D2011);
        assertEq(rs.rules.length, 7);
        assertEq(uint256(rs.rules[0].metric), 1);
        assertEq(int256(rs.rules[0].min), 9500);
        assertEq(int256(rs.rules[2].max), 490);

        vm.expectEmit();
        emit ITestRegistry.RuleSetAdded(2, SURGICAL, "YY 0469-2023", D2026_12);
        assertEq(_addRuleSet(SURGICAL, "YY 0469-2023", D2026_12), 2);
    }

    function test_RevertWhen_CallerLacksRole_AddRuleSet() public {
        ITestRegistry.MetricRule[] memory rules = yy0469Rules();
        vm.prank(lab);
        vm.expectRevert(abi.encodeWithSelector(IAccessRegistry.CallerLacksRole.selector, REGULATOR_ROLE, lab));
        tests.addRuleSet(SURGICAL, "x", D2011, rules);
    }

    function test_RevertWhen_RuleSetMalformed() public {
        ITestRegistry.MetricRule[] memory rules = yy0469Rules();
        vm.startPrank(regulator);
        vm.expectRevert(abi.encodeWithSelector(IAccessRegistry.UnknownCategory.selector, uint8(5)));
        tests.addRuleSet(5, "x", D2011, rules);
        vm.expectRevert(IAccessRegistry.InvalidName.selector);
        tests.addRuleSet(SURGICAL, "", D2011, rules);
        vm.expectRevert(ITestRegistry.EmptyRuleSet.selector);
        tests.addRuleSet(SURGICAL, "x", D2011, new ITestRegistry.MetricRule[](0));
        rules[3].metric = 11;
        vm.expectRevert(abi.encodeWithSelector(ITestRegistry.UnknownMetric.selector, uint16(11)));
        tests.addRuleSet(SURGICAL, "x", D2011, rules);
        rules[3].metric = 1;
        vm.expectRevert(abi.encodeWithSelector(ITestRegistry.DuplicateMetric.selector, uint16(1)));
        tests.addRuleSet(SURGICAL, "x", D2011, rules);
        rules = yy0469Rules();
        rules[2].min = 491;
        vm.expectRevert(abi.encodeWithSelector(ITestRegistry.InvalidBounds.selector, uint16(3), int64(491), int64(490)));
        tests.addRuleSet(SURGICAL, "x", D2011, rules);
        vm.stopPrank();
    }

    function test_RevertWhen_RuleSetNotFound() public {
        vm.expectRevert(abi.encodeWithSelector(ITestRegistry.RuleSetNotFound.selector, 2));
        tests.ruleSet(2);
        vm.expectRevert(abi.encodeWithSelector(ITestRegistry.RuleSetNotFound.selector, 0));
        tests.ruleSet(0);
    }

    function test_RuleSetInForce_FollowsEffectiveDates() public {
        uint256 v2023 = _addRuleSet(SURGICAL, "YY 0469-2023", D2026_12);
        (bool found, uint256 id) = tests.ruleSetInForce(SURGICAL, D2026_12 - 1);
        assertTrue(found);
        assertEq(id, ruleSetId);
        (found, id) = tests.ruleSetInForce(SURGICAL, D2026_12);
        assertEq(id, v2023);
        (found, id) = tests.ruleSetInForce(SURGICAL, D2011 - 1);
        assertFalse(found);
        assertEq(id, 0);
        (found,) = tests.ruleSetInForce(2, T0);
        assertFalse(found);
    }

    function test_RuleSetInForce_AddedOutOfOrder() public {
        // An older standard registered after a newer one does not displace it.
        uint256 older = _addRuleSet(SURGICAL, "YY 0469-2004", D2011 - 3650 days);
        (, uint256 id) = tests.ruleSetInForce(SURGICAL, T0);
        assertEq(id, ruleSetId);
        (, id) = tests.ruleSetInForce(SURGICAL, D2011 - 1);
        assertEq(id, older);
    }

    function test_RuleSetInForce_SameDateCorrectionWins() public {
        uint256 correction = _addRuleSet(SURGICAL, "YY 0469-2011 (corrigendum)", D2011);
        (, uint256 id) = tests.ruleSetInForce(SURGICAL, T0);
        assertEq(id, correction);
    }

    function test_RuleSetInForce_PastSevenRuleSetsInACategory() public {
        // A category's ids are packed seven to the first storage word and eight to each further one.
        uint256 latest;
        for (uint64 i = 1; i <= 17; ++i) {
            latest = _addRuleSet(SURGICAL, "YY 0469 (revision)", D2011 + i * 1 days);
        }
        (bool found, uint256 id) = tests.ruleSetInForce(SURGICAL, D2011 + 17 days);
        assertTrue(found);
        assertEq(id, latest);
        (, id) = tests.ruleSetInForce(SURGICAL, D2011 + 9 days);
        assertEq(id, latest - 8);
        (, id) = tests.ruleSetInForce(SURGICAL, D2011);
        assertEq(id, ruleSetId);
    }

    function testFuzz_RuleSet_KeepsEveryRuleExactly(int64[10] memory mins, int64[10] memory maxs, uint8 n) public {
        n = uint8(bound(n, 1, 10));
        ITestRegistry.MetricRule[] memory rules = new ITestRegistry.MetricRule[](n);
        for (uint16 i; i < n; ++i) {
            (int64 lo, int64 hi) = mins[i] <= maxs[i] ? (mins[i], maxs[i]) : (maxs[i], mins[i]);
            rules[i] = ITestRegistry.MetricRule({metric: 10 - i, min: lo, max: hi}); // any order
        }
        vm.prank(regulator);
        uint256 id = tests.addRuleSet(2, "GB 19083-2010", D2011, rules);
        ITestRegistry.RuleSet memory stored = tests.ruleSet(id);
        assertEq(uint256(stored.category), 2); // protective
        assertEq(stored.standard, "GB 19083-2010");
        assertEq(uint256(stored.effectiveFrom), D2011);
        assertEq(stored.rules.length, n);
        for (uint256 i; i < n; ++i) {
            assertEq(uint256(stored.rules[i].metric), rules[i].metric);
            assertEq(int256(stored.rules[i].min), rules[i].min);
            assertEq(int256(stored.rules[i].max), rules[i].max);
        }
    }

    // ---------------------------------------------------------------- reports

    function test_PostTestReport_Passing() public {
        bytes32 batchId = register(defaultInput("240315A"));
        vm.expectEmit();
        emit ITestRegistry.TestReportPosted(batchId, 0, lab, true, 0, false);
        uint256 index = _post(batchId, passingResults(), false);
        assertEq(index, 0);
        ITestRegistry.TestReport[] memory list = tests.reports(batchId);
        assertEq(list.length, 1);
        assertEq(list[0].lab, lab);
        assertEq(uint256(list[0].testedAt), T0);
        assertEq(list[0].reportHash, keccak256("report"));
        assertEq(list[0].ruleSetId, ruleSetId);
        assertTrue(list[0].passed);
        assertFalse(list[0].retest);
        assertEq(uint256(list[0].firstFailedMetric), 0);
        assertEq(list[0].results.length, 7);
        assertEq(int256(list[0].results[0].value), 9860);
        assertTrue(tests.testsPassed(batchId));
    }

    function test_PostTestReport_FailingIsRecorded() public {
        bytes32 batchId = register(defaultInput("240315A"));
        vm.expectEmit();
        emit ITestRegistry.TestReportPosted(batchId, 0, lab, false, 3, false);
        _post(batchId, _failing(), false);
        ITestRegistry.TestReport[] memory list = tests.reports(batchId);
        assertFalse(list[0].passed);
        assertEq(uint256(list[0].firstFailedMetric), 3);
        assertFalse(tests.testsPassed(batchId));
    }

    function test_TestsPassed_FollowsTheLatestReport() public {
        bytes32 batchId = register(defaultInput("240315A"));
        assertFalse(tests.testsPassed(batchId));
        _post(batchId, _failing(), false);
        assertEq(_post(batchId, passingResults(), true), 1);
        assertTrue(tests.testsPassed(batchId));
        assertEq(_post(batchId, _failing(), true), 2);
        assertFalse(tests.testsPassed(batchId));
        assertTrue(tests.reports(batchId)[2].retest);
    }

    function test_PostTestReport_JudgedByTheStandardInForceAtProduction() public {
        // A stricter standard in force since before "now" but after the production date does not apply.
        ITestRegistry.MetricRule[] memory strict = yy0469Rules();
        strict[0].min = 9900; // BFE >= 99 %
        vm.prank(regulator);
        uint256 strictId = tests.addRuleSet(SURGICAL, "stricter", PRODUCTION + 1 days, strict);
        bytes32 batchId = register(defaultInput("240315A"));
        _post(batchId, passingResults(), false); // BFE 98.6 %
        ITestRegistry.TestReport memory r = tests.reports(batchId)[0];
        assertEq(r.ruleSetId, ruleSetId);
        assertTrue(r.passed);

        vm.warp(T0 + 1 days);
        IBatchRegistry.BatchInput memory later = defaultInput("240315B");
        later.productionDate = T0; // made under the stricter standard
        bytes32 laterId = register(later);
        _post(laterId, passingResults(), false);
        r = tests.reports(laterId)[0];
        assertEq(r.ruleSetId, strictId);
        assertFalse(r.passed);
        assertEq(uint256(r.firstFailedMetric), 1);
    }

    function test_RevertWhen_ReportMissesAMetric() public {
        bytes32 batchId = register(defaultInput("240315A"));
        ITestRegistry.MetricResult[] memory r = new ITestRegistry.MetricResult[](6);
        ITestRegistry.MetricResult[] memory full = passingResults();
        for (uint256 i; i < 6; ++i) {
            r[i] = full[i]; // no EO residue
        }
        vm.prank(lab);
        vm.expectRevert(abi.encodeWithSelector(ITestRegistry.MissingMetric.selector, uint16(7)));
        tests.postTestReport(batchId, r, bytes32(0), false);
    }

    function test_RevertWhen_ReportForUnknownBatch() public {
        ITestRegistry.MetricResult[] memory r = passingResults();
        vm.prank(lab);
        vm.expectRevert(abi.encodeWithSelector(IBatchRegistry.BatchNotFound.selector, bytes32(uint256(1))));
        tests.postTestReport(bytes32(uint256(1)), r, bytes32(0), false);
    }

    function test_RevertWhen_NoRuleSetInForce() public {
        // A protective product (category 2) has no rule set yet.
        vm.prank(regulator);
        uint256 cert = access.grantLicence(
            IAccessRegistry.LicenceKind.RegistrationCertificate,
            manufacturer,
            unicode"苏械注准20212140002",
            uint16(1) << 2,
            D2021_06,
            D2026_06
        );
        vm.prank(manufacturer);
        access.registerProduct(9_521_234_500_025, 2, cert, unicode"医用防护口罩");
        IBatchRegistry.BatchInput memory input = batchInput("240316P", 40_000, lotId, 100_000);
        input.gtin = 9_521_234_500_025;
        bytes32 batchId = register(input);
        ITestRegistry.MetricResult[] memory r = passingResults();
        vm.prank(lab);
        vm.expectRevert(abi.encodeWithSelector(ITestRegistry.NoRuleSetInForce.selector, uint8(2), PRODUCTION));
        tests.postTestReport(batchId, r, bytes32(0), false);
    }

    function test_RevertWhen_CallerLacksRole_PostTestReport() public {
        bytes32 batchId = register(defaultInput("240315A"));
        ITestRegistry.MetricResult[] memory r = passingResults();
        vm.prank(manufacturer); // a manufacturer cannot test its own batch
        vm.expectRevert(abi.encodeWithSelector(IAccessRegistry.CallerLacksRole.selector, LAB_ROLE, manufacturer));
        tests.postTestReport(batchId, r, bytes32(0), false);
    }

    function test_RevertWhen_SuspendedLabPostsReport() public {
        bytes32 batchId = register(defaultInput("240315A"));
        vm.prank(regulator);
        access.suspend(lab, "x");
        ITestRegistry.MetricResult[] memory r = passingResults();
        vm.prank(lab);
        vm.expectRevert(abi.encodeWithSelector(IAccessRegistry.ParticipantIsSuspended.selector, lab));
        tests.postTestReport(batchId, r, bytes32(0), false);
    }

    /// @dev Results are packed in storage: every value, including the extremes and negatives, comes back.
    function testFuzz_Reports_KeepEveryResultExactly(int64[10] memory values, uint8 n) public {
        n = uint8(bound(n, 1, 10));
        ITestRegistry.MetricRule[] memory rules = new ITestRegistry.MetricRule[](1);
        rules[0] = ITestRegistry.MetricRule({metric: 1, min: type(int64).min, max: type(int64).max});
        vm.prank(regulator);
        uint256 openSet = tests.addRuleSet(SURGICAL, "open", PRODUCTION - 1, rules);
        bytes32 batchId = register(defaultInput("240315A"));
        values[0] = type(int64).min;
        if (n > 1) values[n - 1] = type(int64).max;
        ITestRegistry.MetricResult[] memory r = new ITestRegistry.MetricResult[](n);
        for (uint16 i; i < n; ++i) {
            r[i] = ITestRegistry.MetricResult({metric: n - i, value: values[i]}); // any order, metric 1 present
        }
        _post(batchId, r, false);
        _post(batchId, passingResults(), true);
        ITestRegistry.TestReport[] memory list = tests.reports(batchId);
        assertEq(list.length, 2);
        assertEq(list[0].ruleSetId, openSet);
        assertEq(list[0].results.length, n);
        for (uint256 i; i < n; ++i) {
            assertEq(uint256(list[0].results[i].metric), r[i].metric);
            assertEq(int256(list[0].results[i].value), r[i].value);
        }
        assertEq(list[1].results.length, 7);
        assertEq(int256(list[1].results[6].value), 32);
        assertTrue(list[1].retest);
    }

    /// @dev Values that fit an int32 are packed seven to a word; one that does not widens the whole report.
    function testFuzz_Reports_KeepNarrowAndMixedResultsExactly(int32[10] memory values, int64 wide, uint8 n) public {
        n = uint8(bound(n, 1, 10));
        ITestRegistry.MetricRule[] memory rules = new ITestRegistry.MetricRule[](1);
        rules[0] = ITestRegistry.MetricRule({metric: 1, min: type(int64).min, max: type(int64).max});
        vm.prank(regulator);
        tests.addRuleSet(SURGICAL, "open", PRODUCTION - 1, rules);
        bytes32 batchId = register(defaultInput("240315A"));
        values[0] = type(int32).min;
        if (n > 1) values[n - 1] = type(int32).max;
        ITestRegistry.MetricResult[] memory r = new ITestRegistry.MetricResult[](n);
        for (uint16 i; i < n; ++i) {
            r[i] = ITestRegistry.MetricResult({metric: i + 1, value: values[i]});
        }
        _post(batchId, r, false);
        r[n - 1].value = wide; // wide or not, as the fuzzer likes
        _post(batchId, r, true);
        ITestRegistry.TestReport[] memory list = tests.reports(batchId);
        assertEq(list.length, 2);
        for (uint256 k; k < 2; ++k) {
            assertEq(list[k].results.length, n);
            for (uint256 i; i < n; ++i) {
                assertEq(uint256(list[k].results[i].metric), i + 1);
                int256 expected = k == 1 && i == n - 1 ? int256(wide) : int256(values[i]);
                assertEq(int256(list[k].results[i].value), expected);
            }
        }
    }

    /// @dev A report's BFE alone decides: pass iff BFE >= 95.00 %.
    function testFuzz_PostTestReport_BfeBound(int64 bfe) public {
        bfe = int64(bound(bfe, 0, 10_000));
        bytes32 batchId = register(defaultInput("240315A"));
        ITestRegistry.MetricResult[] memory r = passingResults();
        r[0].value = bfe;
        _post(batchId, r, false);
        assertEq(tests.testsPassed(batchId), bfe >= 9500);
    }

    // ---------------------------------------------------------------- one report

    function test_Report_ReturnsOneReportAndTheCount() public {
        bytes32 batchId = register(defaultInput("240315A"));
        assertEq(tests.reportCount(batchId), 0);
        vm.prank(lab);
        tests.postTestReport(batchId, passingResults(), keccak256("first"), false);
        ITestRegistry.MetricResult[] memory failing = passingResults();
        failing[0].value = 9000;
        vm.prank(lab);
        tests.postTestReport(batchId, failing, keccak256("retest"), true);
        assertEq(tests.reportCount(batchId), 2);
        ITestRegistry.TestReport memory r = tests.report(batchId, 1);
        assertEq(r.lab, lab);
        assertEq(r.reportHash, keccak256("retest"));
        assertTrue(r.retest);
        assertFalse(r.passed);
        assertEq(uint256(r.firstFailedMetric), 1);
        assertEq(r.results.length, 7);
        assertEq(int256(r.results[0].value), 9000);
        assertEq(tests.report(batchId, 0).reportHash, keccak256("first"));
    }

    function test_RevertWhen_ReportNotFound() public {
        bytes32 batchId = register(defaultInput("240315A"));
        vm.expectRevert(abi.encodeWithSelector(ITestRegistry.ReportNotFound.selector, batchId, 0));
        tests.report(batchId, 0);
    }
}
