#!/usr/bin/python3
"""A Mongo-wire emulator for the tests: MongoDB's wire protocol in front of mongomock.

It answers the commands the MongoDB .NET driver sends for what this repository does (CRUD,
findAndModify, aggregate, count, distinct, indexes, cursors, collections, the handshake) over
OP_MSG, plus the legacy OP_QUERY handshake. It is an emulator, not MongoDB: it poses as a
standalone server without sessions, so transactions, change streams, retryable writes and
collation are refused exactly as a standalone server or this emulator cannot honour them,
never silently ignored. docs/adr/0005 lists what it cannot check.

Needs Debian's python3-pymongo (for bson) and python3-mongomock; run it with /usr/bin/python3.

    /usr/bin/python3 mongo_wire_emulator.py [--port 0]

prints "listening on 127.0.0.1:<port>" once it accepts connections, and exits when its standard
input closes (the test process that started it ended) or on SIGTERM. MONGO_WIRE_EMULATOR_TRACE=1
prints each command received to standard error.
"""

import argparse
import datetime
import decimal
import os
import random
import signal
import socketserver
import struct
import sys
import threading
import traceback

import bson
from bson.binary import UuidRepresentation
from bson.codec_options import CodecOptions
from bson.decimal128 import Decimal128
from bson.int64 import Int64
import mongomock
from mongomock import filtering

OP_REPLY = 1
OP_QUERY = 2004
OP_MSG = 2013
OP_COMPRESSED = 2012

MSG_CHECKSUM_PRESENT = 1
MSG_MORE_TO_COME = 1 << 1

MAX_BSON_SIZE = 16 * 1024 * 1024
MAX_MESSAGE_SIZE = 48_000_000
MAX_WRITE_BATCH = 100_000
DEFAULT_BATCH = 101
TRACE = os.environ.get("MONGO_WIRE_EMULATOR_TRACE") == "1"

# MongoDB 6.0's wire version: new enough for the 3.x driver, and the driver keeps to OP_MSG.
MAX_WIRE_VERSION = 17
EMULATED_VERSION = "6.0.0"

# Binary subtypes (UUIDs included) stay binary, so values round-trip exactly as the driver wrote them.
CODEC = CodecOptions(document_class=dict, tz_aware=False, uuid_representation=UuidRepresentation.UNSPECIFIED)

# Fields any command may carry that change nothing here.
GENERIC_FIELDS = {
    "$db", "$readPreference", "$clusterTime", "readConcern", "writeConcern", "comment", "maxTimeMS",
    "apiVersion", "apiStrict", "apiDeprecationErrors", "$client",
}


class CommandError(Exception):
    """A command failure answered as { ok: 0, errmsg, code, codeName }."""

    def __init__(self, code, code_name, message):
        super().__init__(message)
        self.code = code
        self.code_name = code_name
        self.message = message


def not_supported(what):
    return CommandError(115, "CommandNotSupported", f"{what} is not supported by the Mongo-wire emulator")


# --- Decimal128 ------------------------------------------------------------------------------
# mongomock compares and sorts with Python operators, which Decimal128 lacks (and its equality is
# bit-wise: 25.0 != 25.00). MongoDB orders Decimal128 with the other numbers by value.

def _number_of(value):
    if isinstance(value, Decimal128):
        return value.to_decimal()
    return value


def _decimal_eq(self, other):
    if isinstance(other, (Decimal128, int, float, decimal.Decimal)) and not isinstance(other, bool):
        return self.to_decimal() == _number_of(other)
    return NotImplemented


def _decimal_ne(self, other):
    equal = _decimal_eq(self, other)
    return equal if equal is NotImplemented else not equal


def _decimal_hash(self):
    value = self.to_decimal()
    return hash(value) if value.is_finite() else hash(str(value))


Decimal128.__eq__ = _decimal_eq
Decimal128.__ne__ = _decimal_ne
Decimal128.__hash__ = _decimal_hash

