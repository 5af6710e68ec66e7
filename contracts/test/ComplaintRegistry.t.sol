// SPDX-License-Identifier: MIT
pragma solidity ^0.8.24;

import {ERC20} from "@openzeppelin/contracts/token/ERC20/ERC20.sol";
import {ComplaintFixture} from "./utils/ComplaintFixture.sol";
import {Possession} from "./utils/Possession.sol";
import {ComplaintRegistry} from "../src/ComplaintRegistry.sol";
import {SettlementToken} from "../src/SettlementToken.sol";
import {IAccessRegistry} from "../src/interfaces/IAccessRegistry.sol";
import {IBatchRegistry} from "../src/interfaces/IBatchRegistry.sol";
import {ITestRegistry} from "../src/interfaces/ITestRegistry.sol";
import {IComplaintRegistry} from "../src/interfaces/IComplaintRegistry.sol";
import {RegistryBase} from "../src/utils/RegistryBase.sol";

/// @notice A token that burns 1 % of every transfer, to show that a bond is credited with what arrives.
contract FeeOnTransferToken is ERC20 {
    constructor() ERC20("Fee", "FEE") {}

    function mint(address to, uint256 amount) external {
        _mint(to, amount);
    }

    function _update(address from, address to, uint256 value) internal override {
        if (from == address(0) || to == address(0)) return super._update(from, to, value);
        uint256 fee = value / 100;
        super._update(from, address(0), fee);
        super._update(from, to, value - fee);
    }
}

