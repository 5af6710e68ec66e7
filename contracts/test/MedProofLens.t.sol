// SPDX-License-Identifier: MIT
pragma solidity ^0.8.24;

import {Fixture} from "./utils/Fixture.sol";
import {ComplaintFixture} from "./utils/ComplaintFixture.sol";
import {IComplaintRegistry} from "../src/interfaces/IComplaintRegistry.sol";
import {AccessRegistry} from "../src/AccessRegistry.sol";
import {MedProofLens} from "../src/MedProofLens.sol";
import {IMedProofLens} from "../src/interfaces/IMedProofLens.sol";
import {IPriceRegistry} from "../src/interfaces/IPriceRegistry.sol";

contract MedProofLensTest is Fixture {
    function test_Report_UnknownGtinDoesNotRevert() public view {
        IMedProofLens.Report memory r = lens.report(9_521_234_599_997, "240315A", 1);
        assertFalse(r.productRegistered);
        assertFalse(r.batchRegistered);
        assertEq(r.product.manufacturer, address(0));
        assertEq(r.batchId, keccak256(abi.encode(uint64(9_521_234_599_997), "240315A")));
        assertEq(uint256(r.blockTimestamp), T0);
        assertEq(r.materials.length, 0);
        assertFalse(r.serial.inRange);
    }

    function test_Report_UnknownLotOfAKnownProduct() public {
        vm.prank(regulator);
        prices.setPriceCap(SURGICAL, SUZHOU, IPriceRegistry.Channel.Retail, 150, D2020, "x");
        IMedProofLens.Report memory r = lens.report(GTIN, "NOPE", 1);
        assertTrue(r.productRegistered);
        assertFalse(r.batchRegistered);
        assertEq(r.manufacturer.name, unicode"青禾医疗用品有限公司");
        assertEq(r.certificate.number, unicode"苏械注准20212149901");
        assertEq(uint256(r.rules.maxMasksPerKg), 1300);
        assertEq(r.caps.length, 1);
        assertEq(r.batch.manufacturer, address(0));
        assertEq(r.tests.length, 0);
    }

    function test_Report_WithoutDirectoryDoesNotRevert() public {
        AccessRegistry bare = new AccessRegistry(regulator, "");
        MedProofLens bareLens = new MedProofLens(bare);
        IMedProofLens.Report memory r = bareLens.report(GTIN, "240315A", 1);
        assertFalse(r.productRegistered);
        assertEq(address(bareLens.accessRegistry()), address(bare));
    }

    function test_Report_FullBatchFillsEverySection() public {
        bytes32 batchId = releasedBatch("240315A");
        vm.prank(manufacturer);
        uint256 id = custody.ship(batchId, distributor, 500);
        vm.prank(distributor);
        custody.acceptShipment(id);
        vm.prank(distributor);
        id = custody.ship(batchId, pharmacy, 100);
        vm.prank(pharmacy);
        custody.acceptShipment(id);
        vm.warp(T0 + 1 days);
        vm.prank(pharmacy);
        custody.decommission(batchId, 42);
        vm.startPrank(regulator);
        uint256 capId = prices.setPriceCap(SURGICAL, SUZHOU, IPriceRegistry.Channel.Retail, 150, D2020, "x");
        prices.setPriceCap(SURGICAL, SUZHOU, IPriceRegistry.Channel.ExFactory, 120, D2020, "y");
        vm.stopPrank();
        vm.prank(inspector);
        prices.recordPrice(pharmacy, batchId, SUZHOU, IPriceRegistry.Channel.Retail, 300, keccak256("photo"));

        IMedProofLens.Report memory r = lens.report(GTIN, "240315A", 42);

        // product
        assertTrue(r.productRegistered);
        assertEq(r.product.manufacturer, manufacturer);
        assertEq(r.certificate.holder, manufacturer);
        assertEq(r.manufacturer.account, manufacturer);
        assertEq(r.manufacturer.creditCode, "91320500MA1X0002");
        assertEq(uint256(r.manufacturer.region), SUZHOU);
        assertFalse(r.manufacturer.hasValidFiling);
        assertEq(uint256(r.rules.minHoldDays), 14);
        // batch
        assertTrue(r.batchRegistered);
        assertEq(r.batchId, batchId);
        assertEq(uint256(r.batch.boxes), 2000);
        assertEq(uint256(r.batch.releasedAt), T0);
        assertEq(r.productionLicence.number, unicode"苏药监械生产许20219901号");
        assertEq(r.sterilisation.method, "EO");
        assertEq(r.materials.length, 1);
        assertEq(uint256(r.materials[0].lotId), lotId);
        assertEq(uint256(r.materials[0].usedGrams), 100_000);
        assertEq(r.materials[0].lot.code, "MB-2403-07");
        assertEq(r.materials[0].supplier.name, unicode"远岫熔喷材料有限公司");
        assertTrue(r.attestationFound);
        assertEq(r.attestation.workshopName, WORKSHOP);
        assertEq(r.auditor.account, auditor);
        assertEq(r.auditor.name, unicode"苏州洁净检测所");
        assertTrue(r.ruleSetFound);
        assertEq(r.ruleSet.standard, "YY 0469-2011");
        assertEq(r.tests.length, 1);
        assertTrue(r.tests[0].passed);
        assertEq(r.testLabs.length, 1);
        assertEq(r.testLabs[0].account, lab);
        assertEq(r.testLabs[0].name, unicode"澄明检测技术服务有限公司");
        // custody
        assertEq(r.holders.length, 3);
        assertEq(r.holders[0].party.account, manufacturer);
        assertEq(uint256(r.holders[0].boxes), 1500);
        assertEq(r.holders[1].party.name, unicode"苏州医药物流有限公司");
        assertEq(uint256(r.holders[1].boxes), 400);
        assertTrue(r.holders[1].party.hasValidFiling);
        assertEq(uint256(r.holders[2].boxes), 99);
        assertEq(r.shipments.length, 2);
        assertTrue(r.serial.inRange);
        assertTrue(r.serial.sold);
        assertEq(r.serial.sale.seller, pharmacy);
        assertEq(uint256(r.serial.sale.soldAt), T0 + 1 days);
        assertEq(r.serial.seller.name, unicode"仁心大药房");
        assertTrue(r.serial.seller.hasValidFiling);
        // prices
        assertEq(r.caps.length, 2);
        assertEq(r.prices.length, 1);
        assertTrue(r.prices[0].record.violation);
        assertEq(r.prices[0].record.capId, capId);
        assertEq(uint256(r.prices[0].cap.fenPerPiece), 150);
        assertEq(r.prices[0].seller.account, pharmacy);
    }

    function test_Report_UnsoldAndUnknownSerials() public {
        releasedBatch("240315A");
        IMedProofLens.Report memory r = lens.report(GTIN, "240315A", 7);
        assertTrue(r.serial.inRange);
        assertFalse(r.serial.sold);
        assertEq(r.serial.seller.account, address(0));
        assertEq(r.holders.length, 1); // the manufacturer, before any shipment
        r = lens.report(GTIN, "240315A", 2001);
        assertFalse(r.serial.inRange);
    }

    function test_BoxState_MatchesTheReportsSerialSection() public {
        bytes32 batchId = releasedBatch("240315A");
        vm.prank(manufacturer);
        uint256 id = custody.ship(batchId, pharmacy, 100);
        vm.prank(pharmacy);
        custody.acceptShipment(id);
        vm.warp(T0 + 1 days);
        vm.prank(pharmacy);
        custody.decommission(batchId, 42);
        uint64[3] memory serials = [uint64(42), 7, 2001];
        for (uint256 i; i < serials.length; ++i) {
            IMedProofLens.BoxState memory s = lens.boxState(GTIN, "240315A", serials[i]);
            IMedProofLens.Report memory r = lens.report(GTIN, "240315A", serials[i]);
            assertTrue(s.batchRegistered);
            assertEq(uint256(s.blockNumber), uint256(r.blockNumber));
            assertEq(uint256(s.blockTimestamp), uint256(r.blockTimestamp));
            assertEq(s.inRange, r.serial.inRange);
            assertEq(s.sale.seller, r.serial.sale.seller);
            assertEq(uint256(s.sale.soldAt), uint256(r.serial.sale.soldAt));
        }
        assertEq(lens.boxState(GTIN, "240315A", 42).sale.seller, pharmacy);
        assertFalse(lens.boxState(GTIN, "240315A", 2001).inRange);
        (uint64 blockNumber, IMedProofLens.Party memory seller) = lens.party(pharmacy);
        assertEq(uint256(blockNumber), block.number);
        IMedProofLens.Party memory inReport = lens.report(GTIN, "240315A", 42).serial.seller;
        assertEq(seller.account, inReport.account);
        assertEq(seller.name, inReport.name);
        assertEq(seller.hasValidFiling, inReport.hasValidFiling);
        assertTrue(seller.hasValidFiling);
    }

    function test_BoxState_UnknownBatchDoesNotRevert() public view {
        IMedProofLens.BoxState memory s = lens.boxState(GTIN, "NOPE", 1);
        assertFalse(s.batchRegistered);
        assertFalse(s.inRange);
        assertEq(uint256(s.blockTimestamp), T0);
    }

    function test_Report_UnreleasedBatchWithoutReports() public {
        register(defaultInput("240315B"));
        IMedProofLens.Report memory r = lens.report(GTIN, "240315B", 1);
        assertTrue(r.batchRegistered);
        assertEq(uint256(r.batch.releasedAt), 0);
        assertEq(uint256(r.sterilisation.endedAt), 0);
        assertEq(r.tests.length, 0);
        assertEq(r.testLabs.length, 0);
        assertEq(r.holders.length, 0);
        assertEq(r.prices.length, 0);
        assertEq(r.complaints.length, 0);
        assertFalse(r.underInvestigation);
        assertEq(uint256(r.upheldComplaints), 0);
    }
}

