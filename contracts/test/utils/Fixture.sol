// SPDX-License-Identifier: MIT
pragma solidity ^0.8.24;

import {Base} from "./Base.sol";
import {AccessRegistry} from "../../src/AccessRegistry.sol";
import {MaterialRegistry} from "../../src/MaterialRegistry.sol";
import {BatchRegistry} from "../../src/BatchRegistry.sol";
import {TestRegistry} from "../../src/TestRegistry.sol";
import {CustodyRegistry} from "../../src/CustodyRegistry.sol";
import {PriceRegistry} from "../../src/PriceRegistry.sol";
import {MedProofLens} from "../../src/MedProofLens.sol";
import {SettlementToken} from "../../src/SettlementToken.sol";
import {MedProofForwarder} from "../../src/MedProofForwarder.sol";
import {ComplaintRegistry} from "../../src/ComplaintRegistry.sol";
import {OrderBook} from "../../src/OrderBook.sol";
import {IAccessRegistry} from "../../src/interfaces/IAccessRegistry.sol";
import {IMaterialRegistry} from "../../src/interfaces/IMaterialRegistry.sol";
import {IBatchRegistry} from "../../src/interfaces/IBatchRegistry.sol";
import {ITestRegistry} from "../../src/interfaces/ITestRegistry.sol";

