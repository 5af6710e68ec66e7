// SPDX-License-Identifier: MIT
pragma solidity ^0.8.24;

import {IAccessRegistry} from "./IAccessRegistry.sol";
import {IMaterialRegistry} from "./IMaterialRegistry.sol";
import {IBatchRegistry} from "./IBatchRegistry.sol";
import {ITestRegistry} from "./ITestRegistry.sol";
import {ICustodyRegistry} from "./ICustodyRegistry.sol";
import {IPriceRegistry} from "./IPriceRegistry.sol";
import {IComplaintRegistry} from "./IComplaintRegistry.sol";

/// @title Everything a verdict needs about one box, in one eth_call
/// @notice A read-only view over the registries. It holds no state, so a new lens can be deployed
/// when the record grows without touching the registries. Fields are only ever appended, so a reader
/// decoding by name keeps working.
interface IMedProofLens {
    struct Party {
        address account;
        string name;
        string creditCode;
        uint32 region;
        uint64 suspendedAt;
        bool hasValidFiling; // a distribution filing valid now (sellers)
        uint64 bondSuspendedAt; // 0 unless suspended because its bond fell below its minimum
    }

    struct MaterialView {
        uint64 lotId;
        uint64 usedGrams; // by this batch
        IMaterialRegistry.MaterialLot lot;
        Party supplier;
    }

    struct HolderView {
        Party party;
        uint32 boxes;
    }

    struct PriceView {
        IPriceRegistry.PriceRecord record;
        IPriceRegistry.PriceCap cap; // empty when record.capId == 0
        Party seller;
    }

    struct SerialView {
        bool inRange;
        bool sold;
        ICustodyRegistry.Sale sale;
        Party seller; // empty unless sold
    }

    struct ComplaintView {
        uint256 id;
        IComplaintRegistry.ComplaintKind kind;
        IComplaintRegistry.ComplaintStatus status;
        uint64 serial;
        uint64 filedAt;
        uint64 answerDeadline;
        uint64 ruledAt; // 0 until ruled
        Party respondent; // the responsible party (the lot's supplier when a retest traced it there)
        uint64 compensationFen; // awarded when upheld
        uint64 fineFen;
        uint64 shortfallFen; // what the bond could not pay
        bool byRetest;
        bool tracedToLot;
    }

    struct Report {
        uint64 blockNumber;
        uint64 blockTimestamp;
        // product
        bool productRegistered;
        IAccessRegistry.Product product;
        IAccessRegistry.Licence certificate;
        Party manufacturer;
        IAccessRegistry.CategoryRules rules;
        // batch
        bool batchRegistered;
        bytes32 batchId;
        IBatchRegistry.Batch batch;
        IAccessRegistry.Licence productionLicence;
        IBatchRegistry.Sterilisation sterilisation;
        MaterialView[] materials;
        bool attestationFound;
        IMaterialRegistry.Attestation attestation;
        bool ruleSetFound;
        ITestRegistry.RuleSet ruleSet; // the one in force on the production date
        ITestRegistry.TestReport[] tests;
        HolderView[] holders;
        ICustodyRegistry.Shipment[] shipments;
        SerialView serial;
        IPriceRegistry.PriceCap[] caps; // every cap of the product's category
        PriceView[] prices; // records against this batch
        // complaints (empty when the deployment has no complaint registry)
        ComplaintView[] complaints; // about this batch, oldest first
        bool underInvestigation; // the batch reached the regulator's threshold of upheld complaints
        uint64 upheldComplaints;
        // names for the parties the record gives as addresses
        Party auditor; // of `attestation`
        Party[] testLabs; // one per entry of `tests`, same order
    }

    /// @notice What is particular to one box, read at one block: the small companion of `report` for a
    /// reader that keeps the batch's record (which every box of the batch shares) and reads only this per box.
    /// The seller is an address: a reader names it from the batch's record or with `party`.
    struct BoxState {
        uint64 blockNumber;
        uint64 blockTimestamp;
        bool batchRegistered;
        bool inRange;
        ICustodyRegistry.Sale sale; // seller zero unless sold
    }

    /// @notice The whole record of (gtin, lot) and the sale status of `serial`. Never reverts for an
    /// unknown product or batch: the flags say what is missing.
    function report(uint64 gtin, string calldata lot, uint64 serial) external view returns (Report memory);

    /// @notice Whether `serial` is one of the boxes of (gtin, lot) and whether, where and when it was sold:
    /// `report`'s `serial` section without the seller's profile, for a small fraction of its gas.
    /// Never reverts for an unknown batch: `batchRegistered` is false and the serial out of range.
    function boxState(uint64 gtin, string calldata lot, uint64 serial) external view returns (BoxState memory);

    /// @notice A participant's profile as `report` gives it (`hasValidFiling` as of this block), and the
    /// block it was read at.
    function party(address account) external view returns (uint64 blockNumber, Party memory profile);
}
