// SPDX-License-Identifier: MIT
pragma solidity ^0.8.24;

import {Fixture} from "./utils/Fixture.sol";
import {IAccessRegistry} from "../src/interfaces/IAccessRegistry.sol";
import {IBatchRegistry} from "../src/interfaces/IBatchRegistry.sol";
import {ITestRegistry} from "../src/interfaces/ITestRegistry.sol";

contract BatchRegistryTest is Fixture {
    address internal rival;
    uint256 internal rivalLot;

    function setUp() public override {
        super.setUp();
        rival = makeAddr("rival manufacturer");
        vm.prank(regulator);
        access.registerParticipant(rival, MANUFACTURER_ROLE, unicode"另一家口罩厂", "", SUZHOU);
    }

    function _expectRegisterRevert(IBatchRegistry.BatchInput memory input, bytes memory err) internal {
        vm.prank(manufacturer);
        vm.expectRevert(err);
        batches.registerBatch(input);
    }

    // ---------------------------------------------------------------- registration

    function test_RegisterBatch_StoresEveryField() public {
        IBatchRegistry.BatchInput memory input = defaultInput("240315A");
        input.serialStart = type(uint64).max - 5000; // the full width survives packing
        input.expiryDate = PRODUCTION + 3 * 365 days;
        bytes32 batchId = register(input);

        assertEq(batchId, keccak256(abi.encode(GTIN, "240315A")));
        assertEq(batchId, batches.batchIdOf(GTIN, "240315A"));
        assertTrue(batches.exists(batchId));
        IBatchRegistry.Batch memory b = batches.batch(batchId);
        assertEq(b.manufacturer, manufacturer);
        assertEq(uint256(b.gtin), GTIN);
        assertEq(uint256(b.productionDate), PRODUCTION);
        assertEq(uint256(b.expiryDate), PRODUCTION + 3 * 365 days);
        assertEq(uint256(b.masks), 100_000);
        assertEq(uint256(b.masksPerBox), 50);
        assertEq(uint256(b.boxes), 2000);
        assertEq(uint256(b.serialStart), type(uint64).max - 5000);
        assertEq(b.signer, signer);
        assertEq(uint256(b.registeredAt), T0);
        assertEq(uint256(b.attestationId), attestationId);
        assertEq(uint256(b.productionLicenceId), productionLicenceId);
        assertEq(b.workshopId, workshopId);
        assertEq(b.possessionRoot, input.possessionRoot);
        assertEq(uint256(b.releasedAt), 0);
        assertEq(uint256(b.recalledAt), 0);
        assertEq(b.recallReason, "");
        assertEq(uint256(batches.category(batchId)), SURGICAL);

        IBatchRegistry.MaterialUse[] memory uses = batches.materialsOf(batchId);
        assertEq(uses.length, 1);
        assertEq(uint256(uses[0].lotId), lotId);
        assertEq(uint256(uses[0].grams), 100_000);
    }

    function test_RegisterBatch_EmitsTheLotInTheEvent() public {
        bytes32 batchId = batches.batchIdOf(GTIN, "240315A");
        vm.expectEmit(address(batches));
        emit IBatchRegistry.BatchRegistered(batchId, GTIN, manufacturer, "240315A", 100_000, 1, 2000);
        register(defaultInput("240315A"));
    }

    function test_RegisterBatch_WithSeveralMaterials() public {
        uint256 lot2 = manufacturerLot("MB-2403-08", 50_000);
        uint256 lot3 = manufacturerLot("MB-2403-09", 50_000);
        IBatchRegistry.BatchInput memory input = defaultInput("240315A");
        IBatchRegistry.MaterialUse[] memory uses = new IBatchRegistry.MaterialUse[](3);
        uses[0] = IBatchRegistry.MaterialUse(uint64(lotId), 20_000);
        uses[1] = IBatchRegistry.MaterialUse(uint64(lot2), 50_000);
        uses[2] = IBatchRegistry.MaterialUse(uint64(lot3), 30_000);
        input.materials = uses;
        bytes32 batchId = register(input);

        IBatchRegistry.MaterialUse[] memory stored = batches.materialsOf(batchId);
        assertEq(stored.length, 3);
        for (uint256 i; i < 3; ++i) {
            assertEq(uint256(stored[i].lotId), uses[i].lotId);
            assertEq(uint256(stored[i].grams), uses[i].grams);
        }
        assertEq(uint256(materials.lot(lot2).consumedGrams), 50_000);
        assertEq(uint256(materials.lot(lot3).consumedGrams), 30_000);
    }

    function test_RevertWhen_CallerLacksRole_RegisterBatch() public {
        vm.prank(supplier);
        vm.expectRevert(abi.encodeWithSelector(IAccessRegistry.CallerLacksRole.selector, MANUFACTURER_ROLE, supplier));
        batches.registerBatch(defaultInput("240315A"));
    }

    function test_RevertWhen_SuspendedManufacturerRegistersBatch() public {
        vm.prank(regulator);
        access.suspend(manufacturer, unicode"停产整顿");
        _expectRegisterRevert(
            defaultInput("240315A"),
            abi.encodeWithSelector(IAccessRegistry.ParticipantIsSuspended.selector, manufacturer)
        );
    }

    function test_RevertWhen_LotEmptyOrTooLong() public {
        _expectRegisterRevert(defaultInput(""), abi.encodeWithSelector(IBatchRegistry.InvalidLot.selector));
        _expectRegisterRevert(
            defaultInput("123456789012345678901"), abi.encodeWithSelector(IBatchRegistry.InvalidLot.selector)
        );
        register(defaultInput("12345678901234567890")); // 20 bytes is the GS1 maximum
    }

    function test_RevertWhen_ProductNotRegistered() public {
        IBatchRegistry.BatchInput memory input = defaultInput("240315A");
        input.gtin = 9_521_234_500_025;
        _expectRegisterRevert(input, abi.encodeWithSelector(IAccessRegistry.ProductNotRegistered.selector, input.gtin));
    }

    function test_RevertWhen_NotProductManufacturer() public {
        vm.prank(rival);
        vm.expectRevert(abi.encodeWithSelector(IBatchRegistry.NotProductManufacturer.selector, GTIN, rival));
        batches.registerBatch(defaultInput("240315A"));
    }

    function test_RevertWhen_BatchAlreadyRegistered() public {
        bytes32 batchId = register(defaultInput("240315A"));
        _expectRegisterRevert(
            defaultInput("240315A"), abi.encodeWithSelector(IBatchRegistry.BatchAlreadyRegistered.selector, batchId)
        );
    }

    function test_RevertWhen_ProductionDateInFuture() public {
        IBatchRegistry.BatchInput memory input = defaultInput("240315A");
        input.productionDate = T0 + 1;
        input.expiryDate = T0 + 730 days;
        _expectRegisterRevert(input, abi.encodeWithSelector(IBatchRegistry.ProductionDateInFuture.selector, T0 + 1));
    }

    function test_RevertWhen_ExpiryNotAfterProduction() public {
        IBatchRegistry.BatchInput memory input = defaultInput("240315A");
        input.expiryDate = PRODUCTION;
        _expectRegisterRevert(
            input, abi.encodeWithSelector(IBatchRegistry.ExpiryNotAfterProduction.selector, PRODUCTION, PRODUCTION)
        );
    }

    function test_RevertWhen_ZeroQuantity() public {
        IBatchRegistry.BatchInput memory input = defaultInput("240315A");
        input.masks = 0;
        _expectRegisterRevert(input, abi.encodeWithSelector(IBatchRegistry.ZeroQuantity.selector));
        input = defaultInput("240315A");
        input.masksPerBox = 0;
        _expectRegisterRevert(input, abi.encodeWithSelector(IBatchRegistry.ZeroQuantity.selector));
    }

    function test_RevertWhen_ZeroSigner() public {
        IBatchRegistry.BatchInput memory input = defaultInput("240315A");
        input.signer = address(0);
        _expectRegisterRevert(input, abi.encodeWithSelector(IBatchRegistry.ZeroSigner.selector));
    }

    function test_RevertWhen_NoMaterials() public {
        IBatchRegistry.BatchInput memory input = defaultInput("240315A");
        input.materials = new IBatchRegistry.MaterialUse[](0);
        _expectRegisterRevert(input, abi.encodeWithSelector(IBatchRegistry.NoMaterials.selector));
    }

    function test_RevertWhen_TooManyMaterials() public {
        IBatchRegistry.BatchInput memory input = defaultInput("240315A");
        input.materials = new IBatchRegistry.MaterialUse[](9);
        _expectRegisterRevert(input, abi.encodeWithSelector(IBatchRegistry.TooManyMaterials.selector, 9, 8));
    }

    function test_RevertWhen_NoProductionLicenceAtProduction() public {
        IBatchRegistry.BatchInput memory input = defaultInput("240315A");
        input.productionDate = D2021 - 1 days; // before the licence, the certificate and the attestation
        _expectRegisterRevert(
            input,
            abi.encodeWithSelector(
                IBatchRegistry.NoValidProductionLicence.selector, manufacturer, SURGICAL, D2021 - 1 days
            )
        );
    }

    function test_RevertWhen_LicenceRevokedBeforeProduction() public {
        vm.prank(regulator);
        access.revokeLicence(productionLicenceId, PRODUCTION - 1 days, unicode"飞行检查不合格");
        _expectRegisterRevert(
            defaultInput("240315A"),
            abi.encodeWithSelector(IBatchRegistry.NoValidProductionLicence.selector, manufacturer, SURGICAL, PRODUCTION)
        );
    }

    function test_RegisterBatch_LicenceRevokedAfterProductionStillCounts() public {
        vm.prank(regulator);
        access.revokeLicence(productionLicenceId, PRODUCTION + 1 days, unicode"飞行检查不合格");
        bytes32 batchId = register(defaultInput("240315A"));
        assertEq(uint256(batches.batch(batchId).productionLicenceId), productionLicenceId);
    }

    function test_RevertWhen_CertificateNotValidAtProduction() public {
        vm.prank(regulator);
        access.revokeLicence(certificateId, PRODUCTION, unicode"注销");
        _expectRegisterRevert(
            defaultInput("240315A"),
            abi.encodeWithSelector(IBatchRegistry.CertificateNotValidAtProduction.selector, certificateId, PRODUCTION)
        );
    }

    function test_RevertWhen_CertificateNotYetValidAtProduction() public {
        IBatchRegistry.BatchInput memory input = defaultInput("240315A");
        input.productionDate = D2021 + 30 days; // licence valid, certificate from June 2021
        _expectRegisterRevert(
            input,
            abi.encodeWithSelector(
                IBatchRegistry.CertificateNotValidAtProduction.selector, certificateId, D2021 + 30 days
            )
        );
    }

    function test_RevertWhen_WorkshopNotAttestedAtProduction() public {
        IBatchRegistry.BatchInput memory input = defaultInput("240315A");
        input.productionDate = D2024 - 1 days;
        _expectRegisterRevert(
            input, abi.encodeWithSelector(IBatchRegistry.WorkshopNotAttestedAt.selector, workshopId, D2024 - 1 days)
        );
    }

    function test_RevertWhen_WorkshopIsAnotherManufacturers() public {
        vm.prank(auditor);
        materials.attestWorkshop(goodAttestation(rival, WORKSHOP));
        bytes32 rivalWorkshop = keccak256(abi.encode(rival, WORKSHOP));
        IBatchRegistry.BatchInput memory input = defaultInput("240315A");
        input.workshopId = rivalWorkshop;
        _expectRegisterRevert(
            input, abi.encodeWithSelector(IBatchRegistry.WorkshopNotAttestedAt.selector, rivalWorkshop, PRODUCTION)
        );
    }

    function test_RevertWhen_YieldAboveCeiling() public {
        // 130,001 masks from 100 kg is 1,300.01 masks/kg against a ceiling of 1,300.
        _expectRegisterRevert(
            batchInput("240315A", 130_001, lotId, 100_000),
            abi.encodeWithSelector(IBatchRegistry.YieldAboveCeiling.selector, 1301, uint32(1300))
        );
        register(batchInput("240315A", 130_000, lotId, 100_000));
    }

    function test_YieldCeiling_FollowsTheCategoryRules() public {
        vm.prank(regulator);
        access.setCategoryRules(SURGICAL, IAccessRegistry.CategoryRules(14, 1000, 1200));
        _expectRegisterRevert(
            batchInput("240315A", 120_001, lotId, 100_000),
            abi.encodeWithSelector(IBatchRegistry.YieldAboveCeiling.selector, 1201, uint32(1200))
        );
    }

    /// @dev Accepted iff masks * 1000 <= ceiling * grams.
    function testFuzz_YieldCeiling_AcceptsIffWithinCeiling(uint32 masks, uint64 grams) public {
        masks = uint32(bound(masks, 1, type(uint32).max));
        grams = uint64(bound(grams, 1, LOT_GRAMS));
        IBatchRegistry.BatchInput memory input = batchInput("240315A", masks, lotId, grams);
        if (uint256(masks) * 1000 <= uint256(1300) * grams) {
            register(input);
            assertEq(uint256(materials.lot(lotId).consumedGrams), grams);
        } else {
            uint256 perKg = (uint256(masks) * 1000 + grams - 1) / grams;
            _expectRegisterRevert(
                input, abi.encodeWithSelector(IBatchRegistry.YieldAboveCeiling.selector, perKg, uint32(1300))
            );
        }
    }

    // ---------------------------------------------------------------- sterilisation

    function test_RecordSterilisation() public {
        bytes32 batchId = register(defaultInput("240315A"));
        vm.expectEmit();
        emit IBatchRegistry.BatchSterilised(
            batchId, unicode"清衡灭菌技术有限公司", "EO", PRODUCTION + 1 days, PRODUCTION + 2 days
        );
        sterilise(batchId);
        IBatchRegistry.Sterilisation memory s = batches.sterilisation(batchId);
        assertEq(s.sterilizer, unicode"清衡灭菌技术有限公司");
        assertEq(s.method, "EO");
        assertEq(uint256(s.startedAt), PRODUCTION + 1 days);
        assertEq(uint256(s.endedAt), PRODUCTION + 2 days);
        assertEq(s.reportHash, keccak256("sterilisation report"));
    }

    function test_RevertWhen_CallerLacksRole_RecordSterilisation() public {
        bytes32 batchId = register(defaultInput("240315A"));
        vm.prank(lab);
        vm.expectRevert(abi.encodeWithSelector(IAccessRegistry.CallerLacksRole.selector, MANUFACTURER_ROLE, lab));
        batches.recordSterilisation(batchId, sterilisationOf(PRODUCTION, PRODUCTION + 1 days));
    }

    function test_RevertWhen_SterilisationByAnotherManufacturer() public {
        bytes32 batchId = register(defaultInput("240315A"));
        vm.prank(rival);
        vm.expectRevert(abi.encodeWithSelector(IBatchRegistry.NotBatchManufacturer.selector, batchId, rival));
        batches.recordSterilisation(batchId, sterilisationOf(PRODUCTION, PRODUCTION + 1 days));
    }

    function test_RevertWhen_SterilisationOfUnknownBatch() public {
        vm.prank(manufacturer);
        vm.expectRevert(abi.encodeWithSelector(IBatchRegistry.BatchNotFound.selector, bytes32(uint256(1))));
        batches.recordSterilisation(bytes32(uint256(1)), sterilisationOf(PRODUCTION, PRODUCTION + 1 days));
    }

    function test_RevertWhen_SterilisationRecordedTwice() public {
        bytes32 batchId = register(defaultInput("240315A"));
        sterilise(batchId);
        vm.prank(manufacturer);
        vm.expectRevert(abi.encodeWithSelector(IBatchRegistry.SterilisationAlreadyRecorded.selector, batchId));
        batches.recordSterilisation(batchId, sterilisationOf(PRODUCTION, PRODUCTION + 1 days));
    }

    function test_RevertWhen_SterilisationPeriodInvalid() public {
        bytes32 batchId = register(defaultInput("240315A"));
        uint64[2][3] memory periods = [
            [PRODUCTION - 1, PRODUCTION + 1 days], // starts before production
            [PRODUCTION + 2 days, PRODUCTION + 1 days], // ends before it starts
            [PRODUCTION, T0 + 1] // ends in the future
        ];
        for (uint256 i; i < periods.length; ++i) {
            vm.prank(manufacturer);
            vm.expectRevert(
                abi.encodeWithSelector(IBatchRegistry.InvalidSterilisationPeriod.selector, periods[i][0], periods[i][1])
            );
            batches.recordSterilisation(batchId, sterilisationOf(periods[i][0], periods[i][1]));
        }
    }

    // ---------------------------------------------------------------- release

    function test_Release_AfterHoldWithPassedTests() public {
        bytes32 batchId = register(defaultInput("240315A"));
        sterilise(batchId);
        postPassing(batchId);
        vm.expectEmit();
        emit IBatchRegistry.BatchReleased(batchId, T0, 28); // sterilised until production + 2 days
        vm.prank(manufacturer);
        batches.release(batchId);
        assertEq(uint256(batches.batch(batchId).releasedAt), T0);
    }

    function test_Release_ExactlyAtTheEndOfTheHold() public {
        bytes32 batchId = register(defaultInput("240315A"));
        vm.prank(manufacturer);
        batches.recordSterilisation(batchId, sterilisationOf(T0 - 1 days, T0));
        postPassing(batchId);
        vm.warp(T0 + 14 days);
        vm.prank(manufacturer);
        batches.release(batchId);
    }

    function test_RevertWhen_ReleaseBeforeHold() public {
        bytes32 batchId = register(defaultInput("240315A"));
        vm.prank(manufacturer);
        batches.recordSterilisation(batchId, sterilisationOf(T0 - 2 days, T0 - 1 days));
        postPassing(batchId);
        vm.prank(manufacturer);
        vm.expectRevert(abi.encodeWithSelector(IBatchRegistry.HoldNotElapsed.selector, batchId, T0 - 1 days + 14 days));
        batches.release(batchId);
    }

    function test_Release_HoldFollowsTheCategoryRules() public {
        vm.prank(regulator);
        access.setCategoryRules(SURGICAL, IAccessRegistry.CategoryRules(7, 1110, 1300));
        bytes32 batchId = register(defaultInput("240315A"));
        vm.prank(manufacturer);
        batches.recordSterilisation(batchId, sterilisationOf(T0 - 8 days, T0 - 7 days));
        postPassing(batchId);
        vm.prank(manufacturer);
        batches.release(batchId);
    }

    /// @dev Release succeeds iff now >= sterilisation end + 14 days.
    function testFuzz_Hold_ReleaseIffHoldElapsed(uint64 endedAgo, uint64 wait) public {
        endedAgo = uint64(bound(endedAgo, 0, T0 - PRODUCTION));
        wait = uint64(bound(wait, 0, 60 days));
        uint64 endedAt = T0 - endedAgo;
        bytes32 batchId = register(defaultInput("240315A"));
        vm.prank(manufacturer);
        batches.recordSterilisation(batchId, sterilisationOf(PRODUCTION, endedAt));
        postPassing(batchId);
        vm.warp(T0 + wait);
        vm.prank(manufacturer);
        if (T0 + wait >= endedAt + 14 days) {
            batches.release(batchId);
            assertEq(uint256(batches.batch(batchId).releasedAt), T0 + wait);
        } else {
            vm.expectRevert(abi.encodeWithSelector(IBatchRegistry.HoldNotElapsed.selector, batchId, endedAt + 14 days));
            batches.release(batchId);
        }
    }

    function test_RevertWhen_CallerLacksRole_Release() public {
        bytes32 batchId = register(defaultInput("240315A"));
        vm.prank(lab);
        vm.expectRevert(abi.encodeWithSelector(IAccessRegistry.CallerLacksRole.selector, MANUFACTURER_ROLE, lab));
        batches.release(batchId);
    }

    function test_RevertWhen_SuspendedManufacturerReleases() public {
        bytes32 batchId = register(defaultInput("240315A"));
        sterilise(batchId);
        postPassing(batchId);
        vm.prank(regulator);
        access.suspend(manufacturer, "x");
        vm.prank(manufacturer);
        vm.expectRevert(abi.encodeWithSelector(IAccessRegistry.ParticipantIsSuspended.selector, manufacturer));
        batches.release(batchId);
    }

    function test_RevertWhen_ReleaseUnknownBatch() public {
        vm.prank(manufacturer);
        vm.expectRevert(abi.encodeWithSelector(IBatchRegistry.BatchNotFound.selector, bytes32(0)));
        batches.release(bytes32(0));
    }

    function test_RevertWhen_ReleaseByAnotherManufacturer() public {
        bytes32 batchId = register(defaultInput("240315A"));
        vm.prank(rival);
        vm.expectRevert(abi.encodeWithSelector(IBatchRegistry.NotBatchManufacturer.selector, batchId, rival));
        batches.release(batchId);
    }

    function test_RevertWhen_ReleasedTwice() public {
        bytes32 batchId = releasedBatch("240315A");
        vm.prank(manufacturer);
        vm.expectRevert(abi.encodeWithSelector(IBatchRegistry.BatchAlreadyReleased.selector, batchId, T0));
        batches.release(batchId);
    }

    function test_RevertWhen_ReleaseRecalledBatch() public {
        bytes32 batchId = register(defaultInput("240315A"));
        vm.prank(regulator);
        batches.recall(batchId, unicode"抽检不合格");
        vm.prank(manufacturer);
        vm.expectRevert(abi.encodeWithSelector(IBatchRegistry.BatchIsRecalled.selector, batchId, T0));
        batches.release(batchId);
    }

    function test_RevertWhen_ReleaseNotSterilised() public {
        bytes32 batchId = register(defaultInput("240315A"));
        postPassing(batchId);
        vm.prank(manufacturer);
        vm.expectRevert(abi.encodeWithSelector(IBatchRegistry.NotSterilised.selector, batchId));
        batches.release(batchId);
    }

    function test_RevertWhen_ReleaseWithoutTests() public {
        bytes32 batchId = register(defaultInput("240315A"));
        sterilise(batchId);
        vm.prank(manufacturer);
        vm.expectRevert(abi.encodeWithSelector(IBatchRegistry.TestsNotPassed.selector, batchId));
        batches.release(batchId);
    }

    function test_RevertWhen_ReleaseWithFailedTests() public {
        bytes32 batchId = register(defaultInput("240315A"));
        sterilise(batchId);
        ITestRegistry.MetricResult[] memory r = passingResults();
        r[0].value = 9400; // BFE 94 %
        vm.prank(lab);
        tests.postTestReport(batchId, r, bytes32(0), false);
        vm.prank(manufacturer);
        vm.expectRevert(abi.encodeWithSelector(IBatchRegistry.TestsNotPassed.selector, batchId));
        batches.release(batchId);
    }

    // ---------------------------------------------------------------- recall

    function test_Recall() public {
        bytes32 batchId = releasedBatch("240315A");
        vm.warp(T0 + 5 days);
        vm.expectEmit();
        emit IBatchRegistry.BatchRecalled(batchId, T0 + 5 days, unicode"细菌菌落总数超标");
        vm.prank(regulator);
        batches.recall(batchId, unicode"细菌菌落总数超标");
        IBatchRegistry.Batch memory b = batches.batch(batchId);
        assertEq(uint256(b.recalledAt), T0 + 5 days);
        assertEq(b.recallReason, unicode"细菌菌落总数超标");
        assertEq(uint256(b.releasedAt), T0);
    }

    function test_RevertWhen_RecallTwice() public {
        bytes32 batchId = register(defaultInput("240315A"));
        vm.startPrank(regulator);
        batches.recall(batchId, "a");
        vm.expectRevert(abi.encodeWithSelector(IBatchRegistry.BatchIsRecalled.selector, batchId, T0));
        batches.recall(batchId, "b");
        vm.stopPrank();
    }

    function test_RevertWhen_RecallWithoutReason() public {
        bytes32 batchId = register(defaultInput("240315A"));
        vm.prank(regulator);
        vm.expectRevert(IBatchRegistry.EmptyReason.selector);
        batches.recall(batchId, "");
    }

    function test_RevertWhen_RecallUnknownBatch() public {
        vm.prank(regulator);
        vm.expectRevert(abi.encodeWithSelector(IBatchRegistry.BatchNotFound.selector, bytes32(uint256(7))));
        batches.recall(bytes32(uint256(7)), "a");
    }

    function test_RevertWhen_CallerLacksRole_Recall() public {
        bytes32 batchId = register(defaultInput("240315A"));
        vm.prank(manufacturer);
        vm.expectRevert(abi.encodeWithSelector(IAccessRegistry.CallerLacksRole.selector, REGULATOR_ROLE, manufacturer));
        batches.recall(batchId, "a");
    }

    // ---------------------------------------------------------------- views

    function test_Views_UnknownBatch() public {
        bytes32 unknown = batches.batchIdOf(GTIN, "NOPE");
        assertFalse(batches.exists(unknown));
        vm.expectRevert(abi.encodeWithSelector(IBatchRegistry.BatchNotFound.selector, unknown));
        batches.batch(unknown);
        vm.expectRevert(abi.encodeWithSelector(IBatchRegistry.BatchNotFound.selector, unknown));
        batches.category(unknown);
        vm.expectRevert(abi.encodeWithSelector(IBatchRegistry.BatchNotFound.selector, unknown));
        batches.materialsOf(unknown);
        vm.expectRevert(abi.encodeWithSelector(IBatchRegistry.BatchNotFound.selector, unknown));
        batches.sterilisation(unknown);
    }

    function test_MaxMaterials() public view {
        assertEq(batches.MAX_MATERIALS(), 8);
    }

    // ---------------------------------------------------------------- possession terms

    function test_PossessionTerms_ForAComplaint() public {
        IBatchRegistry.BatchInput memory input = defaultInput("240315A");
        input.serialStart = 1_000_001;
        bytes32 batchId = register(input);
        (address m, bytes32 root, uint64 serialStart, uint32 boxes) = batches.possessionTerms(batchId);
        assertEq(m, manufacturer);
        assertEq(root, input.possessionRoot);
        assertEq(uint256(serialStart), 1_000_001);
        assertEq(uint256(boxes), 2000);
    }

    function test_RevertWhen_PossessionTermsOfUnknownBatch() public {
        vm.expectRevert(abi.encodeWithSelector(IBatchRegistry.BatchNotFound.selector, bytes32(uint256(7))));
        batches.possessionTerms(bytes32(uint256(7)));
    }

    // ---------------------------------------------------------------- order terms

    function test_OrderTerms_ForAPurchaseOrder() public {
        IBatchRegistry.BatchInput memory input = batchInput("240315A", 100_001, lotId, 100_000);
        input.masksPerBox = 40;
        bytes32 batchId = register(input);
        (address m, uint8 category_, uint32 boxes, uint16 masksPerBox, uint64 recalledAt) = batches.orderTerms(batchId);
        assertEq(m, manufacturer);
        assertEq(uint256(category_), SURGICAL);
        assertEq(uint256(boxes), 2501); // the last box is partly filled
        assertEq(uint256(masksPerBox), 40);
        assertEq(uint256(recalledAt), 0);
        vm.warp(T0 + 1 days);
        vm.prank(regulator);
        batches.recall(batchId, unicode"召回");
        (,,,, recalledAt) = batches.orderTerms(batchId);
        assertEq(uint256(recalledAt), T0 + 1 days);
    }

    function test_RevertWhen_OrderTermsOfUnknownBatch() public {
        vm.expectRevert(abi.encodeWithSelector(IBatchRegistry.BatchNotFound.selector, bytes32(uint256(7))));
        batches.orderTerms(bytes32(uint256(7)));
    }
}