_compare_type = filtering._get_compare_type
_bson_compare = filtering.bson_compare


def _decimal_aware_compare_type(value):
    return _compare_type(_number_of(value))


def _decimal_aware_bson_compare(op, a, b, can_compare_types=True):
    return _bson_compare(op, _number_of(a), _number_of(b), can_compare_types)


filtering._get_compare_type = _decimal_aware_compare_type
filtering.bson_compare = _decimal_aware_bson_compare


# --- Storage and cursors ---------------------------------------------------------------------

class Server:
    def __init__(self):
        self.client = mongomock.MongoClient()
        # One command at a time: each is atomic, as MongoDB's single-document writes are (and more).
        self.lock = threading.RLock()
        self.cursors = {}
        self.connection_ids = 0

    def next_connection_id(self):
        with self.lock:
            self.connection_ids += 1
            return self.connection_ids

    def open_cursor(self, ns, documents, batch_size, single_batch):
        first, rest = take_batch(documents, batch_size if batch_size is not None else DEFAULT_BATCH)
        cursor_id = 0
        if rest and not single_batch:
            cursor_id = random.randint(1, 2**62)
            self.cursors[cursor_id] = (ns, rest)
        return {"cursor": {"firstBatch": first, "id": Int64(cursor_id), "ns": ns}, "ok": 1.0}


def take_batch(documents, batch_size):
    limit = batch_size if batch_size and batch_size > 0 else len(documents)
    batch, size = [], 0
    for document in documents:
        if len(batch) >= limit:
            break
        size += len(bson.encode(document, codec_options=CODEC))
        if batch and size > MAX_BSON_SIZE - 1024 * 1024:
            break
        batch.append(document)
    return batch, documents[len(batch):]


def collection_names(db):
    return set(db.list_collection_names())


def require_string(command, name):
    value = command[name]
    if not isinstance(value, str) or not value:
        raise CommandError(73, "InvalidNamespace", f"collection name must be a non-empty string, not {value!r}")
    return value


def reject_unknown(command, known):
    unknown = set(command) - known - GENERIC_FIELDS
    if "collation" in unknown:
        raise not_supported("collation")
    if "txnNumber" in command or "startTransaction" in command or "autocommit" in command:
        raise CommandError(20, "IllegalOperation", "Transaction numbers are only allowed on a replica set member or mongos")
    if "lsid" in unknown:
        raise not_supported("sessions (lsid)")
    if unknown:
        raise not_supported(f"field '{sorted(unknown)[0]}' of '{next(iter(command))}'")
    read_concern = command.get("readConcern") or {}
    if read_concern.get("level") in ("snapshot", "linearizable"):
        raise not_supported(f"readConcern level '{read_concern['level']}'")


def sort_spec(sort):
    if not sort:
        return None
    spec = []
    for key, direction in sort.items():
        if not isinstance(direction, (int, float)) or direction not in (1, -1):
            raise not_supported(f"sort direction {direction!r}")
        spec.append((key, int(direction)))
    return spec


def is_operator_update(update):
    return isinstance(update, dict) and len(update) > 0 and all(k.startswith("$") for k in update)


def immutable_id_error(error):
    return CommandError(
        66, "ImmutableField",
        f"Plan executor error during update :: caused by :: After applying the update, the (immutable) field '_id' was found to have been altered ({error})")


def write_error(index, error):
    return {"index": index, "code": error.code, "codeName": error.code_name, "errmsg": error.message}


def as_command_error(error):
    if isinstance(error, CommandError):
        return error
    if isinstance(error, mongomock.DuplicateKeyError):
        return CommandError(11000, "DuplicateKey", f"E11000 duplicate key error: {error}")
    if isinstance(error, mongomock.OperationFailure):
        text = str(error)
        if "_id field cannot be changed" in text or "immutable" in text.lower():
            return immutable_id_error(text)
        return CommandError(error.code or 2, "BadValue", text)
    if isinstance(error, NotImplementedError):
        return not_supported(str(error) or type(error).__name__)
    return None