/// @notice One deployment and a minimal world: a regulator; a meltblown supplier with a 500 kg lot handed
/// to the manufacturer 青禾医疗用品有限公司 (production licence, registration certificate, the surgical
/// product 09521234500018); an auditor's attestation of its workshop for 2024; a lab and the YY 0469-2011
/// rule set; a distributor and a pharmacy with filings; an inspector; the settlement token, the forwarder
/// and the complaint registry (fines to `treasury`). The clock is 2024-06-01.
abstract contract Fixture is Base {
    // ---- dates (UTC midnights)
    uint64 internal constant T0 = 1_717_200_000; // 2024-06-01, "now"
    uint64 internal constant D2011 = 1_293_840_000; // 2011-01-01
    uint64 internal constant D2020 = 1_577_836_800; // 2020-01-01
    uint64 internal constant D2021 = 1_609_459_200; // 2021-01-01
    uint64 internal constant D2021_06 = 1_622_505_600; // 2021-06-01
    uint64 internal constant D2024 = 1_704_067_200; // 2024-01-01
    uint64 internal constant D2025 = 1_735_689_600; // 2025-01-01
    uint64 internal constant D2026 = 1_767_225_600; // 2026-01-01
    uint64 internal constant D2026_06 = 1_780_272_000; // 2026-06-01
    uint64 internal constant D2030 = 1_893_456_000; // 2030-01-01
    uint64 internal constant PRODUCTION = T0 - 30 days; // 2024-05-02

    uint64 internal constant GTIN = 9_521_234_500_018; // 09521234500018
    uint8 internal constant SURGICAL = 1;
    uint16 internal constant ALL_CATEGORIES = 0x1E; // bits 1..4
    uint32 internal constant SUZHOU = 320_500;
    uint64 internal constant LOT_GRAMS = 500_000; // 500 kg
    string internal constant WORKSHOP = unicode"一号洁净车间";

    // ---- role ids (read once: a prank would apply to the getter call)
    bytes32 internal constant REGULATOR_ROLE = keccak256("REGULATOR_ROLE");
    bytes32 internal constant SUPPLIER_ROLE = keccak256("SUPPLIER_ROLE");
    bytes32 internal constant MANUFACTURER_ROLE = keccak256("MANUFACTURER_ROLE");
    bytes32 internal constant AUDITOR_ROLE = keccak256("AUDITOR_ROLE");
    bytes32 internal constant LAB_ROLE = keccak256("LAB_ROLE");
    bytes32 internal constant DISTRIBUTOR_ROLE = keccak256("DISTRIBUTOR_ROLE");
    bytes32 internal constant PHARMACY_ROLE = keccak256("PHARMACY_ROLE");
    bytes32 internal constant INSPECTOR_ROLE = keccak256("INSPECTOR_ROLE");
    bytes32 internal constant SYSTEM_ROLE = keccak256("SYSTEM_ROLE");

    AccessRegistry internal access;
    MaterialRegistry internal materials;
    BatchRegistry internal batches;
    TestRegistry internal tests;
    CustodyRegistry internal custody;
    PriceRegistry internal prices;
    MedProofLens internal lens;
    SettlementToken internal token;
    MedProofForwarder internal forwarder;
    ComplaintRegistry internal complaints;
    OrderBook internal orders;

    address internal regulator;
    address internal supplier;
    address internal manufacturer;
    address internal auditor;
    address internal lab;
    address internal distributor;
    address internal pharmacy;
    address internal inspector;
    address internal stranger;
    address internal signer;
    address internal treasury;

    uint256 internal productionLicenceId;
    uint256 internal certificateId;
    uint256 internal distributorFilingId;
    uint256 internal pharmacyFilingId;
    uint256 internal lotId;
    uint256 internal attestationId;
    uint256 internal ruleSetId;
    bytes32 internal workshopId;

    function setUp() public virtual {
        vm.warp(T0);
        regulator = makeAddr("regulator");
        supplier = makeAddr(unicode"远岫熔喷材料有限公司");
        manufacturer = makeAddr(unicode"青禾医疗用品有限公司");
        auditor = makeAddr("auditor");
        lab = makeAddr(unicode"澄明检测技术服务有限公司");
        distributor = makeAddr("distributor");
        pharmacy = makeAddr("pharmacy");
        inspector = makeAddr("inspector");
        stranger = makeAddr("stranger");
        signer = makeAddr("signer");
        treasury = makeAddr("treasury");

        access = new AccessRegistry(regulator, unicode"国家药品监督管理局");
        materials = new MaterialRegistry(access);
        batches = new BatchRegistry(access);
        tests = new TestRegistry(access);
        custody = new CustodyRegistry(access);
        prices = new PriceRegistry(access);
        lens = new MedProofLens(access);
        token = new SettlementToken(access);
        forwarder = new MedProofForwarder();
        complaints = new ComplaintRegistry(access, token, address(forwarder), treasury);
        orders = new OrderBook(access, token);

        vm.startPrank(regulator);
        access.setDirectory(
            IAccessRegistry.Directory({
                materials: address(materials),
                batches: address(batches),
                tests: address(tests),
                custody: address(custody),
                prices: address(prices),
                complaints: address(complaints),
                orders: address(orders)
            })
        );
        access.registerParticipant(
            supplier, SUPPLIER_ROLE, unicode"远岫熔喷材料有限公司", "91320500MA1X0001", SUZHOU
        );
        access.registerParticipant(
            manufacturer, MANUFACTURER_ROLE, unicode"青禾医疗用品有限公司", "91320500MA1X0002", SUZHOU
        );
        access.registerParticipant(auditor, AUDITOR_ROLE, unicode"苏州洁净检测所", "12320500MB0X0003", SUZHOU);
        access.registerParticipant(
            lab, LAB_ROLE, unicode"澄明检测技术服务有限公司", "91320500MA1X0004", SUZHOU
        );
        access.registerParticipant(
            distributor, DISTRIBUTOR_ROLE, unicode"苏州医药物流有限公司", "91320500MA1X0005", SUZHOU
        );
        access.registerParticipant(pharmacy, PHARMACY_ROLE, unicode"仁心大药房", "91320500MA1X0006", SUZHOU);
        access.registerParticipant(
            inspector, INSPECTOR_ROLE, unicode"苏州市市场监督管理局", "11320500MB0X0007", SUZHOU
        );

        productionLicenceId = access.grantLicence(
            IAccessRegistry.LicenceKind.ProductionLicence,
            manufacturer,
            unicode"苏药监械生产许20219901号",
            ALL_CATEGORIES,
            D2021,
            D2026
        );
        certificateId = access.grantLicence(
            IAccessRegistry.LicenceKind.RegistrationCertificate,
            manufacturer,
            unicode"苏械注准20212149901",
            uint16(1) << SURGICAL,
            D2021_06,
            D2026_06
        );
        distributorFilingId = access.grantLicence(
            IAccessRegistry.LicenceKind.DistributionFiling,
            distributor,
            unicode"苏苏食药监械经营备20200001号",
            ALL_CATEGORIES,
            D2020,
            D2030
        );
        pharmacyFilingId = access.grantLicence(
            IAccessRegistry.LicenceKind.DistributionFiling,
            pharmacy,
            unicode"苏苏食药监械经营备20200002号",
            ALL_CATEGORIES,
            D2020,
            D2030
        );
        ruleSetId = tests.addRuleSet(SURGICAL, "YY 0469-2011", D2011, yy0469Rules());
        vm.stopPrank();

        vm.prank(manufacturer);
        access.registerProduct(GTIN, SURGICAL, certificateId, unicode"医用外科口罩 17.5×9.5 cm");

        lotId = registerLotAs(supplier, "MB-2403-07", LOT_GRAMS);
        vm.prank(supplier);
        materials.transferLot(lotId, manufacturer);

        vm.prank(auditor);
        attestationId = materials.attestWorkshop(goodAttestation(manufacturer, WORKSHOP));
        workshopId = keccak256(abi.encode(manufacturer, WORKSHOP));
    }

    // ---------------------------------------------------------------- world builders

    /// @dev YY 0469-2011 in the metric units of ITestRegistry.
    function yy0469Rules() internal pure returns (ITestRegistry.MetricRule[] memory rules) {
        rules = new ITestRegistry.MetricRule[](7);
        rules[0] = ITestRegistry.MetricRule({metric: 1, min: 9500, max: 10_000}); // BFE >= 95.00 %
        rules[1] = ITestRegistry.MetricRule({metric: 2, min: 3000, max: 10_000}); // PFE >= 30.00 %
        rules[2] = ITestRegistry.MetricRule({metric: 3, min: 0, max: 490}); // Δp <= 49.0 Pa
        rules[3] = ITestRegistry.MetricRule({metric: 4, min: 120, max: type(int64).max}); // blood at 120 mmHg
        rules[4] = ITestRegistry.MetricRule({metric: 5, min: 0, max: 50}); // after-flame <= 5.0 s
        rules[5] = ITestRegistry.MetricRule({metric: 6, min: 0, max: 100}); // bacteria <= 100 CFU/g
        rules[6] = ITestRegistry.MetricRule({metric: 7, min: 0, max: 100}); // EO residue <= 10.0 µg/g
    }

    /// @dev Batch 240315A's results: BFE 98.6 %, PFE 41 %, Δp 38 Pa, EO 3.2 µg/g.
    function passingResults() internal pure returns (ITestRegistry.MetricResult[] memory r) {
        r = new ITestRegistry.MetricResult[](7);
        r[0] = ITestRegistry.MetricResult({metric: 1, value: 9860});
        r[1] = ITestRegistry.MetricResult({metric: 2, value: 4100});
        r[2] = ITestRegistry.MetricResult({metric: 3, value: 380});
        r[3] = ITestRegistry.MetricResult({metric: 4, value: 120});
        r[4] = ITestRegistry.MetricResult({metric: 5, value: 0});
        r[5] = ITestRegistry.MetricResult({metric: 6, value: 20});
        r[6] = ITestRegistry.MetricResult({metric: 7, value: 32});
    }

    function goodAttestation(address manufacturer_, string memory name)
        internal
        pure
        returns (IMaterialRegistry.Attestation memory a)
    {
        a.manufacturer = manufacturer_;
        a.workshopName = name;
        a.cleanClass = 100_000;
        a.particles05PerM3 = 1_200_000;
        a.particles5PerM3 = 8_000;
        a.airborneCfuPerM3 = 120;
        a.settlingCfuPerPlate = 3;
        a.temperatureDeciC = 225;
        a.humidityDeciPct = 550;
        a.pressureDeciPa = 150;
        a.staffHealthChecked = true;
        a.staffTrained = true;
        a.validFrom = D2024;
        a.validUntil = D2025;
        a.reportHash = keccak256("attestation report");
    }

    function registerLotAs(address supplier_, string memory code, uint64 grams) internal returns (uint256 id) {
        vm.prank(supplier_);
        id = materials.registerLot(code, "BFE99 25 g/m2", grams, keccak256(bytes(code)));
    }

    /// @dev A lot of `grams` owned by the manufacturer.
    function manufacturerLot(string memory code, uint64 grams) internal returns (uint256 id) {
        id = registerLotAs(supplier, code, grams);
        vm.prank(supplier);
        materials.transferLot(id, manufacturer);
    }

    function batchInput(string memory lot, uint32 masks, uint256 lotId_, uint64 grams)
        internal
        view
        returns (IBatchRegistry.BatchInput memory input)
    {
        IBatchRegistry.MaterialUse[] memory uses = new IBatchRegistry.MaterialUse[](1);
        uses[0] = IBatchRegistry.MaterialUse({lotId: uint64(lotId_), grams: grams});
        input = IBatchRegistry.BatchInput({
            gtin: GTIN,
            lot: lot,
            productionDate: PRODUCTION,
            expiryDate: PRODUCTION + 730 days,
            masks: masks,
            masksPerBox: 50,
            serialStart: 1,
            workshopId: workshopId,
            materials: uses,
            signer: signer,
            possessionRoot: keccak256(abi.encode("possession", lot))
        });
    }

    /// @dev 100,000 masks (2,000 boxes) from 100 kg of the fixture's lot.
    function defaultInput(string memory lot) internal view returns (IBatchRegistry.BatchInput memory) {
        return batchInput(lot, 100_000, lotId, 100_000);
    }

    function register(IBatchRegistry.BatchInput memory input) internal returns (bytes32 batchId) {
        vm.prank(manufacturer);
        batchId = batches.registerBatch(input);
    }

    function sterilisationOf(uint64 startedAt, uint64 endedAt)
        internal
        pure
        returns (IBatchRegistry.Sterilisation memory)
    {
        return IBatchRegistry.Sterilisation({
            sterilizer: unicode"清衡灭菌技术有限公司",
            method: "EO",
            startedAt: startedAt,
            endedAt: endedAt,
            reportHash: keccak256("sterilisation report")
        });
    }

    /// @dev EO from production + 1 day to production + 2 days.
    function sterilise(bytes32 batchId) internal {
        vm.prank(manufacturer);
        batches.recordSterilisation(batchId, sterilisationOf(PRODUCTION + 1 days, PRODUCTION + 2 days));
    }

    function postPassing(bytes32 batchId) internal {
        vm.prank(lab);
        tests.postTestReport(batchId, passingResults(), keccak256("lab report"), false);
    }

    /// @dev Registered, sterilised, tested and released (the hold has elapsed by T0).
    function releasedBatch(string memory lot) internal returns (bytes32 batchId) {
        batchId = register(defaultInput(lot));
        sterilise(batchId);
        postPassing(batchId);
        vm.prank(manufacturer);
        batches.release(batchId);
    }
}