contract MedProofLensComplaintsTest is ComplaintFixture {
    function test_Report_ComplaintsOfTheBatchWithTheirParties() public {
        uint256 upheld = upheldSpec(1);
        uint256 open = fileAs(consumer, COUNTERFEIT, 2, pharmacy);
        IMedProofLens.Report memory r = lens.report(GTIN, LOT, 2);
        assertEq(r.complaints.length, 2);

        IMedProofLens.ComplaintView memory a = r.complaints[0];
        assertEq(a.id, upheld);
        assertEq(uint256(a.kind), uint256(SPEC));
        assertEq(uint256(a.status), uint256(IComplaintRegistry.ComplaintStatus.Upheld));
        assertEq(uint256(a.serial), 1);
        assertEq(uint256(a.filedAt), T0);
        assertEq(uint256(a.answerDeadline), T0 + 7 days);
        assertEq(uint256(a.ruledAt), T0 + 7 days + 1);
        assertEq(a.respondent.account, manufacturer);
        assertEq(a.respondent.name, unicode"青禾医疗用品有限公司");
        assertEq(uint256(a.compensationFen), MIN_COMPENSATION);
        assertEq(uint256(a.fineFen), FINE);
        assertEq(uint256(a.shortfallFen), 0);
        assertFalse(a.byRetest);

        IMedProofLens.ComplaintView memory b = r.complaints[1];
        assertEq(b.id, open);
        assertEq(uint256(b.status), uint256(IComplaintRegistry.ComplaintStatus.Open));
        assertEq(b.respondent.account, pharmacy);
        assertEq(b.respondent.name, unicode"仁心大药房");
        assertTrue(b.respondent.hasValidFiling);
        assertEq(uint256(b.ruledAt), 0);

        assertFalse(r.underInvestigation);
        assertEq(uint256(r.upheldComplaints), 1);
    }

    function test_Report_BatchUnderInvestigationAndBondSuspendedParty() public {
        vm.prank(manufacturer);
        complaints.withdrawBond(MANUFACTURER_MIN);
        upheldSpec(1);
        upheldSpec(2);
        upheldSpec(3);
        IMedProofLens.Report memory r = lens.report(GTIN, LOT, 1);
        assertTrue(r.underInvestigation);
        assertEq(uint256(r.upheldComplaints), 3);
        // 5,000,000 − 3 × 150,000 is below the manufacturer's minimum after the first.
        assertEq(uint256(r.manufacturer.bondSuspendedAt), T0 + 7 days + 1);
        assertEq(uint256(r.manufacturer.suspendedAt), 0);
        assertEq(uint256(r.complaints[2].respondent.bondSuspendedAt), T0 + 7 days + 1);
    }

    function test_Report_RetestTracedToTheLotNamesTheSupplier() public {
        uint256 id = fileSpec(1);
        vm.prank(lab);
        uint256 index = tests.postTestReport(batchId, failingResults(), keccak256("retest"), true);
        vm.prank(lab);
        complaints.ruleByRetest(id, index, true);
        IMedProofLens.Report memory r = lens.report(GTIN, LOT, 1);
        assertTrue(r.complaints[0].byRetest);
        assertTrue(r.complaints[0].tracedToLot);
        assertEq(r.complaints[0].respondent.account, supplier);
        assertEq(r.complaints[0].respondent.name, unicode"远岫熔喷材料有限公司");
        assertEq(r.tests.length, 2);
        assertEq(r.testLabs.length, 2);
        assertEq(r.testLabs[1].account, lab);
        assertEq(r.testLabs[1].name, r.testLabs[0].name);
    }
}