# --- Commands --------------------------------------------------------------------------------

def cmd_hello(server, db_name, command, connection_id):
    legacy = next(iter(command)).lower() == "ismaster"
    reply = {
        "helloOk": True,
        "isWritablePrimary": True,
        "maxBsonObjectSize": MAX_BSON_SIZE,
        "maxMessageSizeBytes": MAX_MESSAGE_SIZE,
        "maxWriteBatchSize": MAX_WRITE_BATCH,
        "localTime": datetime.datetime.now(datetime.timezone.utc).replace(tzinfo=None),
        "connectionId": connection_id,
        "minWireVersion": 0,
        "maxWireVersion": MAX_WIRE_VERSION,
        "readOnly": False,
        "ok": 1.0,
    }
    if legacy:
        reply["ismaster"] = True
    # No logicalSessionTimeoutMinutes: a server without sessions, so the driver sends none.
    return reply


def cmd_build_info(server, db_name, command, connection_id):
    return {
        "version": EMULATED_VERSION,
        "versionArray": [6, 0, 0, 0],
        "gitVersion": "mongo-wire-emulator",
        "bits": 64,
        "maxBsonObjectSize": MAX_BSON_SIZE,
        "modules": [],
        "storageEngines": ["mongomock"],
        "ok": 1.0,
    }


def cmd_ping(server, db_name, command, connection_id):
    return {"ok": 1.0}


def cmd_find(server, db_name, command, connection_id):
    reject_unknown(command, {"find", "filter", "sort", "projection", "skip", "limit", "batchSize", "singleBatch",
                             "hint", "allowDiskUse", "noCursorTimeout", "returnKey", "showRecordId"})
    if command.get("returnKey") or command.get("showRecordId"):
        raise not_supported("returnKey/showRecordId")
    name = require_string(command, "find")
    db = server.client[db_name]
    limit = int(command.get("limit") or 0)
    single_batch = bool(command.get("singleBatch")) or limit < 0
    documents = []
    if name in collection_names(db):
        cursor = db[name].find(command.get("filter") or {}, projection=command.get("projection") or None,
                               skip=int(command.get("skip") or 0), limit=abs(limit), sort=sort_spec(command.get("sort")))
        documents = list(cursor)
    batch_size = command.get("batchSize")
    if limit and (batch_size is None or batch_size > abs(limit)):
        batch_size = abs(limit)
    return server.open_cursor(f"{db_name}.{name}", documents, batch_size, single_batch)


def cmd_get_more(server, db_name, command, connection_id):
    reject_unknown(command, {"getMore", "collection", "batchSize"})
    cursor_id = int(command["getMore"])
    if cursor_id not in server.cursors:
        raise CommandError(43, "CursorNotFound", f"cursor id {cursor_id} not found")
    ns, rest = server.cursors.pop(cursor_id)
    batch, rest = take_batch(rest, command.get("batchSize"))
    if rest:
        server.cursors[cursor_id] = (ns, rest)
    else:
        cursor_id = 0
    return {"cursor": {"nextBatch": batch, "id": Int64(cursor_id), "ns": ns}, "ok": 1.0}


def cmd_kill_cursors(server, db_name, command, connection_id):
    reject_unknown(command, {"killCursors", "cursors"})
    killed, not_found = [], []
    for cursor_id in command.get("cursors") or []:
        (killed if server.cursors.pop(int(cursor_id), None) is not None else not_found).append(Int64(cursor_id))
    return {"cursorsKilled": killed, "cursorsNotFound": not_found, "cursorsAlive": [], "cursorsUnknown": [], "ok": 1.0}