contract ComplaintRegistryTest is ComplaintFixture {
    bytes32 internal constant EVIDENCE = keccak256("photo of the box");

    function _lacksRole(bytes32 role, address account) internal pure returns (bytes memory) {
        return abi.encodeWithSelector(IAccessRegistry.CallerLacksRole.selector, role, account);
    }

    function _terms() internal pure returns (IComplaintRegistry.Terms memory) {
        return IComplaintRegistry.Terms({
            punitiveMultiplier: 3,
            minimumCompensationFen: 50_000,
            fineFen: 100_000,
            answerWindow: 7 days,
            investigationThreshold: 3
        });
    }

    /// @dev A licensed pharmacy (registered, with a distribution filing) that has received nothing yet.
    function _pharmacyWithAFiling(string memory name) internal returns (address account) {
        account = makeAddr(name);
        vm.startPrank(regulator);
        access.registerParticipant(account, PHARMACY_ROLE, name, "91320500MA1X0099", SUZHOU);
        access.grantLicence(
            IAccessRegistry.LicenceKind.DistributionFiling,
            account,
            unicode"苏苏食药监械经营备20200099号",
            ALL_CATEGORIES,
            D2020,
            D2030
        );
        vm.stopPrank();
    }

    function _setTerms(IComplaintRegistry.Terms memory t) internal {
        vm.prank(regulator);
        complaints.setTerms(t);
    }

    // ---------------------------------------------------------------- construction and terms

    function test_Constructor_SetsDefaultTermsMinimumsAndWiring() public view {
        IComplaintRegistry.Terms memory t = complaints.terms();
        assertEq(uint256(t.punitiveMultiplier), 3);
        assertEq(uint256(t.minimumCompensationFen), 50_000);
        assertEq(uint256(t.fineFen), 100_000);
        assertEq(uint256(t.answerWindow), 7 days);
        assertEq(uint256(t.investigationThreshold), 3);
        assertEq(complaints.bondMinimum(MANUFACTURER_ROLE), MANUFACTURER_MIN);
        assertEq(complaints.bondMinimum(SUPPLIER_ROLE), SUPPLIER_MIN);
        assertEq(complaints.bondMinimum(DISTRIBUTOR_ROLE), DISTRIBUTOR_MIN);
        assertEq(complaints.bondMinimum(PHARMACY_ROLE), PHARMACY_MIN);
        assertEq(address(complaints.settlementToken()), address(token));
        assertEq(complaints.treasury(), treasury);
        assertEq(complaints.trustedForwarder(), address(forwarder));
        assertEq(address(complaints.accessRegistry()), address(access));
    }

    function test_RevertWhen_ConstructedWithZeroTokenOrTreasury() public {
        vm.expectRevert(IComplaintRegistry.ZeroAddress.selector);
        new ComplaintRegistry(access, SettlementToken(address(0)), address(forwarder), treasury);
        vm.expectRevert(IComplaintRegistry.ZeroAddress.selector);
        new ComplaintRegistry(access, token, address(forwarder), address(0));
    }

    function test_SetTerms_ByRegulator() public {
        IComplaintRegistry.Terms memory t = _terms();
        t.punitiveMultiplier = 1;
        t.answerWindow = 3 days;
        vm.expectEmit();
        emit IComplaintRegistry.TermsSet(t);
        _setTerms(t);
        assertEq(uint256(complaints.terms().punitiveMultiplier), 1);
        assertEq(complaints.compensationFor(100_000), 200_000);
    }

    function test_RevertWhen_CallerLacksRole_SetTerms() public {
        IComplaintRegistry.Terms memory t = _terms();
        vm.prank(inspector);
        vm.expectRevert(_lacksRole(REGULATOR_ROLE, inspector));
        complaints.setTerms(t);
    }

    function test_RevertWhen_TermsInvalid() public {
        IComplaintRegistry.Terms memory t = _terms();
        t.answerWindow = 0;
        vm.prank(regulator);
        vm.expectRevert(IComplaintRegistry.InvalidTerms.selector);
        complaints.setTerms(t);
        t = _terms();
        t.investigationThreshold = 0;
        vm.prank(regulator);
        vm.expectRevert(IComplaintRegistry.InvalidTerms.selector);
        complaints.setTerms(t);
        t = _terms();
        t.fineFen = 2 ** 62 + 1;
        vm.prank(regulator);
        vm.expectRevert(IComplaintRegistry.InvalidTerms.selector);
        complaints.setTerms(t);
        t = _terms();
        t.minimumCompensationFen = 2 ** 62 + 1;
        vm.prank(regulator);
        vm.expectRevert(IComplaintRegistry.InvalidTerms.selector);
        complaints.setTerms(t);
    }

    function test_SetBondMinimum_ByRegulator() public {
        vm.expectEmit();
        emit IComplaintRegistry.BondMinimumSet(PHARMACY_ROLE, 123);
        vm.prank(regulator);
        complaints.setBondMinimum(PHARMACY_ROLE, 123);
        assertEq(complaints.bondMinimum(PHARMACY_ROLE), 123);
        assertEq(complaints.requiredBondOf(pharmacy), 123);
    }

    function test_RevertWhen_NotABondRole() public {
        vm.prank(regulator);
        vm.expectRevert(abi.encodeWithSelector(IComplaintRegistry.NotABondRole.selector, INSPECTOR_ROLE));
        complaints.setBondMinimum(INSPECTOR_ROLE, 1);
        vm.expectRevert(abi.encodeWithSelector(IComplaintRegistry.NotABondRole.selector, LAB_ROLE));
        complaints.bondMinimum(LAB_ROLE);
    }

    function test_RevertWhen_CallerLacksRole_SetBondMinimum() public {
        vm.prank(manufacturer);
        vm.expectRevert(_lacksRole(REGULATOR_ROLE, manufacturer));
        complaints.setBondMinimum(MANUFACTURER_ROLE, 0);
    }

    function test_SetTreasury_ByRegulator() public {
        vm.expectEmit();
        emit IComplaintRegistry.TreasurySet(stranger);
        vm.prank(regulator);
        complaints.setTreasury(stranger);
        assertEq(complaints.treasury(), stranger);
    }

    function test_RevertWhen_TreasuryZero() public {
        vm.prank(regulator);
        vm.expectRevert(IComplaintRegistry.ZeroAddress.selector);
        complaints.setTreasury(address(0));
    }

    function test_RevertWhen_CallerLacksRole_SetTreasury() public {
        vm.prank(stranger);
        vm.expectRevert(_lacksRole(REGULATOR_ROLE, stranger));
        complaints.setTreasury(stranger);
    }

    function test_RequiredBondOf_IsTheLargestMinimumOfThePartysRoles() public {
        assertEq(complaints.requiredBondOf(pharmacy), PHARMACY_MIN);
        assertEq(complaints.requiredBondOf(stranger), 0);
        vm.prank(regulator);
        access.addRole(pharmacy, DISTRIBUTOR_ROLE);
        assertEq(complaints.requiredBondOf(pharmacy), DISTRIBUTOR_MIN);
        vm.prank(regulator);
        access.addRole(pharmacy, MANUFACTURER_ROLE);
        assertEq(complaints.requiredBondOf(pharmacy), MANUFACTURER_MIN);
    }

    // ---------------------------------------------------------------- bonds

    function test_PostBond_CreditsTheBondAndHoldsTheTokens() public {
        vm.prank(regulator);
        token.mint(manufacturer, 700);
        vm.prank(manufacturer);
        token.approve(address(complaints), 700);
        uint256 before = token.balanceOf(address(complaints));
        vm.expectEmit();
        emit IComplaintRegistry.BondPosted(manufacturer, 700, 2 * MANUFACTURER_MIN + 700);
        vm.prank(manufacturer);
        complaints.postBond(700);
        assertEq(complaints.bondOf(manufacturer), 2 * MANUFACTURER_MIN + 700);
        assertEq(token.balanceOf(address(complaints)), before + 700);
        assertEq(token.balanceOf(manufacturer), 0);
    }

    function test_PostBond_CreditsWhatArrives() public {
        FeeOnTransferToken fee = new FeeOnTransferToken();
        ComplaintRegistry registry = new ComplaintRegistry(access, fee, address(forwarder), treasury);
        fee.mint(distributor, 10_000);
        vm.prank(distributor);
        fee.approve(address(registry), 10_000);
        vm.prank(distributor);
        registry.postBond(10_000);
        assertEq(registry.bondOf(distributor), 9_900);
        assertEq(fee.balanceOf(address(registry)), 9_900);
    }

    function test_RevertWhen_PostBondZero() public {
        vm.prank(manufacturer);
        vm.expectRevert(IComplaintRegistry.ZeroAmount.selector);
        complaints.postBond(0);
    }

    function test_RevertWhen_CannotPostBond() public {
        address[3] memory unbonded = [inspector, lab, stranger];
        for (uint256 i; i < unbonded.length; ++i) {
            vm.prank(unbonded[i]);
            vm.expectRevert(abi.encodeWithSelector(IComplaintRegistry.CannotPostBond.selector, unbonded[i]));
            complaints.postBond(1);
        }
    }

    function test_RevertWhen_PostBondWithoutAllowance() public {
        vm.prank(regulator);
        token.mint(pharmacy, 10);
        vm.prank(pharmacy);
        vm.expectRevert();
        complaints.postBond(10);
    }

    function test_WithdrawBond_DownToTheMinimum() public {
        vm.expectEmit();
        emit IComplaintRegistry.BondWithdrawn(manufacturer, MANUFACTURER_MIN, MANUFACTURER_MIN);
        vm.prank(manufacturer);
        complaints.withdrawBond(MANUFACTURER_MIN);
        assertEq(complaints.bondOf(manufacturer), MANUFACTURER_MIN);
        assertEq(token.balanceOf(manufacturer), MANUFACTURER_MIN);
    }

    function test_RevertWhen_WithdrawBondBelowMinimum() public {
        vm.prank(manufacturer);
        vm.expectRevert(
            abi.encodeWithSelector(
                IComplaintRegistry.BondBelowMinimum.selector, manufacturer, MANUFACTURER_MIN - 1, MANUFACTURER_MIN
            )
        );
        complaints.withdrawBond(MANUFACTURER_MIN + 1);
    }

    function test_RevertWhen_WithdrawBondMoreThanPosted() public {
        vm.prank(pharmacy);
        vm.expectRevert(
            abi.encodeWithSelector(
                IComplaintRegistry.InsufficientBond.selector, pharmacy, 2 * PHARMACY_MIN, 2 * PHARMACY_MIN + 1
            )
        );
        complaints.withdrawBond(2 * PHARMACY_MIN + 1);
    }

    function test_RevertWhen_WithdrawBondZero() public {
        vm.prank(pharmacy);
        vm.expectRevert(IComplaintRegistry.ZeroAmount.selector);
        complaints.withdrawBond(0);
    }

    function test_RevertWhen_WithdrawBondWhileRespondentOfOpenComplaint() public {
        uint256 id = fileSpec(3);
        assertEq(complaints.openComplaintsAgainst(manufacturer), 1);
        vm.prank(manufacturer);
        vm.expectRevert(abi.encodeWithSelector(IComplaintRegistry.RespondentOfOpenComplaint.selector, manufacturer, 1));
        complaints.withdrawBond(1);
        // Answering does not free the bond; a ruling does.
        vm.prank(manufacturer);
        complaints.answer(id, keccak256("answer"));
        vm.prank(manufacturer);
        vm.expectRevert(abi.encodeWithSelector(IComplaintRegistry.RespondentOfOpenComplaint.selector, manufacturer, 1));
        complaints.withdrawBond(1);
        ruleAs(id, false);
        assertEq(complaints.openComplaintsAgainst(manufacturer), 0);
        vm.prank(manufacturer);
        complaints.withdrawBond(1);
    }

    function test_WithdrawBond_AllOnceThePartyHoldsNoBondedRole() public {
        vm.startPrank(regulator);
        access.revokeRole(PHARMACY_ROLE, pharmacy);
        vm.stopPrank();
        assertEq(complaints.requiredBondOf(pharmacy), 0);
        vm.prank(pharmacy);
        complaints.withdrawBond(2 * PHARMACY_MIN);
        assertEq(complaints.bondOf(pharmacy), 0);
    }

    // ---------------------------------------------------------------- filing

    function test_FileComplaint_SpecFailureNamesTheManufacturer() public {
        bytes32[] memory proof = proofOf(5);
        bytes memory signature = possessionFor(consumer, 5);
        vm.expectEmit();
        emit IComplaintRegistry.ComplaintFiled(1, batchId, manufacturer, 5, SPEC, consumer, pharmacy, PRICE, EVIDENCE);
        vm.prank(consumer);
        uint256 id = complaints.fileComplaint(GTIN, LOT, 5, SPEC, signature, proof, PRICE, pharmacy, EVIDENCE);
        assertEq(id, 1);
        IComplaintRegistry.Complaint memory c = complaints.complaint(id);
        assertEq(c.id, 1);
        assertEq(c.batchId, batchId);
        assertEq(uint256(c.serial), 5);
        assertEq(uint256(c.kind), uint256(SPEC));
        assertEq(uint256(c.status), uint256(IComplaintRegistry.ComplaintStatus.Open));
        assertEq(c.complainant, consumer);
        assertEq(c.respondent, manufacturer);
        assertEq(uint256(c.pricePaidFen), PRICE);
        assertEq(uint256(c.filedAt), T0);
        assertEq(uint256(c.answerDeadline), T0 + 7 days);
        assertEq(uint256(c.ruledAt), 0);
        assertFalse(c.byRetest);
        assertEq(complaints.complaintCount(), 1);
        assertEq(complaints.openComplaintOf(batchId, 5), 1);
        assertEq(complaints.openComplaintsAgainst(manufacturer), 1);
        assertEq(complaints.openComplaintsAgainst(pharmacy), 0);
    }

    function test_FileComplaint_SpecFailureWithoutSeller() public {
        uint256 id = fileAs(consumer, SPEC, 5, address(0));
        assertEq(complaints.complaint(id).respondent, manufacturer);
    }

    function test_FileComplaint_CounterfeitNamesTheSeller() public {
        uint256 id = fileAs(consumer, COUNTERFEIT, 5, pharmacy);
        IComplaintRegistry.Complaint memory c = complaints.complaint(id);
        assertEq(c.respondent, pharmacy);
        assertEq(uint256(c.kind), uint256(COUNTERFEIT));
        assertEq(complaints.openComplaintsAgainst(pharmacy), 1);
        assertEq(complaints.openComplaintsAgainst(manufacturer), 0);
    }

    function test_FileComplaint_PriceAboveCapNamesTheSeller() public {
        uint256 id = fileAs(consumer, PRICE_ABOVE_CAP, 5, distributor);
        assertEq(complaints.complaint(id).respondent, distributor);
    }

    function test_FileComplaint_AnySellerEvenSuspended() public {
        vm.prank(regulator);
        access.suspend(pharmacy, unicode"售假");
        uint256 id = fileAs(consumer, COUNTERFEIT, 5, pharmacy);
        assertEq(complaints.complaint(id).respondent, pharmacy);
    }

    function test_RevertWhen_SellerRequired() public {
        bytes32[] memory proof = proofOf(5);
        bytes memory signature = possessionFor(consumer, 5);
        vm.prank(consumer);
        vm.expectRevert(abi.encodeWithSelector(IComplaintRegistry.SellerRequired.selector, COUNTERFEIT));
        complaints.fileComplaint(GTIN, LOT, 5, COUNTERFEIT, signature, proof, PRICE, address(0), EVIDENCE);
        vm.prank(consumer);
        vm.expectRevert(abi.encodeWithSelector(IComplaintRegistry.SellerRequired.selector, PRICE_ABOVE_CAP));
        complaints.fileComplaint(GTIN, LOT, 5, PRICE_ABOVE_CAP, signature, proof, PRICE, address(0), EVIDENCE);
    }

    function test_RevertWhen_NotASeller() public {
        bytes32[] memory proof = proofOf(5);
        bytes memory signature = possessionFor(consumer, 5);
        address[2] memory notSellers = [manufacturer, stranger];
        for (uint256 i; i < 2; ++i) {
            vm.prank(consumer);
            vm.expectRevert(abi.encodeWithSelector(IComplaintRegistry.NotASeller.selector, notSellers[i]));
            complaints.fileComplaint(GTIN, LOT, 5, COUNTERFEIT, signature, proof, PRICE, notSellers[i], EVIDENCE);
        }
        // Also checked when given with a spec failure.
        vm.prank(consumer);
        vm.expectRevert(abi.encodeWithSelector(IComplaintRegistry.NotASeller.selector, stranger));
        complaints.fileComplaint(GTIN, LOT, 5, SPEC, signature, proof, PRICE, stranger, EVIDENCE);
    }

    /// @dev A licensed pharmacy that never received the batch cannot be named: it could not have sold the box,
    /// and an open complaint would block its bond.
    function test_RevertWhen_SellerNeverHeldBatch() public {
        address elsewhere = _pharmacyWithAFiling(unicode"别处药房");
        bytes32[] memory proof = proofOf(5);
        bytes memory signature = possessionFor(consumer, 5);
        IComplaintRegistry.ComplaintKind[3] memory kinds = [COUNTERFEIT, PRICE_ABOVE_CAP, SPEC];
        for (uint256 i; i < 3; ++i) {
            vm.prank(consumer);
            vm.expectRevert(
                abi.encodeWithSelector(IComplaintRegistry.SellerNeverHeldBatch.selector, batchId, elsewhere)
            );
            complaints.fileComplaint(GTIN, LOT, 5, kinds[i], signature, proof, PRICE, elsewhere, EVIDENCE);
        }
        assertEq(complaints.openComplaintsAgainst(elsewhere), 0);
    }

    function test_RevertWhen_SellerNeverHeldBatch_ShipmentStillPending() public {
        address elsewhere = _pharmacyWithAFiling(unicode"别处药房");
        vm.prank(pharmacy);
        uint256 shipment = custody.ship(batchId, elsewhere, 1);
        bytes32[] memory proof = proofOf(5);
        bytes memory signature = possessionFor(consumer, 5);
        vm.prank(consumer);
        vm.expectRevert(abi.encodeWithSelector(IComplaintRegistry.SellerNeverHeldBatch.selector, batchId, elsewhere));
        complaints.fileComplaint(GTIN, LOT, 5, COUNTERFEIT, signature, proof, PRICE, elsewhere, EVIDENCE);
        // Once it accepts the boxes it has held the batch, and stays so after selling them all.
        vm.prank(elsewhere);
        custody.acceptShipment(shipment);
        vm.prank(elsewhere);
        custody.decommission(batchId, 9);
        assertEq(custody.balanceOf(batchId, elsewhere), 0);
        assertEq(complaints.complaint(fileAs(consumer, COUNTERFEIT, 5, elsewhere)).respondent, elsewhere);
    }

    function test_RevertWhen_SellerNeverHeldBatch_HeldAnotherBatchOnly() public {
        // The distributor and pharmacy hold 240315A, not 240316B.
        bytes32 other = releasedCommittedBatch("240316B");
        bytes32[] memory proof = proofOf(5);
        bytes memory signature = Possession.sign(secretOf(5), complaints.possessionDigest(other, 5, consumer));
        vm.prank(consumer);
        vm.expectRevert(abi.encodeWithSelector(IComplaintRegistry.SellerNeverHeldBatch.selector, other, pharmacy));
        complaints.fileComplaint(GTIN, "240316B", 5, PRICE_ABOVE_CAP, signature, proof, PRICE, pharmacy, EVIDENCE);
    }

    function test_RevertWhen_InvalidPossessionProof_WrongSecret() public {
        bytes32[] memory proof = proofOf(5);
        bytes memory signature = Possession.sign(secretOf(6), complaints.possessionDigest(batchId, 5, consumer));
        vm.prank(consumer);
        vm.expectRevert(abi.encodeWithSelector(IComplaintRegistry.InvalidPossessionProof.selector, batchId, 5));
        complaints.fileComplaint(GTIN, LOT, 5, SPEC, signature, proof, PRICE, pharmacy, EVIDENCE);
    }

    function test_RevertWhen_InvalidPossessionProof_ProofOfAnotherBox() public {
        bytes32[] memory proof = proofOf(6);
        bytes memory signature = possessionFor(consumer, 5);
        vm.prank(consumer);
        vm.expectRevert(abi.encodeWithSelector(IComplaintRegistry.InvalidPossessionProof.selector, batchId, 5));
        complaints.fileComplaint(GTIN, LOT, 5, SPEC, signature, proof, PRICE, pharmacy, EVIDENCE);
    }

    function test_RevertWhen_InvalidPossessionProof_RightKeyOfAnotherSerial() public {
        // Box 6's key signing for serial 5, with box 6's proof: the serial is part of the leaf.
        bytes32[] memory proof = proofOf(6);
        bytes memory signature = Possession.sign(secretOf(6), complaints.possessionDigest(batchId, 5, consumer));
        vm.prank(consumer);
        vm.expectRevert(abi.encodeWithSelector(IComplaintRegistry.InvalidPossessionProof.selector, batchId, 5));
        complaints.fileComplaint(GTIN, LOT, 5, SPEC, signature, proof, PRICE, pharmacy, EVIDENCE);
    }

    function test_RevertWhen_InvalidPossessionProof_SignedForAnotherSerial() public {
        // Box 5's own key, but over serial 6's digest: the signature names the box it is for.
        bytes32[] memory proof = proofOf(5);
        bytes memory signature = Possession.sign(secretOf(5), complaints.possessionDigest(batchId, 6, consumer));
        vm.prank(consumer);
        vm.expectRevert(abi.encodeWithSelector(IComplaintRegistry.InvalidPossessionProof.selector, batchId, 5));
        complaints.fileComplaint(GTIN, LOT, 5, SPEC, signature, proof, PRICE, pharmacy, EVIDENCE);
    }

    function test_RevertWhen_InvalidPossessionProof_EmptyProof() public {
        bytes32[] memory none = new bytes32[](0);
        bytes memory signature = possessionFor(consumer, 5);
        vm.prank(consumer);
        vm.expectRevert(abi.encodeWithSelector(IComplaintRegistry.InvalidPossessionProof.selector, batchId, 5));
        complaints.fileComplaint(GTIN, LOT, 5, SPEC, signature, none, PRICE, pharmacy, EVIDENCE);
    }

    function test_RevertWhen_InvalidPossessionProof_SignatureMalformed() public {
        bytes32[] memory proof = proofOf(5);
        bytes memory good = possessionFor(consumer, 5);
        bytes[3] memory malformed = [bytes(""), new bytes(65), bytes.concat(good, hex"00")];
        for (uint256 i; i < 3; ++i) {
            vm.prank(consumer);
            vm.expectRevert(abi.encodeWithSelector(IComplaintRegistry.InvalidPossessionProof.selector, batchId, 5));
            complaints.fileComplaint(GTIN, LOT, 5, SPEC, malformed[i], proof, PRICE, pharmacy, EVIDENCE);
        }
    }

    /// @dev The front-run: the consumer's filing waits in a public mempool, and a copier sends the very same
    /// calldata (signature, proof, seller) from its own address to be first and take the compensation.
    /// Under the secret-in-calldata design this filing succeeded and bound the box to the copier
    /// (PossessionClaimedByAnother then refused the consumer); the signature names its complainant.
    function test_RevertWhen_FrontRun_CopierReplaysThePendingFiling() public {
        bytes memory pending = abi.encodeCall(
            complaints.fileComplaint,
            (GTIN, LOT, 5, COUNTERFEIT, possessionFor(consumer, 5), proofOf(5), PRICE, pharmacy, EVIDENCE)
        );
        address copier = makeAddr("copier");
        vm.prank(copier);
        (bool ok, bytes memory reason) = address(complaints).call(pending);
        assertFalse(ok, "the copier filed with the consumer's possession proof");
        assertEq(
            keccak256(reason),
            keccak256(abi.encodeWithSelector(IComplaintRegistry.InvalidPossessionProof.selector, batchId, 5))
        );
        // The consumer's own transaction, mined after, still files, and the box is the consumer's.
        vm.prank(consumer);
        (ok,) = address(complaints).call(pending);
        assertTrue(ok);
        assertEq(complaints.complaint(1).complainant, consumer);
    }

    function testFuzz_RevertWhen_FrontRun_AnyCopierAnyBox(address copier, uint64 serial) public {
        vm.assume(copier != consumer && copier != address(0) && copier != address(forwarder));
        serial = uint64(bound(serial, 1, BOXES));
        bytes32[] memory proof = proofOf(serial);
        bytes memory signature = possessionFor(consumer, serial);
        vm.prank(copier);
        vm.expectRevert(abi.encodeWithSelector(IComplaintRegistry.InvalidPossessionProof.selector, batchId, serial));
        complaints.fileComplaint(GTIN, LOT, serial, SPEC, signature, proof, PRICE, address(0), EVIDENCE);
        vm.prank(consumer);
        complaints.fileComplaint(GTIN, LOT, serial, SPEC, signature, proof, PRICE, address(0), EVIDENCE);
        assertEq(complaints.openComplaintOf(batchId, serial), 1);
    }

    function testFuzz_RevertWhen_SecretIsWrong(bytes16 secret) public {
        vm.assume(secret != secretOf(5));
        bytes32[] memory proof = proofOf(5);
        bytes memory signature = Possession.sign(secret, complaints.possessionDigest(batchId, 5, consumer));
        vm.prank(consumer);
        vm.expectRevert(abi.encodeWithSelector(IComplaintRegistry.InvalidPossessionProof.selector, batchId, 5));
        complaints.fileComplaint(GTIN, LOT, 5, SPEC, signature, proof, PRICE, pharmacy, EVIDENCE);
    }

    function test_PossessionDigest_IsEip712OverComplainantBatchAndSerial() public view {
        bytes32 domain = keccak256(
            abi.encode(
                keccak256("EIP712Domain(string name,string version,uint256 chainId,address verifyingContract)"),
                keccak256("MedProofComplaintRegistry"),
                keccak256("1"),
                block.chainid,
                address(complaints)
            )
        );
        bytes32 structHash = keccak256(
            abi.encode(keccak256("Possession(address complainant,bytes32 batchId,uint64 serial)"), consumer, batchId, 5)
        );
        assertEq(
            complaints.possessionDigest(batchId, 5, consumer),
            keccak256(abi.encodePacked("\x19\x01", domain, structHash))
        );
    }

    function test_RevertWhen_SerialNotInBatch() public {
        bytes32[] memory proof = proofOf(5);
        bytes memory signature = possessionFor(consumer, 5);
        vm.prank(consumer);
        vm.expectRevert(abi.encodeWithSelector(IComplaintRegistry.SerialNotInBatch.selector, batchId, 0));
        complaints.fileComplaint(GTIN, LOT, 0, SPEC, signature, proof, PRICE, pharmacy, EVIDENCE);
        vm.prank(consumer);
        vm.expectRevert(abi.encodeWithSelector(IComplaintRegistry.SerialNotInBatch.selector, batchId, BOXES + 1));
        complaints.fileComplaint(GTIN, LOT, BOXES + 1, SPEC, signature, proof, PRICE, pharmacy, EVIDENCE);
    }

    function test_RevertWhen_PossessionNotCommitted() public {
        IBatchRegistry.BatchInput memory input = batchInput("NOROOT", 800, lotId, 1000);
        input.possessionRoot = bytes32(0);
        bytes32 id = register(input);
        bytes32[] memory proof = proofOf(5);
        bytes memory signature = possessionFor(consumer, 5);
        vm.prank(consumer);
        vm.expectRevert(abi.encodeWithSelector(IComplaintRegistry.PossessionNotCommitted.selector, id));
        complaints.fileComplaint(GTIN, "NOROOT", 5, SPEC, signature, proof, PRICE, pharmacy, EVIDENCE);
    }

    function test_RevertWhen_FileComplaintAboutUnknownBatch() public {
        bytes32[] memory proof = proofOf(5);
        bytes memory signature = possessionFor(consumer, 5);
        bytes32 unknown = keccak256(abi.encode(GTIN, "NOPE"));
        vm.prank(consumer);
        vm.expectRevert(abi.encodeWithSelector(IBatchRegistry.BatchNotFound.selector, unknown));
        complaints.fileComplaint(GTIN, "NOPE", 5, SPEC, signature, proof, PRICE, pharmacy, EVIDENCE);
    }

    function test_RevertWhen_PricePaidTooHigh() public {
        bytes32[] memory proof = proofOf(5);
        bytes memory signature = possessionFor(consumer, 5);
        uint64 price = uint64(type(uint32).max) + 1;
        vm.prank(consumer);
        vm.expectRevert(abi.encodeWithSelector(IComplaintRegistry.PricePaidTooHigh.selector, price));
        complaints.fileComplaint(GTIN, LOT, 5, SPEC, signature, proof, price, pharmacy, EVIDENCE);
    }

    function test_RevertWhen_ComplaintAlreadyOpen() public {
        uint256 id = fileSpec(5);
        bytes32[] memory proof = proofOf(5);
        bytes memory signature = possessionFor(consumer, 5);
        vm.prank(consumer);
        vm.expectRevert(abi.encodeWithSelector(IComplaintRegistry.ComplaintAlreadyOpen.selector, batchId, 5, id));
        complaints.fileComplaint(GTIN, LOT, 5, COUNTERFEIT, signature, proof, PRICE, pharmacy, EVIDENCE);
        // Answered is still open.
        vm.prank(manufacturer);
        complaints.answer(id, keccak256("answer"));
        vm.prank(consumer);
        vm.expectRevert(abi.encodeWithSelector(IComplaintRegistry.ComplaintAlreadyOpen.selector, batchId, 5, id));
        complaints.fileComplaint(GTIN, LOT, 5, SPEC, signature, proof, PRICE, pharmacy, EVIDENCE);
    }

    function test_FileComplaint_OtherSerialsWhileOneIsOpen() public {
        fileSpec(5);
        assertEq(fileSpec(6), 2);
        assertEq(fileAs(consumer2, COUNTERFEIT, 7, pharmacy), 3);
        assertEq(complaints.openComplaintsAgainst(manufacturer), 2);
    }

    function test_FileComplaint_AgainAfterDismissalBySameComplainant() public {
        uint256 first = fileSpec(5);
        vm.warp(T0 + 8 days);
        ruleAs(first, false);
        assertEq(complaints.openComplaintOf(batchId, 5), 0);
        uint256 second = fileSpec(5);
        assertEq(second, 2);
        assertEq(complaints.openComplaintOf(batchId, 5), 2);
    }

    function test_RevertWhen_PossessionClaimedByAnother() public {
        uint256 first = fileSpec(5);
        vm.warp(T0 + 8 days);
        ruleAs(first, false);
        // One box, one complainant: someone who later learns the box's secret (and so can sign for itself)
        // may not file about it.
        bytes32[] memory proof = proofOf(5);
        bytes memory signature = possessionFor(consumer2, 5);
        vm.prank(consumer2);
        vm.expectRevert(
            abi.encodeWithSelector(IComplaintRegistry.PossessionClaimedByAnother.selector, batchId, 5, consumer)
        );
        complaints.fileComplaint(GTIN, LOT, 5, SPEC, signature, proof, PRICE, pharmacy, EVIDENCE);
    }

    function test_RevertWhen_SerialAlreadyCompensated() public {
        upheldSpec(5);
        bytes32[] memory proof = proofOf(5);
        bytes memory signature = possessionFor(consumer, 5);
        vm.prank(consumer);
        vm.expectRevert(abi.encodeWithSelector(IComplaintRegistry.SerialAlreadyCompensated.selector, batchId, 5));
        complaints.fileComplaint(GTIN, LOT, 5, COUNTERFEIT, signature, proof, PRICE, pharmacy, EVIDENCE);
    }

    // ---------------------------------------------------------------- answer

    function test_Answer_ByRespondentWithinWindow() public {
        uint256 id = fileSpec(5);
        vm.warp(T0 + 7 days); // the deadline itself is still in time
        vm.expectEmit();
        emit IComplaintRegistry.ComplaintAnswered(id, manufacturer, keccak256("answer"));
        vm.prank(manufacturer);
        complaints.answer(id, keccak256("answer"));
        assertEq(uint256(complaints.complaint(id).status), uint256(IComplaintRegistry.ComplaintStatus.Answered));
    }

    function test_Answer_BySellerOfACounterfeit() public {
        uint256 id = fileAs(consumer, COUNTERFEIT, 5, pharmacy);
        vm.prank(pharmacy);
        complaints.answer(id, keccak256("invoice"));
        assertEq(uint256(complaints.complaint(id).status), uint256(IComplaintRegistry.ComplaintStatus.Answered));
    }

    function test_RevertWhen_NotRespondent() public {
        uint256 id = fileSpec(5);
        address[4] memory others = [consumer, pharmacy, inspector, stranger];
        for (uint256 i; i < others.length; ++i) {
            vm.prank(others[i]);
            vm.expectRevert(abi.encodeWithSelector(IComplaintRegistry.NotRespondent.selector, id, others[i]));
            complaints.answer(id, keccak256("answer"));
        }
    }

    function test_RevertWhen_AnswerWindowClosed() public {
        uint256 id = fileSpec(5);
        vm.warp(T0 + 7 days + 1);
        vm.prank(manufacturer);
        vm.expectRevert(abi.encodeWithSelector(IComplaintRegistry.AnswerWindowClosed.selector, id, T0 + 7 days));
        complaints.answer(id, keccak256("late"));
    }

    function test_Answer_WindowIsTheOneInForce() public {
        uint256 id = fileSpec(5);
        IComplaintRegistry.Terms memory t = _terms();
        t.answerWindow = 14 days;
        _setTerms(t);
        assertEq(uint256(complaints.complaint(id).answerDeadline), T0 + 14 days);
        vm.warp(T0 + 10 days);
        vm.prank(manufacturer);
        complaints.answer(id, keccak256("answer"));
    }

    function test_RevertWhen_ComplaintAlreadyAnswered() public {
        uint256 id = fileSpec(5);
        vm.prank(manufacturer);
        complaints.answer(id, keccak256("answer"));
        vm.prank(manufacturer);
        vm.expectRevert(abi.encodeWithSelector(IComplaintRegistry.ComplaintAlreadyAnswered.selector, id));
        complaints.answer(id, keccak256("again"));
    }

    function test_RevertWhen_AnswerAfterRuling() public {
        uint256 id = fileSpec(5);
        vm.prank(manufacturer);
        complaints.answer(id, keccak256("answer"));
        ruleAs(id, false);
        vm.prank(manufacturer);
        vm.expectRevert(abi.encodeWithSelector(IComplaintRegistry.ComplaintAlreadyRuled.selector, id));
        complaints.answer(id, keccak256("again"));
    }

    function test_RevertWhen_ComplaintNotFound() public {
        fileSpec(5);
        uint256[2] memory ids = [uint256(0), 2];
        for (uint256 i; i < 2; ++i) {
            bytes memory err = abi.encodeWithSelector(IComplaintRegistry.ComplaintNotFound.selector, ids[i]);
            vm.prank(manufacturer);
            vm.expectRevert(err);
            complaints.answer(ids[i], bytes32(0));
            vm.prank(inspector);
            vm.expectRevert(err);
            complaints.rule(ids[i], true, bytes32(0));
            vm.prank(lab);
            vm.expectRevert(err);
            complaints.ruleByRetest(ids[i], 0, false);
            vm.expectRevert(err);
            complaints.complaint(ids[i]);
        }
    }

    // ---------------------------------------------------------------- rule

    function test_Rule_UpheldCreditsCompensationAndFineFromTheBond() public {
        uint256 id = fileSpec(5);
        vm.prank(manufacturer);
        complaints.answer(id, keccak256("answer"));
        uint256 compensation = compensationOf(PRICE); // 25 yuan × 4 < 500 yuan: the floor
        assertEq(compensation, MIN_COMPENSATION);
        vm.expectEmit();
        emit IComplaintRegistry.ComplaintRuled(id, true, inspector, keccak256("ruling"), false);
        vm.expectEmit();
        emit IComplaintRegistry.PenaltyApplied(id, manufacturer, consumer, compensation, FINE, 0);
        ruleAs(id, true);

        IComplaintRegistry.Complaint memory c = complaints.complaint(id);
        assertEq(uint256(c.status), uint256(IComplaintRegistry.ComplaintStatus.Upheld));
        assertEq(uint256(c.ruledAt), T0);
        assertEq(uint256(c.compensationFen), compensation);
        assertEq(uint256(c.fineFen), FINE);
        assertEq(uint256(c.shortfallFen), 0);
        assertEq(complaints.withdrawable(consumer), compensation);
        assertEq(complaints.withdrawable(treasury), FINE);
        assertEq(complaints.bondOf(manufacturer), 2 * MANUFACTURER_MIN - compensation - FINE);
        assertEq(complaints.openComplaintOf(batchId, 5), 0);
        assertEq(complaints.openComplaintsAgainst(manufacturer), 0);
        assertEq(complaints.upheldComplaints(batchId), 1);
        assertFalse(complaints.isBondSuspended(manufacturer));
    }

    function test_Rule_CompensationIsFourTimesThePriceAboveTheFloor() public {
        bytes32[] memory proof = proofOf(5);
        bytes memory signature = possessionFor(consumer, 5);
        vm.prank(consumer);
        uint256 id = complaints.fileComplaint(GTIN, LOT, 5, SPEC, signature, proof, 30_000, pharmacy, EVIDENCE);
        vm.warp(T0 + 8 days);
        ruleAs(id, true);
        assertEq(uint256(complaints.complaint(id).compensationFen), 120_000);
        assertEq(complaints.withdrawable(consumer), 120_000);
    }

    function test_Rule_DismissedPaysNothingAndFreesTheSerial() public {
        uint256 id = fileSpec(5);
        vm.prank(manufacturer);
        complaints.answer(id, keccak256("answer"));
        vm.expectEmit();
        emit IComplaintRegistry.ComplaintRuled(id, false, inspector, keccak256("ruling"), false);
        ruleAs(id, false);
        IComplaintRegistry.Complaint memory c = complaints.complaint(id);
        assertEq(uint256(c.status), uint256(IComplaintRegistry.ComplaintStatus.Dismissed));
        assertEq(uint256(c.compensationFen), 0);
        assertEq(complaints.withdrawable(consumer), 0);
        assertEq(complaints.withdrawable(treasury), 0);
        assertEq(complaints.bondOf(manufacturer), 2 * MANUFACTURER_MIN);
        assertEq(complaints.openComplaintOf(batchId, 5), 0);
        assertEq(complaints.upheldComplaints(batchId), 0);
    }

    function test_Rule_UnansweredAfterTheWindow() public {
        uint256 id = fileSpec(5);
        vm.warp(T0 + 7 days + 1);
        ruleAs(id, true);
        assertEq(uint256(complaints.complaint(id).status), uint256(IComplaintRegistry.ComplaintStatus.Upheld));
    }

    function test_RevertWhen_AnswerWindowOpen() public {
        uint256 id = fileSpec(5);
        vm.warp(T0 + 7 days);
        vm.prank(inspector);
        vm.expectRevert(abi.encodeWithSelector(IComplaintRegistry.AnswerWindowOpen.selector, id, T0 + 7 days));
        complaints.rule(id, true, bytes32(0));
    }

    function test_RevertWhen_ComplaintAlreadyRuled() public {
        uint256 id = upheldSpec(5);
        vm.prank(inspector);
        vm.expectRevert(abi.encodeWithSelector(IComplaintRegistry.ComplaintAlreadyRuled.selector, id));
        complaints.rule(id, false, bytes32(0));
        uint256 index = postRetest(true);
        vm.prank(lab);
        vm.expectRevert(abi.encodeWithSelector(IComplaintRegistry.ComplaintAlreadyRuled.selector, id));
        complaints.ruleByRetest(id, index, false);
        // The payout happened once.
        assertEq(complaints.withdrawable(consumer), MIN_COMPENSATION);
    }

    function test_RevertWhen_CallerLacksRole_Rule() public {
        uint256 id = fileSpec(5);
        vm.warp(T0 + 8 days);
        address[4] memory others = [stranger, lab, manufacturer, consumer];
        for (uint256 i; i < others.length; ++i) {
            vm.prank(others[i]);
            vm.expectRevert(_lacksRole(INSPECTOR_ROLE, others[i]));
            complaints.rule(id, true, bytes32(0));
        }
    }

    function test_RevertWhen_SuspendedInspectorRules() public {
        uint256 id = fileSpec(5);
        vm.warp(T0 + 8 days);
        vm.prank(regulator);
        access.suspend(inspector, "x");
        vm.prank(inspector);
        vm.expectRevert(abi.encodeWithSelector(IAccessRegistry.ParticipantIsSuspended.selector, inspector));
        complaints.rule(id, true, bytes32(0));
    }

    function test_Rule_CounterfeitPenalisesTheSeller() public {
        uint256 id = fileAs(consumer, COUNTERFEIT, 5, pharmacy);
        vm.warp(T0 + 8 days);
        ruleAs(id, true);
        assertEq(complaints.bondOf(pharmacy), 2 * PHARMACY_MIN - MIN_COMPENSATION - FINE);
        assertEq(complaints.bondOf(manufacturer), 2 * MANUFACTURER_MIN);
        assertEq(complaints.withdrawable(consumer), MIN_COMPENSATION);
    }

    function test_Rule_BondLeftBelowMinimumSuspendsTheRespondent() public {
        vm.prank(pharmacy);
        complaints.withdrawBond(PHARMACY_MIN); // exactly at the minimum
        uint256 id = fileAs(consumer, COUNTERFEIT, 5, pharmacy);
        vm.warp(T0 + 8 days);
        vm.expectEmit(address(access));
        emit IAccessRegistry.ParticipantSuspendedForBond(pharmacy);
        ruleAs(id, true);
        assertEq(complaints.bondOf(pharmacy), PHARMACY_MIN - MIN_COMPENSATION - FINE);
        assertEq(uint256(complaints.complaint(id).shortfallFen), 0);
        assertTrue(complaints.isBondSuspended(pharmacy));
        assertEq(uint256(access.participant(pharmacy).bondSuspendedAt), T0 + 8 days);
        assertEq(uint256(access.participant(pharmacy).suspendedAt), 0);
        assertFalse(access.isActive(pharmacy));
    }

    function test_Rule_RegulatorReinstateDoesNotLiftABondSuspension() public {
        IComplaintRegistry.Terms memory t = _terms();
        t.minimumCompensationFen = 900_000; // with the fine, exactly the pharmacy's bond of 1,000,000
        _setTerms(t);
        uint256 id = fileAs(consumer, COUNTERFEIT, 5, pharmacy);
        vm.warp(T0 + 8 days);
        ruleAs(id, true);
        IComplaintRegistry.Complaint memory c = complaints.complaint(id);
        assertEq(uint256(c.compensationFen), 900_000);
        assertEq(uint256(c.shortfallFen), 0);
        assertEq(complaints.bondOf(pharmacy), 0);
        assertTrue(complaints.isBondSuspended(pharmacy));
        vm.prank(regulator);
        vm.expectRevert(abi.encodeWithSelector(IAccessRegistry.ParticipantNotSuspended.selector, pharmacy));
        access.reinstate(pharmacy);
        assertFalse(access.isActive(pharmacy));
    }

    function test_Rule_ShortfallRecordedWhenTheBondCannotPay() public {
        vm.prank(pharmacy);
        complaints.withdrawBond(PHARMACY_MIN); // 500,000 left
        IComplaintRegistry.Terms memory t = _terms();
        t.minimumCompensationFen = 450_000;
        _setTerms(t);
        uint256 id = fileAs(consumer, COUNTERFEIT, 5, pharmacy);
        vm.warp(T0 + 8 days);
        vm.expectEmit();
        emit IComplaintRegistry.PenaltyShortfall(id, pharmacy, 50_000);
        ruleAs(id, true);
        IComplaintRegistry.Complaint memory c = complaints.complaint(id);
        assertEq(uint256(c.shortfallFen), 50_000);
        assertEq(complaints.withdrawable(consumer), 450_000); // compensation first
        assertEq(complaints.withdrawable(treasury), 50_000); // what was left of the fine
        assertEq(complaints.bondOf(pharmacy), 0);
        assertTrue(complaints.isBondSuspended(pharmacy));
    }

    function test_Rule_ShortfallSuspendsEvenWithoutAMinimum() public {
        vm.prank(regulator);
        complaints.setBondMinimum(PHARMACY_ROLE, 0);
        vm.prank(pharmacy);
        complaints.withdrawBond(2 * PHARMACY_MIN);
        uint256 id = fileAs(consumer, COUNTERFEIT, 5, pharmacy);
        vm.warp(T0 + 8 days);
        ruleAs(id, true);
        assertEq(uint256(complaints.complaint(id).shortfallFen), MIN_COMPENSATION + FINE);
        assertTrue(complaints.isBondSuspended(pharmacy));
        bond(pharmacy, 1); // any top-up meets a zero minimum
        assertFalse(complaints.isBondSuspended(pharmacy));
    }

    function test_SuspendedForBond_CanRegisterShipOrSellNothing() public {
        vm.prank(manufacturer);
        complaints.withdrawBond(MANUFACTURER_MIN);
        upheldSpec(5);
        assertTrue(complaints.isBondSuspended(manufacturer));

        IBatchRegistry.BatchInput memory input = batchInput("240316A", 800, lotId, 1000);
        vm.prank(manufacturer);
        vm.expectRevert(abi.encodeWithSelector(IAccessRegistry.ParticipantIsSuspended.selector, manufacturer));
        batches.registerBatch(input);
        vm.prank(manufacturer);
        vm.expectRevert(abi.encodeWithSelector(IAccessRegistry.ParticipantIsSuspended.selector, manufacturer));
        custody.ship(batchId, pharmacy, 1);
        // Its bond is locked until topped up.
        vm.prank(manufacturer);
        vm.expectRevert(abi.encodeWithSelector(IComplaintRegistry.PartySuspendedForBond.selector, manufacturer));
        complaints.withdrawBond(1);
    }

    function test_PostBond_TopUpToTheMinimumReinstates() public {
        vm.prank(pharmacy);
        complaints.withdrawBond(PHARMACY_MIN);
        uint256 id = fileAs(consumer, COUNTERFEIT, 5, pharmacy);
        vm.warp(T0 + 8 days);
        ruleAs(id, true);
        uint256 missing = MIN_COMPENSATION + FINE;

        bond(pharmacy, missing - 1); // not enough: still suspended
        assertTrue(complaints.isBondSuspended(pharmacy));
        assertFalse(access.isActive(pharmacy));

        mintAndApprove(pharmacy, 1);
        vm.expectEmit(address(access));
        emit IAccessRegistry.ParticipantReinstatedAfterBond(pharmacy);
        vm.prank(pharmacy);
        complaints.postBond(1);
        assertFalse(complaints.isBondSuspended(pharmacy));
        assertEq(uint256(access.participant(pharmacy).bondSuspendedAt), 0);
        assertTrue(access.isActive(pharmacy));
        assertEq(complaints.bondOf(pharmacy), PHARMACY_MIN);
    }

    function test_BondSuspension_TopUpDoesNotLiftARegulatorSuspension() public {
        vm.prank(pharmacy);
        complaints.withdrawBond(PHARMACY_MIN);
        uint256 id = fileAs(consumer, COUNTERFEIT, 5, pharmacy);
        vm.warp(T0 + 8 days);
        ruleAs(id, true);
        vm.prank(regulator);
        access.suspend(pharmacy, unicode"售假");
        bond(pharmacy, MIN_COMPENSATION + FINE);
        assertFalse(complaints.isBondSuspended(pharmacy));
        IAccessRegistry.Participant memory p = access.participant(pharmacy);
        assertEq(uint256(p.bondSuspendedAt), 0);
        assertEq(uint256(p.suspendedAt), T0 + 8 days);
        assertFalse(access.isActive(pharmacy));
        vm.prank(regulator);
        access.reinstate(pharmacy);
        assertTrue(access.isActive(pharmacy));
    }

    function test_Rule_ThirdUpheldComplaintPutsTheBatchUnderInvestigation() public {
        upheldSpec(1);
        upheldSpec(2);
        assertFalse(complaints.underInvestigation(batchId));
        uint256 id = fileSpec(3);
        vm.warp(block.timestamp + 7 days + 1);
        vm.expectEmit();
        emit IComplaintRegistry.BatchPlacedUnderInvestigation(batchId, 3);
        ruleAs(id, true);
        assertTrue(complaints.underInvestigation(batchId));
        assertEq(complaints.upheldComplaints(batchId), 3);
        // Dismissals do not count.
        uint256 dismissed = fileSpec(4);
        vm.warp(block.timestamp + 7 days + 1);
        ruleAs(dismissed, false);
        assertEq(complaints.upheldComplaints(batchId), 3);
    }

    function test_Rule_InvestigationThresholdIsConfigurable() public {
        IComplaintRegistry.Terms memory t = _terms();
        t.investigationThreshold = 1;
        _setTerms(t);
        upheldSpec(1);
        assertTrue(complaints.underInvestigation(batchId));
    }

    // ---------------------------------------------------------------- retest

    function test_RuleByRetest_FailingRetestUpholds() public {
        uint256 id = fileSpec(5);
        uint256 index = postRetest(false);
        vm.expectEmit();
        emit IComplaintRegistry.ComplaintRuled(id, true, lab, keccak256("retest report"), true);
        vm.prank(lab);
        complaints.ruleByRetest(id, index, false);
        IComplaintRegistry.Complaint memory c = complaints.complaint(id);
        assertEq(uint256(c.status), uint256(IComplaintRegistry.ComplaintStatus.Upheld));
        assertTrue(c.byRetest);
        assertFalse(c.tracedToLot);
        assertEq(c.respondent, manufacturer);
        assertEq(complaints.bondOf(manufacturer), 2 * MANUFACTURER_MIN - MIN_COMPENSATION - FINE);
        assertEq(complaints.withdrawable(consumer), MIN_COMPENSATION);
    }

    function test_RuleByRetest_PassingRetestDismisses() public {
        uint256 id = fileSpec(5);
        uint256 index = postRetest(true);
        vm.prank(lab);
        complaints.ruleByRetest(id, index, false);
        IComplaintRegistry.Complaint memory c = complaints.complaint(id);
        assertEq(uint256(c.status), uint256(IComplaintRegistry.ComplaintStatus.Dismissed));
        assertTrue(c.byRetest);
        assertEq(complaints.withdrawable(consumer), 0);
        assertEq(complaints.bondOf(manufacturer), 2 * MANUFACTURER_MIN);
        assertEq(complaints.openComplaintsAgainst(manufacturer), 0);
    }

    function test_RuleByRetest_TracedToTheLotMakesTheSupplierPay() public {
        uint256 id = fileSpec(5);
        uint256 index = postRetest(false);
        vm.expectEmit();
        emit IComplaintRegistry.ResponsibilityTracedToLot(id, lotId, supplier);
        vm.prank(lab);
        complaints.ruleByRetest(id, index, true);
        IComplaintRegistry.Complaint memory c = complaints.complaint(id);
        assertTrue(c.tracedToLot);
        assertEq(c.respondent, supplier);
        assertEq(complaints.bondOf(supplier), 2 * SUPPLIER_MIN - MIN_COMPENSATION - FINE);
        assertEq(complaints.bondOf(manufacturer), 2 * MANUFACTURER_MIN);
        assertEq(complaints.openComplaintsAgainst(manufacturer), 0);
        assertEq(complaints.openComplaintsAgainst(supplier), 0);
    }

    function test_RuleByRetest_TracingIgnoredWhenTheRetestPasses() public {
        uint256 id = fileSpec(5);
        uint256 index = postRetest(true);
        vm.prank(lab);
        complaints.ruleByRetest(id, index, true);
        IComplaintRegistry.Complaint memory c = complaints.complaint(id);
        assertFalse(c.tracedToLot);
        assertEq(c.respondent, manufacturer);
    }

    function test_RuleByRetest_AnsweredOrNotWithinTheWindow() public {
        uint256 id = fileSpec(5);
        vm.prank(manufacturer);
        complaints.answer(id, keccak256("answer"));
        uint256 other = fileSpec(6);
        uint256 index = postRetest(false);
        vm.startPrank(lab);
        complaints.ruleByRetest(id, index, false);
        complaints.ruleByRetest(other, index, false); // one retest serves every earlier complaint
        vm.stopPrank();
        assertEq(complaints.upheldComplaints(batchId), 2);
    }

    function test_RevertWhen_NotARetest() public {
        uint256 id = fileSpec(5);
        vm.prank(lab);
        uint256 index = tests.postTestReport(batchId, failingResults(), bytes32(0), false);
        vm.prank(lab);
        vm.expectRevert(abi.encodeWithSelector(IComplaintRegistry.NotARetest.selector, batchId, index));
        complaints.ruleByRetest(id, index, false);
    }

    function test_RevertWhen_RetestBeforeComplaint() public {
        uint256 index = postRetest(false);
        vm.warp(T0 + 1);
        uint256 id = fileSpec(5);
        vm.prank(lab);
        vm.expectRevert(abi.encodeWithSelector(IComplaintRegistry.RetestBeforeComplaint.selector, id, T0, T0 + 1));
        complaints.ruleByRetest(id, index, false);
    }

    function test_RevertWhen_NotReportLab() public {
        address lab2 = makeAddr("lab 2");
        vm.prank(regulator);
        access.registerParticipant(lab2, LAB_ROLE, "lab 2", "", SUZHOU);
        uint256 id = fileSpec(5);
        uint256 index = postRetest(false);
        vm.prank(lab2);
        vm.expectRevert(abi.encodeWithSelector(IComplaintRegistry.NotReportLab.selector, batchId, index, lab2));
        complaints.ruleByRetest(id, index, false);
    }

    function test_RevertWhen_CallerLacksRole_RuleByRetest() public {
        uint256 id = fileSpec(5);
        uint256 index = postRetest(false);
        address[3] memory others = [inspector, stranger, manufacturer];
        for (uint256 i; i < others.length; ++i) {
            vm.prank(others[i]);
            vm.expectRevert(_lacksRole(LAB_ROLE, others[i]));
            complaints.ruleByRetest(id, index, false);
        }
    }

    function test_RevertWhen_RetestNotApplicable() public {
        uint256 id = fileAs(consumer, PRICE_ABOVE_CAP, 5, pharmacy);
        uint256 counterfeit = fileAs(consumer, COUNTERFEIT, 6, pharmacy);
        uint256 index = postRetest(false);
        vm.prank(lab);
        vm.expectRevert(abi.encodeWithSelector(IComplaintRegistry.RetestNotApplicable.selector, id, PRICE_ABOVE_CAP));
        complaints.ruleByRetest(id, index, false);
        vm.prank(lab);
        vm.expectRevert(
            abi.encodeWithSelector(IComplaintRegistry.RetestNotApplicable.selector, counterfeit, COUNTERFEIT)
        );
        complaints.ruleByRetest(counterfeit, index, false);
    }

    function test_RevertWhen_RetestReportNotFound() public {
        uint256 id = fileSpec(5);
        vm.prank(lab);
        vm.expectRevert(abi.encodeWithSelector(ITestRegistry.ReportNotFound.selector, batchId, 9));
        complaints.ruleByRetest(id, 9, false);
    }

    // ---------------------------------------------------------------- payouts

    function test_Withdraw_PaysTheComplainantOnce() public {
        upheldSpec(5);
        vm.expectEmit();
        emit IComplaintRegistry.PayoutWithdrawn(consumer, consumer, MIN_COMPENSATION);
        vm.prank(consumer);
        assertEq(complaints.withdraw(), MIN_COMPENSATION);
        assertEq(token.balanceOf(consumer), MIN_COMPENSATION);
        assertEq(complaints.withdrawable(consumer), 0);
        vm.prank(consumer);
        vm.expectRevert(abi.encodeWithSelector(IComplaintRegistry.NothingToWithdraw.selector, consumer));
        complaints.withdraw();
    }

    function test_Withdraw_TreasuryCollectsTheFines() public {
        upheldSpec(5);
        upheldSpec(6);
        vm.prank(treasury);
        complaints.withdraw();
        assertEq(token.balanceOf(treasury), 2 * FINE);
    }

    function test_WithdrawTo_SendsTheCompensationElsewhere() public {
        upheldSpec(5);
        vm.expectEmit();
        emit IComplaintRegistry.PayoutWithdrawn(consumer, stranger, MIN_COMPENSATION);
        vm.prank(consumer);
        complaints.withdrawTo(stranger);
        assertEq(token.balanceOf(stranger), MIN_COMPENSATION);
        assertEq(token.balanceOf(consumer), 0);
    }

    function test_RevertWhen_NothingToWithdraw() public {
        vm.prank(stranger);
        vm.expectRevert(abi.encodeWithSelector(IComplaintRegistry.NothingToWithdraw.selector, stranger));
        complaints.withdraw();
    }

    function test_RevertWhen_WithdrawToInvalidRecipient() public {
        upheldSpec(5);
        vm.prank(consumer);
        vm.expectRevert(abi.encodeWithSelector(ComplaintRegistry.InvalidRecipient.selector, address(0)));
        complaints.withdrawTo(address(0));
        vm.prank(consumer);
        vm.expectRevert(abi.encodeWithSelector(ComplaintRegistry.InvalidRecipient.selector, address(complaints)));
        complaints.withdrawTo(address(complaints));
    }

    function test_Fines_StayWithThePreviousTreasury() public {
        upheldSpec(5);
        vm.prank(regulator);
        complaints.setTreasury(stranger);
        upheldSpec(6);
        assertEq(complaints.withdrawable(treasury), FINE);
        assertEq(complaints.withdrawable(stranger), FINE);
    }

    // ---------------------------------------------------------------- views

    function test_ComplaintsOf_ListsTheBatchOldestFirst() public {
        bytes32 other = releasedCommittedBatch("240316B"); // same secrets, another batch
        fileSpec(5); // 1
        bytes32[] memory proof = proofOf(5);
        bytes memory signature = Possession.sign(secretOf(5), complaints.possessionDigest(other, 5, consumer));
        vm.prank(consumer);
        complaints.fileComplaint(GTIN, "240316B", 5, SPEC, signature, proof, PRICE, address(0), EVIDENCE); // 2
        fileAs(consumer2, COUNTERFEIT, 6, pharmacy); // 3
        IComplaintRegistry.Complaint[] memory list = complaints.complaintsOf(batchId);
        assertEq(list.length, 2);
        assertEq(list[0].id, 1);
        assertEq(list[1].id, 3);
        assertEq(list[1].respondent, pharmacy);
        list = complaints.complaintsOf(other);
        assertEq(list.length, 1);
        assertEq(list[0].id, 2);
        assertEq(complaints.complaintsOf(bytes32(0)).length, 0);
    }

    // ---------------------------------------------------------------- fuzz

    function testFuzz_Compensation_RefundPlusThreeTimesAtLeast500Yuan(uint64 price) public view {
        price = uint64(bound(price, 0, type(uint32).max));
        uint256 expected = uint256(price) * 4;
        if (expected < 50_000) expected = 50_000;
        assertEq(complaints.compensationFor(price), expected);
        assertGe(complaints.compensationFor(price), 50_000);
        if (price > 12_500) assertEq(complaints.compensationFor(price), uint256(price) * 4);
    }

    function testFuzz_Compensation_FollowsTheTerms(uint16 multiplier, uint64 floor, uint32 price) public {
        floor = uint64(bound(floor, 0, 2 ** 62));
        IComplaintRegistry.Terms memory t = _terms();
        t.punitiveMultiplier = multiplier;
        t.minimumCompensationFen = floor;
        _setTerms(t);
        uint256 fromPrice = uint256(price) * (1 + uint256(multiplier));
        assertEq(complaints.compensationFor(price), fromPrice > floor ? fromPrice : floor);
    }

    /// @dev Whatever the bond and the price: compensation is paid first, then the fine; nothing is created
    /// or lost; the shortfall is exactly what was not paid; and the seller is suspended exactly when its
    /// bond ends below the minimum or the penalty was not paid in full.
    function testFuzz_Penalty_SplitsTheBondWithoutCreatingOrLosingTokens(uint256 bondAmount, uint32 price) public {
        bondAmount = bound(bondAmount, 1, 5_000_000);
        vm.prank(pharmacy);
        complaints.withdrawBond(PHARMACY_MIN);
        vm.prank(regulator);
        complaints.setBondMinimum(PHARMACY_ROLE, 0);
        vm.prank(pharmacy);
        complaints.withdrawBond(PHARMACY_MIN);
        bond(pharmacy, bondAmount);
        vm.prank(regulator);
        complaints.setBondMinimum(PHARMACY_ROLE, PHARMACY_MIN);

        uint256 held = token.balanceOf(address(complaints));
        bytes32[] memory proof = proofOf(5);
        bytes memory signature = possessionFor(consumer, 5);
        vm.prank(consumer);
        uint256 id = complaints.fileComplaint(GTIN, LOT, 5, COUNTERFEIT, signature, proof, price, pharmacy, EVIDENCE);
        vm.warp(T0 + 8 days);
        ruleAs(id, true);

        uint256 compensation = compensationOf(price);
        uint256 paidCompensation = compensation < bondAmount ? compensation : bondAmount;
        uint256 paidFine = FINE < bondAmount - paidCompensation ? FINE : bondAmount - paidCompensation;
        assertEq(complaints.withdrawable(consumer), paidCompensation);
        assertEq(complaints.withdrawable(treasury), paidFine);
        uint256 left = bondAmount - paidCompensation - paidFine;
        assertEq(complaints.bondOf(pharmacy), left);
        IComplaintRegistry.Complaint memory c = complaints.complaint(id);
        assertEq(uint256(c.shortfallFen), compensation + FINE - paidCompensation - paidFine);
        assertEq(token.balanceOf(address(complaints)), held);
        assertEq(
            held,
            complaints.bondOf(manufacturer) + complaints.bondOf(supplier) + complaints.bondOf(distributor) + left
                + paidCompensation + paidFine
        );
        assertEq(complaints.isBondSuspended(pharmacy), left < PHARMACY_MIN || c.shortfallFen != 0);
        assertEq(access.isActive(pharmacy), !(left < PHARMACY_MIN || c.shortfallFen != 0));
    }

    function testFuzz_Bond_PostAndWithdraw(uint256 posted, uint256 taken) public {
        posted = bound(posted, 1, 1e30);
        uint256 before = complaints.bondOf(distributor);
        bond(distributor, posted);
        assertEq(complaints.bondOf(distributor), before + posted);
        taken = bound(taken, 1, before + posted);
        uint256 remaining = before + posted - taken;
        vm.prank(distributor);
        if (remaining < DISTRIBUTOR_MIN) {
            vm.expectRevert(
                abi.encodeWithSelector(
                    IComplaintRegistry.BondBelowMinimum.selector, distributor, remaining, DISTRIBUTOR_MIN
                )
            );
            complaints.withdrawBond(taken);
            return;
        }
        complaints.withdrawBond(taken);
        assertEq(complaints.bondOf(distributor), remaining);
        assertEq(token.balanceOf(distributor), taken);
    }

    // ---------------------------------------------------------------- system

    function test_RevertWhen_RegistryUsedBeforeDirectorySet() public {
        // A complaint registry whose access registry has no directory cannot look up batches.
        IAccessRegistry bare = IAccessRegistry(address(new AccessRegistryShim()));
        ComplaintRegistry registry = new ComplaintRegistry(bare, token, address(forwarder), treasury);
        bytes32[] memory proof = proofOf(5);
        vm.expectRevert(RegistryBase.DirectoryNotSet.selector);
        registry.fileComplaint(GTIN, LOT, 5, SPEC, "", proof, PRICE, address(0), EVIDENCE);
    }
}

/// @notice An access registry with an empty directory.
contract AccessRegistryShim {
    function directory() external pure returns (IAccessRegistry.Directory memory d) {}
}
