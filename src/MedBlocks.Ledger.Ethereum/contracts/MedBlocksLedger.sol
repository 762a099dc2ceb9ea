// SPDX-License-Identifier: UNLICENSED
pragma solidity 0.8.37;

/// @title MedBlocks ledger log
/// @notice Publishes signed MedBlocks ledger entries as event logs, one event per entry kind. The contract
/// keeps no state and checks nothing: every reader verifies each entry's Ed25519 signature, hash chain
/// and rules itself, and refuses entries that fail. The chain supplies order and availability only.
/// @dev `entry` is the entry's canonical JSON (UTF-8) exactly as signed. `party` is keccak256 of the
/// base58 address the entry concerns (the patient; for an identity, the declared address) so a node can
/// filter one party's events by topic. `entryHash` is the SHA-256 of `entry`, the hash the next entry's
/// `prev` names; readers recompute both and refuse an event whose topics do not match its entry.
contract MedBlocksLedger {
    event IdentityDeclared(bytes32 indexed party, bytes32 indexed entryHash, bytes entry);
    event MedBlockAdded(bytes32 indexed party, bytes32 indexed entryHash, bytes entry);
    event KeyGranted(bytes32 indexed party, bytes32 indexed entryHash, bytes entry);
    event MedBlockRefused(bytes32 indexed party, bytes32 indexed entryHash, bytes entry);
    event CardRevoked(bytes32 indexed party, bytes32 indexed entryHash, bytes entry);
    event EmergencyAccessed(bytes32 indexed party, bytes32 indexed entryHash, bytes entry);

    function declareIdentity(bytes32 party, bytes32 entryHash, bytes calldata entry) external {
        emit IdentityDeclared(party, entryHash, entry);
    }

    function addMedBlock(bytes32 party, bytes32 entryHash, bytes calldata entry) external {
        emit MedBlockAdded(party, entryHash, entry);
    }

    function grantKey(bytes32 party, bytes32 entryHash, bytes calldata entry) external {
        emit KeyGranted(party, entryHash, entry);
    }

    function refuseMedBlock(bytes32 party, bytes32 entryHash, bytes calldata entry) external {
        emit MedBlockRefused(party, entryHash, entry);
    }

    function revokeCard(bytes32 party, bytes32 entryHash, bytes calldata entry) external {
        emit CardRevoked(party, entryHash, entry);
    }

    function recordEmergencyAccess(bytes32 party, bytes32 entryHash, bytes calldata entry) external {
        emit EmergencyAccessed(party, entryHash, entry);
    }
}