def cmd_insert(server, db_name, command, connection_id):
    reject_unknown(command, {"insert", "documents", "ordered", "bypassDocumentValidation"})
    collection = server.client[db_name][require_string(command, "insert")]
    ordered = command.get("ordered", True)
    inserted, errors = 0, []
    for index, document in enumerate(command.get("documents") or []):
        try:
            collection.insert_one(document)
            inserted += 1
        except Exception as error:  # noqa: BLE001 - mapped to a write error or re-raised
            mapped = as_command_error(error)
            if mapped is None:
                raise
            errors.append(write_error(index, mapped))
            if ordered:
                break
    reply = {"n": inserted, "ok": 1.0}
    if errors:
        reply["writeErrors"] = errors
    return reply


def apply_update(collection, spec):
    """One statement of an update command; returns (matched, modified, upserted_id)."""
    query, update = spec.get("q") or {}, spec.get("u")
    multi, upsert = bool(spec.get("multi")), bool(spec.get("upsert"))
    unknown = set(spec) - {"q", "u", "multi", "upsert", "arrayFilters", "hint"}
    if "collation" in unknown:
        raise not_supported("collation")
    if unknown:
        raise not_supported(f"update field '{sorted(unknown)[0]}'")
    if isinstance(update, list):
        raise not_supported("pipeline updates")
    if is_operator_update(update):
        kwargs = {"upsert": upsert}
        if spec.get("arrayFilters") is not None:
            kwargs["array_filters"] = spec["arrayFilters"]
        result = (collection.update_many if multi else collection.update_one)(query, update, **kwargs)
        return result.matched_count, result.modified_count, result.upserted_id
    if multi:
        raise CommandError(9, "FailedToParse", "multi update is not supported for replacement-style update")
    if "_id" in update:
        existing = collection.find_one(query, projection={"_id": 1})
        if existing is not None and existing["_id"] != update["_id"]:
            raise immutable_id_error(f"_id: {update['_id']!r}")
    result = collection.replace_one(query, update, upsert=upsert)
    return result.matched_count, result.modified_count, result.upserted_id


def cmd_update(server, db_name, command, connection_id):
    reject_unknown(command, {"update", "updates", "ordered", "bypassDocumentValidation", "let"})
    if "let" in command:
        raise not_supported("let")
    collection = server.client[db_name][require_string(command, "update")]
    ordered = command.get("ordered", True)
    matched, modified, upserted, errors = 0, 0, [], []
    for index, spec in enumerate(command.get("updates") or []):
        try:
            n, m, upserted_id = apply_update(collection, spec)
            if upserted_id is not None:
                upserted.append({"index": index, "_id": upserted_id})
                matched += 1
            else:
                matched += n
                modified += m
        except Exception as error:  # noqa: BLE001 - mapped to a write error or re-raised
            mapped = as_command_error(error)
            if mapped is None:
                raise
            errors.append(write_error(index, mapped))
            if ordered:
                break
    reply = {"n": matched, "nModified": modified, "ok": 1.0}
    if upserted:
        reply["upserted"] = upserted
    if errors:
        reply["writeErrors"] = errors
    return reply


def cmd_delete(server, db_name, command, connection_id):
    reject_unknown(command, {"delete", "deletes", "ordered", "let"})
    if "let" in command:
        raise not_supported("let")
    collection = server.client[db_name][require_string(command, "delete")]
    ordered = command.get("ordered", True)
    deleted, errors = 0, []
    for index, spec in enumerate(command.get("deletes") or []):
        try:
            unknown = set(spec) - {"q", "limit", "hint"}
            if unknown:
                raise not_supported(f"delete field '{sorted(unknown)[0]}'")
            query = spec.get("q") or {}
            result = collection.delete_one(query) if int(spec.get("limit", 0)) == 1 else collection.delete_many(query)
            deleted += result.deleted_count
        except Exception as error:  # noqa: BLE001 - mapped to a write error or re-raised
            mapped = as_command_error(error)
            if mapped is None:
                raise
            errors.append(write_error(index, mapped))
            if ordered:
                break
    reply = {"n": deleted, "ok": 1.0}
    if errors:
        reply["writeErrors"] = errors
    return reply


