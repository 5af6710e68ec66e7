// SPDX-License-Identifier: MIT
pragma solidity ^0.8.24;

/// @title The official formats of Chinese medical-device licence numbers, checked byte by byte
/// @notice Strings are UTF-8: every CJK character is 3 bytes. The checks are fixed-position matches of:
///  - registration certificate 医疗器械注册证 (Class II, provincial):
///    `^(京|津|…|新)械注准20\d{2}2(14|64)\d{4}$`, e.g. 苏械注准20212149901 (23 bytes);
///  - production licence 医疗器械生产许可证: `^(京|津|…|新)药监械生产许\d{8}号$`, e.g. 苏药监械生产许20219901号
///    (32 bytes);
///  - Class II distribution filing 第二类医疗器械经营备案: free text, 1 to 64 bytes (formats vary by city).
library LicenceFormat {
    /// @dev The 31 provincial-level abbreviations of mainland China, 3 bytes each.
    bytes internal constant PROVINCES =
        unicode"京津冀晋蒙辽吉黑沪苏浙皖闽赣鲁豫鄂湘粤桂琼渝川贵云藏陕甘青宁新";

    uint256 internal constant CERTIFICATE_LENGTH = 23;
    uint256 internal constant PRODUCTION_LICENCE_LENGTH = 32;
    uint256 internal constant MAX_FILING_LENGTH = 64;

    /// @notice Longest validity of a registration certificate: five years of 365 days plus the two leap
    /// days that any five-year span can contain, so a certificate dated to the same calendar day five
    /// years on is accepted.
    uint64 internal constant MAX_CERTIFICATE_VALIDITY = 5 * 365 days + 2 days;

    function isValidCertificateNumber(bytes memory s) internal pure returns (bool) {
        if (s.length != CERTIFICATE_LENGTH || !_isProvince(s)) return false;
        if (!_matches(s, 3, unicode"械注准")) return false;
        // 20yy: year of approval
        if (s[12] != "2" || s[13] != "0" || !_isDigit(s[14]) || !_isDigit(s[15])) return false;
        // 2: management class II; 14 or 64: the product classification code
        if (s[16] != "2") return false;
        if (!((s[17] == "1" || s[17] == "6") && s[18] == "4")) return false;
        return _allDigits(s, 19, 23);
    }

    function isValidProductionLicenceNumber(bytes memory s) internal pure returns (bool) {
        if (s.length != PRODUCTION_LICENCE_LENGTH || !_isProvince(s)) return false;
        if (!_matches(s, 3, unicode"药监械生产许")) return false;
        if (!_allDigits(s, 21, 29)) return false;
        return _matches(s, 29, unicode"号");
    }

    function isValidFilingNumber(bytes memory s) internal pure returns (bool) {
        return s.length != 0 && s.length <= MAX_FILING_LENGTH;
    }

    /// @dev The first three bytes are one of the province characters.
    function _isProvince(bytes memory s) private pure returns (bool) {
        bytes memory provinces = PROVINCES;
        for (uint256 i; i < provinces.length; i += 3) {
            if (s[0] == provinces[i] && s[1] == provinces[i + 1] && s[2] == provinces[i + 2]) return true;
        }
        return false;
    }

    /// @dev `s[offset:offset + expected.length] == expected`; the caller has checked the length of `s`.
    function _matches(bytes memory s, uint256 offset, bytes memory expected) private pure returns (bool) {
        for (uint256 i; i < expected.length; ++i) {
            if (s[offset + i] != expected[i]) return false;
        }
        return true;
    }

    function _allDigits(bytes memory s, uint256 from, uint256 to) private pure returns (bool) {
        for (uint256 i = from; i < to; ++i) {
            if (!_isDigit(s[i])) return false;
        }
        return true;
    }

    function _isDigit(bytes1 c) private pure returns (bool) {
        return c >= "0" && c <= "9";
    }
}
