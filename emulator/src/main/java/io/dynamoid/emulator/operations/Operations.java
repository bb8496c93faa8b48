package io.dynamoid.emulator.operations;

import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The operations this emulator serves, found once at start: for every DynamoDB API name, the class of the
 * same name in this package, if there is one. A name without a class answers UnknownOperationException,
 * exactly as DynamoDB answers targets it does not know — never a fake success.
 */
public final class Operations {
    /** Every operation of DynamoDB's API (DynamoDB_20120810). */
    public static final List<String> DYNAMODB_API = List.of(
            "BatchExecuteStatement", "BatchGetItem", "BatchWriteItem", "CreateBackup", "CreateGlobalTable",
            "CreateTable", "DeleteBackup", "DeleteItem", "DeleteResourcePolicy", "DeleteTable", "DescribeBackup",
            "DescribeContinuousBackups", "DescribeContributorInsights", "DescribeEndpoints", "DescribeExport",
            "DescribeGlobalTable", "DescribeGlobalTableSettings", "DescribeImport",
            "DescribeKinesisStreamingDestination", "DescribeLimits", "DescribeTable",
            "DescribeTableReplicaAutoScaling", "DescribeTimeToLive", "DisableKinesisStreamingDestination",
            "EnableKinesisStreamingDestination", "ExecuteStatement", "ExecuteTransaction", "ExportTableToPointInTime",
            "GetItem", "GetResourcePolicy", "ImportTable", "ListBackups", "ListContributorInsights", "ListExports",
            "ListGlobalTables", "ListImports", "ListTables", "ListTagsOfResource", "PutItem", "PutResourcePolicy",
            "Query", "RestoreTableFromBackup", "RestoreTableToPointInTime", "Scan", "TagResource",
            "TransactGetItems", "TransactWriteItems", "UntagResource", "UpdateContinuousBackups",
            "UpdateContributorInsights", "UpdateGlobalTable", "UpdateGlobalTableSettings", "UpdateItem",
            "UpdateKinesisStreamingDestination", "UpdateTable", "UpdateTableReplicaAutoScaling", "UpdateTimeToLive");

    /** Every operation of the DynamoDB Streams API (DynamoDBStreams_20120810), served by the same endpoint. */
    public static final List<String> STREAMS_API = List.of("DescribeStream", "GetRecords", "GetShardIterator", "ListStreams");

    private final Map<String, Operation> byName;
    private final Map<String, Operation> streamsByName;

    private Operations(Map<String, Operation> byName, Map<String, Operation> streamsByName) {
        this.byName = Collections.unmodifiableMap(byName);
        this.streamsByName = Collections.unmodifiableMap(streamsByName);
    }

    /** The implemented operations; stateless, so one registry serves every emulator in the JVM. */
    public static Operations instance() {
        return Holder.INSTANCE;
    }

    private static final class Holder {
        static final Operations INSTANCE = discover();
    }

    /**
     * Finds the implemented operations of DynamoDB's API in this package, and those of the DynamoDB Streams
     * API in its {@code streams} subpackage.
     */
    static Operations discover() {
        String pkg = Operations.class.getPackageName();
        return new Operations(discover(pkg, DYNAMODB_API), discover(pkg + ".streams", STREAMS_API));
    }

    private static Map<String, Operation> discover(String pkg, List<String> api) {
        Map<String, Operation> found = new HashMap<>();
        for (String name : api) {
            try {
                Class<?> type = Class.forName(pkg + "." + name);
                if (Operation.class.isAssignableFrom(type)) {
                    found.put(name, (Operation) type.getDeclaredConstructor().newInstance());
                }
            } catch (ClassNotFoundException notImplemented) {
                // answered as UnknownOperationException
            } catch (ReflectiveOperationException e) {
                throw new IllegalStateException("cannot create operation " + name, e);
            }
        }
        return found;
    }

    /** The operation for a target suffix, or null when this emulator does not implement it. */
    public Operation get(String name) {
        return byName.get(name);
    }

    /** The DynamoDB Streams operation for a target suffix, or null when this emulator does not implement it. */
    public Operation getStreams(String name) {
        return streamsByName.get(name);
    }

    public Map<String, Operation> all() {
        return byName;
    }
}
