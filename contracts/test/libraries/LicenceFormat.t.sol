// SPDX-License-Identifier: MIT
pragma solidity ^0.8.24;

import {Base} from "../utils/Base.sol";
import {LicenceFormat} from "../../src/libraries/LicenceFormat.sol";
import {Gs1} from "../../src/libraries/Gs1.sol";

contract LicenceFormatTest is Base {
    function _cert(string memory s) internal pure returns (bool) {
        return LicenceFormat.isValidCertificateNumber(bytes(s));
    }

    function _production(string memory s) internal pure returns (bool) {
        return LicenceFormat.isValidProductionLicenceNumber(bytes(s));
    }

    function test_Certificate_ValidExamples() public pure {
        assertTrue(_cert(unicode"苏械注准20212149901"));
        assertTrue(_cert(unicode"京械注准20232640001")); // classification 64
        assertTrue(_cert(unicode"新械注准20992149999")); // last province in the list
    }

    function test_Certificate_InvalidExamples() public pure {
        assertFalse(_cert(unicode"苏械注准20212159901"), "15 is neither 14 nor 64");
        assertFalse(_cert(unicode"港械注准20212149901"), "Hong Kong is not a mainland province");
        assertFalse(_cert(unicode"苏械注准19212149901"), "the year must be 20yy");
        assertFalse(_cert(unicode"苏械注准20213149901"), "class III is approved nationally");
        assertFalse(_cert(unicode"国械注准20213149901"));
        assertFalse(_cert(unicode"苏械备20212149901"));
        assertFalse(_cert(unicode"苏械注准2021214990"), "one digit short");
        assertFalse(_cert(unicode"苏械注准202121499011"), "one digit too many");
        assertFalse(_cert(unicode"苏械注准2021214990A"));
        assertFalse(_cert(unicode"苏械注准20A12149901"));
        assertFalse(_cert(""));
    }

    function test_ProductionLicence_ValidExamples() public pure {
        assertTrue(_production(unicode"苏药监械生产许20219901号"));
        assertTrue(_production(unicode"粤药监械生产许20000001号"));
    }

    function test_ProductionLicence_InvalidExamples() public pure {
        assertFalse(_production(unicode"苏药监械生产许2021990号"));
        assertFalse(_production(unicode"苏药监械生产许202199011号"));
        assertFalse(_production(unicode"苏药监械生产许2021990X号"));
        assertFalse(_production(unicode"台药监械生产许20219901号"));
        assertFalse(_production(unicode"苏食药监械生产许20219901号"));
        assertFalse(_production(unicode"苏药监械生产许20219901"));
        assertFalse(_production(unicode"苏药监械生产许20219901号 "));
    }

    function test_Filing_NonEmptyUpTo64Bytes() public pure {
        assertTrue(LicenceFormat.isValidFilingNumber(bytes(unicode"苏苏食药监械经营备20200001号")));
        assertTrue(LicenceFormat.isValidFilingNumber(new bytes(64)));
        assertFalse(LicenceFormat.isValidFilingNumber(new bytes(65)));
        assertFalse(LicenceFormat.isValidFilingNumber(""));
    }

    function test_EveryProvinceIsAccepted() public pure {
        bytes memory provinces = LicenceFormat.PROVINCES;
        assertEq(provinces.length, 93);
        bytes memory tail = bytes(unicode"械注准20212149901");
        for (uint256 i; i < provinces.length; i += 3) {
            bytes memory s = abi.encodePacked(provinces[i], provinces[i + 1], provinces[i + 2], tail);
            assertTrue(LicenceFormat.isValidCertificateNumber(s));
        }
    }

    function testFuzz_Certificate_RejectsAnyOtherLength(bytes memory s) public pure {
        vm.assume(s.length != LicenceFormat.CERTIFICATE_LENGTH);
        assertFalse(LicenceFormat.isValidCertificateNumber(s));
    }

    // ---------------------------------------------------------------- GTIN

    function test_Gtin_ValidExamples() public pure {
        assertTrue(Gs1.isValidGtin(9_521_234_500_018)); // 09521234500018
        assertTrue(Gs1.isValidGtin(9_521_234_500_025));
        assertTrue(Gs1.isValidGtin(9_521_234_500_032));
        assertTrue(Gs1.isValidGtin(4_006_381_333_931)); // EAN-13 4006381333931
        assertTrue(Gs1.isValidGtin(96_385_074)); // EAN-8 96385074
    }

    function test_Gtin_InvalidExamples() public pure {
        assertFalse(Gs1.isValidGtin(9_521_234_500_019), "wrong check digit");
        assertFalse(Gs1.isValidGtin(0));
        assertFalse(Gs1.isValidGtin(100_000_000_000_000), "15 digits");
    }

    /// @dev For any 13-digit body, exactly one of the ten check digits is valid.
    function testFuzz_Gtin_ExactlyOneCheckDigit(uint64 body) public pure {
        body = uint64(bound(body, 1, 1e13 - 1));
        uint256 valid;
        for (uint64 d; d < 10; ++d) {
            if (Gs1.isValidGtin(body * 10 + d)) ++valid;
        }
        assertEq(valid, 1);
    }
}
