// SPDX-License-Identifier: MIT
pragma solidity ^0.8.24;

import {Fixture} from "./utils/Fixture.sol";
import {IAccessRegistry} from "../src/interfaces/IAccessRegistry.sol";
import {IMaterialRegistry} from "../src/interfaces/IMaterialRegistry.sol";
import {IBatchRegistry} from "../src/interfaces/IBatchRegistry.sol";
import {SafeCast} from "@openzeppelin/contracts/utils/math/SafeCast.sol";

contract MaterialRegistryTest is Fixture {
    // ---------------------------------------------------------------- lots

    function test_RegisterLot_StoresItWithIdsFromOne() public {
        assertEq(lotId, 1);
        vm.expectEmit();
        emit IMaterialRegistry.LotRegistered(2, supplier, "MB-2403-08", "BFE99 25 g/m2", 250_000);
        uint256 id = registerLotAs(supplier, "MB-2403-08", 250_000);
        assertEq(id, 2);
        assertEq(materials.lotCount(), 2);
        IMaterialRegistry.MaterialLot memory l = materials.lot(id);
        assertEq(l.supplier, supplier);
        assertEq(l.owner, supplier);
        assertEq(l.code, "MB-2403-08");
        assertEq(l.grade, "BFE99 25 g/m2");
        assertEq(uint256(l.massGrams), 250_000);
        assertEq(uint256(l.consumedGrams), 0);
        assertEq(l.reportHash, keccak256("MB-2403-08"));
        assertEq(uint256(l.registeredAt), T0);
    }

    function test_RevertWhen_CallerLacksRole_RegisterLot() public {
        vm.prank(manufacturer);
        vm.expectRevert(abi.encodeWithSelector(IAccessRegistry.CallerLacksRole.selector, SUPPLIER_ROLE, manufacturer));
        materials.registerLot("X", "g", 1, bytes32(0));
    }

    function test_RevertWhen_SuspendedSupplierRegistersLot() public {
        vm.prank(regulator);
        access.suspend(supplier, "x");
        vm.prank(supplier);
        vm.expectRevert(abi.encodeWithSelector(IAccessRegistry.ParticipantIsSuspended.selector, supplier));
        materials.registerLot("X", "g", 1, bytes32(0));
    }

    function test_RevertWhen_LotCodeInvalid() public {
        vm.startPrank(supplier);
        vm.expectRevert(IMaterialRegistry.InvalidLotCode.selector);
        materials.registerLot("", "g", 1, bytes32(0));
        vm.expectRevert(IMaterialRegistry.InvalidLotCode.selector);
        materials.registerLot(string(new bytes(33)), "g", 1, bytes32(0));
        vm.stopPrank();
    }

    function test_RevertWhen_LotMassZero() public {
        vm.prank(supplier);
        vm.expectRevert(IMaterialRegistry.ZeroMass.selector);
        materials.registerLot("X", "g", 0, bytes32(0));
    }

    function test_RevertWhen_LotMassBeyond48Bits() public {
        uint64 mass = uint64(type(uint48).max) + 1;
        vm.prank(supplier);
        vm.expectRevert(abi.encodeWithSelector(SafeCast.SafeCastOverflowedUintDowncast.selector, 48, mass));
        materials.registerLot("X", "g", mass, bytes32(0));
    }

    function test_RevertWhen_LotCodeRepeatedBySameSupplier() public {
        vm.prank(supplier);
        vm.expectRevert(abi.encodeWithSelector(IMaterialRegistry.LotAlreadyRegistered.selector, supplier, "MB-2403-07"));
        materials.registerLot("MB-2403-07", "g", 1, bytes32(0));
    }

    function test_RegisterLot_SameCodeByAnotherSupplier() public {
        vm.prank(regulator);
        access.registerParticipant(stranger, SUPPLIER_ROLE, "other", "", 0);
        assertEq(registerLotAs(stranger, "MB-2403-07", 1), 2);
    }

    function test_RevertWhen_LotNotFound() public {
        vm.expectRevert(abi.encodeWithSelector(IMaterialRegistry.LotNotFound.selector, 0));
        materials.lot(0);
        vm.expectRevert(abi.encodeWithSelector(IMaterialRegistry.LotNotFound.selector, 2));
        materials.lot(2);
    }

    // ---------------------------------------------------------------- transfer

    function test_TransferLot_ToAManufacturer() public {
        uint256 id = registerLotAs(supplier, "MB-2", 1000);
        vm.expectEmit();
        emit IMaterialRegistry.LotTransferred(id, supplier, manufacturer);
        vm.prank(supplier);
        materials.transferLot(id, manufacturer);
        assertEq(materials.lot(id).owner, manufacturer);
    }

    function test_RevertWhen_TransferLotByNonOwner() public {
        vm.prank(supplier); // the fixture's lot now belongs to the manufacturer
        vm.expectRevert(abi.encodeWithSelector(IMaterialRegistry.LotNotOwned.selector, lotId, supplier));
        materials.transferLot(lotId, manufacturer);
    }

    function test_RevertWhen_TransferLotNotFound() public {
        vm.prank(supplier);
        vm.expectRevert(abi.encodeWithSelector(IMaterialRegistry.LotNotFound.selector, 9));
        materials.transferLot(9, manufacturer);
    }

    function test_RevertWhen_TransferLotToNonManufacturer() public {
        uint256 id = registerLotAs(supplier, "MB-2", 1000);
        vm.prank(supplier);
        vm.expectRevert(abi.encodeWithSelector(IMaterialRegistry.RecipientNotManufacturer.selector, distributor));
        materials.transferLot(id, distributor);
    }

    function test_RevertWhen_TransferLotToSuspendedManufacturer() public {
        uint256 id = registerLotAs(supplier, "MB-2", 1000);
        vm.prank(regulator);
        access.suspend(manufacturer, "x");
        vm.prank(supplier);
        vm.expectRevert(abi.encodeWithSelector(IMaterialRegistry.RecipientNotManufacturer.selector, manufacturer));
        materials.transferLot(id, manufacturer);
    }

    function test_RevertWhen_SuspendedOwnerTransfersLot() public {
        uint256 id = registerLotAs(supplier, "MB-2", 1000);
        vm.prank(regulator);
        access.suspend(supplier, "x");
        vm.prank(supplier);
        vm.expectRevert(abi.encodeWithSelector(IAccessRegistry.ParticipantIsSuspended.selector, supplier));
        materials.transferLot(id, manufacturer);
    }

    function test_RevertWhen_TransferLotPartlyConsumed() public {
        register(defaultInput("240315A"));
        vm.prank(regulator);
        access.registerParticipant(stranger, MANUFACTURER_ROLE, "rival", "", 0);
        vm.prank(manufacturer);
        vm.expectRevert(abi.encodeWithSelector(IMaterialRegistry.LotPartlyConsumed.selector, lotId));
        materials.transferLot(lotId, stranger);
    }

    // ---------------------------------------------------------------- consumption

    function test_Consume_RecordsTheBatchConsumption() public {
        bytes32 batchId = batches.batchIdOf(GTIN, "240315A");
        vm.expectEmit(address(materials));
        emit IMaterialRegistry.LotConsumed(lotId, batchId, 100_000, 100_000);
        register(defaultInput("240315A"));
        register(defaultInput("240315B"));
        assertEq(uint256(materials.lot(lotId).consumedGrams), 200_000);
    }

    function test_RevertWhen_CallerLacksRole_Consume() public {
        vm.prank(manufacturer);
        vm.expectRevert(abi.encodeWithSelector(IAccessRegistry.CallerLacksRole.selector, SYSTEM_ROLE, manufacturer));
        materials.consume(lotId, manufacturer, 1, bytes32(0));
    }

    function test_RevertWhen_BatchUsesALotItDoesNotOwn() public {
        uint256 id = registerLotAs(supplier, "MB-2", 1_000_000); // still the supplier's
        vm.prank(manufacturer);
        vm.expectRevert(abi.encodeWithSelector(IMaterialRegistry.LotNotOwned.selector, id, manufacturer));
        batches.registerBatch(batchInput("240315A", 1000, id, 1000));
    }

    function test_RevertWhen_BatchUsesZeroGrams() public {
        vm.prank(manufacturer);
        vm.expectRevert(IMaterialRegistry.ZeroMass.selector);
        batches.registerBatch(batchInput("240315A", 1000, lotId, 0));
    }

    function test_RevertWhen_BatchConsumesMoreThanLotMass() public {
        register(batchInput("240315A", 400_000, lotId, 400_000));
        vm.prank(manufacturer);
        vm.expectRevert(abi.encodeWithSelector(IMaterialRegistry.LotMassExceeded.selector, lotId, 100_001, 100_000));
        batches.registerBatch(batchInput("240315B", 1000, lotId, 100_001));
    }

    function test_RevertWhen_BatchConsumesTheSameLotTwiceBeyondItsMass() public {
        IBatchRegistry.BatchInput memory input = batchInput("240315A", 1000, lotId, 300_000);
        IBatchRegistry.MaterialUse[] memory uses = new IBatchRegistry.MaterialUse[](2);
        uses[0] = IBatchRegistry.MaterialUse(uint64(lotId), 300_000);
        uses[1] = IBatchRegistry.MaterialUse(uint64(lotId), 200_001);
        input.materials = uses;
        vm.prank(manufacturer);
        vm.expectRevert(abi.encodeWithSelector(IMaterialRegistry.LotMassExceeded.selector, lotId, 200_001, 200_000));
        batches.registerBatch(input);
    }

    /// @dev Any sequence of consumptions: accepted while it fits, refused once it would exceed, and the
    /// consumed total never passes the lot's mass.
    function testFuzz_MassBalance_ConsumptionNeverExceedsLotMass(uint64[6] memory grams) public {
        uint64 consumed;
        for (uint256 i; i < grams.length; ++i) {
            uint64 g = uint64(bound(grams[i], 1, LOT_GRAMS));
            IBatchRegistry.BatchInput memory input =
                batchInput(string.concat("L", string(abi.encodePacked(bytes1(uint8(65 + i))))), 1, lotId, g);
            vm.prank(manufacturer);
            if (consumed + g <= LOT_GRAMS) {
                batches.registerBatch(input);
                consumed += g;
            } else {
                vm.expectRevert(
                    abi.encodeWithSelector(IMaterialRegistry.LotMassExceeded.selector, lotId, g, LOT_GRAMS - consumed)
                );
                batches.registerBatch(input);
            }
            IMaterialRegistry.MaterialLot memory l = materials.lot(lotId);
            assertEq(uint256(l.consumedGrams), consumed);
            assertLe(uint256(l.consumedGrams), uint256(l.massGrams));
        }
    }

    // ---------------------------------------------------------------- attestations

    function test_AttestWorkshop_ComputesIdsAndIgnoresInputFields() public {
        IMaterialRegistry.Attestation memory a = goodAttestation(manufacturer, unicode"二号车间");
        a.auditor = stranger;
        a.workshopId = keccak256("forged");
        a.attestedAt = 1;
        bytes32 expected = keccak256(abi.encode(manufacturer, unicode"二号车间"));
        vm.expectEmit();
        emit IMaterialRegistry.WorkshopAttested(2, expected, manufacturer, D2024, D2025);
        vm.prank(auditor);
        uint256 id = materials.attestWorkshop(a);
        assertEq(id, 2);
        assertEq(materials.attestationCount(), 2);
        IMaterialRegistry.Attestation memory s = materials.attestation(id);
        assertEq(s.auditor, auditor);
        assertEq(s.manufacturer, manufacturer);
        assertEq(s.workshopId, expected);
        assertEq(s.workshopName, unicode"二号车间");
        assertEq(uint256(s.attestedAt), T0);
        assertEq(uint256(s.cleanClass), 100_000);
        assertEq(uint256(s.particles05PerM3), a.particles05PerM3);
        assertEq(uint256(s.particles5PerM3), a.particles5PerM3);
        assertEq(uint256(s.airborneCfuPerM3), a.airborneCfuPerM3);
        assertEq(uint256(s.settlingCfuPerPlate), a.settlingCfuPerPlate);
        assertEq(int256(s.temperatureDeciC), a.temperatureDeciC);
        assertEq(uint256(s.humidityDeciPct), a.humidityDeciPct);
        assertEq(uint256(s.pressureDeciPa), a.pressureDeciPa);
        assertTrue(s.staffHealthChecked && s.staffTrained);
        assertEq(uint256(s.validFrom), D2024);
        assertEq(uint256(s.validUntil), D2025);
        assertEq(s.reportHash, a.reportHash);
        assertEq(materials.workshopManufacturer(expected), manufacturer);
        assertEq(materials.workshopOf(id), expected);
    }

    function test_AttestWorkshop_AcceptsEveryLimitExactly() public {
        IMaterialRegistry.Attestation memory a = goodAttestation(manufacturer, WORKSHOP);
        a.particles05PerM3 = 3_500_000;
        a.particles5PerM3 = 20_000;
        a.airborneCfuPerM3 = 500;
        a.settlingCfuPerPlate = 10;
        a.temperatureDeciC = 180;
        a.humidityDeciPct = 450;
        a.pressureDeciPa = 101;
        vm.prank(auditor);
        materials.attestWorkshop(a);
        a.temperatureDeciC = 280;
        a.humidityDeciPct = 650;
        vm.prank(auditor);
        materials.attestWorkshop(a);
    }

    function test_RevertWhen_CallerLacksRole_AttestWorkshop() public {
        IMaterialRegistry.Attestation memory a = goodAttestation(manufacturer, WORKSHOP);
        vm.prank(manufacturer); // a manufacturer cannot attest itself
        vm.expectRevert(abi.encodeWithSelector(IAccessRegistry.CallerLacksRole.selector, AUDITOR_ROLE, manufacturer));
        materials.attestWorkshop(a);
    }

    function test_RevertWhen_SuspendedAuditorAttests() public {
        vm.prank(regulator);
        access.suspend(auditor, "x");
        IMaterialRegistry.Attestation memory a = goodAttestation(manufacturer, WORKSHOP);
        vm.prank(auditor);
        vm.expectRevert(abi.encodeWithSelector(IAccessRegistry.ParticipantIsSuspended.selector, auditor));
        materials.attestWorkshop(a);
    }

    function test_RevertWhen_AttestedPartyNotManufacturer() public {
        IMaterialRegistry.Attestation memory a = goodAttestation(distributor, WORKSHOP);
        vm.prank(auditor);
        vm.expectRevert(abi.encodeWithSelector(IMaterialRegistry.RecipientNotManufacturer.selector, distributor));
        materials.attestWorkshop(a);
    }

    function test_RevertWhen_WorkshopNameEmpty() public {
        IMaterialRegistry.Attestation memory a = goodAttestation(manufacturer, "");
        vm.prank(auditor);
        vm.expectRevert(IAccessRegistry.InvalidName.selector);
        materials.attestWorkshop(a);
    }

    function _expectAttestationRevert(IMaterialRegistry.Attestation memory a, bytes memory err) internal {
        vm.prank(auditor);
        vm.expectRevert(err);
        materials.attestWorkshop(a);
    }

    function test_RevertWhen_CleanClassUnsupported() public {
        IMaterialRegistry.Attestation memory a = goodAttestation(manufacturer, WORKSHOP);
        a.cleanClass = 300_000;
        _expectAttestationRevert(
            a, abi.encodeWithSelector(IMaterialRegistry.UnsupportedCleanClass.selector, uint32(300_000))
        );
    }

    function test_RevertWhen_ParticlesAboveLimit() public {
        IMaterialRegistry.Attestation memory a = goodAttestation(manufacturer, WORKSHOP);
        a.particles05PerM3 = 3_500_001;
        _expectAttestationRevert(
            a,
            abi.encodeWithSelector(
                IMaterialRegistry.ParticleCountAboveLimit.selector, uint32(50), uint32(3_500_001), uint32(3_500_000)
            )
        );
        a = goodAttestation(manufacturer, WORKSHOP);
        a.particles5PerM3 = 20_001;
        _expectAttestationRevert(
            a,
            abi.encodeWithSelector(
                IMaterialRegistry.ParticleCountAboveLimit.selector, uint32(500), uint32(20_001), uint32(20_000)
            )
        );
    }

    function test_RevertWhen_MicrobesAboveLimit() public {
        IMaterialRegistry.Attestation memory a = goodAttestation(manufacturer, WORKSHOP);
        a.airborneCfuPerM3 = 501;
        _expectAttestationRevert(
            a, abi.encodeWithSelector(IMaterialRegistry.MicrobialCountAboveLimit.selector, uint16(501), uint16(3))
        );
        a = goodAttestation(manufacturer, WORKSHOP);
        a.settlingCfuPerPlate = 11;
        _expectAttestationRevert(
            a, abi.encodeWithSelector(IMaterialRegistry.MicrobialCountAboveLimit.selector, uint16(120), uint16(11))
        );
    }

    function test_RevertWhen_TemperatureOutOfRange() public {
        IMaterialRegistry.Attestation memory a = goodAttestation(manufacturer, WORKSHOP);
        a.temperatureDeciC = 179;
        _expectAttestationRevert(
            a, abi.encodeWithSelector(IMaterialRegistry.TemperatureOutOfRange.selector, int16(179))
        );
        a.temperatureDeciC = 281;
        _expectAttestationRevert(
            a, abi.encodeWithSelector(IMaterialRegistry.TemperatureOutOfRange.selector, int16(281))
        );
        a.temperatureDeciC = -50;
        _expectAttestationRevert(
            a, abi.encodeWithSelector(IMaterialRegistry.TemperatureOutOfRange.selector, int16(-50))
        );
    }

    function test_RevertWhen_HumidityOutOfRange() public {
        IMaterialRegistry.Attestation memory a = goodAttestation(manufacturer, WORKSHOP);
        a.humidityDeciPct = 449;
        _expectAttestationRevert(a, abi.encodeWithSelector(IMaterialRegistry.HumidityOutOfRange.selector, uint16(449)));
        a.humidityDeciPct = 651;
        _expectAttestationRevert(a, abi.encodeWithSelector(IMaterialRegistry.HumidityOutOfRange.selector, uint16(651)));
    }

    function test_RevertWhen_PressureDifferentialTooLow() public {
        IMaterialRegistry.Attestation memory a = goodAttestation(manufacturer, WORKSHOP);
        a.pressureDeciPa = 100; // must be above 10.0 Pa
        _expectAttestationRevert(
            a, abi.encodeWithSelector(IMaterialRegistry.PressureDifferentialTooLow.selector, uint16(100))
        );
    }

    function test_RevertWhen_StaffRecordsIncomplete() public {
        IMaterialRegistry.Attestation memory a = goodAttestation(manufacturer, WORKSHOP);
        a.staffHealthChecked = false;
        _expectAttestationRevert(a, abi.encodeWithSelector(IMaterialRegistry.StaffRecordsIncomplete.selector));
        a = goodAttestation(manufacturer, WORKSHOP);
        a.staffTrained = false;
        _expectAttestationRevert(a, abi.encodeWithSelector(IMaterialRegistry.StaffRecordsIncomplete.selector));
    }

    function test_RevertWhen_AttestationPeriodEmpty() public {
        IMaterialRegistry.Attestation memory a = goodAttestation(manufacturer, WORKSHOP);
        a.validUntil = a.validFrom;
        _expectAttestationRevert(
            a, abi.encodeWithSelector(IMaterialRegistry.InvalidAttestationPeriod.selector, a.validFrom, a.validUntil)
        );
    }

    function test_AttestationCovering_FindsTheLatestCoveringPeriod() public {
        // Second attestation of the same workshop, overlapping the first from mid-2024 to mid-2025.
        IMaterialRegistry.Attestation memory a = goodAttestation(manufacturer, WORKSHOP);
        a.validFrom = T0;
        a.validUntil = T0 + 365 days;
        vm.prank(auditor);
        uint256 second = materials.attestWorkshop(a);

        (bool found, uint256 id) = materials.attestationCovering(workshopId, PRODUCTION);
        assertTrue(found);
        assertEq(id, attestationId);
        (found, id) = materials.attestationCovering(workshopId, T0 + 10 days);
        assertEq(id, second);
        (found, id) = materials.attestationCovering(workshopId, D2025 + 10 days);
        assertEq(id, second);
        (found, id) = materials.attestationCovering(workshopId, D2024); // validFrom is inclusive
        assertEq(id, attestationId);
        (found, id) = materials.attestationCovering(workshopId, D2024 - 1);
        assertFalse(found);
        assertEq(id, 0);
        (found,) = materials.attestationCovering(keccak256("unknown"), PRODUCTION);
        assertFalse(found);
    }

    function test_RevertWhen_AttestationNotFound() public {
        vm.expectRevert(abi.encodeWithSelector(IMaterialRegistry.AttestationNotFound.selector, 0));
        materials.attestation(0);
        vm.expectRevert(abi.encodeWithSelector(IMaterialRegistry.AttestationNotFound.selector, 2));
        materials.workshopOf(2);
    }
}
