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

    /// @dev A rule set as stored. head: effectiveFrom (64 bits) | category << 64 (8) | count << 72 (4) | the
    /// metric of rule i << 76 + 4i (4 bits each; ten rules at most) | rule 0's bounds << 128. bounds[k]:
    /// rules 2k + 1 and 2k + 2, the second << 128. A rule's bounds: min's two's complement (64 bits) | max's
    /// << 64. Judging a report by seven rules then reads four slots, the head already read by the search for
    /// the rule set in force, instead of nine.
    struct RuleSetRecord {
        uint256 head;
        string standard;
        mapping(uint256 word => uint256) bounds;
    }

    uint256 private constant RULE_CATEGORY_SHIFT = 64;
    uint256 private constant RULE_COUNT_SHIFT = 72;
    uint256 private constant RULE_METRICS_SHIFT = 76;

    mapping(uint256 ruleSetId => RuleSetRecord) private _ruleSets;
    uint256 private _ruleSetCount;
    /// @dev A category's rule set ids, 32 bits each, packed as the access registry packs a holder's licence
    /// ids: word 0 holds the count in its low 32 bits and the first seven ids above it, word k >= 1 the next
    /// eight. Finding the rule set in force for a report then reads one slot for the list.
    mapping(uint8 category => mapping(uint256 word => uint256)) private _ruleSetIds;

    /// @dev A report as stored: the header in one slot, the hash in another, and the results packed in as
    /// few further slots as their values allow. Seven metrics take three slots instead of six (and the
    /// batch's first report writes no counter), which keeps a report near 100,000 gas.
    /// head: lab | testedAt << 160 (40 bits) | ruleSetId << 200 (32) | firstFailedMetric << 232 (8, metric
    /// ids are at most TestRules.MAX_METRIC) | passed << 240 | retest << 241 | wide << 242 | count << 243 (4).
    /// results: each result is its metric (4 bits) then its value's two's complement: 32 bits, seven to a
    /// word, when every value fits an int32 (fixed-point lab values do); otherwise ("wide") 64 bits, three
    /// to a word.
    struct ReportRecord {
        uint256 head;
        bytes32 reportHash;
        uint256[4] results;
    }

    uint256 private constant TESTED_AT_SHIFT = 160;
    uint256 private constant RULE_SET_SHIFT = 200;
    uint256 private constant FAILED_SHIFT = 232;
    uint256 private constant PASSED_BIT = 1 << 240;
    uint256 private constant RETEST_BIT = 1 << 241;
    uint256 private constant WIDE_BIT = 1 << 242;
    uint256 private constant COUNT_SHIFT = 243;
    uint256 private constant NARROW_BITS = 36;
    uint256 private constant NARROW_PER_WORD = 7;
    uint256 private constant WIDE_BITS = 68;
    uint256 private constant WIDE_PER_WORD = 3;

    /// @dev Report indices start at 0 for each batch.
    mapping(bytes32 batchId => mapping(uint256 reportIndex => ReportRecord)) private _reports;
    /// @dev A batch's number of reports once it has two or more; 0 before, when report 0's header says
    /// whether there is one (see _reportCount). Most batches get one report, which then writes no counter.
    mapping(bytes32 batchId => uint256) private _reportCounts;

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
        SafeCast.toUint32(ruleSetId); // packed in 32 bits in the category's list and in reports
        RuleSetRecord storage rs = _ruleSets[ruleSetId];
        rs.standard = standard;
        uint256 n = rules.length;
        uint256 head = uint256(effectiveFrom) | (uint256(category) << RULE_CATEGORY_SHIFT) | (n << RULE_COUNT_SHIFT)
            | (_bounds(rules[0]) << 128);
        uint256 word;
        for (uint256 i; i < n; ++i) {
            head |= uint256(rules[i].metric) << (RULE_METRICS_SHIFT + 4 * i);
            if (i == 0) continue;
            word |= _bounds(rules[i]) << (128 * ((i - 1) % 2));
            if (i % 2 == 0 || i == n - 1) {
                rs.bounds[(i - 1) / 2] = word;
                word = 0;
            }
        }
        rs.head = head;
        _pushRuleSetId(category, ruleSetId);
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
        (uint64 productionDate, uint8 category_) = _batchRegistry().testTerms(batchId); // BatchNotFound
        (bool found, uint256 ruleSetId) = ruleSetInForce(category_, productionDate);
        if (!found) revert NoRuleSetInForce(category_, productionDate);
        (bool passed, uint16 firstFailedMetric) = TestRules.evaluate(_rules(_ruleSets[ruleSetId]), results);

        reportIndex = _reportCount(batchId);
        if (reportIndex != 0) _reportCounts[batchId] = reportIndex + 1;
        ReportRecord storage r = _reports[batchId][reportIndex];
        uint256 head = uint256(uint160(msg.sender)) | (block.timestamp << TESTED_AT_SHIFT)
            | (uint256(SafeCast.toUint32(ruleSetId)) << RULE_SET_SHIFT) | (uint256(firstFailedMetric) << FAILED_SHIFT)
            | (passed ? PASSED_BIT : 0) | (retest ? RETEST_BIT : 0) | (results.length << COUNT_SHIFT);
        r.reportHash = reportHash;
        _storeResults(r, head, results);
        emit TestReportPosted(batchId, reportIndex, msg.sender, passed, firstFailedMetric, retest);
    }

    /// @inheritdoc ITestRegistry
    function ruleSet(uint256 ruleSetId) external view returns (RuleSet memory) {
        if (ruleSetId == 0 || ruleSetId > _ruleSetCount) revert RuleSetNotFound(ruleSetId);
        RuleSetRecord storage rs = _ruleSets[ruleSetId];
        uint256 head = rs.head;
        return RuleSet({
            category: uint8(head >> RULE_CATEGORY_SHIFT),
            standard: rs.standard,
            effectiveFrom: uint64(head),
            rules: _rules(rs)
        });
    }

    /// @inheritdoc ITestRegistry
    function ruleSetCount() external view returns (uint256) {
        return _ruleSetCount;
    }

    /// @inheritdoc ITestRegistry
    /// @dev The latest effectiveFrom <= at wins; between equal dates, the one added last (a correction).
    function ruleSetInForce(uint8 category, uint64 at) public view returns (bool found, uint256 ruleSetId) {
        mapping(uint256 => uint256) storage words = _ruleSetIds[category];
        uint256 head = words[0];
        uint256 n = uint32(head);
        uint64 best;
        for (uint256 i; i < n; ++i) {
            uint256 id = i < 7 ? uint32(head >> (32 * (i + 1))) : uint32(words[1 + (i - 7) / 8] >> (32 * ((i - 7) % 8)));
            uint64 from = uint64(_ruleSets[id].head);
            if (from <= at && (!found || from >= best)) {
                (found, ruleSetId, best) = (true, id, from);
            }
        }
    }

    /// @dev `ruleSetId` fits 32 bits (SafeCast in addRuleSet).
    function _pushRuleSetId(uint8 category, uint256 ruleSetId) private {
        mapping(uint256 => uint256) storage words = _ruleSetIds[category];
        uint256 head = words[0];
        uint256 n = uint32(head);
        if (n < 7) {
            words[0] = (head | (ruleSetId << (32 * (n + 1)))) + 1; // the count, in the low bits, cannot carry
        } else {
            words[1 + (n - 7) / 8] |= ruleSetId << (32 * ((n - 7) % 8));
            words[0] = head + 1;
        }
    }

    /// @inheritdoc ITestRegistry
    function reports(bytes32 batchId) external view returns (TestReport[] memory list) {
        list = new TestReport[](_reportCount(batchId));
        for (uint256 i; i < list.length; ++i) {
            list[i] = _load(_reports[batchId][i]);
        }
    }

    /// @inheritdoc ITestRegistry
    function report(bytes32 batchId, uint256 reportIndex) external view returns (TestReport memory) {
        if (reportIndex >= _reportCount(batchId)) revert ReportNotFound(batchId, reportIndex);
        return _load(_reports[batchId][reportIndex]);
    }

    /// @inheritdoc ITestRegistry
    function reportCount(bytes32 batchId) external view returns (uint256) {
        return _reportCount(batchId);
    }

    /// @inheritdoc ITestRegistry
    function testsPassed(bytes32 batchId) external view returns (bool) {
        uint256 n = _reportCount(batchId);
        return n != 0 && _reports[batchId][n - 1].head & PASSED_BIT != 0;
    }

    function _bounds(MetricRule calldata rule) private pure returns (uint256) {
        return uint256(uint64(rule.min)) | (uint256(uint64(rule.max)) << 64);
    }

    /// @dev The rules of a stored rule set, in the order they were given. Fills the structs `new` allocated
    /// (assigning a struct literal would allocate each one twice); the loop is bounded by ten.
    function _rules(RuleSetRecord storage rs) private view returns (MetricRule[] memory rules) {
        uint256 head = rs.head;
        uint256 n = uint8(head >> RULE_COUNT_SHIFT) & 0xf;
        rules = new MetricRule[](n);
        uint256 word = head >> 128;
        unchecked {
            for (uint256 i; i < n; ++i) {
                if (i != 0) word = i % 2 == 1 ? rs.bounds[(i - 1) / 2] : word >> 128;
                MetricRule memory rule = rules[i];
                rule.metric = uint16((head >> (RULE_METRICS_SHIFT + 4 * i)) & 0xf);
                rule.min = int64(uint64(word));
                rule.max = int64(uint64(word >> 64));
            }
        }
    }

    /// @dev Report 0's header first: a batch without reports (the usual case when posting) reads one slot.
    function _reportCount(bytes32 batchId) private view returns (uint256 n) {
        if (_reports[batchId][0].head == 0) return 0; // a stored header has a non-zero lab
        n = _reportCounts[batchId];
        if (n == 0) n = 1;
    }

    /// @dev Writes the header and the result words. `results` has passed TestRules.evaluate: at most
    /// MAX_METRIC (10) of them, each metric (1..10, so 4 bits) once; hence the unchecked arithmetic.
    function _storeResults(ReportRecord storage r, uint256 head, MetricResult[] calldata results) private {
        uint256 n = results.length;
        bool wide;
        unchecked {
            for (uint256 i; i < n; ++i) {
                int64 v = results[i].value;
                if (v < type(int32).min || v > type(int32).max) wide = true;
            }
            (uint256 bits, uint256 perWord, uint256 valueMask) = wide
                ? (WIDE_BITS, WIDE_PER_WORD, uint256(type(uint64).max))
                : (NARROW_BITS, NARROW_PER_WORD, uint256(type(uint32).max));
            r.head = wide ? head | WIDE_BIT : head;
            uint256 word;
            uint256 k;
            uint256 shift;
            for (uint256 i; i < n; ++i) {
                MetricResult calldata m = results[i];
                word |= (uint256(m.metric) | ((uint256(int256(m.value)) & valueMask) << 4)) << shift;
                shift += bits;
                if (shift == bits * perWord || i == n - 1) {
                    r.results[k++] = word;
                    (word, shift) = (0, 0);
                }
            }
        }
    }

    function _load(ReportRecord storage r) private view returns (TestReport memory t) {
        uint256 head = r.head;
        t.lab = address(uint160(head));
        t.testedAt = uint64(uint40(head >> TESTED_AT_SHIFT));
        t.reportHash = r.reportHash;
        t.ruleSetId = uint32(head >> RULE_SET_SHIFT);
        t.passed = head & PASSED_BIT != 0;
        t.retest = head & RETEST_BIT != 0;
        t.firstFailedMetric = uint8(head >> FAILED_SHIFT);
        bool wide = head & WIDE_BIT != 0;
        (uint256 bits, uint256 perWord) = wide ? (WIDE_BITS, WIDE_PER_WORD) : (NARROW_BITS, NARROW_PER_WORD);
        t.results = new MetricResult[](uint8(head >> COUNT_SHIFT) & 0xf);
        uint256 word;
        for (uint256 i; i < t.results.length; ++i) {
            if (i % perWord == 0) word = r.results[i / perWord];
            uint256 packed = word >> (bits * (i % perWord));
            int64 value = wide ? int64(uint64(packed >> 4)) : int64(int32(uint32(packed >> 4)));
            t.results[i] = MetricResult({metric: uint16(packed & 0xf), value: value});
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