def cmd_find_and_modify(server, db_name, command, connection_id):
    reject_unknown(command, {"findAndModify", "findandmodify", "query", "sort", "remove", "update", "new", "fields",
                             "upsert", "bypassDocumentValidation", "arrayFilters", "hint", "let"})
    if "let" in command:
        raise not_supported("let")
    name = command.get("findAndModify") or command.get("findandmodify")
    collection = server.client[db_name][name]
    query, update = command.get("query") or {}, command.get("update")
    remove, new, upsert = bool(command.get("remove")), bool(command.get("new")), bool(command.get("upsert"))
    fields = command.get("fields") or None
    if remove == (update is not None):
        raise CommandError(9, "FailedToParse", "Either an update or remove=true must be specified")
    if isinstance(update, list):
        raise not_supported("pipeline updates")

    existing = collection.find_one(query, sort=sort_spec(command.get("sort")))
    if existing is None and (remove or not upsert):
        return {"lastErrorObject": {"n": 0, "updatedExisting": False}, "value": None, "ok": 1.0}

    if remove:
        before = collection.find_one({"_id": existing["_id"]}, projection=fields)
        collection.delete_one({"_id": existing["_id"]})
        return {"lastErrorObject": {"n": 1}, "value": before, "ok": 1.0}

    spec = {"u": update, "upsert": upsert}
    if command.get("arrayFilters") is not None:
        spec["arrayFilters"] = command["arrayFilters"]
    if existing is not None:
        before = collection.find_one({"_id": existing["_id"]}, projection=fields)
        apply_update(collection, dict(spec, q={"_id": existing["_id"]}))
        after = collection.find_one({"_id": existing["_id"]}, projection=fields)
        return {"lastErrorObject": {"n": 1, "updatedExisting": True}, "value": after if new else before, "ok": 1.0}

    _, _, upserted_id = apply_update(collection, dict(spec, q=query))
    after = collection.find_one({"_id": upserted_id}, projection=fields) if new else None
    return {"lastErrorObject": {"n": 1, "updatedExisting": False, "upserted": upserted_id}, "value": after, "ok": 1.0}


def cmd_aggregate(server, db_name, command, connection_id):
    reject_unknown(command, {"aggregate", "pipeline", "cursor", "allowDiskUse", "explain", "hint",
                             "bypassDocumentValidation", "let"})
    if "let" in command:
        raise not_supported("let")
    if command.get("explain"):
        raise not_supported("explain")
    name = command["aggregate"]
    if not isinstance(name, str):
        raise not_supported("database aggregation (aggregate: 1)")
    pipeline = command.get("pipeline") or []
    for stage in pipeline:
        stage_name = next(iter(stage), "")
        if stage_name == "$changeStream":
            raise CommandError(40573, "Location40573", "The $changeStream stage is only supported on replica sets")
        if stage_name in ("$out", "$merge"):
            raise not_supported(stage_name)
    if "cursor" not in command:
        raise CommandError(9, "FailedToParse", "The 'cursor' option is required, except for aggregate with the explain argument")
    db = server.client[db_name]
    documents = list(db[name].aggregate(pipeline)) if name in collection_names(db) else []
    return server.open_cursor(f"{db_name}.{name}", documents, (command.get("cursor") or {}).get("batchSize"), False)


def cmd_count(server, db_name, command, connection_id):
    reject_unknown(command, {"count", "query", "limit", "skip", "hint"})
    db = server.client[db_name]
    name = require_string(command, "count")
    if name not in collection_names(db):
        return {"n": 0, "ok": 1.0}
    kwargs = {}
    if command.get("skip"):
        kwargs["skip"] = int(command["skip"])
    if command.get("limit"):
        kwargs["limit"] = abs(int(command["limit"]))
    return {"n": db[name].count_documents(command.get("query") or {}, **kwargs), "ok": 1.0}


