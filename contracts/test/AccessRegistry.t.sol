// SPDX-License-Identifier: MIT
pragma solidity ^0.8.24;

import {IAccessControl} from "@openzeppelin/contracts/access/IAccessControl.sol";
import {Fixture} from "./utils/Fixture.sol";
import {AccessRegistry} from "../src/AccessRegistry.sol";
import {PriceRegistry} from "../src/PriceRegistry.sol";
import {IPriceRegistry} from "../src/interfaces/IPriceRegistry.sol";
import {RegistryBase} from "../src/utils/RegistryBase.sol";
import {IAccessRegistry} from "../src/interfaces/IAccessRegistry.sol";
import {LicenceFormat} from "../src/libraries/LicenceFormat.sol";
import {Strings} from "@openzeppelin/contracts/utils/Strings.sol";

contract AccessRegistryTest is Fixture {
    IAccessRegistry.LicenceKind internal constant PRODUCTION_LICENCE = IAccessRegistry.LicenceKind.ProductionLicence;
    IAccessRegistry.LicenceKind internal constant CERTIFICATE = IAccessRegistry.LicenceKind.RegistrationCertificate;
    IAccessRegistry.LicenceKind internal constant FILING = IAccessRegistry.LicenceKind.DistributionFiling;
    string internal constant CERT_NUMBER = unicode"苏械注准20212149901";

    function _lacksRole(bytes32 role, address account) internal pure returns (bytes memory) {
        return abi.encodeWithSelector(IAccessRegistry.CallerLacksRole.selector, role, account);
    }

    // ---------------------------------------------------------------- construction and roles

    function test_Constructor_RegistersRegulatorWithBothAdminRoles() public view {
        assertTrue(access.hasRole(REGULATOR_ROLE, regulator));
        assertTrue(access.hasRole(access.DEFAULT_ADMIN_ROLE(), regulator));
        IAccessRegistry.Participant memory p = access.participant(regulator);
        assertTrue(p.registered);
        assertEq(p.name, unicode"国家药品监督管理局");
        assertTrue(access.isActive(regulator));
    }

    function test_Constructor_NamesRegulatorByDefault() public {
        AccessRegistry fresh = new AccessRegistry(stranger, "");
        assertEq(fresh.participant(stranger).name, "Regulator");
    }

    function test_Constructor_SetsDefaultCategoryRules() public view {
        uint32[5] memory typical = [uint32(0), 1110, 330, 1110, 330];
        uint32[5] memory ceiling = [uint32(0), 1300, 400, 1300, 400];
        for (uint8 c = 1; c <= 4; ++c) {
            IAccessRegistry.CategoryRules memory r = access.categoryRules(c);
            assertEq(r.minHoldDays, 14);
            assertEq(r.typicalMasksPerKg, typical[c]);
            assertEq(r.maxMasksPerKg, ceiling[c]);
        }
    }

    function test_RoleIds_AreKeccakOfTheirNames() public view {
        assertEq(access.REGULATOR_ROLE(), keccak256("REGULATOR_ROLE"));
        assertEq(access.SUPPLIER_ROLE(), keccak256("SUPPLIER_ROLE"));
        assertEq(access.MANUFACTURER_ROLE(), keccak256("MANUFACTURER_ROLE"));
        assertEq(access.AUDITOR_ROLE(), keccak256("AUDITOR_ROLE"));
        assertEq(access.LAB_ROLE(), keccak256("LAB_ROLE"));
        assertEq(access.DISTRIBUTOR_ROLE(), keccak256("DISTRIBUTOR_ROLE"));
        assertEq(access.PHARMACY_ROLE(), keccak256("PHARMACY_ROLE"));
        assertEq(access.INSPECTOR_ROLE(), keccak256("INSPECTOR_ROLE"));
        assertEq(access.SYSTEM_ROLE(), keccak256("SYSTEM_ROLE"));
    }

    function test_RegulatorRole_AdministersEveryRole() public view {
        bytes32[9] memory roles = [
            REGULATOR_ROLE,
            SUPPLIER_ROLE,
            MANUFACTURER_ROLE,
            AUDITOR_ROLE,
            LAB_ROLE,
            DISTRIBUTOR_ROLE,
            PHARMACY_ROLE,
            INSPECTOR_ROLE,
            SYSTEM_ROLE
        ];
        for (uint256 i; i < roles.length; ++i) {
            assertEq(access.getRoleAdmin(roles[i]), REGULATOR_ROLE);
        }
    }

    // ---------------------------------------------------------------- directory

    function test_SetDirectory_GrantsSystemRoleToTheSixRegistries_NotTheOrderBook() public view {
        IAccessRegistry.Directory memory d = access.directory();
        assertEq(d.materials, address(materials));
        assertEq(d.batches, address(batches));
        assertEq(d.tests, address(tests));
        assertEq(d.custody, address(custody));
        assertEq(d.prices, address(prices));
        assertEq(d.complaints, address(complaints));
        assertEq(d.orders, address(orders));
        assertTrue(access.hasRole(SYSTEM_ROLE, address(materials)));
        assertTrue(access.hasRole(SYSTEM_ROLE, address(batches)));
        assertTrue(access.hasRole(SYSTEM_ROLE, address(tests)));
        assertTrue(access.hasRole(SYSTEM_ROLE, address(custody)));
        assertTrue(access.hasRole(SYSTEM_ROLE, address(prices)));
        assertTrue(access.hasRole(SYSTEM_ROLE, address(complaints)));
        // The token and the forwarder are no registries: the forwarder relays anyone's signed calls.
        assertFalse(access.hasRole(SYSTEM_ROLE, address(forwarder)));
        assertFalse(access.hasRole(SYSTEM_ROLE, address(token)));
        // The order book calls no system function: the custody registry calls it.
        assertFalse(access.hasRole(SYSTEM_ROLE, address(orders)));
    }

    function test_RevertWhen_DirectorySetTwice() public {
        IAccessRegistry.Directory memory d = access.directory();
        vm.prank(regulator);
        vm.expectRevert(IAccessRegistry.DirectoryAlreadySet.selector);
        access.setDirectory(d);
    }

    function test_RevertWhen_DirectoryHasZeroAddress() public {
        AccessRegistry fresh = new AccessRegistry(regulator, "");
        IAccessRegistry.Directory memory d = access.directory();
        d.prices = address(0);
        vm.prank(regulator);
        vm.expectRevert(AccessRegistry.InvalidDirectory.selector);
        fresh.setDirectory(d);
        d = access.directory();
        d.complaints = address(0);
        vm.prank(regulator);
        vm.expectRevert(AccessRegistry.InvalidDirectory.selector);
        fresh.setDirectory(d);
        d = access.directory();
        d.orders = address(0);
        vm.prank(regulator);
        vm.expectRevert(AccessRegistry.InvalidDirectory.selector);
        fresh.setDirectory(d);
    }

    function test_RevertWhen_CallerLacksRole_SetDirectory() public {
        AccessRegistry fresh = new AccessRegistry(regulator, "");
        IAccessRegistry.Directory memory d = access.directory();
        vm.prank(manufacturer);
        vm.expectRevert(_lacksRole(REGULATOR_ROLE, manufacturer));
        fresh.setDirectory(d);
    }

    function test_RevertWhen_RegistryUsedBeforeDirectorySet() public {
        AccessRegistry fresh = new AccessRegistry(regulator, "");
        PriceRegistry freshPrices = new PriceRegistry(fresh);
        assertEq(address(freshPrices.accessRegistry()), address(fresh));
        vm.startPrank(regulator);
        fresh.registerParticipant(inspector, INSPECTOR_ROLE, "inspector", "", SUZHOU);
        fresh.registerParticipant(pharmacy, PHARMACY_ROLE, "pharmacy", "", SUZHOU);
        vm.stopPrank();
        vm.prank(inspector);
        vm.expectRevert(RegistryBase.DirectoryNotSet.selector);
        freshPrices.recordPrice(pharmacy, bytes32(uint256(1)), SUZHOU, IPriceRegistry.Channel.Retail, 100, bytes32(0));
    }

    function test_Registries_KnowTheirAccessRegistry() public view {
        assertEq(address(materials.accessRegistry()), address(access));
        assertEq(address(batches.accessRegistry()), address(access));
        assertEq(address(tests.accessRegistry()), address(access));
        assertEq(address(custody.accessRegistry()), address(access));
        assertEq(address(prices.accessRegistry()), address(access));
        assertEq(address(lens.accessRegistry()), address(access));
        assertEq(address(complaints.accessRegistry()), address(access));
    }

    // ---------------------------------------------------------------- participants

    function test_RegisterParticipant_StoresProfileAndGrantsRole() public {
        vm.expectEmit();
        emit IAccessRegistry.ParticipantRegistered(stranger, LAB_ROLE, unicode"第二检测所", 310_000);
        vm.prank(regulator);
        access.registerParticipant(stranger, LAB_ROLE, unicode"第二检测所", "91310000X", 310_000);
        IAccessRegistry.Participant memory p = access.participant(stranger);
        assertEq(p.name, unicode"第二检测所");
        assertEq(p.creditCode, "91310000X");
        assertEq(uint256(p.region), 310_000);
        assertTrue(p.registered);
        assertEq(uint256(p.suspendedAt), 0);
        assertTrue(access.hasRole(LAB_ROLE, stranger));
        access.requireActiveRole(LAB_ROLE, stranger);
    }

    function test_RevertWhen_CallerLacksRole_RegisterParticipant() public {
        vm.prank(manufacturer);
        vm.expectRevert(_lacksRole(REGULATOR_ROLE, manufacturer));
        access.registerParticipant(stranger, LAB_ROLE, "x", "", 0);
    }

    function test_RevertWhen_ParticipantAlreadyRegistered() public {
        vm.prank(regulator);
        vm.expectRevert(abi.encodeWithSelector(IAccessRegistry.ParticipantAlreadyRegistered.selector, lab));
        access.registerParticipant(lab, LAB_ROLE, "again", "", 0);
    }

    function test_RevertWhen_ParticipantNameEmpty() public {
        vm.prank(regulator);
        vm.expectRevert(IAccessRegistry.InvalidName.selector);
        access.registerParticipant(stranger, LAB_ROLE, "", "", 0);
    }

    function test_RevertWhen_ParticipantRoleIsSystem() public {
        vm.prank(regulator);
        vm.expectRevert(abi.encodeWithSelector(AccessRegistry.UnknownRole.selector, SYSTEM_ROLE));
        access.registerParticipant(stranger, SYSTEM_ROLE, "x", "", 0);
    }

    function test_AddRole_GrantsASecondRole() public {
        vm.expectEmit();
        emit IAccessRegistry.RoleAdded(distributor, PHARMACY_ROLE);
        vm.prank(regulator);
        access.addRole(distributor, PHARMACY_ROLE);
        assertTrue(access.hasRole(PHARMACY_ROLE, distributor));
        assertTrue(access.hasRole(DISTRIBUTOR_ROLE, distributor));
    }

    function test_RevertWhen_AddRoleToUnregistered() public {
        vm.prank(regulator);
        vm.expectRevert(abi.encodeWithSelector(IAccessRegistry.ParticipantNotRegistered.selector, stranger));
        access.addRole(stranger, PHARMACY_ROLE);
    }

    function test_RevertWhen_CallerLacksRole_AddRole() public {
        vm.prank(distributor);
        vm.expectRevert(_lacksRole(REGULATOR_ROLE, distributor));
        access.addRole(distributor, PHARMACY_ROLE);
    }

    function test_Suspend_ThenReinstate() public {
        vm.expectEmit();
        emit IAccessRegistry.ParticipantSuspended(pharmacy, unicode"售假");
        vm.prank(regulator);
        access.suspend(pharmacy, unicode"售假");
        IAccessRegistry.Participant memory p = access.participant(pharmacy);
        assertEq(uint256(p.suspendedAt), T0);
        assertEq(p.suspensionReason, unicode"售假");
        assertFalse(access.isActive(pharmacy));
        vm.expectRevert(abi.encodeWithSelector(IAccessRegistry.ParticipantIsSuspended.selector, pharmacy));
        access.requireActiveRole(PHARMACY_ROLE, pharmacy);

        vm.prank(regulator);
        access.reinstate(pharmacy);
        assertTrue(access.isActive(pharmacy));
        assertEq(access.participant(pharmacy).suspensionReason, "");
        access.requireActiveRole(PHARMACY_ROLE, pharmacy);
    }

    function test_RevertWhen_SuspendTwice() public {
        vm.startPrank(regulator);
        access.suspend(pharmacy, "a");
        vm.expectRevert(abi.encodeWithSelector(IAccessRegistry.ParticipantIsSuspended.selector, pharmacy));
        access.suspend(pharmacy, "b");
        vm.stopPrank();
    }

    function test_RevertWhen_SuspendUnregistered() public {
        vm.prank(regulator);
        vm.expectRevert(abi.encodeWithSelector(IAccessRegistry.ParticipantNotRegistered.selector, stranger));
        access.suspend(stranger, "a");
    }

    function test_RevertWhen_ReinstateNotSuspended() public {
        vm.prank(regulator);
        vm.expectRevert(abi.encodeWithSelector(IAccessRegistry.ParticipantNotSuspended.selector, pharmacy));
        access.reinstate(pharmacy);
    }

    function test_RevertWhen_CallerLacksRole_Suspend() public {
        vm.prank(inspector);
        vm.expectRevert(_lacksRole(REGULATOR_ROLE, inspector));
        access.suspend(pharmacy, "a");
    }

    function test_RevertWhen_CallerLacksRole_Reinstate() public {
        vm.prank(regulator);
        access.suspend(pharmacy, "a");
        vm.prank(inspector);
        vm.expectRevert(_lacksRole(REGULATOR_ROLE, inspector));
        access.reinstate(pharmacy);
    }

    function test_RequireActiveRole_RefusesMissingRole() public {
        vm.expectRevert(_lacksRole(LAB_ROLE, manufacturer));
        access.requireActiveRole(LAB_ROLE, manufacturer);
    }

    function test_RequireActiveRole_RefusesRoleWithoutRegistration() public {
        vm.prank(regulator);
        access.grantRole(LAB_ROLE, stranger); // OpenZeppelin's path: a role, but no participant record
        assertTrue(access.hasRole(LAB_ROLE, stranger));
        vm.expectRevert(_lacksRole(LAB_ROLE, stranger));
        access.requireActiveRole(LAB_ROLE, stranger);
    }

    function test_RevertWhen_CallerLacksRole_GrantRole() public {
        address[2] memory others = [manufacturer, stranger];
        for (uint256 i; i < others.length; ++i) {
            vm.prank(others[i]);
            vm.expectRevert(
                abi.encodeWithSelector(
                    IAccessControl.AccessControlUnauthorizedAccount.selector, others[i], REGULATOR_ROLE
                )
            );
            access.grantRole(LAB_ROLE, others[i]);
        }
    }

    function test_RevertWhen_CallerLacksRole_RevokeRole() public {
        vm.prank(stranger);
        vm.expectRevert(
            abi.encodeWithSelector(IAccessControl.AccessControlUnauthorizedAccount.selector, stranger, REGULATOR_ROLE)
        );
        access.revokeRole(MANUFACTURER_ROLE, manufacturer);
        assertTrue(access.hasRole(MANUFACTURER_ROLE, manufacturer));
    }

    function test_RevertWhen_RenounceRoleForAnotherAccount() public {
        vm.prank(stranger);
        vm.expectRevert(IAccessControl.AccessControlBadConfirmation.selector);
        access.renounceRole(MANUFACTURER_ROLE, manufacturer);
        assertTrue(access.hasRole(MANUFACTURER_ROLE, manufacturer));
    }

    // ---------------------------------------------------------------- licences

    function test_GrantLicence_StoresItUnderTheHolder() public view {
        IAccessRegistry.Licence memory l = access.licence(productionLicenceId);
        assertEq(uint256(l.kind), uint256(PRODUCTION_LICENCE));
        assertEq(l.holder, manufacturer);
        assertEq(l.number, unicode"苏药监械生产许20219901号");
        assertEq(uint256(l.categories), ALL_CATEGORIES);
        assertEq(uint256(l.validFrom), D2021);
        assertEq(uint256(l.validUntil), D2026);
        assertEq(uint256(l.revokedAt), 0);
        uint256[] memory ids = access.licencesOf(manufacturer);
        assertEq(ids.length, 2);
        assertEq(ids[0], productionLicenceId);
        assertEq(ids[1], certificateId);
        assertEq(access.licenceCount(), 4);
    }

    function test_GrantLicence_EmitsLicenceGranted() public {
        vm.expectEmit();
        emit IAccessRegistry.LicenceGranted(5, distributor, FILING, "F-2");
        vm.prank(regulator);
        access.grantLicence(FILING, distributor, "F-2", ALL_CATEGORIES, D2020, D2030);
    }

    function test_LicencesOf_KeepsOrderBeyondOnePackedWord() public {
        vm.startPrank(regulator);
        uint256[] memory granted = new uint256[](20);
        for (uint256 i; i < 20; ++i) {
            // Only the last one covers category 3 and is valid in 2024.
            uint16 cats = i == 19 ? uint16(1) << 3 : uint16(1) << 2;
            granted[i] = access.grantLicence(FILING, lab, string.concat("F-", Strings.toString(i)), cats, D2020, D2030);
        }
        vm.stopPrank();
        uint256[] memory ids = access.licencesOf(lab);
        assertEq(ids.length, 20);
        for (uint256 i; i < 20; ++i) {
            assertEq(ids[i], granted[i]);
        }
        (bool found, uint256 id) = access.findValidLicence(lab, FILING, 3, T0);
        assertTrue(found);
        assertEq(id, granted[19]);
    }

    function test_RevertWhen_CallerLacksRole_GrantLicence() public {
        vm.prank(manufacturer);
        vm.expectRevert(_lacksRole(REGULATOR_ROLE, manufacturer));
        access.grantLicence(FILING, manufacturer, "F", ALL_CATEGORIES, D2020, D2030);
    }

    function test_RevertWhen_LicenceHolderNotRegistered() public {
        vm.prank(regulator);
        vm.expectRevert(abi.encodeWithSelector(IAccessRegistry.ParticipantNotRegistered.selector, stranger));
        access.grantLicence(FILING, stranger, "F", ALL_CATEGORIES, D2020, D2030);
    }

    function test_RevertWhen_LicenceCategoriesEmpty() public {
        vm.prank(regulator);
        vm.expectRevert(IAccessRegistry.EmptyCategories.selector);
        access.grantLicence(FILING, distributor, "F", 0, D2020, D2030);
    }

    function test_RevertWhen_LicenceCategoryUnknown() public {
        vm.startPrank(regulator);
        vm.expectRevert(abi.encodeWithSelector(IAccessRegistry.UnknownCategory.selector, uint8(0)));
        access.grantLicence(FILING, distributor, "F", 0x03, D2020, D2030);
        vm.expectRevert(abi.encodeWithSelector(IAccessRegistry.UnknownCategory.selector, uint8(5)));
        access.grantLicence(FILING, distributor, "F", 0x22, D2020, D2030);
        vm.stopPrank();
    }

    function test_RevertWhen_LicencePeriodEmpty() public {
        vm.prank(regulator);
        vm.expectRevert(abi.encodeWithSelector(IAccessRegistry.InvalidValidityPeriod.selector, D2030, D2030));
        access.grantLicence(FILING, distributor, "F", ALL_CATEGORIES, D2030, D2030);
    }

    function test_GrantLicence_CertificateValidFiveYearsAndTwoLeapDays() public {
        uint64 until = D2021 + LicenceFormat.MAX_CERTIFICATE_VALIDITY;
        vm.prank(regulator);
        access.grantLicence(CERTIFICATE, manufacturer, CERT_NUMBER, 2, D2021, until);
    }

    function test_RevertWhen_CertificateValidOverFiveYears() public {
        uint64 until = D2021 + LicenceFormat.MAX_CERTIFICATE_VALIDITY + 1;
        vm.prank(regulator);
        vm.expectRevert(abi.encodeWithSelector(IAccessRegistry.CertificateValidityOverFiveYears.selector, D2021, until));
        access.grantLicence(CERTIFICATE, manufacturer, CERT_NUMBER, 2, D2021, until);
    }

    function test_ProductionLicence_MayLastLongerThanFiveYears() public {
        vm.prank(regulator);
        access.grantLicence(
            PRODUCTION_LICENCE, manufacturer, unicode"苏药监械生产许20219901号", 2, D2011, D2030
        );
    }

    function test_RevertWhen_CertificateNumberInvalid() public {
        _expectInvalidNumber(CERTIFICATE, unicode"苏械注准20212159901"); // 15: neither 14 nor 64
        _expectInvalidNumber(CERTIFICATE, unicode"港械注准20212149901"); // not a mainland province
        _expectInvalidNumber(CERTIFICATE, unicode"苏械注准19212149901"); // approved in the 1900s
        _expectInvalidNumber(CERTIFICATE, unicode"苏药监械生产许20219901号"); // a production licence number
    }

    function test_RevertWhen_ProductionLicenceNumberInvalid() public {
        _expectInvalidNumber(PRODUCTION_LICENCE, unicode"苏药监械生产许2021990号"); // seven digits
        _expectInvalidNumber(PRODUCTION_LICENCE, unicode"苏械注准20212149901");
    }

    function test_RevertWhen_FilingNumberInvalid() public {
        _expectInvalidNumber(FILING, "");
        _expectInvalidNumber(FILING, string(new bytes(65)));
    }

    function _expectInvalidNumber(IAccessRegistry.LicenceKind kind, string memory number) internal {
        vm.prank(regulator);
        vm.expectRevert(abi.encodeWithSelector(IAccessRegistry.InvalidLicenceNumber.selector, kind, number));
        access.grantLicence(kind, manufacturer, number, 2, D2021, D2026);
    }

    function test_RevokeLicence_IsDatedAndKeepsHistory() public {
        uint64 at = D2024;
        vm.expectEmit();
        emit IAccessRegistry.LicenceRevoked(productionLicenceId, manufacturer, at, unicode"飞行检查不合格");
        vm.prank(regulator);
        access.revokeLicence(productionLicenceId, at, unicode"飞行检查不合格");
        IAccessRegistry.Licence memory l = access.licence(productionLicenceId);
        assertEq(uint256(l.revokedAt), at);
        assertEq(l.revocationReason, unicode"飞行检查不合格");
        assertTrue(access.isLicenceValidAt(productionLicenceId, at - 1));
        assertFalse(access.isLicenceValidAt(productionLicenceId, at));
    }

    function test_RevertWhen_RevokeUnknownLicence() public {
        vm.prank(regulator);
        vm.expectRevert(abi.encodeWithSelector(IAccessRegistry.LicenceNotFound.selector, 99));
        access.revokeLicence(99, D2024, "x");
    }

    function test_RevertWhen_LicenceRevokedTwice() public {
        vm.startPrank(regulator);
        access.revokeLicence(productionLicenceId, D2024, "x");
        vm.expectRevert(
            abi.encodeWithSelector(IAccessRegistry.LicenceAlreadyRevoked.selector, productionLicenceId, D2024)
        );
        access.revokeLicence(productionLicenceId, D2025 - 1 days, "y");
        vm.stopPrank();
    }

    function test_RevertWhen_RevocationOutOfRange() public {
        vm.startPrank(regulator);
        vm.expectRevert(
            abi.encodeWithSelector(IAccessRegistry.RevocationOutOfRange.selector, productionLicenceId, D2020)
        );
        access.revokeLicence(productionLicenceId, D2020, "before validFrom");
        vm.expectRevert(
            abi.encodeWithSelector(IAccessRegistry.RevocationOutOfRange.selector, productionLicenceId, T0 + 1)
        );
        access.revokeLicence(productionLicenceId, T0 + 1, "in the future");
        vm.expectRevert(abi.encodeWithSelector(IAccessRegistry.RevocationOutOfRange.selector, productionLicenceId, 0));
        access.revokeLicence(productionLicenceId, 0, "zero");
        vm.stopPrank();
    }

    function test_RevertWhen_CallerLacksRole_RevokeLicence() public {
        vm.prank(inspector);
        vm.expectRevert(_lacksRole(REGULATOR_ROLE, inspector));
        access.revokeLicence(productionLicenceId, D2024, "x");
    }

    function test_RevertWhen_LicenceNotFound() public {
        vm.expectRevert(abi.encodeWithSelector(IAccessRegistry.LicenceNotFound.selector, 0));
        access.licence(0);
    }

    function test_IsLicenceValidAt_BoundsAreInclusive() public view {
        assertFalse(access.isLicenceValidAt(productionLicenceId, D2021 - 1));
        assertTrue(access.isLicenceValidAt(productionLicenceId, D2021));
        assertTrue(access.isLicenceValidAt(productionLicenceId, D2026));
        assertFalse(access.isLicenceValidAt(productionLicenceId, D2026 + 1));
        assertFalse(access.isLicenceValidAt(999, T0));
    }

    function test_FindValidLicence_MatchesKindCategoryAndDate() public view {
        (bool found, uint256 id) = access.findValidLicence(manufacturer, PRODUCTION_LICENCE, 2, T0);
        assertTrue(found);
        assertEq(id, productionLicenceId);
        (found, id) = access.findValidLicence(manufacturer, CERTIFICATE, SURGICAL, T0);
        assertTrue(found);
        assertEq(id, certificateId);
        (found,) = access.findValidLicence(manufacturer, CERTIFICATE, 2, T0); // certificate covers surgical only
        assertFalse(found);
        (found,) = access.findValidLicence(manufacturer, PRODUCTION_LICENCE, SURGICAL, D2030);
        assertFalse(found);
        (found,) = access.findValidLicence(manufacturer, FILING, SURGICAL, T0);
        assertFalse(found);
    }

    // ---------------------------------------------------------------- category rules

    function test_SetCategoryRules() public {
        IAccessRegistry.CategoryRules memory r = IAccessRegistry.CategoryRules(7, 300, 350);
        vm.expectEmit();
        emit IAccessRegistry.CategoryRulesSet(2, 7, 300, 350);
        vm.prank(regulator);
        access.setCategoryRules(2, r);
        assertEq(access.categoryRules(2).minHoldDays, 7);
    }

    function test_RevertWhen_CategoryRulesForUnknownCategory() public {
        vm.prank(regulator);
        vm.expectRevert(abi.encodeWithSelector(IAccessRegistry.UnknownCategory.selector, uint8(5)));
        access.setCategoryRules(5, IAccessRegistry.CategoryRules(14, 300, 400));
    }

    function test_RevertWhen_CategoryRulesInconsistent() public {
        vm.startPrank(regulator);
        vm.expectRevert(abi.encodeWithSelector(IAccessRegistry.InvalidCategoryRules.selector, uint8(1)));
        access.setCategoryRules(1, IAccessRegistry.CategoryRules(14, 0, 0));
        vm.expectRevert(abi.encodeWithSelector(IAccessRegistry.InvalidCategoryRules.selector, uint8(1)));
        access.setCategoryRules(1, IAccessRegistry.CategoryRules(14, 1400, 1300));
        vm.stopPrank();
    }

    function test_RevertWhen_CallerLacksRole_SetCategoryRules() public {
        vm.prank(manufacturer);
        vm.expectRevert(_lacksRole(REGULATOR_ROLE, manufacturer));
        access.setCategoryRules(1, IAccessRegistry.CategoryRules(1, 2000, 3000));
    }

    // ---------------------------------------------------------------- products

    function test_RegisterProduct_StoresIt() public view {
        IAccessRegistry.Product memory p = access.product(GTIN);
        assertEq(p.manufacturer, manufacturer);
        assertEq(uint256(p.category), SURGICAL);
        assertEq(p.certificateId, certificateId);
        assertEq(p.name, unicode"医用外科口罩 17.5×9.5 cm");
    }

    function test_Product_UnknownGtinIsEmpty() public view {
        IAccessRegistry.Product memory p = access.product(9_521_234_599_997);
        assertEq(p.manufacturer, address(0));
        assertEq(p.name, "");
    }

    function test_RevertWhen_CallerLacksRole_RegisterProduct() public {
        vm.prank(distributor);
        vm.expectRevert(_lacksRole(MANUFACTURER_ROLE, distributor));
        access.registerProduct(9_521_234_500_025, SURGICAL, certificateId, "x");
    }

    function test_RevertWhen_SuspendedManufacturerRegistersProduct() public {
        vm.prank(regulator);
        access.suspend(manufacturer, "x");
        vm.prank(manufacturer);
        vm.expectRevert(abi.encodeWithSelector(IAccessRegistry.ParticipantIsSuspended.selector, manufacturer));
        access.registerProduct(9_521_234_500_025, SURGICAL, certificateId, "x");
    }

    function test_RevertWhen_GtinInvalid() public {
        uint64[3] memory bad = [uint64(9_521_234_500_019), 0, 100_000_000_000_000];
        for (uint256 i; i < bad.length; ++i) {
            vm.prank(manufacturer);
            vm.expectRevert(abi.encodeWithSelector(IAccessRegistry.InvalidGtin.selector, bad[i]));
            access.registerProduct(bad[i], SURGICAL, certificateId, "x");
        }
    }

    function test_RevertWhen_ProductCategoryUnknown() public {
        vm.prank(manufacturer);
        vm.expectRevert(abi.encodeWithSelector(IAccessRegistry.UnknownCategory.selector, uint8(0)));
        access.registerProduct(9_521_234_500_025, 0, certificateId, "x");
    }

    function test_RevertWhen_ProductNameEmpty() public {
        vm.prank(manufacturer);
        vm.expectRevert(IAccessRegistry.InvalidName.selector);
        access.registerProduct(9_521_234_500_025, SURGICAL, certificateId, "");
    }

    function test_RevertWhen_ProductAlreadyRegistered() public {
        vm.prank(manufacturer);
        vm.expectRevert(abi.encodeWithSelector(IAccessRegistry.ProductAlreadyRegistered.selector, GTIN));
        access.registerProduct(GTIN, SURGICAL, certificateId, "x");
    }

    function test_RevertWhen_CertificateNotUsable() public {
        uint64 gtin = 9_521_234_500_025;
        // not a certificate
        _expectCertificateNotUsable(gtin, SURGICAL, productionLicenceId);
        // does not cover the category
        _expectCertificateNotUsable(gtin, 2, certificateId);
        // unknown ids
        _expectCertificateNotUsable(gtin, SURGICAL, 0);
        _expectCertificateNotUsable(gtin, SURGICAL, 99);
        // revoked
        vm.prank(regulator);
        access.revokeLicence(certificateId, D2024, "x");
        _expectCertificateNotUsable(gtin, SURGICAL, certificateId);
    }

    function test_RevertWhen_CertificateIsAnotherManufacturers() public {
        vm.startPrank(regulator);
        access.registerParticipant(stranger, MANUFACTURER_ROLE, "rival", "", 0);
        vm.stopPrank();
        vm.prank(stranger);
        vm.expectRevert(abi.encodeWithSelector(IAccessRegistry.CertificateNotUsable.selector, certificateId));
        access.registerProduct(9_521_234_500_025, SURGICAL, certificateId, "x");
    }

    function _expectCertificateNotUsable(uint64 gtin, uint8 category, uint256 id) internal {
        vm.prank(manufacturer);
        vm.expectRevert(abi.encodeWithSelector(IAccessRegistry.CertificateNotUsable.selector, id));
        access.registerProduct(gtin, category, id, "x");
    }

    // ---------------------------------------------------------------- production terms

    function test_ProductionTerms_SumUpTheProductAndLicences() public view {
        AccessRegistry.ProductionTerms memory t = access.productionTerms(manufacturer, GTIN, PRODUCTION);
        assertTrue(t.callerIsManufacturer);
        assertFalse(t.callerSuspended);
        assertEq(t.manufacturer, manufacturer);
        assertEq(uint256(t.category), SURGICAL);
        assertEq(t.certificateId, certificateId);
        assertTrue(t.certificateValid);
        assertTrue(t.licenceFound);
        assertEq(t.productionLicenceId, productionLicenceId);
        assertEq(uint256(t.maxMasksPerKg), 1300);

        t = access.productionTerms(distributor, 9_521_234_599_997, PRODUCTION);
        assertFalse(t.callerIsManufacturer);
        assertEq(t.manufacturer, address(0));
    }

    // ---------------------------------------------------------------- bond suspension (system)

    function test_SuspendForBond_ThenReinstateAfterBond() public {
        vm.expectEmit();
        emit IAccessRegistry.ParticipantSuspendedForBond(pharmacy);
        vm.prank(address(complaints));
        access.suspendForBond(pharmacy);
        IAccessRegistry.Participant memory p = access.participant(pharmacy);
        assertEq(uint256(p.bondSuspendedAt), T0);
        assertEq(uint256(p.suspendedAt), 0);
        assertFalse(access.isActive(pharmacy));
        vm.expectRevert(abi.encodeWithSelector(IAccessRegistry.ParticipantIsSuspended.selector, pharmacy));
        access.requireActiveRole(PHARMACY_ROLE, pharmacy);

        vm.expectEmit();
        emit IAccessRegistry.ParticipantReinstatedAfterBond(pharmacy);
        vm.prank(address(complaints));
        access.reinstateAfterBond(pharmacy);
        assertEq(uint256(access.participant(pharmacy).bondSuspendedAt), 0);
        assertTrue(access.isActive(pharmacy));
        access.requireActiveRole(PHARMACY_ROLE, pharmacy);
    }

    function test_RevertWhen_CallerLacksRole_SuspendForBond() public {
        // Not even the regulator: a bond suspension follows the bond, the regulator has its own.
        address[2] memory others = [regulator, stranger];
        for (uint256 i; i < others.length; ++i) {
            vm.prank(others[i]);
            vm.expectRevert(_lacksRole(SYSTEM_ROLE, others[i]));
            access.suspendForBond(pharmacy);
            vm.prank(others[i]);
            vm.expectRevert(_lacksRole(SYSTEM_ROLE, others[i]));
            access.reinstateAfterBond(pharmacy);
        }
    }

    function test_RevertWhen_SuspendForBondTwice() public {
        vm.startPrank(address(complaints));
        access.suspendForBond(pharmacy);
        vm.expectRevert(abi.encodeWithSelector(IAccessRegistry.ParticipantIsSuspended.selector, pharmacy));
        access.suspendForBond(pharmacy);
        vm.stopPrank();
    }

    function test_RevertWhen_ReinstateAfterBondNotSuspended() public {
        vm.prank(address(complaints));
        vm.expectRevert(abi.encodeWithSelector(IAccessRegistry.ParticipantNotSuspended.selector, pharmacy));
        access.reinstateAfterBond(pharmacy);
    }

    function test_BondSuspension_IndependentOfTheRegulatorsSuspension() public {
        vm.prank(regulator);
        access.suspend(pharmacy, unicode"售假");
        vm.prank(address(complaints));
        access.suspendForBond(pharmacy);
        // The regulator lifts its own; the bond suspension stays.
        vm.prank(regulator);
        access.reinstate(pharmacy);
        assertFalse(access.isActive(pharmacy));
        vm.prank(regulator);
        access.suspend(pharmacy, unicode"再次");
        // The bond is topped up; the regulator's suspension stays.
        vm.prank(address(complaints));
        access.reinstateAfterBond(pharmacy);
        assertFalse(access.isActive(pharmacy));
        IAccessRegistry.Participant memory p = access.participant(pharmacy);
        assertEq(uint256(p.bondSuspendedAt), 0);
        assertEq(uint256(p.suspendedAt), T0);
        assertEq(p.suspensionReason, unicode"再次");
    }

    function test_ProductionTerms_CountABondSuspension() public {
        vm.prank(address(complaints));
        access.suspendForBond(manufacturer);
        AccessRegistry.ProductionTerms memory t = access.productionTerms(manufacturer, GTIN, PRODUCTION);
        assertTrue(t.callerSuspended);
    }
}
