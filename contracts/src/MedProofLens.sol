// SPDX-License-Identifier: MIT
pragma solidity ^0.8.24;

import {IAccessRegistry} from "./interfaces/IAccessRegistry.sol";
import {IMaterialRegistry} from "./interfaces/IMaterialRegistry.sol";
import {IBatchRegistry} from "./interfaces/IBatchRegistry.sol";
import {ITestRegistry} from "./interfaces/ITestRegistry.sol";
import {ICustodyRegistry} from "./interfaces/ICustodyRegistry.sol";
import {IPriceRegistry} from "./interfaces/IPriceRegistry.sol";
import {IComplaintRegistry} from "./interfaces/IComplaintRegistry.sol";
import {IMedProofLens} from "./interfaces/IMedProofLens.sol";

/// @title Everything a verdict needs about one box, in one eth_call
/// @dev Stateless: it reads the registries through the access registry's directory. Each section of the
/// report is filled by its own function (a single function would run out of stack without via-IR), and a
/// section is only read when the one it depends on exists, so no call reverts for an unknown product,
/// batch or serial.
contract MedProofLens is IMedProofLens {
    IAccessRegistry private immutable _access;

    constructor(IAccessRegistry access_) {
        _access = access_;
    }

    /// @notice The access registry this lens reads.
    function accessRegistry() external view returns (IAccessRegistry) {
        return _access;
    }

    /// @inheritdoc IMedProofLens
    function report(uint64 gtin, string calldata lot, uint64 serial) external view returns (Report memory r) {
        r.blockNumber = uint64(block.number);
        r.blockTimestamp = uint64(block.timestamp);
        r.batchId = keccak256(abi.encode(gtin, lot));
        IAccessRegistry.Directory memory d = _access.directory();

        _fillProduct(r, gtin, d);
        if (!r.productRegistered || d.batches == address(0)) return r;
        if (!IBatchRegistry(d.batches).exists(r.batchId)) return r;
        r.batchRegistered = true;
        _fillBatch(r, d);
        _fillMaterials(r, IBatchRegistry(d.batches), IMaterialRegistry(d.materials));
        _fillTests(r, ITestRegistry(d.tests));
        _fillCustody(r, ICustodyRegistry(d.custody), serial);
        _fillPrices(r, IPriceRegistry(d.prices));
        if (d.complaints != address(0)) _fillComplaints(r, IComplaintRegistry(d.complaints));
    }

    /// @inheritdoc IMedProofLens
    /// @dev Reads only the two registries a box's state lives in, not the whole record.
    function boxState(uint64 gtin, string calldata lot, uint64 serial) external view returns (BoxState memory s) {
        s.blockNumber = uint64(block.number);
        s.blockTimestamp = uint64(block.timestamp);
        bytes32 batchId = keccak256(abi.encode(gtin, lot));
        IAccessRegistry.Directory memory d = _access.directory();
        if (d.batches == address(0) || !IBatchRegistry(d.batches).exists(batchId)) return s;
        s.batchRegistered = true;
        (,, uint64 start, uint32 boxes) = IBatchRegistry(d.batches).possessionTerms(batchId);
        s.inRange = serial >= start && serial - start < boxes;
        s.sale = ICustodyRegistry(d.custody).sale(batchId, serial);
    }

    /// @inheritdoc IMedProofLens
    function party(address account) external view returns (uint64 blockNumber, Party memory profile) {
        return (uint64(block.number), _party(account));
    }

    // ---------------------------------------------------------------- sections

    function _fillProduct(Report memory r, uint64 gtin, IAccessRegistry.Directory memory d) private view {
        r.product = _access.product(gtin);
        if (r.product.manufacturer == address(0)) return;
        r.productRegistered = true;
        r.certificate = _access.licence(r.product.certificateId);
        r.manufacturer = _party(r.product.manufacturer);
        r.rules = _access.categoryRules(r.product.category);
        if (d.prices == address(0)) return;
        IPriceRegistry prices = IPriceRegistry(d.prices);
        uint256[] memory ids = prices.capsOfCategory(r.product.category);
        r.caps = new IPriceRegistry.PriceCap[](ids.length);
        for (uint256 i; i < ids.length; ++i) {
            r.caps[i] = prices.cap(ids[i]);
        }
    }

    function _fillBatch(Report memory r, IAccessRegistry.Directory memory d) private view {
        IBatchRegistry batches = IBatchRegistry(d.batches);
        r.batch = batches.batch(r.batchId);
        r.productionLicence = _access.licence(r.batch.productionLicenceId);
        r.sterilisation = batches.sterilisation(r.batchId);
        if (r.batch.attestationId != 0) {
            r.attestationFound = true;
            r.attestation = IMaterialRegistry(d.materials).attestation(r.batch.attestationId);
            r.auditor = _party(r.attestation.auditor);
        }
    }

    function _fillMaterials(Report memory r, IBatchRegistry batches, IMaterialRegistry materials) private view {
        IBatchRegistry.MaterialUse[] memory uses = batches.materialsOf(r.batchId);
        r.materials = new MaterialView[](uses.length);
        for (uint256 i; i < uses.length; ++i) {
            MaterialView memory m = r.materials[i];
            m.lotId = uses[i].lotId;
            m.usedGrams = uses[i].grams;
            m.lot = materials.lot(uses[i].lotId);
            m.supplier = _party(m.lot.supplier);
        }
    }

    function _fillTests(Report memory r, ITestRegistry tests) private view {
        (bool found, uint256 ruleSetId) = tests.ruleSetInForce(r.product.category, r.batch.productionDate);
        if (found) {
            r.ruleSetFound = true;
            r.ruleSet = tests.ruleSet(ruleSetId);
        }
        r.tests = tests.reports(r.batchId);
        r.testLabs = new Party[](r.tests.length);
        for (uint256 i; i < r.tests.length; ++i) {
            // Most reports of a batch come from one lab: reuse the previous profile.
            address labAccount = r.tests[i].lab;
            r.testLabs[i] = i > 0 && labAccount == r.tests[i - 1].lab ? r.testLabs[i - 1] : _party(labAccount);
        }
    }

    function _fillCustody(Report memory r, ICustodyRegistry custody, uint64 serial) private view {
        ICustodyRegistry.Holding[] memory holdings = custody.holdings(r.batchId);
        r.holders = new HolderView[](holdings.length);
        for (uint256 i; i < holdings.length; ++i) {
            r.holders[i] = HolderView({party: _party(holdings[i].holder), boxes: holdings[i].boxes});
        }
        r.shipments = custody.shipmentsOf(r.batchId);

        uint64 start = r.batch.serialStart;
        r.serial.inRange = serial >= start && serial - start < r.batch.boxes;
        r.serial.sale = custody.sale(r.batchId, serial);
        if (r.serial.sale.seller != address(0)) {
            r.serial.sold = true;
            r.serial.seller = _party(r.serial.sale.seller);
        }
    }

    function _fillPrices(Report memory r, IPriceRegistry prices) private view {
        uint256[] memory ids = prices.recordsOfBatch(r.batchId);
        r.prices = new PriceView[](ids.length);
        for (uint256 i; i < ids.length; ++i) {
            PriceView memory p = r.prices[i];
            p.record = prices.record(ids[i]);
            if (p.record.capId != 0) p.cap = prices.cap(p.record.capId);
            p.seller = _party(p.record.seller);
        }
    }

    function _fillComplaints(Report memory r, IComplaintRegistry complaints) private view {
        IComplaintRegistry.Complaint[] memory list = complaints.complaintsOf(r.batchId);
        r.complaints = new ComplaintView[](list.length);
        for (uint256 i; i < list.length; ++i) {
            IComplaintRegistry.Complaint memory c = list[i];
            ComplaintView memory v = r.complaints[i];
            v.id = c.id;
            v.kind = c.kind;
            v.status = c.status;
            v.serial = c.serial;
            v.filedAt = c.filedAt;
            v.answerDeadline = c.answerDeadline;
            v.ruledAt = c.ruledAt;
            // The respondent of a spec failure is the manufacturer already named in the report.
            v.respondent = c.respondent == r.manufacturer.account ? r.manufacturer : _party(c.respondent);
            v.compensationFen = c.compensationFen;
            v.fineFen = c.fineFen;
            v.shortfallFen = c.shortfallFen;
            v.byRetest = c.byRetest;
            v.tracedToLot = c.tracedToLot;
        }
        r.underInvestigation = complaints.underInvestigation(r.batchId);
        r.upheldComplaints = uint64(complaints.upheldComplaints(r.batchId));
    }

    // ---------------------------------------------------------------- parties

    /// @dev A participant's profile; hasValidFiling when any of its distribution filings is valid now.
    function _party(address account) private view returns (Party memory p) {
        IAccessRegistry.Participant memory info = _access.participant(account);
        p.account = account;
        p.name = info.name;
        p.creditCode = info.creditCode;
        p.region = info.region;
        p.suspendedAt = info.suspendedAt;
        p.bondSuspendedAt = info.bondSuspendedAt;
        uint256[] memory ids = _access.licencesOf(account);
        for (uint256 i; i < ids.length; ++i) {
            if (
                _access.licence(ids[i]).kind == IAccessRegistry.LicenceKind.DistributionFiling
                    && _access.isLicenceValidAt(ids[i], uint64(block.timestamp))
            ) {
                p.hasValidFiling = true;
                break;
            }
        }
    }
}