def cmd_distinct(server, db_name, command, connection_id):
    reject_unknown(command, {"distinct", "key", "query", "hint"})
    db = server.client[db_name]
    name = require_string(command, "distinct")
    values = db[name].distinct(command["key"], command.get("query") or {}) if name in collection_names(db) else []
    return {"values": values, "ok": 1.0}


INDEX_OPTIONS = {"key", "name", "unique", "sparse", "background", "v"}


def cmd_create_indexes(server, db_name, command, connection_id):
    reject_unknown(command, {"createIndexes", "indexes", "commitQuorum"})
    db = server.client[db_name]
    name = require_string(command, "createIndexes")
    created_collection = name not in collection_names(db)
    if created_collection:
        db.create_collection(name)
    collection = db[name]
    before = len(collection.index_information())
    existing = collection.index_information()
    for index in command.get("indexes") or []:
        unknown = set(index) - INDEX_OPTIONS
        if unknown:
            raise not_supported(f"index option '{sorted(unknown)[0]}'")
        keys = [(field, direction) for field, direction in index["key"].items()]
        if any(direction not in (1, -1) for _, direction in keys):
            raise not_supported("index types other than ascending and descending")
        index_name = index.get("name") or "_".join(f"{field}_{direction}" for field, direction in keys)
        if index_name in existing:
            same = existing[index_name]["key"] == keys and bool(existing[index_name].get("unique")) == bool(index.get("unique"))
            if not same:
                raise CommandError(86, "IndexKeySpecsConflict", f"An existing index has the same name as the requested index: {index_name}")
            continue
        collection.create_index(keys, name=index_name, unique=bool(index.get("unique")), sparse=bool(index.get("sparse")))
        existing = collection.index_information()
    return {"createdCollectionAutomatically": created_collection, "numIndexesBefore": before,
            "numIndexesAfter": len(existing), "ok": 1.0}


def cmd_list_indexes(server, db_name, command, connection_id):
    reject_unknown(command, {"listIndexes", "cursor"})
    db = server.client[db_name]
    name = require_string(command, "listIndexes")
    if name not in collection_names(db):
        raise CommandError(26, "NamespaceNotFound", f"ns does not exist: {db_name}.{name}")
    indexes = []
    for index_name, info in db[name].index_information().items():
        index = {"v": 2, "key": dict(info["key"]), "name": index_name}
        if info.get("unique"):
            index["unique"] = True
        if info.get("sparse"):
            index["sparse"] = True
        indexes.append(index)
    return server.open_cursor(f"{db_name}.$cmd.listIndexes.{name}", indexes, (command.get("cursor") or {}).get("batchSize"), False)


def cmd_list_collections(server, db_name, command, connection_id):
    reject_unknown(command, {"listCollections", "filter", "nameOnly", "cursor", "authorizedCollections"})
    db = server.client[db_name]
    entries = []
    for name in sorted(collection_names(db)):
        entry = {"name": name, "type": "collection"}
        if not command.get("nameOnly"):
            entry.update({"options": {}, "info": {"readOnly": False}, "idIndex": {"v": 2, "key": {"_id": 1}, "name": "_id_"}})
        if filtering.filter_applies(command.get("filter") or {}, entry):
            entries.append(entry)
    return server.open_cursor(f"{db_name}.$cmd.listCollections", entries, (command.get("cursor") or {}).get("batchSize"), False)


def cmd_list_databases(server, db_name, command, connection_id):
    reject_unknown(command, {"listDatabases", "filter", "nameOnly", "authorizedDatabases"})
    names = server.client.list_database_names()
    return {"databases": [{"name": n, "sizeOnDisk": 0, "empty": False} for n in names], "totalSize": 0, "ok": 1.0}


def cmd_create(server, db_name, command, connection_id):
    reject_unknown(command, {"create"})
    db = server.client[db_name]
    name = require_string(command, "create")
    if name in collection_names(db):
        raise CommandError(48, "NamespaceExists", f"Collection {db_name}.{name} already exists.")
    db.create_collection(name)
    return {"ok": 1.0}


