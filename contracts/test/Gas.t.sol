// SPDX-License-Identifier: MIT
pragma solidity ^0.8.24;

import {Fixture} from "./utils/Fixture.sol";
import {GasMeter} from "./utils/GasMeter.sol";
import {IBatchRegistry} from "../src/interfaces/IBatchRegistry.sol";
import {IMaterialRegistry} from "../src/interfaces/IMaterialRegistry.sol";
import {IPriceRegistry} from "../src/interfaces/IPriceRegistry.sol";

/// @notice Measures the execution gas of one call made by the account it is etched into. Being a nested
/// call, the figure never includes a transaction's base or calldata cost, even in forge's isolation mode
/// (which --gas-report uses), where calldata pricing (16 gas a non-zero byte, 4 a zero byte) would make a
/// million masks (3 non-zero bytes) cost 12 gas more than a thousand (2) before any code runs.
contract GasProbe {
    function measure(address target, bytes calldata data) external returns (uint256 used) {
        bytes memory copy = data;
        // Touch the target first: a transaction's own target is warm, so its cold-access cost is no part of
        // the operation's gas.
        require(target.code.length != 0);
        bool ok;
        uint256 before = gasleft();
        assembly ("memory-safe") {
            ok := call(gas(), target, 0, add(copy, 0x20), mload(copy), 0, 0)
        }
        used = before - gasleft();
        if (!ok) {
            assembly ("memory-safe") {
                let p := mload(0x40)
                returndatacopy(p, 0, returndatasize())
                revert(p, returndatasize())
            }
        }
    }
}