def cmd_drop(server, db_name, command, connection_id):
    reject_unknown(command, {"drop"})
    db = server.client[db_name]
    name = require_string(command, "drop")
    if name not in collection_names(db):
        # What MongoDB before 7.0 answers; the driver treats it as success.
        raise CommandError(26, "NamespaceNotFound", "ns not found")
    indexes = len(db[name].index_information())
    db.drop_collection(name)
    return {"nIndexesWas": indexes, "ns": f"{db_name}.{name}", "ok": 1.0}


def cmd_drop_database(server, db_name, command, connection_id):
    reject_unknown(command, {"dropDatabase"})
    server.client.drop_database(db_name)
    return {"dropped": db_name, "ok": 1.0}


def cmd_end_sessions(server, db_name, command, connection_id):
    return {"ok": 1.0}


COMMANDS = {
    "hello": cmd_hello, "ismaster": cmd_hello, "isMaster": cmd_hello,
    "buildInfo": cmd_build_info, "buildinfo": cmd_build_info,
    "ping": cmd_ping,
    "find": cmd_find, "getMore": cmd_get_more, "killCursors": cmd_kill_cursors,
    "insert": cmd_insert, "update": cmd_update, "delete": cmd_delete,
    "findAndModify": cmd_find_and_modify, "findandmodify": cmd_find_and_modify,
    "aggregate": cmd_aggregate, "count": cmd_count, "distinct": cmd_distinct,
    "createIndexes": cmd_create_indexes, "listIndexes": cmd_list_indexes,
    "listCollections": cmd_list_collections, "listDatabases": cmd_list_databases,
    "create": cmd_create, "drop": cmd_drop, "dropDatabase": cmd_drop_database,
    "endSessions": cmd_end_sessions,
}

UNSUPPORTED = {
    "startSession", "commitTransaction", "abortTransaction", "mapReduce", "collMod", "renameCollection",
    "dropIndexes", "saslStart", "saslContinue", "authenticate", "explain", "geoNear", "bulkWrite",
}


def run_command(server, db_name, command, connection_id):
    if not command:
        raise CommandError(59, "CommandNotFound", "no command given")
    name = next(iter(command))
    handler = COMMANDS.get(name)
    if handler is None:
        if name in UNSUPPORTED:
            raise not_supported(f"command '{name}'")
        raise CommandError(59, "CommandNotFound", f"no such command: '{name}'")
    with server.lock:
        try:
            return handler(server, db_name, command, connection_id)
        except Exception as error:  # noqa: BLE001 - every failure goes back to the client
            mapped = as_command_error(error)
            if mapped is None:
                traceback.print_exc(file=sys.stderr)
                raise CommandError(1, "InternalError", f"Mongo-wire emulator: {type(error).__name__}: {error}") from error
            raise mapped from error


def answer(server, db_name, command, connection_id):
    if TRACE:
        sys.stderr.write(f"command {next(iter(command), '')} {sorted(command)}\n")
    try:
        return run_command(server, db_name, command, connection_id)
    except CommandError as error:
        return {"ok": 0.0, "errmsg": error.message, "code": error.code, "codeName": error.code_name}


# --- Wire protocol ---------------------------------------------------------------------------

def read_cstring(data, offset):
    end = data.index(b"\x00", offset)
    return data[offset:end].decode("utf-8"), end + 1


def parse_op_msg(body):
    flags = struct.unpack_from("<I", body, 0)[0]
    end = len(body) - (4 if flags & MSG_CHECKSUM_PRESENT else 0)
    offset, command = 4, None
    sequences = {}
    while offset < end:
        kind = body[offset]
        offset += 1
        if kind == 0:
            size = struct.unpack_from("<i", body, offset)[0]
            command = bson.decode(body[offset:offset + size], codec_options=CODEC)
            offset += size
        elif kind == 1:
            size = struct.unpack_from("<i", body, offset)[0]
            section_end = offset + size
            identifier, cursor = read_cstring(body, offset + 4)
            documents = []
            while cursor < section_end:
                doc_size = struct.unpack_from("<i", body, cursor)[0]
                documents.append(bson.decode(body[cursor:cursor + doc_size], codec_options=CODEC))
                cursor += doc_size
            sequences.setdefault(identifier, []).extend(documents)
            offset = section_end
        else:
            raise ValueError(f"unknown OP_MSG section kind {kind}")
    if command is None:
        raise ValueError("OP_MSG without a body section")
    command.update(sequences)
    return flags, command


class Connection(socketserver.BaseRequestHandler):
    server_state = None

    def read_exactly(self, count):
        chunks, remaining = [], count
        while remaining:
            chunk = self.request.recv(remaining)
            if not chunk:
                return None
            chunks.append(chunk)
            remaining -= len(chunk)
        return b"".join(chunks)

    def send(self, request_id, op_code, payload):
        reply_id = random.randint(1, 2**31 - 1)
        header = struct.pack("<iiii", 16 + len(payload), reply_id, request_id, op_code)
        self.request.sendall(header + payload)

    def handle(self):
        state = self.server_state
        connection_id = state.next_connection_id()
        while True:
            header = self.read_exactly(16)
            if header is None:
                return
            length, request_id, _, op_code = struct.unpack("<iiii", header)
            body = self.read_exactly(length - 16)
            if body is None:
                return
            if op_code == OP_MSG:
                flags, command = parse_op_msg(body)
                db_name = command.pop("$db", "admin")
                reply = answer(state, db_name, command, connection_id)
                if flags & MSG_MORE_TO_COME:
                    continue
                self.send(request_id, OP_MSG, struct.pack("<I", 0) + b"\x00" + bson.encode(reply, codec_options=CODEC))
            elif op_code == OP_QUERY:
                if TRACE:
                    sys.stderr.write("OP_QUERY\n")
                # The legacy handshake (isMaster/hello on admin.$cmd) is the only OP_QUERY a modern driver sends.
                collection, offset = read_cstring(body, 4)
                offset += 8
                size = struct.unpack_from("<i", body, offset)[0]
                query = bson.decode(body[offset:offset + size], codec_options=CODEC)
                if "$query" in query:
                    query = query["$query"]
                db_name = collection.split(".", 1)[0]
                if collection.endswith(".$cmd") and next(iter(query), "").lower() in ("ismaster", "hello"):
                    reply = answer(state, db_name, query, connection_id)
                else:
                    reply = {"ok": 0.0, "errmsg": "OP_QUERY is supported only for the handshake", "code": 352,
                             "codeName": "UnsupportedOpQueryCommand"}
                document = bson.encode(reply, codec_options=CODEC)
                self.send(request_id, OP_REPLY, struct.pack("<iqii", 0, 0, 0, 1) + document)
            else:
                sys.stderr.write(f"mongo-wire-emulator: unsupported opcode {op_code}; closing the connection\n")
                return


class ThreadingServer(socketserver.ThreadingTCPServer):
    daemon_threads = True
    allow_reuse_address = True


def exit_when_stdin_closes():
    try:
        while sys.stdin.buffer.read(1024):
            pass
    finally:
        os._exit(0)


def main():
    parser = argparse.ArgumentParser(description="Mongo-wire emulator over mongomock (tests only)")
    parser.add_argument("--host", default="127.0.0.1")
    parser.add_argument("--port", type=int, default=0)
    parser.add_argument("--no-stdin-watch", action="store_true", help="keep running when standard input closes")
    args = parser.parse_args()

    Connection.server_state = Server()
    server = ThreadingServer((args.host, args.port), Connection)
    signal.signal(signal.SIGTERM, lambda *_: os._exit(0))
    if not args.no_stdin_watch:
        threading.Thread(target=exit_when_stdin_closes, daemon=True).start()
    host, port = server.server_address[:2]
    print(f"listening on {host}:{port}", flush=True)
    server.serve_forever()


if __name__ == "__main__":
    main()