/// @notice Gas of each operation, one per test so that each runs against cold storage as a transaction
/// would; `scripts/gas-report.sh` runs this suite with --gas-report and collects the figures logged here.
/// Also the proof that registering a batch costs the same whatever its size.
/// @dev The logged figures are execution gas (a transaction adds 21,000 plus its calldata); forge's gas
/// report, which runs each call as its own transaction, shows them with those included.
contract GasTest is Fixture, GasMeter {
    uint256 internal bigLot;
    bytes32 internal released; // 2,000 boxes: 1,500 with the manufacturer, 400 distributor, 100 pharmacy
    bytes32 internal unsterilised;
    bytes32 internal untested;
    bytes32 internal testedAndHeld;
    uint256 internal pendingShipment;
    uint256 internal supplierLot;

    function setUp() public override {
        super.setUp();
        bigLot = manufacturerLot("MB-BIG-01", 50_000_000); // 50 t
        // A deployment's first batch, release, shipment and price record also cache a directory entry
        // (once per registry, for its lifetime); done here so the tests measure the steady state.
        released = releasedBatch("REL-0001");
        vm.prank(manufacturer);
        uint256 id = custody.ship(released, distributor, 500);
        vm.prank(distributor);
        custody.acceptShipment(id);
        vm.prank(distributor);
        id = custody.ship(released, pharmacy, 100);
        vm.prank(pharmacy);
        custody.acceptShipment(id);
        vm.prank(manufacturer);
        pendingShipment = custody.ship(released, distributor, 10);
        vm.prank(regulator);
        prices.setPriceCap(
            SURGICAL, SUZHOU, IPriceRegistry.Channel.Retail, 150, D2020, unicode"国市监竞争〔2020〕21号"
        );
        vm.prank(inspector);
        prices.recordPrice(pharmacy, released, SUZHOU, IPriceRegistry.Channel.Retail, 120, bytes32(0));

        supplierLot = registerLotAs(supplier, "MB-2403-08", 500_000);
        unsterilised = register(batchInput("UNS-0001", 100_000, bigLot, 100_000));
        untested = register(batchInput("UNT-0001", 100_000, bigLot, 100_000));
        sterilise(untested);
        testedAndHeld = register(batchInput("HLD-0001", 100_000, bigLot, 100_000));
        sterilise(testedAndHeld);
        postPassing(testedAndHeld);
    }

    // ---------------------------------------------------------------- measuring

    /// @dev Execution gas of registerBatch by the manufacturer, measured from inside the manufacturer's
    /// account (see GasProbe).
    function _registerGas(string memory lot, uint32 masks) internal returns (uint256) {
        if (manufacturer.code.length == 0) vm.etch(manufacturer, address(new GasProbe()).code);
        IBatchRegistry.BatchInput memory input = batchInput(lot, masks, bigLot, 800_000);
        return GasProbe(manufacturer).measure(address(batches), abi.encodeCall(batches.registerBatch, (input)));
    }

    // ---------------------------------------------------------------- O(1) registration

    function test_RegisterBatch_SameGasForThousandAndMillionMasks_Cold() public {
        // Two registrations from the same cold state, differing only in the mask count.
        uint256 snapshot = vm.snapshotState();
        uint256 thousand = _registerGas("LOT-1000", 1000);
        vm.revertToState(snapshot);
        uint256 million = _registerGas("LOT-MMMM", 1_000_000);
        emit log_named_uint("registerBatch, 1 material, 1,000 masks", thousand);
        emit log_named_uint("registerBatch, 1 material, 1,000,000 masks", million);
        assertEq(thousand, million, "gas differs with the number of masks");
        assertLe(thousand, 150_000, "registerBatch over its budget");
    }

    function test_RegisterBatch_SameGasForThousandAndMillionMasks_Warm() public {
        // After a first registration in the same transaction, the shared slots are warm; the two measured
        // registrations still differ only in the mask count.
        _registerGas("LOT-0000", 1000);
        uint256 thousand = _registerGas("LOT-1000", 1000);
        uint256 million = _registerGas("LOT-MMMM", 1_000_000);
        emit log_named_uint("registerBatch, warm, 1,000 masks", thousand);
        emit log_named_uint("registerBatch, warm, 1,000,000 masks", million);
        assertEq(thousand, million, "gas differs with the number of masks");
    }

    function testFuzz_RegisterBatch_GasIndependentOfMasks(uint32 a, uint32 b) public {
        a = uint32(bound(a, 1, 1_000_000));
        b = uint32(bound(b, 1, 1_000_000));
        uint256 snapshot = vm.snapshotState();
        uint256 ga = _registerGas("LOT-AAAA", a);
        vm.revertToState(snapshot);
        uint256 gb = _registerGas("LOT-BBBB", b);
        assertEq(ga, gb, "gas differs with the number of masks");
    }

    function test_Gas_RegisterBatch_EightMaterials() public {
        IBatchRegistry.BatchInput memory input = batchInput("LOT-8MAT", 1_000_000, bigLot, 100_000);
        IBatchRegistry.MaterialUse[] memory uses = new IBatchRegistry.MaterialUse[](8);
        for (uint256 i; i < 8; ++i) {
            uses[i] = IBatchRegistry.MaterialUse(uint64(bigLot), 100_000);
        }
        input.materials = uses;
        uint256 used = _gas(manufacturer, address(batches), abi.encodeCall(batches.registerBatch, (input)));
        emit log_named_uint("registerBatch, 8 materials", used);
    }

    // ---------------------------------------------------------------- one operation each

    function test_Gas_RegisterLot() public {
        bytes memory data =
            abi.encodeCall(materials.registerLot, ("MB-2403-09", "BFE99 25 g/m2", 500_000, keccak256("r")));
        emit log_named_uint("registerLot", _gas(supplier, address(materials), data));
    }

    function test_Gas_TransferLot() public {
        bytes memory data = abi.encodeCall(materials.transferLot, (supplierLot, manufacturer));
        emit log_named_uint("transferLot", _gas(supplier, address(materials), data));
    }

    function test_Gas_AttestWorkshop() public {
        IMaterialRegistry.Attestation memory a = goodAttestation(manufacturer, WORKSHOP);
        a.validFrom = D2025;
        a.validUntil = D2026;
        bytes memory data = abi.encodeCall(materials.attestWorkshop, (a));
        emit log_named_uint("attestWorkshop", _gas(auditor, address(materials), data));
    }

    function test_Gas_RecordSterilisation() public {
        bytes memory data = abi.encodeCall(
            batches.recordSterilisation, (unsterilised, sterilisationOf(PRODUCTION + 1 days, PRODUCTION + 2 days))
        );
        emit log_named_uint("recordSterilisation", _gas(manufacturer, address(batches), data));
    }

    function test_Gas_PostTestReport() public {
        bytes memory data = abi.encodeCall(tests.postTestReport, (untested, passingResults(), keccak256("r"), false));
        emit log_named_uint("postTestReport (7 metrics)", _gas(lab, address(tests), data));
    }

    function test_Gas_Release() public {
        bytes memory data = abi.encodeCall(batches.release, (testedAndHeld));
        emit log_named_uint("release", _gas(manufacturer, address(batches), data));
    }

    function test_Gas_Recall() public {
        bytes memory data = abi.encodeCall(batches.recall, (released, unicode"抽检不合格"));
        emit log_named_uint("recall", _gas(regulator, address(batches), data));
    }

    function test_Gas_Ship() public {
        bytes memory data = abi.encodeCall(custody.ship, (released, pharmacy, 50));
        emit log_named_uint("ship (custody transfer)", _gas(distributor, address(custody), data));
    }

    function test_Gas_Ship_FirstOfABatch() public {
        vm.prank(manufacturer);
        batches.release(testedAndHeld);
        bytes memory data = abi.encodeCall(custody.ship, (testedAndHeld, distributor, 500));
        emit log_named_uint("ship, first of a batch (opens the balance)", _gas(manufacturer, address(custody), data));
    }

    function test_Gas_AcceptShipment() public {
        bytes memory data = abi.encodeCall(custody.acceptShipment, (pendingShipment));
        emit log_named_uint("acceptShipment", _gas(distributor, address(custody), data));
    }

    function test_Gas_RejectShipment() public {
        bytes memory data = abi.encodeCall(custody.rejectShipment, (pendingShipment, unicode"数量不符"));
        emit log_named_uint("rejectShipment", _gas(distributor, address(custody), data));
    }

    function test_Gas_Decommission() public {
        bytes memory data = abi.encodeCall(custody.decommission, (released, 42));
        emit log_named_uint("decommission", _gas(pharmacy, address(custody), data));
    }

    function test_Gas_RecordPrice() public {
        bytes memory data = abi.encodeCall(
            prices.recordPrice, (pharmacy, released, SUZHOU, IPriceRegistry.Channel.Retail, 300, keccak256("photo"))
        );
        emit log_named_uint("recordPrice (a violation)", _gas(inspector, address(prices), data));
    }

    function test_Gas_LensReport() public {
        vm.prank(pharmacy);
        custody.decommission(released, 42);
        bytes memory data = abi.encodeCall(lens.report, (GTIN, "REL-0001", 42));
        emit log_named_uint("MedProofLens.report (eth_call, full batch)", _gas(stranger, address(lens), data));
    }

    function test_Gas_LensBoxState_UnsoldBoxWithinBudget() public {
        bytes memory data = abi.encodeCall(lens.boxState, (GTIN, "REL-0001", 43));
        uint256 used = _gas(stranger, address(lens), data);
        emit log_named_uint("MedProofLens.boxState (eth_call, unsold box)", used);
        assertLe(used, 50_000, "boxState over its budget");
    }

    function test_Gas_LensBoxState_SoldBoxWithinBudget() public {
        vm.prank(pharmacy);
        custody.decommission(released, 42);
        // The sale left the registries warm; a verification reads them cold.
        vm.cool(address(custody));
        vm.cool(address(batches));
        vm.cool(address(access));
        vm.cool(address(lens));
        bytes memory data = abi.encodeCall(lens.boxState, (GTIN, "REL-0001", 42));
        uint256 used = _gas(stranger, address(lens), data);
        emit log_named_uint("MedProofLens.boxState (eth_call, sold box)", used);
        assertLe(used, 50_000, "boxState over its budget");
    }

    function test_Gas_LensParty() public {
        bytes memory data = abi.encodeCall(lens.party, (pharmacy));
        emit log_named_uint("MedProofLens.party (eth_call, a pharmacy)", _gas(stranger, address(lens), data));
    }
}
